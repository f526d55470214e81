"""tools/build_wheels.py: the same inputs give the same bytes (the site's asset folder is named
by these hashes, so a rebuild must not change them)."""

from __future__ import annotations

import json
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import build_wheels  # noqa: E402


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
