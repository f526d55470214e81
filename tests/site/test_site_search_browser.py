"""Chinese search in the built site, in Debian's Chromium: jieba segments the index at build
time, so a word from the middle of a title (转移接续) finds the pages. Every request the browser
makes is recorded; any host other than the local server fails the test."""

from __future__ import annotations

import re
import time
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from sitegen.data.load import load_dataset

pytestmark = pytest.mark.browser

ZWSP = "\u200b"  # jieba's word boundaries in the index; invisible on screen


@pytest.fixture(scope="module")
def server(site_server) -> str:
    return site_server.base.rstrip("/")


@pytest.fixture
def page(chromium):
    context = chromium.new_context()
    tab = context.new_page()
    tab.requests = []
    tab.on("request", lambda request: tab.requests.append(request.url))
    yield tab
    context.close()


def search(page, base: str, query: str) -> list[str]:
    """Open the site, type the query into Material's search, return the result titles.

    Material answers a query typed after its search worker loaded the index; one typed before
    shows nothing until the next keystroke, so the query is typed again until results appear."""
    page.goto(base + "/")
    page.keyboard.press("/")  # Material's shortcut opens the search box
    deadline = time.monotonic() + 30
    while True:
        page.fill("input.md-search__input", query)
        page.press("input.md-search__input", "End")  # Material reads the box on keyup
        try:
            page.wait_for_selector(".md-search-result__item", timeout=1500)
            break
        except PlaywrightTimeout:
            assert time.monotonic() < deadline, f"no search result for {query!r} within 30 s"
    titles = page.locator(".md-search-result__article h1, .md-search-result__article h2").all_inner_texts()
    return [t.replace(ZWSP, "").strip() for t in titles]


def only_local(urls: list[str]) -> list[str]:
    return [u for u in urls if urlsplit(u).scheme not in ("data", "blob")
            and urlsplit(u).hostname != "127.0.0.1"]


def result_count(page) -> int:
    meta = page.locator(".md-search-result__meta").inner_text()
    return int(re.search(r"(\d+)", meta).group(1))


def test_a_word_from_inside_the_titles_finds_every_city_page(page, server):
    titles = search(page, server, "转移接续")
    # In 北京市医保关系转移接续 the word follows the place name: found only because jieba split
    # the title into words when the index was built.
    assert "北京市医保关系转移接续" in titles
    assert result_count(page) >= len(load_dataset().dataset.cities)
    assert only_local(page.requests) == []


def test_a_word_from_the_middle_of_the_overview_title_finds_it_first(page, server):
    titles = search(page, server, "转移接续 概览")
    assert titles[0] == "医保关系转移接续：全国规则概览"
    assert only_local(page.requests) == []


def test_city_and_topic_put_the_city_page_first(page, server):
    titles = search(page, server, "石家庄 转移接续")
    assert titles[0] == "石家庄市医保关系转移接续"
    assert only_local(page.requests) == []


def test_a_city_page_loads_nothing_from_another_host(page, server):
    page.goto(server + "/cities/shenzhen/")
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").inner_text() == "深圳市医保关系转移接续"
    assert len(page.requests) > 1
    assert only_local(page.requests) == []
