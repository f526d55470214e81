"""The planner's page (/plan/) on the built public site over HTTP, as a reader uses it: a plan
that equals CPython's, an unknown city named next to its field with the closest name, a shared
link (the inputs after "#") that restores the form and computes again, the plan on one A4 page
in print, and no request to any host but the local server."""

from __future__ import annotations

import datetime
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from browser_helpers import ESTIMATED, LATE_DECEMBER, assert_no_iso_in_visible_text, compute, form, same_as_cpython
from e2e_support import recording_context

from calculators.text import date_words

pytestmark = pytest.mark.browser

PLAN = "plan/"
# The last payment in October and the acceptance late in December of the last official year: the
# deadlines fall in the year the calendar estimates, whichever notices are out.
LAST_PAID = f"{ESTIMATED - 1}-10"
FIELDS = {"from": "中山", "to": "北京", "last-paid": LAST_PAID, "accepted": LATE_DECEMBER}


@pytest.fixture(scope="module")
def session(chromium):
    session = recording_context(chromium)
    yield session
    session.close()


def steps_of(page) -> list[tuple[str, str | None]]:
    return page.locator("ol[data-steps] > li").evaluate_all(
        "items => items.map(li => [li.dataset.step, li.querySelector('time') && li.querySelector('time').getAttribute('datetime')])")


def test_a_plan_is_the_same_as_on_cpython_and_its_link_restores_it(session, site_server):
    page = session.new_page()
    page.goto(site_server.base + PLAN)
    expected = same_as_cpython(compute(page, "plan", FIELDS), "plan")
    steps = steps_of(page)
    assert [code for code, _ in steps] == [step["code"] for step in expected["steps"]]
    enrol = next(step["due"] for step in expected["raw"]["steps"] if step["code"] == "enrol")
    assert enrol == f"{ESTIMATED}-02-{28 if ESTIMATED % 4 else 29}"  # three months after October, last day
    assert ("enrol", enrol) in [tuple(s) for s in steps]
    estimates = page.locator('ol[data-steps] > li[data-step="transfer_out"]').text_content()
    estimate = datetime.date.fromisoformat(expected["raw"]["transfer_out_estimate"]["date"])
    assert f"预计{date_words(estimate)}" in estimates  # the year after the notice reads as an estimate
    shared = page.url
    assert parse_qs(urlsplit(shared).fragment)["from"] == ["中山"]

    # Opening the shared link: the form comes back filled and computes by itself.
    again = session.new_page()
    again.goto(shared)
    again.wait_for_selector('form[data-calculator="plan"] [data-result]:not([hidden]) ol[data-steps]', timeout=120_000)
    assert form(again, "plan").locator('[name="to"]').input_value() == "北京"
    assert steps_of(again) == steps
    session.recorder.assert_clean()


def test_an_unknown_city_is_named_next_to_its_field(session, site_server):
    page = session.new_page()
    page.goto(site_server.base + PLAN)
    detail = compute(page, "plan", {"from": "中三", "to": "北京"})
    message = "没有名为“中三”的城市，是否是“中山”？"
    assert detail["payload"]["error"] == {"code": "unknown_city", "field": "from", "message": message}
    target = form(page, "plan")
    assert target.locator('[name="from"]').get_attribute("aria-invalid") == "true"
    assert target.locator("#yb-plan-from-error").text_content() == message
    session.recorder.assert_clean()


def test_the_city_chooser_takes_pinyin_from_the_keyboard(session, site_server):
    """The WAI-ARIA combobox with a real keyboard: 'beijing' offers 北京市 alone, 'bj' offers it
    first (毕节 has the same initials), ArrowDown and Enter take it; every city can be offered."""
    page = session.new_page()
    page.goto(site_server.base + PLAN)
    field = form(page, "plan").locator('[name="to"]')
    page.wait_for_function("() => document.querySelector('form[data-calculator=\"plan\"] [name=\"to\"]').getAttribute('role') === 'combobox'")
    assert field.get_attribute("list") is None and field.get_attribute("aria-expanded") == "false"
    listbox = page.locator("#" + field.get_attribute("aria-controls"))
    field.press_sequentially("zs")  # initials shared by 舟山 and 中山: both offered
    listbox.locator('[role="option"]').first.wait_for()
    assert {"中山市", "舟山市"} <= set(listbox.locator('[role="option"] .yb-chooser-name').all_text_contents())
    for typed, first in (("beijing", "北京市"), ("bj", "北京市"), ("zhongshan", "中山市"), ("chongqing", "重庆市")):
        field.fill("")
        field.press_sequentially(typed)
        listbox.locator('[role="option"]').first.wait_for()
        assert listbox.locator('[role="option"] .yb-chooser-name').first.text_content() == first
        assert field.get_attribute("aria-expanded") == "true"
        page.keyboard.press("ArrowDown")
        assert page.locator("#" + field.get_attribute("aria-activedescendant")).get_attribute("aria-selected") == "true"
        page.keyboard.press("Enter")
        assert field.input_value() == first and listbox.is_hidden()
    assert page.evaluate("() => window.__ybPlaces.length") == 337  # every city can be offered
    session.recorder.assert_clean()


PHONE = {"width": 390, "height": 844}


def test_the_two_city_fields_are_on_a_phones_first_screen(chromium, site_server):
    """On a 390 × 844 screen the 转出地 and 转入地 fields are within the first 844 px."""
    session = recording_context(chromium, viewport=PHONE, device_scale_factor=3, is_mobile=True, has_touch=True)
    try:
        page = session.new_page()
        page.goto(site_server.base + PLAN)
        boxes = [form(page, "plan").locator(f'[name="{name}"]').bounding_box() for name in ("from", "to")]
        print(f"\n/plan/ at 390x844: 转出地 field y={boxes[0]['y']:.0f}–{boxes[0]['y'] + boxes[0]['height']:.0f}, "
              f"转入地 field y={boxes[1]['y']:.0f}–{boxes[1]['y'] + boxes[1]['height']:.0f}")
        assert all(box["y"] + box["height"] <= PHONE["height"] for box in boxes), boxes
        assert page.evaluate("() => window.scrollY") == 0
    finally:
        session.close()


def test_planning_ahead_gives_dated_steps_and_its_link_restores_them(session, site_server):
    """An acceptance after today (the device's, filled in by the page) is a plan, not an error;
    the shared link leaves today out and restores the same dated steps."""
    page = session.new_page()
    page.goto(site_server.base + PLAN)
    target = form(page, "plan")
    today = page.evaluate("() => { const d = new Date(); return [d.getFullYear(), d.getMonth() + 1, d.getDate()]; }")
    device = f"{today[0]:04d}-{today[1]:02d}-{today[2]:02d}"
    assert target.locator('[name="today"]').input_value() == device
    later = (datetime.date(*today) + datetime.timedelta(days=45)).isoformat()
    detail = compute(page, "plan", {"from": "中山", "to": "北京", "accepted": later})
    assert detail["fields"]["today"] == device  # still an argument to Python
    expected = same_as_cpython(detail, "plan")
    assert "error" not in expected and target.locator("[data-error]").is_hidden()
    assert expected["raw"]["transfer_status"] == "not_accepted"
    status = target.locator(".yb-row-status dd").all_text_contents()
    assert any(text.startswith("尚未受理") for text in status), status
    steps = dict(steps_of(page))
    assert steps["apply"] == later
    out = target.locator('li[data-step="transfer_out"]')
    assert steps["transfer_out"] is not None or "预计" in out.text_content()  # a date, or an estimate with its range
    shared = page.url
    assert "today" not in parse_qs(urlsplit(shared).fragment)
    assert parse_qs(urlsplit(shared).fragment)["accepted"] == [later]
    again = session.new_page()
    again.goto(shared)
    again.wait_for_selector('form[data-calculator="plan"] [data-result]:not([hidden]) ol[data-steps]', timeout=120_000)
    assert steps_of(again) == steps_of(page)
    assert form(again, "plan").locator("[data-error]").is_hidden()
    # Each step says in words what it rests on; the full list is folded under the plan.
    basis = target.locator("ol[data-steps] > li .yb-step-basis").all_text_contents()
    assert len(basis) == len(steps) and all(text.startswith("依据") for text in basis)
    toggle = target.locator(".yb-sources-toggle")
    assert toggle.get_attribute("aria-expanded") == "false" and target.locator(".yb-plan-sources ol").is_hidden()
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true" and target.locator(".yb-plan-sources ol").is_visible()
    assert_no_iso_in_visible_text(page)
    session.recorder.assert_clean()


def test_the_plan_prints_on_one_a4_page(session, site_server):
    page = session.new_page()
    page.goto(site_server.base + PLAN + f"#from=442000&to=110000&last-paid={LAST_PAID}&accepted={LATE_DECEMBER}")
    page.wait_for_selector('form[data-calculator="plan"] [data-result]:not([hidden]) ol[data-steps]', timeout=120_000)
    page.emulate_media(media="print")
    assert page.locator(".yb-computed time").count() == 1 and page.locator(".yb-plan-sources li").count() >= 3
    assert not page.locator('form[data-calculator="plan"] [name="from"]').is_visible()
    # Print keeps each step's grade in words and the full list of sources, folded on screen.
    assert page.locator(".yb-plan-sources ol").is_visible() and page.locator(".yb-step-basis").first.is_visible()
    pdf = page.pdf(prefer_css_page_size=True)
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
    session.recorder.assert_clean()
