"""What the end-to-end tests share: browser contexts that record (and, offline, refuse) every
request, and Material's search box driven like a reader does. (The offline bundle, made as
`make offline` makes it: tests/site_build.py; serving a folder: tools/servers.py, shared with the
benchmarks.)

The form helpers (`compute`, `fill`, `rendered_rows`, `Recorder`, …) are those of the stand-alone
browser tests, tests/browser_helpers.py.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from browser_helpers import LOCAL_SCHEMES, Recorder
from playwright.sync_api import Browser, BrowserContext, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

ROOT = Path(__file__).resolve().parents[2]

REPORT: dict[str, str] = {}  # lines for the terminal summary (sizes and times measured here)
# What only the calculators' runtime asks for (never fetched before the reader uses a calculator).
RUNTIME_PARTS = ("/runtime/", "/wheels/", "/embed/", "/worker.js")


@dataclass
class Session:
    """A browser context whose every request (pages and their workers) is recorded."""

    context: BrowserContext
    recorder: Recorder
    blocked: list[str] = field(default_factory=list)  # requests refused by the offline route

    def new_page(self) -> Page:
        page = self.context.new_page()
        page.on("pageerror", lambda error: self.recorder.errors.append(str(error)))
        return page

    def close(self) -> None:
        self.context.close()


def recording_context(browser: Browser, offline: bool = False, **options) -> Session:
    """A new context recording every request. `offline`: anything but file:, blob: and data: is
    aborted (and listed in `blocked`), as on a computer without a network."""
    context = browser.new_context(locale="zh-CN", **options)
    session = Session(context, Recorder())
    context.on("request", lambda request: session.recorder.urls.append(request.url))
    if offline:
        def route(route):
            url = route.request.url
            if urlsplit(url).scheme in LOCAL_SCHEMES:
                route.continue_()
            else:
                session.blocked.append(url)
                route.abort("internetdisconnected")

        context.route("**/*", route)
    return session


def runtime_requests(urls: list[str]) -> list[str]:
    """The requests among `urls` that belong to the calculators' runtime (or its blob worker)."""
    return [u for u in urls if u.startswith("blob:") or any(part in urlsplit(u).path for part in RUNTIME_PARTS)]


# ---------- Material's search, typed the way a reader types ----------

SEARCH_INPUT = "input[data-md-component=search-query]"
SEARCH_ITEMS = ".md-search-result__item"


def search(page: Page, query: str, timeout_s: float = 30.0) -> list[dict]:
    """Open the search box, type `query` and return the results as {href, title}.

    Material answers the query typed after its search worker has loaded the index; a query typed
    before that shows nothing until the next keystroke, so the query is typed again until results
    appear (or `timeout_s` passes, and the empty list is returned)."""
    page.keyboard.press("s")  # Material's shortcut: focus the search box
    box = page.locator(SEARCH_INPUT)
    box.wait_for(state="visible", timeout=5000)
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        box.fill(query)  # Chinese text arrives as one text insertion, without key events;
        box.press("End")  # Material reads the box on keyup
        try:
            page.locator(SEARCH_ITEMS).first.wait_for(state="visible", timeout=1500)
            break
        except PlaywrightTimeout:
            continue  # the index was not loaded yet: type the query again
    return page.locator(f"{SEARCH_ITEMS} a.md-search-result__link").evaluate_all(
        "links => links.map(a => ({href: a.href, title: (a.querySelector('h1, h2') || a).textContent}))"
    )
