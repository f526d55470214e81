"""Browser benchmark of the calculators (`make bench` runs it through tools/bench.py).

In Debian's Chromium, side by side in one run, interleaved round by round (each run in a fresh
browser context, so nothing is cached):

  bare         a tiny page that loads node_modules/pyodide/pyodide.js (the unmodified npm
               package) and awaits `loadPyodide()`, over HTTP: from the start to Python ready;
  ours http    the real 石家庄 city page of the built site over HTTP: from the reader's first
               interaction (clicking 计算 on a filled form) to the answer shown, read from the
               page's `window.__ybCalcMetrics` (the worker, the memory snapshot, the wheels);
  ours file    the same page of the offline bundle, opened from file:// (embedded runtime);
  recompute    once loaded, the time from submitting a form to its answer shown (main thread to
               worker and back), over HTTP and from file://.

Goals (issue 4): ours ≤ 0.4 × bare; recompute < 50 ms. Also prints the offline zip's size.

Usage: python tools/bench_browser.py [--repeat N] [--site DIR] [--offline DIR --zip FILE]
Without --site/--offline the site and the offline bundle are built first (about a minute), the
way `make build` and `make offline` build them, into a temporary folder.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
# As in tests/conftest.py: no host but 127.0.0.1 can be reached.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
CITY_HTTP = "site/cities/shijiazhuang/"
CITY_FILE = Path("cities") / "shijiazhuang.html"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
TIMEOUT_MS = 120_000
RECOMPUTES = 15

BARE_PAGE = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>bare loadPyodide()</title>
<link rel="icon" href="data:,"></head><body>
<script>
window.bare = async function () {
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
</script></body></html>
"""

# The late-fee form filled without an event (so nothing starts), then 计算 is clicked: the click
# is the first interaction. Answers: policy-facts.md Example 1 (150.00) and Example 2 (82.13).
FILL = """([owed, days]) => {
  const f = document.querySelector('form[data-calculator="late-fee"]');
  f.elements.owed.value = owed; f.elements.days.value = days;
}"""
SUBMIT = 'form[data-calculator="late-fee"] button[type="submit"]'
INPUTS = [("10000.00", "30", "150.00"), ("3650.00", "45", "82.13")]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        pass


@contextmanager
def serving(folder: Path):
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


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
    """One folder for the HTTP server: site/ (the built site) and bare/ (the bare page beside the
    npm package)."""
    root = work / "http"
    (root / "bare").mkdir(parents=True)
    (root / "site").symlink_to(site.resolve())
    (root / "bare" / "pyodide").symlink_to(ROOT / "node_modules" / "pyodide")
    (root / "bare" / "index.html").write_text(BARE_PAGE, encoding="utf-8")
    return root


def run_bare(browser, url: str) -> dict:
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(url)
        return page.evaluate("() => window.bare()")
    finally:
        context.close()


def run_ours(browser, url: str) -> dict:
    """First answer after the first interaction, then RECOMPUTES recomputes; times in ms."""
    context = browser.new_context(locale="zh-CN")
    foreign = []
    context.on("request", lambda r: foreign.append(r.url) if not r.url.startswith(("http://127.0.0.1", "file:", "blob:", "data:")) else None)
    try:
        page = context.new_page()
        page.goto(url)
        page.wait_for_load_state("load")
        if page.evaluate("() => window.__ybCalcMetrics.requested") is not None:
            raise RuntimeError(f"{url}: the runtime started loading before any interaction")
        owed, days, _ = INPUTS[0]
        page.evaluate(FILL, [owed, days])
        page.click(SUBMIT)
        page.wait_for_function("() => window.__ybCalcMetrics.runs.length >= 1", timeout=TIMEOUT_MS)
        for i in range(RECOMPUTES):
            owed, days, _ = INPUTS[(i + 1) % len(INPUTS)]
            page.evaluate(FILL, [owed, days])
            page.click(SUBMIT)
            page.wait_for_function("n => window.__ybCalcMetrics.runs.length >= n", arg=i + 2, timeout=TIMEOUT_MS)
        metrics = page.evaluate("() => window.__ybCalcMetrics")
        shown = page.locator('form[data-calculator="late-fee"] [data-result]').text_content()
    finally:
        context.close()
    if foreign:
        raise RuntimeError(f"requests to other hosts: {foreign}")
    first = metrics["runs"][0]
    last_fee = INPUTS[RECOMPUTES % len(INPUTS)][2]
    if f"{last_fee} 元" not in shown:
        raise RuntimeError(f"{url}: expected a fee of {last_fee} 元, the page shows {shown!r}")
    return {
        "first": first["at"] - metrics["requested"],
        "ready": metrics["ready"] - metrics["requested"],
        "snapshot": metrics["timings"].get("snapshot"),
        "recompute": statistics.median(r["ms"] for r in metrics["runs"][1:]),
        "python": statistics.median(r["pythonMs"] for r in metrics["runs"][1:]),
    }


def measure(browser, base: str, offline_city: Path, repeat: int, log=print) -> dict[str, list]:
    """`repeat` interleaved rounds of bare / ours over HTTP / ours from file://."""
    runs: dict[str, list] = {"bare": [], "http": [], "file": []}
    order = [("bare", lambda: run_bare(browser, base + "bare/index.html")),
             ("http", lambda: run_ours(browser, base + CITY_HTTP)),
             ("file", lambda: run_ours(browser, offline_city.as_uri()))]
    for n in range(repeat):
        # Rotate the order so that no mode always runs first (or right after another).
        for name, run in order[n % 3:] + order[: n % 3]:
            result = run()
            runs[name].append(result)
            log(f"  round {n + 1} {name:4}: " + ", ".join(
                f"{k} {v:.0f}" if isinstance(v, float) else f"{k} {v}" for k, v in result.items()))
    return runs


def summary(runs: dict[str, list], zip_bytes: int | None) -> list[str]:
    med = {name: statistics.median(r["ms"] if name == "bare" else r["first"] for r in results)
           for name, results in runs.items() if results}
    lines = [f"bare loadPyodide() (npm package, HTTP): median {med['bare']:.0f} ms "
             f"(Pyodide {runs['bare'][0]['version']})"]
    for mode in ("http", "file"):
        results = runs[mode]
        rec = statistics.median(r["recompute"] for r in results)
        py = statistics.median(r["python"] for r in results)
        ratio = med[mode] / med["bare"]
        snap = all(r["snapshot"] is True for r in results)
        lines.append(
            f"ours {mode:4}: first answer after first interaction median {med[mode]:.0f} ms = {ratio:.2f} x bare "
            f"(goal <= 0.40: {'met' if ratio <= 0.4 else 'NOT met'}; snapshot {'used' if snap else 'NOT used'}); "
            f"recompute median {rec:.1f} ms (Python {py:.0f} ms; goal < 50: {'met' if rec < 50 else 'NOT met'})"
        )
    if zip_bytes is not None:
        lines.append(f"offline zip: {zip_bytes / 1e6:.1f} MB ({zip_bytes} bytes)")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="interleaved rounds (default 5)")
    parser.add_argument("--site", type=Path, help="an already built public site (mkdocs build)")
    parser.add_argument("--offline", type=Path, help="an unzipped offline bundle folder (holds index.html)")
    parser.add_argument("--zip", type=Path, help="the offline zip, for its size")
    args = parser.parse_args()
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
        with serving(serve_root(work, site)) as base, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            try:
                runs = measure(browser, base, offline / CITY_FILE, args.repeat)
            finally:
                browser.close()
        print()
        for line in summary(runs, archive.stat().st_size if archive else None):
            print(line)


if __name__ == "__main__":
    main()
