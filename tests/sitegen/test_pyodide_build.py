"""sitegen.pyodide_build (`make wheels`): the same inputs give the same bytes (the site's asset folder is named
by these hashes, so a rebuild must not change them)."""

from __future__ import annotations

import json
import shutil
import sys
import time
import zipfile
from pathlib import Path

from sitegen import pyodide_build as build_wheels


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


def test_two_builds_give_the_same_files(tmp_path, monkeypatch):
    manifests = []
    for n in range(2):
        monkeypatch.setattr(build_wheels, "OUT", tmp_path / f"build{n}" / "pyodide")
        out = build_wheels.build(force=True)
        manifests.append(json.loads((out / "manifest.json").read_text()))
        time.sleep(1.1)  # the zip dates and .pyc headers would differ if they came from the clock
    assert manifests[0]["wheels"] == manifests[1]["wheels"]
    assert manifests[0]["runtime"] == manifests[1]["runtime"]


def test_the_inputs_hash_covers_the_build_and_its_helpers():
    names = {path.name for path in build_wheels.TRACE_INPUTS}
    assert names == {"pyodide_stdlib.py", "trace_stdlib.mjs", "runtime_compress.py"}
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
