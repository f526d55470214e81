"""sitegen.runtime.pyodide_build (`make wheels`): the same inputs give the same bytes (the site's asset folder is named
by these hashes, so a rebuild must not change them)."""

from __future__ import annotations

import json
import shutil
import sys
import time
import zipfile
from pathlib import Path

import pytest

from sitegen.runtime import pyodide_build as build_wheels


def _zip(path: Path, date: tuple) -> bytes:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name, data in (("b/x.pyc", b"\x00code"), ("a.txt", "医保".encode())):
            info = zipfile.ZipInfo(name, date_time=date)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data)
    build_wheels.normalise_zip(path)
    return path.read_bytes()


def test_normalised_zips_do_not_depend_on_when_they_were_written(tmp_path):
    first = _zip(tmp_path / "one.zip", (2026, 11, 24, 1, 2, 3))
    second = _zip(tmp_path / "two.zip", (2025, 1, 1, 0, 0, 0))
    assert first == second
    with zipfile.ZipFile(tmp_path / "one.zip") as z:
        assert z.namelist() == ["b/x.pyc", "a.txt"]  # order kept
        assert {i.date_time for i in z.infolist()} == {build_wheels.ZIP_DATE}
        assert z.read("a.txt").decode() == "医保"
        assert z.getinfo("a.txt").external_attr == 0o644 << 16


@pytest.mark.pyodide  # builds the runtime with Node (make check leaves it out)
def test_a_forced_build_gives_the_files_of_the_manifest(tmp_path, monkeypatch):
    """One build from scratch, compared with build/pyodide/manifest.json: the session's build
    (`make wheels`, or `build()` below when the inputs changed), written at another time."""
    build_wheels.build()  # a no-op when build/pyodide is up to date
    kept = json.loads((build_wheels.OUT / "manifest.json").read_text())
    # The zip dates and .pyc headers would differ if they came from the clock: make sure the
    # clock has moved on since the kept build was written, whenever that was.
    age = time.time() - (build_wheels.OUT / "manifest.json").stat().st_mtime
    if age < 1.1:
        time.sleep(1.1 - age)
    monkeypatch.setattr(build_wheels, "OUT", tmp_path / "pyodide")
    fresh = json.loads((build_wheels.build(force=True) / "manifest.json").read_text())
    assert fresh["inputs"] == kept["inputs"]
    assert fresh["wheels"] == kept["wheels"]
    assert fresh["runtime"] == kept["runtime"]
    assert fresh["stdlib"] == kept["stdlib"]
    assert fresh["wasm"] == kept["wasm"]


def test_the_inputs_hash_covers_the_build_and_its_helpers():
    names = {path.relative_to(build_wheels.ROOT).as_posix() for path in build_wheels.TRACE_INPUTS}
    assert names == {"sitegen/runtime/pyodide_stdlib.py", "tools/trace_stdlib.mjs", "web/wheels.mjs",
                     "sitegen/runtime/runtime_compress.py", "sitegen/runtime/pyodide_wasm.py", "tools/slim_wasm.mjs",
                     "node_modules/binaryen/package.json"}  # binaryen's version: it rewrites the wasm
    assert all(path.is_file() for path in build_wheels.TRACE_INPUTS)


def test_forget_calculators_drops_the_calculators_modules_only(monkeypatch):
    # A copy of sys.modules, so the modules other tests imported stay imported.
    modules = {"calculators": object(), "calculators.dates": object(), "calculatorsx": object(), "json": object()}
    monkeypatch.setattr(sys, "modules", modules)
    build_wheels.forget_calculators()
    assert set(modules) == {"calculatorsx", "json"}


def test_the_lock_file_keeps_its_info_and_lists_no_package(tmp_path):
    lock = tmp_path / "pyodide-lock.json"
    shutil.copy2(build_wheels.NPM_PYODIDE / "pyodide-lock.json", lock)
    original = json.loads(lock.read_text())
    build_wheels.trim_lock(lock)
    trimmed = json.loads(lock.read_text())
    assert trimmed == {"info": original["info"], "packages": {}}
    assert trimmed["info"]["abi_version"] and lock.stat().st_size < 300
