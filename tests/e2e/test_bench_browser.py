"""tools/bench_browser.py (run by `make bench`) for one loopback round on this session's builds,
behind nginx with the production configuration: the bare npm Pyodide page really starts Python,
our page answers (choosing the snapshot on this fast link; forced on and off too), a second city
page costs no runtime bytes, the offline bundle answers from file://, and the summary prints the
table and the goals."""

from __future__ import annotations

import sys

import pytest
from e2e_support import REPORT, ROOT

sys.path.insert(0, str(ROOT / "tools"))
import bench_browser  # noqa: E402

pytestmark = pytest.mark.browser


def test_one_interleaved_round(chromium, public_site, offline_bundle, tmp_path):
    root = bench_browser.serve_root(tmp_path, public_site)
    with bench_browser.nginx_serving(root, tmp_path) as base:
        runs = bench_browser.measure(chromium, base + "/", offline_bundle.folder / bench_browser.CITY_FILE, 1,
                                     ["loopback"], log=lambda line: None)
    loop = runs["loopback"]
    assert loop["bare"][0]["version"].startswith("3.13.")
    assert loop["bare"][0]["ms"] > 0 and loop["bare"][0]["bytes"] > 4_000_000
    assert [r["snapshot"] for r in loop["ours+snap"] + loop["ours-snap"] + loop["file"]] == [True, False, False]
    (ours,) = loop["ours"]
    assert ours["snapshot"] is (ours["fetch_ms"] < bench_browser.FAST_MS)
    assert ours["second_runtime_bytes"] == 0
    assert 0 < ours["recompute"] < 1000
    # Without the snapshot, everything the page and its worker received.
    assert 2_500_000 < loop["ours-snap"][0]["bytes"] < 3_500_000
    lines = bench_browser.summary(runs, offline_bundle.zip_bytes, 1)
    table = [line for line in lines if line.startswith("| loopback |")]
    assert [row.split("|")[2].strip() for row in table] == ["bare", "ours", "ours+snap", "ours-snap", "file"]
    assert any(line.startswith("loopback: bytes ≤ 3.5 MB") for line in lines)
    assert lines[-1].startswith(f"offline zip: {offline_bundle.zip_bytes / 1e6:.1f} MB")
    REPORT["bench"] = "one bench round (not a benchmark; `make bench` takes medians): " + " ".join(table)
