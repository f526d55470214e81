"""axe-core (npm) in Chromium on the nginx-served site: no serious or critical violation on a
city page, on the 常见问题 page, on the calculators page with every calculator's result shown, and with every
calculator's field error shown. The context bypasses the CSP only so axe can be injected (the
CSP itself is tested in test_deploy_csp.py); all results go to the terminal summary."""

from __future__ import annotations

import pytest

from browser_helpers import ESTIMATED, LATE_DECEMBER, compute, form
from deploy_checks import AUDITS, AXE, INVALID, VALID, run_axe, serious

pytestmark = pytest.mark.browser


@pytest.fixture
def axe_page(chromium):
    context = chromium.new_context(locale="zh-CN", bypass_csp=True)
    page = context.new_page()
    yield page
    context.close()


def _record(state: str, violations: list[dict]) -> None:
    counts = {}
    for v in violations:
        counts[v["impact"]] = counts.get(v["impact"], 0) + 1
    shown = ", ".join(f"{impact} {n}" for impact, n in sorted(counts.items())) or "none"
    AUDITS[f"axe-{state}"] = f"axe-core {state}: violations {shown}"


def test_city_page(axe_page, nginx):
    axe_page.goto(nginx + "/cities/shijiazhuang/")
    violations = run_axe(axe_page)
    _record("city page", violations)
    assert serious(violations) == []


def test_questions_page(axe_page, nginx):
    axe_page.goto(nginx + "/questions/")
    violations = run_axe(axe_page)
    _record("questions page", violations)
    assert serious(violations) == []


def test_calculators_page_with_results_shown(axe_page, nginx):
    axe_page.goto(nginx + "/calculators/")
    for calculator, fields in VALID.items():
        compute(axe_page, calculator, fields)
        assert form(axe_page, calculator).locator("[data-result] .yb-row").count() > 0
    violations = run_axe(axe_page)
    _record("calculators page, results shown", violations)
    assert serious(violations) == []


def test_calculators_page_with_field_errors_shown(axe_page, nginx):
    axe_page.goto(nginx + "/calculators/")
    for calculator, (fields, field) in INVALID.items():
        compute(axe_page, calculator, fields)
        target = form(axe_page, calculator)
        assert target.locator("[data-error]").is_visible()
        assert target.locator(f'[name="{field}"]').get_attribute("aria-invalid") == "true"
    violations = run_axe(axe_page)
    _record("calculators page, field errors shown", violations)
    assert serious(violations) == []


def test_axe_is_not_blind(axe_page, nginx):
    """A nameless button and a nameless image, added to a served page, are reported."""
    axe_page.goto(nginx + "/calculators/")
    axe_page.evaluate("""() => {
        document.querySelector('article').append(document.createElement('button'));
        const img = document.createElement('img');
        img.src = 'data:,';
        document.querySelector('article').append(img);
    }""")
    found = {v["id"] for v in run_axe(axe_page)}
    assert {"button-name", "image-alt"} <= found


def test_the_count_picture_of_an_estimate_has_no_violation_at_all(axe_page, nginx):
    """The transfer deadline into the estimated year: estimate rows and the month table of the
    count (caption, column headers, a screen-reader label per day, the legend)."""
    axe_page.goto(nginx + "/calculators/")
    compute(axe_page, "transfer-deadline", {"accepted": LATE_DECEMBER, "today": f"{ESTIMATED}-01-12"})
    result = form(axe_page, "transfer-deadline").locator("[data-result]")
    assert result.locator("table.yb-count-table caption").count() == 1
    assert result.locator(".yb-estimate").count() == 2
    axe_page.add_script_tag(path=str(AXE))
    found = axe_page.evaluate("""() => axe.run(
        document.querySelector('form[data-calculator="transfer-deadline"] [data-result]'),
        {resultTypes: ['violations']})""")["violations"]
    _record("transfer-deadline estimate and count picture", found)
    assert [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in found] == []


def test_the_planner_with_a_plan_shown_has_no_violation_at_all(axe_page, nginx):
    axe_page.goto(nginx + "/plan/")
    compute(axe_page, "plan", {"from": "中山", "to": "北京", "last-paid": "2026-10", "accepted": "2026-12-20"})
    assert axe_page.locator("ol[data-steps] > li").count() >= 5
    axe_page.add_script_tag(path=str(AXE))
    found = axe_page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")["violations"]
    _record("planner page, plan shown", found)
    assert [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in found] == []


def test_coverage_page(axe_page, nginx):
    """The page 「各地信息核实情况」: a table per province, links to the sources."""
    axe_page.goto(nginx + "/coverage/")
    assert axe_page.locator("h1").inner_text() == "各地信息核实情况"
    violations = run_axe(axe_page)
    _record("coverage page", violations)
    assert serious(violations) == []


@pytest.mark.parametrize(("path", "selector"), [
    ("/plan/", 'form[data-calculator="plan"] [name="to"]'),
    ("/cities/shijiazhuang/", "form[data-plan-go] [name=\"other\"]"),
])
def test_the_city_chooser_open_has_no_violation_at_all(axe_page, nginx, path, selector):
    """The city chooser: the combobox with its list box open and an option highlighted."""
    axe_page.goto(nginx + path)
    field = axe_page.locator(selector)
    axe_page.wait_for_function("(s) => document.querySelector(s).getAttribute('role') === 'combobox'", arg=selector)
    field.press_sequentially("bj")
    listbox = axe_page.locator("#" + field.get_attribute("aria-controls"))
    listbox.locator('[role="option"]').first.wait_for()
    axe_page.keyboard.press("ArrowDown")
    assert field.get_attribute("aria-expanded") == "true" and field.get_attribute("aria-activedescendant")
    violations = run_axe(axe_page)
    _record(f"{path} city chooser open", violations)
    assert violations == [], [(v["id"], [n.get("html") for n in v.get("nodes", [])][:3], [n.get("failureSummary") for n in v.get("nodes", [])][:1]) for v in violations]
