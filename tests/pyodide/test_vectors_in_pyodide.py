"""The calculators' vector files, run inside real Pyodide 0.29 under Node.js.

The same JSON files and the same checker (tests/vectors/check.py) run on CPython in
tests/calculators; here they run in WebAssembly, from the py-compiled wheels in
build/pyodide/wheels — exactly what the browser loads.
"""

import importlib.util
import json
import subprocess
from pathlib import Path

import pytest
from calendar_fixture import calendars_json

ROOT = Path(__file__).resolve().parents[2]
VECTORS = ROOT / "tests" / "vectors"
RUNNER = Path(__file__).with_name("run_vectors.mjs")

from sitegen.runtime import pyodide_build as build_wheels

pytestmark = pytest.mark.pyodide


def _checker():
    spec = importlib.util.spec_from_file_location("vector_check", VECTORS / "check.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


ROWS = _checker().load_vectors(VECTORS)


@pytest.fixture(scope="module")
def pyodide_run(tmp_path_factory):
    build_wheels.build()  # no-op when build/pyodide is up to date
    calendars = tmp_path_factory.mktemp("calendars") / "calendars.json"
    calendars.write_text(json.dumps(calendars_json(), ensure_ascii=False), encoding="utf-8")
    proc = subprocess.run(
        ["node", str(RUNNER), str(VECTORS), str(calendars)], capture_output=True, text=True, timeout=300
    )
    first = proc.stdout.splitlines()[0] if proc.stdout else ""
    assert first.startswith("{"), f"runner failed:\n{proc.stdout}\n{proc.stderr}"
    report = json.loads(first)
    return report, {(r["file"], r["name"]): r["error"] for r in report["results"]}


def test_runs_in_webassembly_from_compiled_wheel(pyodide_run):
    report, _ = pyodide_run
    versions = report["versions"]
    assert versions["platform"] == "emscripten"
    assert versions["python"].startswith("3.13.")
    # Imported from the wheel itself (zipimport), as the browser's worker does.
    assert versions["calculators"].startswith("/lib/wheels/yibao_calculators-")
    assert versions["calculators"].endswith(".whl/calculators/__init__.pyc")


def test_every_row_was_run(pyodide_run):
    _, results = pyodide_run
    assert set(results) == {(file, row["name"]) for file, row in ROWS}


@pytest.mark.parametrize(("file", "row"), ROWS, ids=[f"{f}:{r['name']}" for f, r in ROWS])
def test_vector_row_in_pyodide(pyodide_run, file, row):
    _, results = pyodide_run
    assert results[(file, row["name"])] is None, results[(file, row["name"])]


def test_the_stdlib_holds_only_the_traced_modules():
    """build/pyodide's python_stdlib.zip is the trimmed one the browser loads (the rows above ran
    from it): exactly the entries traced while the vectors ran, stored uncompressed, compiled
    without docstrings, a fraction of the npm package's modules."""
    import zipfile

    build_wheels.build()
    manifest = json.loads((build_wheels.OUT / "manifest.json").read_text())
    stdlib = build_wheels.OUT / "runtime" / "python_stdlib.zip"
    with zipfile.ZipFile(stdlib) as z:
        names = z.namelist()
        assert {i.compress_type for i in z.infolist()} == {zipfile.ZIP_STORED}
        json_pyc = z.read("json/__init__.pyc")
    assert names == manifest["stdlib"]
    assert {"json/__init__.pyc", "decimal.pyc", "datetime.pyc", "zipfile/__init__.pyc", "traceback.pyc"} <= set(names)
    assert not {"tarfile.pyc", "tkinter/__init__.pyc", "unittest/__init__.pyc", "pydoc.pyc"} & set(names)
    assert b"JSON (JavaScript Object Notation)" not in json_pyc  # the module's docstring is gone
    with zipfile.ZipFile(build_wheels.NPM_PYODIDE / "python_stdlib.zip") as z:
        assert len(names) < 0.25 * len([n for n in z.namelist() if n.endswith(".py")])
    entry = next(e for e in manifest["runtime"] if e["name"] == "python_stdlib.zip")
    assert entry["br"] < 1_000_000  # sent over the wire
