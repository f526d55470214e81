"""Each calculator in Chromium, over HTTP (with the site's CSP) and from file:// (offline embed):
a correct answer, a field error shown next to its field, and the calendar-not-covered answer.

The answer Pyodide sends back must equal what `calculators.web.handle` returns on CPython for the
same fields, and the page must show exactly those rows. The worked examples are those of the
vectors (tests/vectors/: examples 1, 4, 7, 8 and 10, each citing the document it applies).
"""

from __future__ import annotations

import pytest

from browser_helpers import (
    ESTIMATED,
    FAST_RATE,
    LATE_DECEMBER,
    LOCAL_SCHEMES,
    NEW_YEAR,
    assert_rows_shown,
    compute,
    form,
    same_as_cpython,
)

from calculators.registry import BY_NAME

pytestmark = pytest.mark.browser

# Each calculator's sample input (its registry entry) and what the worked example says of it.
EXPECTED = {
    "transfer-deadline": ("transfer_in_due", "2026-03-09"),  # Example 4
    "late-fee": ("fee", "150.00"),  # Example 1
    "employee-gap": ("gap_months", 2),  # Example 8 A
    "resident-waiting": ("total_months", 8),  # Example 10 C
    # Example 2 (45 days, 82.13) and a second month of 17 days (10000.00 × 0.05% × 17 = 85.00).
    "back-payment": ("total_fee", "167.13"),
}
ANSWERS = [(name, BY_NAME[name].sample, check) for name, check in EXPECTED.items()]
FIELD_ERRORS = [(name, *BY_NAME[name].invalid) for name in EXPECTED]


@pytest.mark.parametrize(("calculator", "fields", "check"), ANSWERS, ids=[a[0] for a in ANSWERS])
def test_correct_answer(loaded_page, calculator, fields, check):
    page, recorder = loaded_page
    detail = compute(page, calculator, fields)
    expected = same_as_cpython(detail, calculator)
    key, value = check
    assert expected["raw"][key] == value
    assert_rows_shown(page, calculator, expected)
    result = form(page, calculator).locator("[data-result]")
    assert result.is_visible()
    assert form(page, calculator).locator("[data-error]").is_hidden()
    notes = result.locator(".yb-notes li").all_text_contents()
    assert notes == expected["notes"]
    recorder.assert_clean()


def test_back_payment_table_is_drawn_as_python_laid_it_out(loaded_page):
    page, recorder = loaded_page
    fields = {"month": "2026-01:3650.00:2026-02-15\n2026-02 10000.00 2026-03-15", "paid": "2026-04-01"}
    expected = same_as_cpython(compute(page, "back-payment", fields), "back-payment")
    table = form(page, "back-payment").locator("[data-result] table.yb-data-table")
    assert table.locator("caption").text_content() == expected["table"]["caption"]
    assert table.locator("thead th[scope=col]").all_text_contents() == expected["table"]["columns"]
    body = table.locator("tbody tr").evaluate_all("rows => rows.map(r => [...r.cells].map(c => c.textContent))")
    assert body == expected["table"]["rows"]
    assert table.locator("tfoot th, tfoot td").all_text_contents() == expected["table"]["footer"]
    recorder.assert_clean()


def test_transfer_dates_are_time_elements(loaded_page):
    page, recorder = loaded_page
    compute(page, "transfer-deadline", {"accepted": "2026-02-10"})
    result = form(page, "transfer-deadline").locator("[data-result]")
    # worked example 4 (医保办发〔2021〕43号 with 《国务院办公厅关于2026年部分节假日安排的通知》): 转出地 2026-03-02, latest completion 2026-03-09.
    assert result.locator('time[datetime="2026-03-02"]').count() == 1
    assert result.locator('time[datetime="2026-03-09"]').count() == 1
    for value in result.locator("time").evaluate_all("ts => ts.map(t => t.getAttribute('datetime'))"):
        assert len(value) == 10 and value[4] == "-" and value[7] == "-"
    recorder.assert_clean()


@pytest.mark.parametrize(("calculator", "fields", "field"), FIELD_ERRORS, ids=[e[0] for e in FIELD_ERRORS])
def test_field_error_next_to_field(loaded_page, calculator, fields, field):
    page, recorder = loaded_page
    detail = compute(page, calculator, fields)
    expected = same_as_cpython(detail, calculator)
    assert expected["error"]["field"] == field
    message = expected["error"]["message"]
    target = form(page, calculator)
    alert = target.locator("[data-error]")
    assert alert.get_attribute("role") == "alert"
    assert alert.is_visible() and alert.text_content() == message
    assert target.locator("[data-result]").is_hidden()
    field_input = target.locator(f'[name="{field}"]')
    assert field_input.get_attribute("aria-invalid") == "true"
    error_id = field_input.get_attribute("id") + "-error"
    assert error_id in field_input.get_attribute("aria-describedby").split()
    beside = target.locator(f"#{error_id}")
    assert beside.is_visible() and beside.text_content() == message
    # Only the named field is marked.
    assert target.locator('[aria-invalid="true"]').count() == 1
    recorder.assert_clean()


def test_error_cleared_by_next_answer(loaded_page):
    page, recorder = loaded_page
    compute(page, "late-fee", {"owed": "-5", "days": "30"})
    compute(page, "late-fee", {"owed": "3650.00", "days": "45"})
    target = form(page, "late-fee")
    assert target.locator('[aria-invalid="true"]').count() == 0
    assert target.locator("[data-error]").is_hidden()
    assert target.locator(".yb-field-error:visible").count() == 0
    recorder.assert_clean()


def test_a_deadline_before_the_notice_is_shown_as_an_estimate_with_its_count(loaded_page):
    page, recorder = loaded_page
    detail = compute(page, "transfer-deadline", {"accepted": LATE_DECEMBER})
    expected = same_as_cpython(detail, "transfer-deadline")
    assert expected["raw"]["transfer_out_due"] is None
    result = form(page, "transfer-deadline").locator("[data-result]")
    problems = result.locator('[data-code="calendar_provisional"]')
    assert problems.count() == 2
    assert problems.first.text_content() == expected["problems"][0]["message"]
    estimate = result.locator(".yb-estimate time[data-estimate]").first
    row = next(r for r in expected["rows"] if r["type"] == "estimate")
    assert estimate.get_attribute("datetime") == row["value"] == expected["raw"]["transfer_out_estimate"]["date"]
    assert estimate.text_content() == row["text"] and row["text"].startswith(f"预计 {ESTIMATED}年")
    assert result.locator(f'.yb-row-date time[datetime^="{ESTIMATED}"]').count() == 0  # never a bare date
    # The picture: a table with a caption, each counted day numbered, both deadlines circled.
    table = result.locator("table.yb-count-table").first
    assert table.locator("caption").text_content().startswith("从受理日")
    assert table.locator("th[scope=col]").count() == 7
    assert result.locator("td.yb-day-deadline").count() == 2
    assert result.locator(f'td[data-date="{NEW_YEAR}"].yb-day-holiday.yb-day-estimated').count() == 1
    assert "元旦" in result.locator(f'td[data-date="{NEW_YEAR}"] .yb-sr').text_content()
    assert form(page, "transfer-deadline").locator("[data-error]").is_hidden()
    recorder.assert_clean()


def test_prefilled_city_value_reaches_python(loaded_page):
    page, recorder = loaded_page
    detail = compute(page, "employee-gap", {"last-paid": "2026-03", "resumed": "2026-08"})
    assert detail["fields"]["local-max-wait"] == "6"  # the city's value in the test page
    expected = same_as_cpython(detail, "employee-gap")
    assert expected["raw"]["max_waiting_months"] == 6
    recorder.assert_clean()


def test_runtime_came_from_the_page_itself(loaded_page):
    page, recorder = loaded_page
    compute(page, "late-fee", {"owed": "100", "days": "1"})
    metrics = page.evaluate("() => window.__ybCalcMetrics")
    if page.mode == "file":
        # The offline bundle carries no snapshot: Python boots from the trimmed library.
        assert metrics["timings"].get("snapshot") is None
        assert not recorder.loaded("pyodide-snapshot.bin.js")
        schemes = {url.split(":", 1)[0] for url in recorder.urls}
        assert schemes <= LOCAL_SCHEMES, f"an offline page made network requests: {schemes}"
        assert recorder.loaded("pyodide.asm.wasm.js")  # the embed script, not the binary
        assert not recorder.loaded("pyodide.asm.wasm")
    else:
        # The page chose by how fast it arrived (loopback: normally fast, but this machine may be
        # busy), and Python was restored from the snapshot exactly when it was fetched.
        assert metrics["snapshot"] is (metrics["rate"] >= FAST_RATE)
        assert (metrics["timings"].get("snapshot") is True) is metrics["snapshot"]
        assert recorder.loaded("pyodide-snapshot.bin") is metrics["snapshot"]
        assert recorder.loaded("pyodide.asm.wasm")
        assert not recorder.loaded("pyodide.asm.wasm.js")
    recorder.assert_clean()
