"""Fixtures of the browser tests: a stand-alone test site with the four calculators, served over
HTTP on 127.0.0.1 (with the production Content-Security-Policy) and opened from file://, and
Debian's Chromium driven by Playwright.

The site is built the way the real one is: `render_calculators` for the HTML block,
`copy_runtime` for the runtime and wheels, `write_offline_embed` for file://. Chromium runs with
every host name mapped to nothing except 127.0.0.1, and each test also checks the recorded
requests, so a request to any other host fails the test even if it could not have succeeded.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from browser_helpers import open_page
from sitegen.runtime import pyodide_build as build_wheels
from sitegen.pages.forms import render_calculators
from sitegen.runtime.runtime_assets import copy_runtime, write_offline_embed
from tools.servers import Served, serve_folder

ROOT = Path(__file__).resolve().parents[2]

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


@pytest.fixture(scope="session")
def test_site(tmp_path_factory) -> Path:
    build_wheels.build()  # a no-op when build/pyodide is up to date
    return write_test_site(tmp_path_factory.mktemp("calc-site"))


@pytest.fixture(scope="session")
def server(test_site) -> Served:
    """The test page over HTTP with the production headers; `failing` and `replaced` (file names)
    make it answer 503 or other bytes."""
    with serve_folder(test_site, headers=production_headers()) as served:
        yield served


@pytest.fixture(scope="session")
def browser(chromium) -> Browser:
    return chromium


@pytest.fixture
def fresh_page(browser, server):
    """A new browser context on the HTTP test page (own cache, own worker)."""
    pages = []

    def make(**options):
        page, recorder = open_page(browser, server.url("index.html"), **options)
        pages.append(page)
        return page, recorder

    yield make
    for page in pages:
        page.context.close()


@pytest.fixture(scope="module", params=["http", "file"])
def loaded_page(request, browser, server, test_site):
    """One page per mode, shared by the calculator tests of a module so Python starts once."""
    url = server.url("index.html") if request.param == "http" else (test_site / "index.html").as_uri()
    page, recorder = open_page(browser, url)
    page.mode = request.param
    yield page, recorder
    page.context.close()
