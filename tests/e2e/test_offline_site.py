"""The offline bundle of the real site (made as `make offline` makes it), unzipped and opened
from file:// in Chromium with the network cut: every request other than file:, blob: and data: is
aborted and fails the test. From index.html the reader reaches a city page by the links,
Material's Chinese search finds city pages, and every calculator answers on the city page.
"""

from __future__ import annotations

import zipfile
from urllib.parse import urlsplit

import pytest
from browser_helpers import LATE_DECEMBER, LOCAL_SCHEMES, compute, form, wait_ready
from e2e_support import recording_context, search

from calculators.web import handle

pytestmark = pytest.mark.browser

CITY_FILE = "cities/shijiazhuang.html"
ANSWERS = [
    ("transfer-deadline", {"accepted": "2026-04-28"}, ("transfer_in_due", "2026-05-21")),  # Example 6
    ("late-fee", {"owed": "10000.00", "days": "30"}, ("fee", "150.00")),  # Example 1
    ("employee-gap", {"last-paid": "2026-03", "resumed": "2026-06"}, ("gap_months", 2)),  # Example 8 A
    ("resident-waiting", {"lapsed-years": "5"}, ("total_months", 8)),  # Example 10 C
]


def _assert_offline(session) -> None:
    assert session.blocked == [], f"the offline bundle asked the network for: {session.blocked}"
    schemes = {urlsplit(url).scheme for url in session.recorder.urls}
    assert schemes <= LOCAL_SCHEMES, session.recorder.urls
    session.recorder.assert_clean()


@pytest.fixture(scope="module")
def offline(chromium, offline_bundle):
    session = recording_context(chromium, offline=True)
    yield session, offline_bundle.folder
    session.close()


def test_zip_layout(offline_bundle):
    with zipfile.ZipFile(offline_bundle.zip_path) as archive:
        names = archive.namelist()
    assert "yibao-offline/index.html" in names
    assert f"yibao-offline/{CITY_FILE}" in names
    assert "yibao-offline/search/search_index.js" in names  # the offline plugin's inlined index
    assert not [n for n in names if n.endswith((".gz", ".br"))]
    assert any(n.endswith("/embed/pyodide.asm.wasm.js") for n in names)
    assert not [n for n in names if n.endswith("/runtime/pyodide.asm.wasm")]
    assert offline_bundle.zip_bytes < 40_000_000


def test_navigation_from_index_to_a_city_page(offline):
    session, folder = offline
    page = session.new_page()
    page.goto((folder / "index.html").as_uri())
    assert page.locator("h1").first.text_content().strip() != ""
    page.get_by_role("link", name="河北", exact=True).first.click()
    page.wait_for_url("**/provinces/*.html")
    page.get_by_role("link", name="石家庄市", exact=True).first.click()
    page.wait_for_url(f"**/{CITY_FILE}")
    assert page.url == (folder / CITY_FILE).as_uri()
    assert "石家庄市" in page.locator("h1").first.text_content()
    # Material's stylesheet applied (a page without it would have no header bar).
    assert page.locator("header.md-header").is_visible()
    page.close()
    _assert_offline(session)


@pytest.mark.parametrize("query", ["石家庄", "转移接续"])
def test_chinese_search_finds_city_pages(offline, query):
    session, folder = offline
    page = session.new_page()
    page.goto((folder / "index.html").as_uri())
    results = search(page, query)
    assert results, f"no search result for {query}"
    city_hits = [r for r in results if "/cities/" in r["href"]]
    assert city_hits, results
    if query == "石家庄":
        assert urlsplit(results[0]["href"]).path.endswith(CITY_FILE)
        page.locator(".md-search-result__item a.md-search-result__link").first.click()
        page.wait_for_url(f"**/{CITY_FILE}*")
        assert "石家庄市" in page.locator("h1").first.text_content()
    page.close()
    _assert_offline(session)


@pytest.fixture(scope="module")
def city_page(offline):
    session, folder = offline
    page = session.new_page()
    page.goto((folder / CITY_FILE).as_uri())
    yield page, session
    page.close()


@pytest.mark.parametrize(("calculator", "fields", "check"), ANSWERS, ids=[a[0] for a in ANSWERS])
def test_every_calculator_answers_from_disk(city_page, calculator, fields, check):
    page, session = city_page
    detail = compute(page, calculator, fields)
    expected = handle(calculator, detail["fields"])
    assert detail["payload"] == expected
    key, value = check
    assert expected["raw"][key] == value
    assert form(page, calculator).locator("[data-result]").is_visible()
    _assert_offline(session)


def test_field_error_from_disk(city_page):
    page, session = city_page
    detail = compute(page, "late-fee", {"owed": "-5", "days": "30"})
    assert detail["payload"] == handle("late-fee", detail["fields"])
    target = form(page, "late-fee")
    assert target.locator('[name="owed"]').get_attribute("aria-invalid") == "true"
    assert target.locator("#yb-late-fee-owed-error").text_content() == detail["payload"]["error"]["message"]
    _assert_offline(session)


def test_runtime_came_from_the_embed_scripts(city_page):
    page, session = city_page
    compute(page, "transfer-deadline", {"accepted": LATE_DECEMBER})
    metrics = wait_ready(page)
    # The offline bundle carries no memory snapshot (so that the zip stays under 10 MB).
    assert metrics["timings"].get("snapshot") is None and metrics["snapshot"] is None
    assert not session.recorder.loaded("pyodide-snapshot.bin.js")
    assert session.recorder.loaded("pyodide.asm.wasm.js")
    # A real Web Worker from a blob URL, although Material's iframe-worker shim replaced
    # window.Worker under file:// (web/native-worker.js keeps the browser's own).
    assert [w.url for w in page.workers if w.url.startswith("blob:")] != []
    assert page.evaluate("() => window.Worker === window.IFrameWorker && window.__ybNativeWorker !== window.Worker")
    problems = form(page, "transfer-deadline").locator('[data-result] [data-code="calendar_provisional"]')
    assert problems.count() >= 1
    _assert_offline(session)


def test_the_planner_works_from_disk_and_a_city_page_opens_a_plan(offline):
    """The city page's plan form: the other city chosen with the chooser (pinyin, from
    file://), it opens the planner with both cities in the fragment and the plan computed; that
    plan is Python's own answer, with the network cut."""
    session, folder = offline
    page = session.new_page()
    page.goto((folder / CITY_FILE).as_uri())
    other = page.locator("form[data-plan-go] #yb-plan-go-other")
    other.press_sequentially("beijing")
    page.locator("#yb-plan-go-other-list [role=option]").first.wait_for()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    assert other.input_value() == "北京市"
    page.locator("form[data-plan-go] button[type=submit]").click()
    page.wait_for_url("**/plan.html#from=130100&to=*")
    page.wait_for_selector('form[data-calculator="plan"] [data-result]:not([hidden]) ol[data-steps]', timeout=120_000)
    assert form(page, "plan").locator('[name="to"]').input_value() == "北京市"
    detail = compute(page, "plan", {"from": "130100", "to": "北京", "last-paid": "2026-10"})
    assert detail["payload"] == handle("plan", detail["fields"])
    assert page.locator("ol[data-steps] > li[data-step]").count() >= 5
    _assert_offline(session)
    page.close()
