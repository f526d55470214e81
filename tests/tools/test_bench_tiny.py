"""Every benchmark of `make bench` (tools/bench.py) runs to the end in its tiny mode (one round,
a few cities), so a benchmark cannot break unnoticed; what each prints is a sensible table.
These are not measurements: they run in the background from the session's start, one after the
other, after the session's two builds (tests/site_build.py); here their output is read.

bench_browser.py reuses this session's builds (--site, --offline, --zip): the bare npm Pyodide
page starts, our city page answers with the snapshot chosen by the page, forced on and forced off,
a second city page costs no runtime bytes, the offline bundle answers from file://, and the
summary prints its table and the goals. (What each of those means for readers is tested for
itself elsewhere: tests/e2e/test_city_calculators.py and tests/browser/test_loading.py the
snapshot choice, tests/deploy/test_deploy_runtime_cache.py the second page, tests/e2e/
test_offline_site.py and test_engines.py the offline bundle.)
"""

from __future__ import annotations

import re
from argparse import Namespace
from pathlib import Path

import pytest

from tools import bench, bench_calculators

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
NUMBER = r"\d+(?:\.\d+)?"


@pytest.fixture(scope="module")
def outputs(tiny_benchmarks) -> dict[str, str]:
    return tiny_benchmarks


def test_bench_runs_every_benchmark_and_passes_the_builds_to_the_browser_one():
    args = Namespace(tiny=True, site=Path("/s"), offline=Path("/o"), zip=Path("/z.zip"))
    assert bench.BENCHES == ["bench_calculators.py", "bench_site.py", "bench_browser.py", "bench_preview.py"]
    assert all((ROOT / "tools" / name).is_file() for name in bench.BENCHES)
    assert bench.bench_argv("bench_site.py", args) == [str(ROOT / "tools" / "bench_site.py"), "--tiny"]
    assert bench.bench_argv("bench_browser.py", args)[1:] == [
        "--tiny", "--site", "/s", "--offline", "/o", "--zip", "/z.zip"]
    full = Namespace(tiny=False, site=None, offline=None, zip=None)
    assert bench.bench_argv("bench_browser.py", full) == [str(ROOT / "tools" / "bench_browser.py")]


def test_calculators(outputs):
    text = outputs["bench_calculators.py"]
    assert "## Calculators: one call (µs, best of 3 × 3)" in text
    rows = dict(re.findall(rf"(?m)^(\S+)\s+({NUMBER})\s+{NUMBER}\s+{NUMBER}×$", text))
    assert set(rows) == {name for name, _ in bench_calculators.CALLS}
    assert all(float(us) > 0 for us in rows.values())
    assert re.search(rf"the planner adds {NUMBER} KB \(brotli\)", text)
    bare = re.search(r"bare npm loadPyodide\(\):\s+(\d+) ms", text)
    ours = re.search(rf"ours \+ compiled wheels loaded and imported:\s+(\d+) ms\s+\({NUMBER}× bare\)", text)
    assert bare and ours and int(bare.group(1)) > 0 and int(ours.group(1)) > 0


def test_site(outputs):
    text = outputs["bench_site.py"]
    rows = re.findall(rf"(?m)^\| ([\d,]+) cities \| ([\d,]+) \| ({NUMBER}) \| ({NUMBER}) \| ({NUMBER})× \| "
                      rf"({NUMBER}) \| ({NUMBER})× \|$", text)
    assert len(rows) == 2, text
    (small, small_pages, *_), (big, big_pages, *_) = rows
    assert int(big) == 2 * int(small) > 0 and int(big_pages) > int(small_pages)
    assert all(float(seconds) > 0 for row in rows for seconds in row[2:4])
    assert re.search(rf"growth for {NUMBER}× the pages: ours {NUMBER}×, plain {NUMBER}×", text)
    # The hook's stages, timed inside the "ours" build.
    assert len(re.findall(rf"(?m)^stages of ours, [\d,]+ cities: pages {NUMBER} s, precompress {NUMBER} s, "
                          rf"runtime copy {NUMBER} s$", text)) == 2, text


def test_preview(outputs):
    text = outputs["bench_preview.py"]
    assert "median of 1 edits each" in text
    rendered = dict(re.findall(rf"(?m)^(serve[^:]*:)\s+{NUMBER} s,\s+(\d+) pages rendered \(seen after {NUMBER} s\)$",
                               text))
    assert set(rendered) == {"serve, one-city edit (no --dirty):", "serve --dirty (make serve), one-city edit:",
                             "serve --dirty, template edit:"}, text
    # --dirty renders the edited city again, not the site; a template edit renders every city.
    assert 1 <= int(rendered["serve --dirty (make serve), one-city edit:"]) <= 3
    assert int(rendered["serve, one-city edit (no --dirty):"]) > int(rendered["serve --dirty, template edit:"]) >= 11
    assert re.search(rf"full `mkdocs build --strict`:\s+{NUMBER} s", text)


def test_browser(outputs, offline_bundle):
    text = outputs["bench_browser.py"]
    table = re.findall(rf"(?m)^\| loopback \| (\S+) \| ({NUMBER}) MB \| ({NUMBER}) s \| [^|]* \| (yes|no|mixed|) \|$", text)
    assert [row[0] for row in table] == ["bare", "ours", "ours+snap", "ours-snap", "file"], text
    rows = {mode: (float(mb), float(s), snapshot) for mode, mb, s, snapshot in table}
    # The bare npm page downloaded the whole package and started Python.
    assert rows["bare"][0] > 4 and rows["bare"][1] > 0
    # The snapshot was used when forced on, not when forced off, never from file://.
    assert [rows[m][2] for m in ("ours+snap", "ours-snap", "file")] == ["yes", "no", "no"]
    # Without the snapshot, everything the page and its worker received (2.79 MB in the last `make bench`).
    assert 2.5 < rows["ours-snap"][0] < 3.5
    verdict = next(line for line in text.splitlines() if line.startswith("loopback: "))
    assert verdict.startswith("loopback: bytes ≤ 3.5 MB")
    recompute = re.search(rf"recompute ({NUMBER}) ms < 50 ms", verdict)
    assert recompute and 0 < float(recompute.group(1)) < 1000
    assert "second city page 0 runtime bytes = 0 met" in verdict
    assert text.rstrip().splitlines()[-1].startswith(f"offline zip: {offline_bundle.zip_bytes / 1e6:.1f} MB")
