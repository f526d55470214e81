"""sitegen.runtime.pyodide_stdlib: the trimmed stdlib zip is compiled from sources, reproducibly. The trace
itself (Node running every vector) is exercised by `make wheels` and tests/pyodide."""

from __future__ import annotations

import marshal
import zipfile

from sitegen.runtime.pyodide_stdlib import TRACER, VECTORS, ZIP_DATE, write_trimmed

SOURCES = {"json/__init__.py": '"""doc"""\nassert False\nVALUE = (1 +\n 0)\n', "keyword.py": "kwlist = []\n", "unused.py": "x = 1\n"}


def _source_zip(path):
    with zipfile.ZipFile(path, "w") as z:
        for name, text in SOURCES.items():
            z.writestr(name, text)
    return path


def test_only_the_traced_modules_are_compiled(tmp_path):
    source = _source_zip(tmp_path / "stdlib.zip")
    write_trimmed(["json/__init__.pyc", "keyword.pyc"], tmp_path / "out.zip", source)
    with zipfile.ZipFile(tmp_path / "out.zip") as z:
        assert z.namelist() == ["json/__init__.pyc", "keyword.pyc"]
        assert {i.date_time for i in z.infolist()} == {ZIP_DATE}
        assert {i.compress_type for i in z.infolist()} == {zipfile.ZIP_STORED}
        data = z.read("json/__init__.pyc")
    code = marshal.loads(data[16:])  # after the 16-byte hash-based header
    namespace = {}
    exec(code, namespace)  # optimize=2: no assert, no docstring
    assert namespace["VALUE"] == 1 and namespace.get("__doc__") is None
    # -X no_debug_ranges: line numbers stay (tracebacks), the column ranges are gone.
    positions = [p for p in code.co_positions() if p[0] is not None]
    assert 3 in {p[0] for p in positions} and {p[2:] for p in positions} == {(None, None)}


def test_the_zip_depends_on_the_sources_only(tmp_path):
    source = _source_zip(tmp_path / "stdlib.zip")
    write_trimmed(["keyword.pyc"], tmp_path / "a.zip", source)
    write_trimmed(["keyword.pyc"], tmp_path / "b.zip", source)
    assert (tmp_path / "a.zip").read_bytes() == (tmp_path / "b.zip").read_bytes()


def test_the_tracer_and_vectors_are_in_the_repository():
    assert TRACER.is_file() and VECTORS.is_dir()
