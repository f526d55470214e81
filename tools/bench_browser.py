"""Browser benchmark of the calculators on a phone network (`make bench` runs it through
tools/bench.py).

Debian's Chromium on a 390 px phone viewport, the built site served by Debian's nginx with the
production configuration (deploy/: brotli, cache headers, CSP), the network throttled through the
DevTools protocol (`Network.emulateNetworkConditions`, which also covers the worker's fetches).
For every profile, side by side and interleaved round by round (each run in a fresh browser
context, so nothing is cached):

  bare          a page that loads the unmodified npm package's pyodide.js and awaits
                `loadPyodide()`, importing nothing; the package's files are served by the same
                nginx with brotli copies made the way the site's are (sitegen/site/precompress.py);
                time from the start to Python ready;
  ours          the real 石家庄 city page: the transfer-deadline form (the first answer a reader waits for)
                filled without an event, 计算 clicked right after the page loaded; time from the
                click to the answer shown (the late-fee form then gives the recomputes). The page
                picks the memory snapshot itself (only on a fast link, web/calc.js);
  ours+snap     the same with the snapshot forced on (the page is told it arrived fast),
  ours-snap     and forced off: the snapshot measured with and without under each profile.

Bytes are everything the page and its worker received up to the first answer (Resource
Timing's transferSize: compressed bodies plus headers, 0 for the HTTP cache). On loopback it
also reports the recompute time, what a second city page costs in runtime bytes (the HTTP cache
must answer it all), and the offline bundle from file://.

Goals: bytes ≤ 3.5 MB; "4G" first answer ≤ 4 s and ≤ 0.5 × bare; "slow 4G" ≤ 20 s;
loopback ≤ 0.4 × bare; recompute < 50 ms; second page 0 runtime bytes; offline zip ≤ 10 MB.
"wifi" (30 Mbit/s, 20 ms) has no goal but the bytes: it shows the snapshot's choice on a link
where the page arrives fast but the snapshot does not pay.

Usage: python tools/bench_browser.py [--repeat N] [--profiles loopback,4G,slow-4G,wifi] [--site DIR]
       [--offline DIR --zip FILE] [--tiny]
Without --site/--offline the site and the offline bundle are built first (about a minute).
--tiny: one round on loopback (--repeat 1 --profiles loopback; tests/tools/test_bench_tiny.py).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from sitegen.site.precompress import precompress
from tools.servers import nginx_serving

ROOT = Path(__file__).resolve().parent.parent

CHROMIUM = "/usr/bin/chromium"
# As in tests/conftest.py: no host but 127.0.0.1 can be reached.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
CITY_HTTP = "cities/shijiazhuang/"
CITY2_HTTP = "cities/baoding/"
CITY_FILE = Path("cities") / "shijiazhuang.html"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
TIMEOUT_MS = 240_000
RECOMPUTES = 7
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 3, "is_mobile": True, "has_touch": True}
MB = 1e6

# Throughputs in bytes/s, latency in ms (DevTools adds it to each request).
PROFILES = {
    "loopback": None,
    "4G": {"latency": 170, "downloadThroughput": 9e6 / 8, "uploadThroughput": 9e6 / 8},
    "slow-4G": {"latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 750e3 / 8},
    # Home wifi: the page arrives within a few round trips of 20 ms, yet the snapshot's 3.8 MB
    # cost more than they save (no goal of its own: it shows where the snapshot must not be used).
    "wifi": {"latency": 20, "downloadThroughput": 30e6 / 8, "uploadThroughput": 10e6 / 8},
}
BARE_FILES = ("pyodide.js", "pyodide.asm.js", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json",
              "package.json", "pyodide.mjs")
BARE_PAGE = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>bare loadPyodide()</title>
<link rel="icon" href="data:,"><script src="bare.js"></script></head><body></body></html>
"""
BARE_JS = """window.bare = async function () {
  const t0 = performance.now();
  await new Promise((resolve, reject) => {
    const s = document.createElement("script");
    s.src = "pyodide/pyodide.js"; s.onload = resolve; s.onerror = reject;
    document.head.appendChild(s);
  });
  const pyodide = await loadPyodide();
  const ms = performance.now() - t0;
  return {ms, version: pyodide.runPython("import sys; sys.version.split()[0]")};
};
"""
# Bytes received by the page (navigation and resources), from Resource Timing.
PAGE_BYTES = """() => performance.getEntries()
  .filter(e => e.entryType === "navigation" || e.entryType === "resource")
  .reduce((n, e) => n + (e.transferSize || 0), 0)"""
# Makes calc.js believe the bodies of the page and calc.js (100 kB each) took `fetchMs` to arrive
# (1: 100,000 bytes/ms, the snapshot is fetched; 1000: 100 bytes/ms, it is not).
FORCE = """(fetchMs) => {
  const original = Performance.prototype.getEntriesByType;
  Performance.prototype.getEntriesByType = function (type) {
    const list = original.call(this, type);
    if (type !== "navigation" && type !== "resource") return list;
    return list.map((e) => ({name: e.name, transferSize: e.transferSize || 1, encodedBodySize: 100000,
                             requestStart: 0, responseStart: 1, responseEnd: 1 + fetchMs}));
  };
}"""
FILL = """([owed, days]) => {
  const f = document.querySelector('form[data-calculator="late-fee"]');
  f.elements.owed.value = owed; f.elements.days.value = days;
}"""
SUBMIT = 'form[data-calculator="late-fee"] button[type="submit"]'
# Worked examples 1 and 2 of 《社会保险法》第八十六条 (tests/vectors/late_fee.json): 万分之五 a day,
# 10000.00 × 0.0005 × 30 = 150.00; 3650.00 × 0.0005 × 45 = 82.125 → 82.13.
INPUTS = [("10000.00", "30", "150.00"), ("3650.00", "45", "82.13")]
# The first answer: the transfer-deadline form, the one the goals are set for (a date in an official year).
FIRST_FILL = """(accepted) => {
  document.querySelector('form[data-calculator="transfer-deadline"]').elements.accepted.value = accepted;
}"""
FIRST_SUBMIT = 'form[data-calculator="transfer-deadline"] button[type="submit"]'
FIRST_ACCEPTED = "2026-03-02"


def build_site(target: Path, offline: bool) -> Path:
    env = {**ENV, "OFFLINE": "true"} if offline else ENV
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(target)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    if proc.returncode != 0:
        sys.exit(f"mkdocs build failed:\n{proc.stderr[-4000:]}")
    return target


def build_offline(work: Path) -> tuple[Path, Path]:
    """(unzipped folder, zip) of `make offline`'s two steps, in `work`."""
    site = build_site(work / "offline-site", offline=True)
    archive = work / "yibao-offline.zip"
    proc = subprocess.run([sys.executable, str(ROOT / "tools" / "offline_bundle.py"), str(site), "--out", str(archive)],
                          cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=900)
    if proc.returncode != 0:
        sys.exit(f"tools/offline_bundle.py failed:\n{proc.stderr[-4000:]}")
    with zipfile.ZipFile(archive) as z:
        z.extractall(work / "unzipped")
    return work / "unzipped" / "yibao-offline", archive


def serve_root(work: Path, site: Path) -> Path:
    """One folder for nginx: the built site's entries (linked) and bare/ (the bare page beside a
    copy of the npm package, with brotli/gzip copies)."""
    root = work / "http"
    root.mkdir(parents=True)
    for entry in site.iterdir():
        (root / entry.name).symlink_to(entry.resolve())
    bare = root / "bare"
    (bare / "pyodide").mkdir(parents=True)
    for name in BARE_FILES:
        shutil.copy2(ROOT / "node_modules" / "pyodide" / name, bare / "pyodide" / name)
    (bare / "index.html").write_text(BARE_PAGE, encoding="utf-8")
    (bare / "bare.js").write_text(BARE_JS, encoding="utf-8")
    precompress(bare)
    return root


def _context(browser, profile: str, force: int | None = None):
    context = browser.new_context(locale="zh-CN", **PHONE)
    page = context.new_page()
    if PROFILES[profile]:
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", {"offline": False, **PROFILES[profile]})
    if force is not None:
        page.add_init_script(f"({FORCE})({force})")
    foreign = []
    context.on("request", lambda r: foreign.append(r.url)
               if not r.url.startswith(("http://127.0.0.1", "file:", "blob:", "data:")) else None)
    return context, page, foreign


def run_bare(browser, url: str, profile: str) -> dict:
    context, page, foreign = _context(browser, profile)
    try:
        page.goto(url, timeout=TIMEOUT_MS)
        out = page.evaluate("() => window.bare()")
        out["bytes"] = page.evaluate(PAGE_BYTES)
    finally:
        context.close()
    if foreign:
        raise RuntimeError(f"requests to other hosts: {foreign}")
    return out


def _answer(page, n: int, inputs) -> None:
    page.evaluate(FILL, list(inputs[:2]))
    page.click(SUBMIT)
    page.wait_for_function("n => window.__ybCalcMetrics.runs.length >= n", arg=n, timeout=TIMEOUT_MS)


def _first_answer(page) -> None:
    page.evaluate(FIRST_FILL, FIRST_ACCEPTED)
    page.click(FIRST_SUBMIT)
    page.wait_for_function("() => window.__ybCalcMetrics.runs.length >= 1", timeout=TIMEOUT_MS)
    shown = page.locator('form[data-calculator="transfer-deadline"] [data-result] time[datetime]').count()
    if not shown:
        raise RuntimeError(f"{page.url}: the transfer deadline shows no date")


def run_ours(browser, url: str, profile: str, force: int | None = None, second: str | None = None) -> dict:
    """First answer after the first interaction (and, on loopback, recomputes and a second city
    page); times in ms, bytes as received."""
    context, page, foreign = _context(browser, profile, force)
    try:
        page.goto(url, timeout=TIMEOUT_MS)
        page.wait_for_load_state("load")
        if page.evaluate("() => window.__ybCalcMetrics.requested") is not None:
            raise RuntimeError(f"{url}: the runtime started loading before any interaction")
        _first_answer(page)
        metrics = page.evaluate("() => window.__ybCalcMetrics")
        page_bytes = page.evaluate(PAGE_BYTES)
        result = {
            "first": metrics["runs"][0]["at"] - metrics["requested"],
            "bytes": page_bytes + sum(metrics["timings"].get("transfer", {}).values()),
            "snapshot": metrics["timings"].get("snapshot") is True,
            "rate": metrics.get("rate"),
        }
        if profile == "loopback":
            for i in range(RECOMPUTES):
                _answer(page, i + 2, INPUTS[(i + 1) % len(INPUTS)])
            runs = page.evaluate("() => window.__ybCalcMetrics.runs")
            result["recompute"] = statistics.median(r["ms"] for r in runs[1:])
            shown = page.locator('form[data-calculator="late-fee"] [data-result]').text_content()
            fee = INPUTS[RECOMPUTES % len(INPUTS)][2]
            if f"{fee} 元" not in shown:
                raise RuntimeError(f"{url}: expected a fee of {fee} 元, the page shows {shown!r}")
        if second:
            page.goto(second, timeout=TIMEOUT_MS)
            _first_answer(page)
            again = page.evaluate("() => window.__ybCalcMetrics.timings.transfer")
            result["second_runtime_bytes"] = sum(again.values())
    finally:
        context.close()
    if foreign:
        raise RuntimeError(f"requests to other hosts: {foreign}")
    return result


def modes(base: str, offline_city: Path | None, profile: str) -> list[tuple[str, object]]:
    city, bare = base + CITY_HTTP, base + "bare/index.html"
    out = [
        ("bare", lambda b: run_bare(b, bare, profile)),
        ("ours", lambda b: run_ours(b, city, profile, second=base + CITY2_HTTP if profile == "loopback" else None)),
        ("ours+snap", lambda b: run_ours(b, city, profile, force=1)),
        ("ours-snap", lambda b: run_ours(b, city, profile, force=1000)),
    ]
    if profile == "loopback" and offline_city:
        out.append(("file", lambda b: run_ours(b, offline_city.as_uri(), profile)))
    return out


def measure(browser, base: str, offline_city: Path | None, repeat: int, profiles: list[str], log=print) -> dict:
    """runs[profile][mode] = [result, …]: `repeat` rounds, each running every profile and mode
    once, the order rotated from round to round."""
    runs: dict = {p: {} for p in profiles}
    jobs = [(p, name, fn) for p in profiles for name, fn in modes(base, offline_city, p)]
    for n in range(repeat):
        shift = n % len(jobs)
        for profile, name, fn in jobs[shift:] + jobs[:shift]:
            result = fn(browser)
            runs[profile].setdefault(name, []).append(result)
            log(f"  round {n + 1} {profile:8} {name:9}: " + ", ".join(
                f"{k} {v:.0f}" if isinstance(v, float) else f"{k} {v}" for k, v in result.items() if k != "version"))
    return runs


def _med(results: list[dict], key: str) -> float:
    return statistics.median(r["ms" if key == "time" and "ms" in r else "first" if key == "time" else key]
                             for r in results)


GOAL_TIME = {"loopback": None, "4G": 4000, "slow-4G": 20000, "wifi": None}
GOAL_RATIO = {"loopback": 0.4, "4G": 0.5, "slow-4G": None, "wifi": None}


def summary(runs: dict, zip_bytes: int | None, repeat: int) -> list[str]:
    lines = [f"medians of {repeat} interleaved rounds; bytes as received (transferSize), times in seconds",
             "",
             "| profile | mode | bytes to first answer | first answer | × bare | snapshot used |",
             "|---|---|---|---|---|---|"]
    verdicts = []
    for profile, by_mode in runs.items():
        bare_t = _med(by_mode["bare"], "time")
        for mode, results in by_mode.items():
            t, b = _med(results, "time"), _med(results, "bytes")
            snap = "" if mode == "bare" else ("yes" if all(r["snapshot"] for r in results)
                                              else "no" if not any(r["snapshot"] for r in results) else "mixed")
            ratio = "" if mode == "bare" else f"{t / bare_t:.2f}"
            lines.append(f"| {profile} | {mode} | {b / MB:.2f} MB | {t / 1000:.2f} s | {ratio} | {snap} |")
        ours = by_mode["ours"]
        t, b = _med(ours, "time"), _med(ours, "bytes")
        checks = [("bytes ≤ 3.5 MB", b <= 3.5 * MB)]
        if GOAL_TIME[profile]:
            checks.append((f"first answer ≤ {GOAL_TIME[profile] / 1000:.0f} s", t <= GOAL_TIME[profile]))
        if GOAL_RATIO[profile]:
            checks.append((f"≤ {GOAL_RATIO[profile]} × bare", t / bare_t <= GOAL_RATIO[profile]))
        if profile == "loopback":
            rec = _med(ours, "recompute")
            checks.append((f"recompute {rec:.1f} ms < 50 ms", rec < 50))
            second = max(r["second_runtime_bytes"] for r in ours if "second_runtime_bytes" in r)
            checks.append((f"second city page {second} runtime bytes = 0", second == 0))
        verdicts.append(f"{profile}: " + "; ".join(f"{name} {'met' if ok else 'NOT met'}" for name, ok in checks))
    lines.append("")
    lines += verdicts
    if zip_bytes is not None:
        lines.append(f"offline zip: {zip_bytes / MB:.1f} MB ({zip_bytes} bytes; goal ≤ 10 MB: "
                     f"{'met' if zip_bytes <= 10 * MB else 'NOT met'})")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="interleaved rounds (default 5)")
    parser.add_argument("--profiles", default=",".join(PROFILES), help="comma-separated, of " + ", ".join(PROFILES))
    parser.add_argument("--site", type=Path, help="an already built public site (mkdocs build)")
    parser.add_argument("--offline", type=Path, help="an unzipped offline bundle folder (holds index.html)")
    parser.add_argument("--zip", type=Path, help="the offline zip, for its size")
    parser.add_argument("--tiny", action="store_true", help="--repeat 1 --profiles loopback: does it run?")
    args = parser.parse_args()
    if args.tiny:
        args.repeat, args.profiles = 1, "loopback"
    profiles = args.profiles.split(",")
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="yibao-bench-") as tmp:
        work = Path(tmp)
        start = time.perf_counter()
        site = args.site or build_site(work / "site", offline=False)
        if args.offline:
            offline, archive = args.offline, args.zip
        else:
            offline, archive = build_offline(work)
        if not args.site or not args.offline:
            print(f"built the site and the offline bundle in {time.perf_counter() - start:.0f} s", flush=True)
        with nginx_serving(serve_root(work, site), work) as base, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            try:
                runs = measure(browser, base + "/", offline / CITY_FILE if offline else None, args.repeat, profiles)
            finally:
                browser.close()
        print()
        for line in summary(runs, archive.stat().st_size if archive else None, args.repeat):
            print(line)


if __name__ == "__main__":
    main()
