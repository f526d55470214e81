"""What the end-to-end tests share: serving a folder on 127.0.0.1, browser contexts that record
(and, offline, refuse) every request, the offline bundle made exactly as `make offline` makes it,
and Material's search box driven like a reader does.

The form helpers (`compute`, `fill`, `rendered_rows`, `Recorder`, …) are those of the stand-alone
browser tests, tests/browser/browser_helpers.py.
"""

from __future__ import annotations

import functools
import http.server
import os
import socket
import subprocess
import sys
import threading
import time
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Browser, BrowserContext, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "browser"))

from browser_helpers import LOCAL_SCHEMES, Recorder  # noqa: E402

REPORT: dict[str, str] = {}  # lines for the terminal summary (sizes and times measured here)
MKDOCS_ENV = {"NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
# What only the calculators' runtime asks for (never fetched before the reader uses a calculator).
RUNTIME_PARTS = ("/runtime/", "/wheels/", "/embed/", "/worker.js")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    seen: list[str]

    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        pass

    def do_GET(self):
        self.seen.append(self.path)
        super().do_GET()


@dataclass
class Served:
    base: str  # "http://127.0.0.1:PORT/"
    seen: list[str]  # request paths as the server received them


@contextmanager
def serve_folder(folder: Path):
    """A threaded static HTTP server for `folder` on 127.0.0.1 (a free port)."""
    handler = type("Handler", (_QuietHandler,), {"seen": []})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield Served(f"http://127.0.0.1:{httpd.server_port}/", handler.seen)
    finally:
        httpd.shutdown()
        httpd.server_close()


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


# ---------- the offline bundle, made the way `make offline` makes it ----------


@dataclass(frozen=True)
class OfflineBundle:
    zip_path: Path
    folder: Path  # the unzipped top folder (holds index.html)
    build_seconds: float  # OFFLINE=true mkdocs build --strict
    bundle_seconds: float  # tools/offline_bundle.py

    @property
    def zip_bytes(self) -> int:
        return self.zip_path.stat().st_size


def make_offline_bundle(work: Path) -> OfflineBundle:
    """`OFFLINE=true mkdocs build --strict -d …` then `tools/offline_bundle.py … --out …` (the
    Makefile's `offline` recipe, into `work`), then unzip."""
    site, archive = work / "offline-site", work / "dist" / "yibao-offline.zip"
    env = {**os.environ, **MKDOCS_ENV, "OFFLINE": "true"}
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )
    built = time.perf_counter()
    assert proc.returncode == 0, f"OFFLINE=true mkdocs build --strict failed:\n{proc.stdout}\n{proc.stderr}"
    proc = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "offline_bundle.py"), str(site), "--out", str(archive)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )
    bundled = time.perf_counter()
    assert proc.returncode == 0, f"tools/offline_bundle.py failed:\n{proc.stdout}\n{proc.stderr}"
    with zipfile.ZipFile(archive) as z:
        z.extractall(work / "unzipped")
    return OfflineBundle(archive, work / "unzipped" / "yibao-offline", built - start, bundled - built)


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
