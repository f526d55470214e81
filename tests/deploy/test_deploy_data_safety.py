"""Text from the data is escaped wherever it is rendered. A small dataset (tests/site's fixture
plus one city written here) puts HTML, script tags, event handlers, a `javascript:` link and
Markdown markup into a city's name, short name, agency, local facts and source notes; the site
is built with `mkdocs build --strict` and opened in Chromium from a plain HTTP server — without
the Content-Security-Policy, so it is the escaping, not the policy, that is tested. Nothing may
execute (every payload would set window.__pwned, add an element or open a dialog) and the text
must show literally: in the title, the description, the heading, the body, the province page,
the calculators' hints and the search results."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from browser_helpers import compute
from site_build import ROOT, mkdocs_build
from site_fixture_data import write_dataset

from tools.servers import serve_folder

pytestmark = pytest.mark.browser

NAME = '<img src=x onerror="window.__pwned=\'name\'">珠海市<script>window.__pwned="name-script"</script>'
SHORT = "珠海<svg onload=\"window.__pwned='short'\">"
AGENCY = "\"><script>window.__pwned='agency'</script>珠海市医疗保障局"
NOTE = ("测试：<script>document.body.append(Object.assign(document.createElement('p'), {id: 'pwned'}))</script>"
        "<img src=x onerror=\"window.__pwned='note'\"> [链接](javascript:window.__pwned='link') **不是粗体**")
WAIT_TEXT = "测试：等待期<iframe src=\"javascript:parent.__pwned='wait'\"></iframe>最长 3 个月。"
SOURCE_NOTE = "<b onmouseover=\"window.__pwned='source'\">文号未确认</b>"


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


CITY = f"""\
code: '440400'
name: {_quoted(NAME)}
short_name: {_quoted(SHORT)}
province: '440000'
kind: city
slug: zhuhai
agency: {_quoted(AGENCY)}
facts:
  - kind: note
    text: {_quoted(NOTE)}
    source:
      document: 测试用的地方文件
      url: https://example.org/zh
      grade: L
      checked_on: 2026-11-20
      note: {_quoted(SOURCE_NOTE)}
  - kind: max_waiting_months
    text: {_quoted(WAIT_TEXT)}
    value: 3
    unit: 个月
    source:
      document: 测试用的地方文件
      url: https://example.org/zh2
      grade: L
      checked_on: 2026-11-20
"""


def _project(root: Path) -> Path:
    """The MkDocs project (a copy of mkdocs.yml using this repository's hook, and docs/) around
    the fixture dataset."""
    write_dataset(root)
    (root / "data" / "cities" / "440400.yaml").write_text(CITY, encoding="utf-8")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("- sitegen/site/hook.py", f"- {ROOT / 'sitegen' / 'site' / 'hook.py'}")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    shutil.copytree(ROOT / "docs", root / "docs")
    return root



@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> str:
    root = _project(tmp_path_factory.mktemp("hostile"))
    proc = mkdocs_build(root / "site", root / "mkdocs.yml")
    assert proc.returncode == 0, f"mkdocs build --strict failed:\n{proc.stdout}\n{proc.stderr}"
    with serve_folder(root / "site") as served:
        yield served.base.rstrip("/")


@pytest.fixture
def page(chromium):
    context = chromium.new_context(locale="zh-CN")
    tab = context.new_page()
    tab.dialogs = []
    tab.on("dialog", lambda dialog: (tab.dialogs.append(dialog.message), dialog.dismiss()))
    yield tab
    context.close()


def _nothing_ran(page) -> None:
    page.wait_for_load_state("networkidle")
    assert page.evaluate("() => window.__pwned") is None
    assert page.dialogs == []
    assert page.locator("#pwned").count() == 0
    # No element carries an event handler or a javascript: URL; no data-born img/svg/iframe.
    assert page.evaluate("""() => [...document.querySelectorAll('*')].flatMap(el =>
        [...el.attributes].filter(a => /^on/i.test(a.name) || /^\\s*javascript:/i.test(a.value))
                          .map(a => el.tagName + ' ' + a.name + '=' + a.value))""") == []
    assert page.locator('img[src="x"], iframe, article svg[onload]').count() == 0
    inline = page.evaluate("() => [...document.scripts].filter(s => !s.src && s.type !== 'application/json')"
                           ".map(s => s.outerHTML)")
    assert inline == []


def _text(page, selector: str) -> str:
    return re.sub(r"\s+", " ", page.locator(selector).inner_text())


def test_city_page_shows_the_markup_as_text_and_runs_none(page, hostile_site):
    page.goto(hostile_site + "/cities/zhuhai/")
    _nothing_ran(page)
    assert NAME in page.title()
    assert page.locator("article h1").inner_text().startswith(NAME)
    description = page.locator('meta[name="description"]').get_attribute("content")
    assert NAME in description
    body = _text(page, "article")
    for text in (NOTE, WAIT_TEXT, AGENCY, "文号未确认"):
        assert re.sub(r"\s+", " ", text) in body, text
    assert SOURCE_NOTE in body
    # Markdown in the data is not Markdown on the page: no link was made, no bold.
    assert page.locator("article a", has_text="链接").count() == 0
    assert page.locator("article strong", has_text="不是粗体").count() == 0


def test_calculators_hint_names_the_city_literally_and_still_computes(page, hostile_site):
    page.goto(hostile_site + "/cities/zhuhai/")
    hint = page.locator('form[data-calculator="employee-gap"] .yb-hint', has_text="已按").first
    assert f"已按{NAME}的数据预填" in hint.inner_text()
    detail = compute(page, "employee-gap", {"last-paid": "2026-03", "resumed": "2026-08"})
    assert detail["payload"].get("rows")
    _nothing_ran(page)


def test_province_page_and_navigation_show_the_name_literally(page, hostile_site):
    page.goto(hostile_site + "/provinces/guangdong/")
    _nothing_ran(page)
    link = page.locator('article a[href$="cities/zhuhai/"]')
    assert link.count() >= 1
    assert NAME in link.first.inner_text() or SHORT in link.first.inner_text()


def test_search_results_show_the_name_literally(page, hostile_site):
    page.goto(hostile_site + "/")
    page.keyboard.press("/")
    page.fill("input.md-search__input", "珠海市")
    page.keyboard.press("End")  # Material reads the query on key-up
    page.wait_for_selector(".md-search-result__item", timeout=30_000)
    titles = [t.replace("\u200b", "") for t in page.locator(".md-search-result__article h1").all_inner_texts()]
    assert any("珠海市" in t and "<img src=x" in t for t in titles), titles
    _nothing_ran(page)


def test_the_checks_would_see_a_payload_that_ran(page, hostile_site):
    """The same checks fail on a page where the markup is live (inserted unescaped)."""
    page.goto(hostile_site + "/cities/zhuhai/")
    page.evaluate("html => document.querySelector('article').insertAdjacentHTML('beforeend', html)",
                  NOTE.split("[")[0])
    page.wait_for_function("() => window.__pwned === 'note'")
    with pytest.raises(AssertionError):
        _nothing_ran(page)
