"""tools/bench_browser.py (run by `make bench`) for one round on this session's builds: the bare
npm Pyodide page really starts Python, our page answers from the memory snapshot over HTTP and
from file://, and the summary prints the ratios, the recompute times and the zip's size."""

from __future__ import annotations

import sys

import pytest
from e2e_support import REPORT, ROOT

sys.path.insert(0, str(ROOT / "tools"))
import bench_browser  # noqa: E402

pytestmark = pytest.mark.browser


def test_one_interleaved_round(chromium, public_site, offline_bundle, tmp_path):
    root = bench_browser.serve_root(tmp_path, public_site)
    with bench_browser.serving(root) as base:
        runs = bench_browser.measure(chromium, base, offline_bundle.folder / bench_browser.CITY_FILE, 1, log=lambda line: None)
    assert runs["bare"][0]["version"].startswith("3.13.")
    assert runs["bare"][0]["ms"] > 0
    for mode in ("http", "file"):
        (result,) = runs[mode]
        assert result["snapshot"] is True
        assert 0 < result["ready"] <= result["first"]
        assert 0 < result["recompute"] < 1000
    lines = bench_browser.summary(runs, offline_bundle.zip_bytes)
    assert lines[0].startswith("bare loadPyodide()")
    assert [line.split(":")[0] for line in lines[1:3]] == ["ours http", "ours file"]
    assert lines[3] == f"offline zip: {offline_bundle.zip_bytes / 1e6:.1f} MB ({offline_bundle.zip_bytes} bytes)"
    REPORT["bench"] = "one bench round (not a benchmark; `make bench` takes medians): " + " | ".join(lines[:3])
