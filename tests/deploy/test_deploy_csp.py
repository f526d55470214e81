"""The nginx-served site under its own Content-Security-Policy (no 'unsafe-inline', no
'unsafe-eval' for scripts), in Chromium without any bypass: every calculator is used on a city
page and on the calculators page, and the search is used; not one violation is reported (in
the page or in the calculators' worker) and nothing is requested from another host.
The HTML itself carries no inline script, inline style or event-handler attribute."""

from __future__ import annotations

import re

import pytest

from browser_helpers import compute, form
from calculators.web import handle
from deploy_checks import INVALID, VALID, watched_page

pytestmark = pytest.mark.browser

PAGES = ["/cities/shijiazhuang/", "/calculators/"]
ZWSP = "\u200b"


@pytest.mark.parametrize("path", PAGES)
def test_every_calculator_works_without_a_csp_violation(chromium, nginx, path):
    watched = watched_page(chromium, nginx + path)
    page = watched.page
    try:
        for calculator, fields in VALID.items():
            detail = compute(page, calculator, fields)
            assert detail["payload"] == handle(calculator, detail["fields"])
            assert form(page, calculator).locator("[data-result]").is_visible()
        for calculator, (fields, field) in INVALID.items():
            detail = compute(page, calculator, fields)
            assert detail["payload"]["error"]["field"] == field
            assert form(page, calculator).locator("[data-error]").is_visible()
        assert watched.csp_violations() == []
        watched.recorder.assert_clean()
        # The runtime really ran here: WebAssembly compiled under 'wasm-unsafe-eval', in a worker.
        assert any(url.endswith(".wasm") for url in watched.recorder.urls)
    finally:
        page.context.close()


def test_search_works_without_a_csp_violation(chromium, nginx):
    watched = watched_page(chromium, nginx + "/cities/shijiazhuang/")
    page = watched.page
    try:
        page.keyboard.press("/")  # Material's shortcut opens the search
        page.fill("input.md-search__input", "石家庄")
        page.keyboard.press("End")  # Material reads the query on key-up
        page.wait_for_selector(".md-search-result__item", timeout=30_000)
        titles = page.locator(".md-search-result__article h1, .md-search-result__article h2").all_inner_texts()
        assert "石家庄市医保关系转移接续" in [t.replace(ZWSP, "").strip() for t in titles]
        assert watched.csp_violations() == []
        watched.recorder.assert_clean()
        assert watched.recorder.loaded("search_index.json")
    finally:
        page.context.close()


def test_the_listeners_see_a_violation_when_there_is_one(chromium, nginx):
    """The three ways of noticing a violation are not blind: an inline script added to a page
    is refused, and reported."""
    watched = watched_page(chromium, nginx + "/calculators/")
    page = watched.page
    try:
        page.evaluate("""() => { const s = document.createElement('script');
                                 s.textContent = 'window.__ran = true'; document.body.append(s); }""")
        page.wait_for_function("() => window.__cspViolations.length > 0")
        assert page.evaluate("() => window.__ran") is None
        assert any("script-src" in v for v in page.evaluate("() => window.__cspViolations"))
        page.wait_for_timeout(200)
        assert any("inline script" in text for text in watched.console)
        assert any("inline script" in text for text in watched.log)
    finally:
        page.context.close()


INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.I)
HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I)
STYLE = re.compile(r"<style\b|<[a-z][^>]*\sstyle\s*=", re.I)


def test_no_page_has_an_inline_script_style_or_handler(public_site):
    pages = sorted(public_site.rglob("*.html"))
    assert len(pages) > 300
    found = []
    for path in pages:
        text = path.read_text(encoding="utf-8")
        for pattern in (INLINE_SCRIPT, HANDLER, STYLE):
            found += [f"{path.relative_to(public_site)}: {m.group(0)[:80]}" for m in pattern.finditer(text)]
    assert found == [], "\n".join(found[:20])
