"""Helpers of the deploy checks (a module with a unique name: every test folder has its own
conftest.py): the lines for the terminal summary; a Chromium page that records every
Content-Security-Policy violation, in the page and in its workers; axe-core; and one valid
and one invalid input for each calculator."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Browser, BrowserContext, Page

from browser_helpers import Recorder
from calculators.registry import FORMS

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AUDITS: dict[str, str] = {}  # lines for the terminal summary, by key

# Inputs for each calculator of the calculators page: its registry entry's sample (a worked
# example) and its input with one field error (calculators.registry).
VALID = {calc.name: calc.sample for calc in FORMS if calc.section == "calculators"}
INVALID = {calc.name: calc.invalid for calc in FORMS if calc.section == "calculators"}

# Runs before any script of every document: the browser reports each violation of the page's
# policy as a `securitypolicyviolation` event.
CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || "(inline)"}`
    + ` at ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
}, true);
"""
CSP_WORDS = ("Content Security Policy", "Content-Security-Policy")


@dataclass
class WatchedPage:
    page: Page
    recorder: Recorder
    console: list[str] = field(default_factory=list)  # CSP messages in the page's console
    log: list[str] = field(default_factory=list)  # CSP messages of the page and its workers (CDP Log)

    def csp_violations(self) -> list[str]:
        events = self.page.evaluate("() => window.__cspViolations")
        return [*events, *self.console, *self.log]


def watched_page(browser: Browser, url: str) -> WatchedPage:
    """Open `url` in a new context (the page's own CSP in force) that records CSP violations
    three ways: the DOM event, console messages, and the DevTools log, which also carries the
    messages of workers (the calculators' Python runs in one)."""
    context: BrowserContext = browser.new_context(locale="zh-CN")
    context.add_init_script(CSP_LISTENER)
    page = context.new_page()
    watched = WatchedPage(page, Recorder())
    page.on("request", lambda request: watched.recorder.urls.append(request.url))
    page.on("pageerror", lambda error: watched.recorder.errors.append(str(error)))
    cdp = context.new_cdp_session(page)

    def console(message) -> None:
        if any(word in message.text for word in CSP_WORDS):
            watched.console.append(message.text)

    def logged(event: dict) -> None:
        text = event["entry"]["text"]
        if any(word in text for word in CSP_WORDS):
            watched.log.append(f"{event['entry']['source']}: {text}")

    page.on("console", console)
    cdp.on("Log.entryAdded", logged)
    cdp.send("Log.enable")
    page.goto(url)
    return watched


def run_axe(page: Page) -> list[dict]:
    """axe-core's violations on the page as it is now (the context must bypass the page's CSP
    so the script can be injected)."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return result["violations"]


def serious(violations: list[dict]) -> list[str]:
    return [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:5]}"
            for v in violations if v["impact"] in ("serious", "critical")]
