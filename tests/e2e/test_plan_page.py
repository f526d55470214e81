"""The planner's page (/plan/) on the built public site over HTTP, as a reader uses it: a plan
that equals CPython's, an unknown city named next to its field with the closest name, a shared
link (the inputs after "#") that restores the form and computes again, the plan on one A4 page
in print, and no request to any host but the local server."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from browser_helpers import compute, form, same_as_cpython
from e2e_support import recording_context

pytestmark = pytest.mark.browser

PLAN = "plan/"
FIELDS = {"from": "中山", "to": "北京", "last-paid": "2026-10", "accepted": "2026-12-20"}


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
    assert ("enrol", "2027-02-28") in [tuple(s) for s in steps]  # three months after 2026-10, last day
    estimates = page.locator('ol[data-steps] > li[data-step="transfer_out"]').text_content()
    assert "预计 2027-01-04" in estimates  # the year after the notice reads as an estimate
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


def test_the_city_chooser_offers_every_city_with_its_initials(session, site_server):
    page = session.new_page()
    page.goto(site_server.base + PLAN)
    assert form(page, "plan").locator('[name="from"]').get_attribute("list") == "yb-cities"
    options = page.locator("#yb-cities option")
    assert options.count() == 337
    assert page.locator('#yb-cities option[value="北京市"]').get_attribute("label").split()[1] == "bj"


def test_the_plan_prints_on_one_a4_page(session, site_server):
    page = session.new_page()
    page.goto(site_server.base + PLAN + "#from=442000&to=110000&last-paid=2026-10&accepted=2026-12-20")
    page.wait_for_selector('form[data-calculator="plan"] [data-result]:not([hidden]) ol[data-steps]', timeout=120_000)
    page.emulate_media(media="print")
    assert page.locator(".yb-computed time").count() == 1 and page.locator(".yb-plan-sources li").count() >= 3
    assert not page.locator('form[data-calculator="plan"] [name="from"]').is_visible()
    pdf = page.pdf(prefer_css_page_size=True)
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
    session.recorder.assert_clean()
