"""The four calculators on the real 石家庄 city page, as the public site serves it over HTTP.

The site is the one `mkdocs build --strict` makes (`public_site`), served on 127.0.0.1. On the
city page each calculator gives the answer of a worked example of the vectors (the same
answer `calculators.web.handle` gives on CPython, shown row by row), an input error next to the
field it names, and the transfer calculator answers an acceptance late in December with estimates,
as the next year's holiday notice is not out. The page loads nothing of the runtime before the
reader touches a calculator, and no request leaves 127.0.0.1.
"""

from __future__ import annotations

import json

import pytest
from browser_helpers import (
    ESTIMATED,
    FAST_RATE,
    LATE_DECEMBER,
    assert_rows_shown,
    compute,
    form,
    same_as_cpython,
    wait_ready,
)
from e2e_support import recording_context, runtime_requests

from sitegen.pages.forms import CALCULATOR_SECTIONS, forms_in


pytestmark = pytest.mark.browser

CITY = "cities/shijiazhuang/"
CITY_NAME = "石家庄市"

# (calculator, fields typed, (raw key, value of the worked example))
ANSWERS = [
    ("transfer-deadline", {"accepted": "2026-09-24"}, ("transfer_in_due", "2026-10-22")),  # Example 5
    ("late-fee", {"owed": "3650.00", "days": "45"}, ("fee", "82.13")),  # Example 2, half up
    ("employee-gap", {"last-paid": "2026-03", "resumed": "2026-08"}, ("gap_months", 4)),  # Example 8 B
    ("resident-waiting", {"lapsed-years": "2", "repaired-years": "2"}, ("total_months", 3)),  # Example 10 B
]
# (calculator, fields typed, the field Python names)
FIELD_ERRORS = [
    ("transfer-deadline", {"accepted": "2026-09-24", "received": "2026-09-01"}, "received"),
    ("late-fee", {"owed": "abc", "days": "3"}, "owed"),
    ("employee-gap", {"last-paid": "2026-03", "resumed": "2026-06", "local-max-wait": "9"}, "local-max-wait"),
    ("resident-waiting", {"lapsed-years": "-1"}, "lapsed-years"),
]


@pytest.fixture(scope="module")
def city(chromium, site_server):
    """The city page in its own context, opened once; `before` holds what it requested before
    any interaction (after the load and a quiet second)."""
    session = recording_context(chromium)
    page = session.new_page()
    page.goto(site_server.base + CITY)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(1000)
    page.before = list(session.recorder.urls)
    page.before_metrics = page.evaluate("() => window.__ybCalcMetrics && window.__ybCalcMetrics.requested")
    yield page, session
    session.close()


def test_reading_the_whole_page_loads_no_runtime(chromium, site_server):
    """A reader on a phone who scrolls the whole city page, past the calculators and back, and
    never touches a field downloads none of the runtime."""
    session = recording_context(chromium, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    try:
        page = session.new_page()
        page.goto(site_server.base + CITY)
        page.wait_for_load_state("networkidle")
        height = page.evaluate("() => document.documentElement.scrollHeight")
        for y in range(0, height + 844, 600):
            page.evaluate("y => window.scrollTo(0, y)", y)
            page.wait_for_timeout(50)
        form(page, "late-fee").scroll_into_view_if_needed()
        page.wait_for_timeout(1500)
        page.evaluate("() => window.scrollTo(0, 0)")
        page.wait_for_timeout(500)
        assert page.evaluate("() => window.__ybCalcMetrics.requested") is None
        assert runtime_requests(session.recorder.urls) == []
        session.recorder.assert_clean()
    finally:
        session.close()


def test_no_runtime_request_before_interaction(city, site_server):
    page, session = city
    assert page.locator("form[data-calculator]").count() == len(forms_in(CALCULATOR_SECTIONS))  # the planner has its own page
    assert page.before_metrics is None, "the runtime was requested on page load"
    assert runtime_requests(page.before) == []
    assert any(url.endswith("/calc.js") for url in page.before)  # the small script only
    session.recorder.assert_clean()


def test_page_is_the_city_page(city):
    page, session = city
    assert CITY_NAME in page.locator("h1").first.text_content()
    versions = page.locator(".yb-calculators").evaluate_all("els => els.map(e => e.dataset.calcVersion)")
    assert len(versions) == 1
    # The forms load their files from the site's own versioned folder.
    sources = page.locator(".yb-calculators script").evaluate_all("els => els.map(e => e.getAttribute('src'))")
    assert sources == [f"../../assets/calc/{versions[0]}/{name}" for name in ("calc.js", "chooser.js")]


@pytest.mark.parametrize(("calculator", "fields", "check"), ANSWERS, ids=[a[0] for a in ANSWERS])
def test_correct_answer(city, calculator, fields, check):
    page, session = city
    detail = compute(page, calculator, fields)
    expected = same_as_cpython(detail, calculator)
    key, value = check
    assert expected["raw"][key] == value
    assert_rows_shown(page, calculator, expected)
    assert form(page, calculator).locator("[data-error]").is_hidden()
    session.recorder.assert_clean()


def test_transfer_dates_are_time_elements(city):
    page, session = city
    compute(page, "transfer-deadline", {"accepted": "2026-09-24"})
    result = form(page, "transfer-deadline").locator("[data-result]")
    # Example 5: 转出地 2026-10-15 (the adjusted working day 10-10 counts), latest 2026-10-22.
    assert result.locator('time[datetime="2026-10-15"]').count() == 1
    assert result.locator('time[datetime="2026-10-22"]').count() == 1
    session.recorder.assert_clean()


@pytest.mark.parametrize(("calculator", "fields", "field"), FIELD_ERRORS, ids=[e[0] for e in FIELD_ERRORS])
def test_field_error_next_to_field(city, calculator, fields, field):
    page, session = city
    detail = compute(page, calculator, fields)
    expected = same_as_cpython(detail, calculator)
    assert expected["error"]["field"] == field
    target = form(page, calculator)
    message = expected["error"]["message"]
    assert target.locator("[data-error]").text_content() == message
    field_input = target.locator(f'[name="{field}"]')
    assert field_input.get_attribute("aria-invalid") == "true"
    beside = target.locator(f"#{field_input.get_attribute('id')}-error")
    assert beside.is_visible() and beside.text_content() == message
    assert target.locator('[aria-invalid="true"]').count() == 1
    assert target.locator("[data-result]").is_hidden()
    session.recorder.assert_clean()


def test_estimates_for_late_december(city):
    """Late December of the last official year, as Example 7 was before the 2027 notice."""
    page, session = city
    detail = compute(page, "transfer-deadline", {"accepted": LATE_DECEMBER})
    expected = same_as_cpython(detail, "transfer-deadline")
    assert expected["raw"]["transfer_out_due"] is None and expected["raw"]["transfer_out_estimate"]
    result = form(page, "transfer-deadline").locator("[data-result]")
    problems = result.locator('[data-code="calendar_provisional"]')
    assert problems.count() == len(expected["problems"]) >= 1
    assert f"{ESTIMATED} 年的放假安排" in problems.first.text_content()
    assert result.locator(f'.yb-row-date time[datetime^="{ESTIMATED}"]').count() == 0
    assert result.locator(f'.yb-estimate time[datetime^="{ESTIMATED}"]').count() == 2
    assert result.locator("table.yb-count-table").count() >= 1
    assert form(page, "transfer-deadline").locator("[data-error]").is_hidden()
    session.recorder.assert_clean()


def test_runtime_came_from_the_site_after_interaction(city, site_server):
    page, session = city
    compute(page, "late-fee", {"owed": "100", "days": "1"})
    metrics = wait_ready(page)
    # The page chose by how fast it arrived, and Python was restored from the memory snapshot
    # exactly when it was fetched.
    assert metrics["snapshot"] is (metrics["rate"] >= FAST_RATE)
    assert (metrics["timings"].get("snapshot") is True) is metrics["snapshot"]
    later = runtime_requests(session.recorder.urls)
    assert any(u.endswith("/runtime/pyodide.asm.wasm") for u in later)
    assert all(u.startswith(("blob:", site_server.base)) for u in later)
    # The server saw the runtime's files too (the worker's requests, not only the page's).
    assert any(path.endswith("/runtime/python_stdlib.zip") for path in site_server.seen)
    session.recorder.assert_clean()


def test_calculators_stay_out_of_the_search_index(public_site):
    """The forms are marked data-search-exclude; the index holds the city's text, not theirs."""
    docs = json.loads((public_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    city_docs = [d for d in docs if d["location"].startswith(CITY)]
    assert city_docs, "the city page is not in the search index"
    # Words only the forms show: the optional-field marker and the retry button.
    for doc in docs:
        text = (doc["title"] + doc["text"]).replace("\u200b", "")
        assert "（可不填）" not in text and "重试" not in text, doc["location"]
