"""Fixtures of the browser tests: a stand-alone test site with the four calculators, served over
HTTP on 127.0.0.1 (with the production Content-Security-Policy) and opened from file://, and
Debian's Chromium driven by Playwright.

The site is built the way the real one is: `render_calculators` for the HTML block,
`copy_runtime` for the runtime and wheels, `write_offline_embed` for file://. Chromium runs with
every host name mapped to nothing except 127.0.0.1, and each test also checks the recorded
requests, so a request to any other host fails the test even if it could not have succeeded.
"""

from __future__ import annotations

import functools
import http.server
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser

from browser_helpers import open_page
from sitegen.runtime_assets import copy_runtime, render_calculators, write_offline_embed

ROOT = Path(__file__).resolve().parents[2]
from sitegen import pyodide_build as build_wheels

SECURITY_HEADERS = ROOT / "deploy" / "security-headers.conf"
# The city data a page would prefill (the test page plays 石家庄市).
PREFILL = {"place": "石家庄市", "local-max-wait": "6"}

PAGE_CSS = ".intro { min-height: 150vh; }\n"


def production_headers() -> dict[str, str]:
    """The headers deploy/security-headers.conf adds to every response (CSP included)."""
    headers = {}
    if SECURITY_HEADERS.exists():
        for name, value in re.findall(r'add_header\s+([\w-]+)\s+"([^"]*)"', SECURITY_HEADERS.read_text()):
            headers[name] = value
    return headers


def write_test_site(folder: Path) -> Path:
    """index.html with the calculators below a screen-high introduction, plus the runtime."""
    folder.mkdir(parents=True, exist_ok=True)
    copy_runtime(folder)
    write_offline_embed(folder)
    (folder / "page.css").write_text(PAGE_CSS, encoding="utf-8")
    block = render_calculators(PREFILL, "assets/calc/")
    (folder / "index.html").write_text(
        "<!doctype html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<title>计算器测试页</title>\n<link rel=\"icon\" href=\"data:,\">\n"
        "<link rel=\"stylesheet\" href=\"page.css\">\n</head>\n<body>\n<main>\n"
        "<h1>石家庄市 医保关系转移</h1>\n<div class=\"intro\"><p>城市页面的正文。</p></div>\n"
        f"{block}\n</main>\n</body>\n</html>\n",
        encoding="utf-8",
    )
    return folder


class _Handler(http.server.SimpleHTTPRequestHandler):
    extra_headers: dict[str, str] = {}
    failing: set[str] = set()  # file names answered with 503, to test the failure path
    replaced: dict[str, bytes] = {}  # file names answered with other content

    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        pass

    def end_headers(self):
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def do_GET(self):
        name = Path(urlsplit(self.path).path).name
        if name in self.failing:
            self.send_error(503, "unavailable (test)")
            return
        if name in self.replaced:
            body = self.replaced[name]
            self.send_response(200)
            self.send_header("Content-Type", "application/octet-stream")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()


@dataclass
class Server:
    url: str
    failing: set[str]
    replaced: dict[str, bytes]


@pytest.fixture(scope="session")
def test_site(tmp_path_factory) -> Path:
    build_wheels.build()  # a no-op when build/pyodide is up to date
    return write_test_site(tmp_path_factory.mktemp("calc-site"))


@pytest.fixture(scope="session")
def server(test_site) -> Server:
    handler = type("Handler", (_Handler,), {"extra_headers": production_headers(), "failing": set(), "replaced": {}})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(test_site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield Server(f"http://127.0.0.1:{httpd.server_port}/index.html", handler.failing, handler.replaced)
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="session")
def browser(chromium) -> Browser:
    return chromium


@pytest.fixture
def fresh_page(browser, server):
    """A new browser context on the HTTP test page (own cache, own worker)."""
    pages = []

    def make(**options):
        page, recorder = open_page(browser, server.url, **options)
        pages.append(page)
        return page, recorder

    yield make
    for page in pages:
        page.context.close()


@pytest.fixture(scope="module", params=["http", "file"])
def loaded_page(request, browser, server, test_site):
    """One page per mode, shared by the calculator tests of a module so Python starts once."""
    url = server.url if request.param == "http" else (test_site / "index.html").as_uri()
    page, recorder = open_page(browser, url)
    page.mode = request.param
    yield page, recorder
    page.context.close()
