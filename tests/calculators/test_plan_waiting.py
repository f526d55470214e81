"""calculators.plan_waiting: the planner reads the 转入地's own waiting-period facts (a fixture
province, 测试省, so these tests do not depend on what data/provinces/ holds): its counting of
lapsed years and its months where it gives them, both readings with their dates where it does
not, and its 职工 gap rule (employee_gap_wait)."""

from __future__ import annotations

import datetime

from calculators import lapse_counting, places_data
from calculators.places import Places
from calculators.plan import plan
from calculators.plan_json import plan_json
from calculators.rules import EMPLOYEE_WAIT_MAX_MONTHS, RESIDENT_FIXED_WAIT_MONTHS, RESIDENT_MONTHS_PER_LAPSED_YEAR

TODAY = datetime.date(2026, 12, 6)  # enrolling for the 2027 年度
SOURCE = ("测试用的虚构规定（不是真实规定）", "https://example.org/province", "L", None)
PROVINCE, CITY = "990000", "990100"


def fact(kind: str, value: object, text: str = "测试用的虚构规定。") -> tuple:
    return (kind, text, value, None, SOURCE)


def fixture_places(*facts: tuple) -> Places:
    """The compiled places plus 测试省 (with `facts`) and its one city 样例市."""
    provinces = {**places_data.PROVINCES, PROVINCE: ("测试省", "测试", "province", tuple(facts), None)}
    cities = {**places_data.CITIES, CITY: ("样例市", "样例", PROVINCE, "city", "yangli", "yl", None, ())}
    return Places(provinces, cities, places_data.RULES, places_data.HOTLINE)


def resident_plan(places: Places, lapsed: int = 1, today: datetime.date | None = TODAY) -> dict:
    result = plan("中山", "样例", from_scheme="resident", to_scheme="resident", lapsed_years=lapsed, today=today,
                  places=places)
    return plan_json(result, places)


def steps(output: dict) -> dict:
    return {s["code"]: s for s in output["steps"]}


def test_unknown_counting_gives_both_readings_with_their_dates_the_better_sourced_first():
    output = resident_plan(fixture_places())
    assert output["waiting_counting"] is None
    first, second = output["waiting_readings"]
    assert (first["counting"], first["total_months"], first["benefits_from"]) == ("after_first", 3, "2027-04-01")
    assert (second["counting"], second["total_months"], second["benefits_from"]) == ("every", 4, "2027-05-01")
    assert output["max_waiting_months"] == second["total_months"]  # the existing key keeps the longer
    by_code = steps(output)
    assert by_code["benefits"]["due"] == "2027-04-01" and by_code["benefits_other_reading"]["due"] == "2027-05-01"
    assert "阜新市医疗保障局" in by_code["benefits"]["title"] and "样例的算法本站未查到" in by_code["waiting"]["title"]
    grades = {s["id"]: s["grade"] for s in output["sources"]}
    assert grades["lapse_example_fuxin"] == "L" and grades["lapse_example_hohhot"] == "S"


def test_the_order_of_readings_follows_the_grades():
    assert lapse_counting.readings_in_order() == ("after_first", "every")
    assert lapse_counting.best_grade(lapse_counting.READING_SOURCES["after_first"]) < \
        lapse_counting.best_grade(lapse_counting.READING_SOURCES["every"])


def test_a_province_counting_is_used_and_cited():
    output = resident_plan(fixture_places(fact("lapse_counting", "after_first")))
    assert output["waiting_counting"] == "after_first"
    assert [r["counting"] for r in output["waiting_readings"]] == ["after_first"]
    assert output["max_waiting_months"] == RESIDENT_FIXED_WAIT_MONTHS
    by_code = steps(output)
    assert "benefits_other_reading" not in by_code and "repair" not in by_code
    assert by_code["benefits"]["due"] == "2027-04-01"
    assert "p990000.0" in by_code["waiting"]["cites"] and "按测试省的算法" in by_code["waiting"]["title"]
    # The pages of the other places are no longer cited: the province's own fact settles it.
    assert not any(s["id"].startswith("lapse_example") and s["id"] != "lapse_example_fuxin" for s in output["sources"])
    assert {"id": "p990000.0", "title": "测试省的规定", "document": SOURCE[0], "article": None, "url": SOURCE[1],
            "grade": "L"} in output["sources"]


def test_a_province_months_replace_the_national_ones():
    fixed, per_year = RESIDENT_FIXED_WAIT_MONTHS - 1, RESIDENT_MONTHS_PER_LAPSED_YEAR + 1
    output = resident_plan(fixture_places(fact("lapse_counting", "every"), fact("resident_fixed_wait_months", fixed),
                                          fact("resident_months_per_lapsed_year", per_year)), lapsed=2)
    (reading,) = output["waiting_readings"]
    assert (reading["fixed_months"], reading["variable_months"]) == (fixed, 2 * per_year)
    assert reading["cites"][-3:] == ["p990000.1", "p990000.2", "p990000.0"]
    assert "local_months" in {n["code"] for n in output["notes"]}
    assert f"每多缴 1 年，变动等待期减少 {per_year} 个月" in steps(output)["repair"]["title"]


def test_a_fact_with_a_value_the_calculator_cannot_use_counts_as_unknown():
    output = resident_plan(fixture_places(fact("lapse_counting", "sometimes"), fact("resident_fixed_wait_months", None)))
    assert output["waiting_counting"] is None and len(output["waiting_readings"]) == 2


def test_a_province_benefit_start_is_cited_for_the_dates():
    output = resident_plan(fixture_places(fact("benefit_start", None, "集中缴费期内缴费的，次年 1 月 1 日起享受待遇。")))
    by_code = steps(output)
    assert "p990000.0" in by_code["benefits"]["cites"] and "p990000.0" in by_code["benefits_other_reading"]["cites"]


def test_without_today_no_date_is_guessed():
    output = resident_plan(fixture_places(), today=None)
    assert [r["benefits_from"] for r in output["waiting_readings"]] == [None, None]
    assert steps(output)["benefits"]["due"] is None and "benefits_other_reading" not in steps(output)


def test_a_continuous_resident_starts_on_the_first_of_january():
    output = resident_plan(fixture_places(), lapsed=0)
    assert steps(output)["benefits"]["due"] == "2027-01-01" and "waiting" not in steps(output)


def test_the_province_employee_gap_rule_replaces_the_national_cap():
    months = EMPLOYEE_WAIT_MAX_MONTHS // 2
    text = "测试用：中断超过三个月并补缴的，等待期内按一半享受待遇。"
    places = fixture_places(fact("employee_gap_wait", months, text))
    result = plan("中山", "样例", last_paid=datetime.date(2026, 3, 1), resumed=datetime.date(2026, 9, 1), places=places)
    output = plan_json(result, places)
    assert output["max_waiting_months"] == months
    assert output["benefits_from_latest"] == f"2026-{9 + months:02d}"
    assert "p990000.0" in output["steps"][-1]["cites"]
    note = next(n for n in output["notes"] if n["code"] == "local_gap_wait")
    assert text in note["message"] and note["cites"] == ["p990000.0"]
    assert "no_local_max_wait" not in {n["code"] for n in output["notes"]}
