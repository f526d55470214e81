"""Lighthouse audit of the served site: a city page and the calculators page, in Debian's
Chromium, with Lighthouse's defaults (mobile form factor, simulated slow 4G and a 4x slower CPU).

    make serve-public          # nginx with deploy/nginx.conf on 127.0.0.1:8080, in another shell
    python tools/audit.py [BASE_URL] [--runs 3] [--out build/audit] [--decide]

Each page is audited `--runs` times and each category's score is the median of the runs (the
performance score moves by a few hundredths from run to run with the machine's load; Lighthouse's
documentation advises the median of several runs). With --decide, a page's runs stop once the
rest could not change which medians are below MIN_SCORE (of 3 runs, 2 that agree). The report of the median run of each page is
written to OUT/lighthouse-<page>.json and all scores to OUT/lighthouse-summary.json. The exit
status is 1 when a median is below MIN_SCORE. tests/deploy/test_deploy_lighthouse.py runs the
same audit against the nginx-served test build.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --disable-sync --no-first-run")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGES = {"city": "/cities/shijiazhuang/", "calculators": "/calculators/"}
MIN_SCORE = 0.95
# Lighthouse's words when its own recording failed and it asks to be run again.
RUN_AGAIN = "Please run Lighthouse again"
DEFAULT_OUT = ROOT / "build" / "audit"


class AuditError(RuntimeError):
    pass


class _RunAgain(AuditError):
    """Lighthouse asks to be run again (a broken trace, not a finding about the page)."""


@dataclass(frozen=True)
class PageAudit:
    url: str
    scores: dict[str, float]  # category id -> median score of the runs
    runs: list[dict[str, float]]  # the scores of every run, in order
    report: dict  # Lighthouse's full result (LHR) of the run with the median performance score

    def below(self, minimum: float = MIN_SCORE) -> dict[str, float]:
        return {name: score for name, score in self.scores.items() if score < minimum}

    def findings(self) -> list[str]:
        """The audits that cost points: weighted in a category and scored below 1."""
        weighted = {ref["id"] for cat in self.report["categories"].values()
                    for ref in cat["auditRefs"] if ref.get("weight")}
        found = []
        for audit_id in sorted(weighted):
            audit = self.report["audits"][audit_id]
            if audit.get("score") is not None and audit["score"] < 1:
                shown = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
                found.append(f"{audit_id} {audit['score']:.2f}{shown}: {audit['title']}")
                found += [f"    {item}" for item in _items(audit)]
        return found


def _items(audit: dict, limit: int = 5) -> list[str]:
    """What an audit points at (console messages, elements, URLs), briefly."""
    shown = []
    for item in (audit.get("details") or {}).get("items", [])[:limit]:
        node = item.get("node") if isinstance(item.get("node"), dict) else {}
        text = item.get("description") or node.get("snippet") or item.get("url") or item.get("source")
        if text:
            shown.append(str(text)[:200])
    return shown


def lighthouse(url: str, timeout: int = 180, attempts: int = 3) -> dict:
    """One Lighthouse run of `url`; returns the parsed JSON result (LHR).

    A run Lighthouse itself could not complete — its trace of the page load came out broken
    (NO_NAVSTART, NO_FCP, …: "Please run Lighthouse again") — is run again, up to `attempts`
    times; a completed run is never repeated, whatever its scores."""
    if not LIGHTHOUSE.is_file():
        raise AuditError(f"{LIGHTHOUSE} not found: run `npm ci` (make setup)")
    for attempt in range(1, attempts + 1):
        try:
            return _run_once(url, timeout)
        except _RunAgain as error:
            if attempt == attempts:
                raise AuditError(f"lighthouse {url}: {attempts} attempts, each without a usable trace:"
                                 f"\n{error}") from None
    raise AssertionError("unreachable")


def _run_once(url: str, timeout: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp:
        out = Path(tmp) / "report.json"
        proc = subprocess.run(
            ["node", str(LIGHTHOUSE), url, "--output=json", f"--output-path={out}",
             f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}", "--quiet",
             # The full-page screenshot only illustrates Lighthouse's HTML report (no score uses
             # it); it cost 1.3 s of each run.
             "--disable-full-page-screenshot"],
            env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, text=True, timeout=timeout,
        )
        if proc.returncode != 0 or not out.is_file():
            message = f"lighthouse {url} failed ({proc.returncode}):\n{proc.stderr[-2000:]}"
            raise (_RunAgain if RUN_AGAIN in proc.stderr else AuditError)(message)
        report = json.loads(out.read_text(encoding="utf-8"))
    error = report.get("runtimeError")
    if error:
        raise (_RunAgain if RUN_AGAIN in error.get("message", "") else AuditError)(f"lighthouse {url}: {error}")
    return report


def scores_of(report: dict) -> dict[str, float]:
    categories = report["categories"]
    missing = [name for name in CATEGORIES if categories.get(name, {}).get("score") is None]
    if missing:
        raise AuditError(f"lighthouse {report.get('finalDisplayedUrl')}: no score for {missing}")
    return {name: categories[name]["score"] for name in CATEGORIES}


def decided(per_run: list[dict[str, float]], runs: int, minimum: float) -> bool:
    """Whether the runs still to come can no longer change, for any category, whether the median
    of all `runs` is below `minimum`: for each category, enough runs already reached it, or
    too many fell short for the rest to make up."""
    rank = (runs - 1) // 2  # statistics.median_low: the value at this index, in sorted order
    need = runs - rank  # runs at or above `minimum` for that value to be at or above it
    for name in CATEGORIES:
        reached = sum(scores[name] >= minimum for scores in per_run)
        short = len(per_run) - reached
        if reached < need and short <= runs - need:
            return False
    return True


def audit_page(url: str, runs: int = 3, minimum: float | None = None) -> PageAudit:
    """`runs` Lighthouse runs of `url`, each category's score their median. With `minimum`, it
    stops as soon as the remaining runs could not change which medians are below it (3 runs
    that agree twice: 2 runs); the medians are then those of the runs made."""
    reports, per_run = [], []
    while len(reports) < runs and not (minimum is not None and decided(per_run, runs, minimum)):
        reports.append(lighthouse(url))
        per_run.append(scores_of(reports[-1]))
    medians = {name: statistics.median_low([s[name] for s in per_run]) for name in CATEGORIES}
    median_run = next(r for r, s in zip(reports, per_run) if s["performance"] == medians["performance"])
    return PageAudit(url, medians, per_run, median_run)


def write(audits: dict[str, PageAudit], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, audit in audits.items():
        report = json.dumps(audit.report, ensure_ascii=False)
        (out / f"lighthouse-{name}.json").write_text(report, encoding="utf-8")
    summary = {name: {"url": a.url, "scores": a.scores, "runs": a.runs} for name, a in audits.items()}
    (out / "lighthouse-summary.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n",
                                                encoding="utf-8")


def line(name: str, audit: PageAudit) -> str:
    shown = " / ".join(f"{cat} {audit.scores[cat]:.2f}" for cat in CATEGORIES)
    performance = ", ".join(f"{run['performance']:.2f}" for run in audit.runs)
    # Lighthouse's measure of the machine's speed: the simulated timings scale with it, so a
    # busy machine (a low index) lowers the performance score.
    speed = audit.report["environment"]["benchmarkIndex"]
    return (f"lighthouse {name} ({audit.url}): {shown} (median of {len(audit.runs)} runs; "
            f"performance per run {performance}; benchmark index {speed:.0f})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("base", nargs="?", default="http://127.0.0.1:8080", help="the served site")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--decide", action="store_true",
                        help=f"stop a page's runs once its medians' verdict (≥ {MIN_SCORE}) cannot change")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    minimum = MIN_SCORE if args.decide else None
    audits = {name: audit_page(args.base.rstrip("/") + path, args.runs, minimum) for name, path in PAGES.items()}
    write(audits, args.out)
    failed = False
    for name, audit in audits.items():
        print(line(name, audit))
        for finding in audit.findings():
            print(f"    {finding}")
        failed = failed or bool(audit.below())
    print(f"reports: {args.out}/lighthouse-*.json")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
