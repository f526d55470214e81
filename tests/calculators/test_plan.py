"""calculators.plan: every row of tests/vectors/plan.json through the CLI's `plan` command (the
registry: fields → `plan` → `plan_json`), and what the vectors cannot reach: a local
maximum waiting period (no city of data/ has one yet), citations that always resolve, the JSON
contract's keys."""

from __future__ import annotations

import datetime
import importlib.util
import json
import re
from pathlib import Path

import pytest
from calendar_fixture import fixture_calendar

from calculators import lapse_counting, places_data
from calculators.errors import CalculatorError
from calculators.places import DEFAULT_PLACES, Places, resolve_city
from calculators.cli import run
from calculators.plan import plan
from calculators.plan_json import plan_json
from calculators.rules import EMPLOYEE_WAIT_MAX_MONTHS, GAP_RETROACTIVE_MAX_MONTHS

VECTORS = Path(__file__).resolve().parents[2] / "tests" / "vectors"


def _checker():
    spec = importlib.util.spec_from_file_location("vector_check", VECTORS / "check.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


CHECK = _checker()
DATA = json.loads((VECTORS / "plan.json").read_text(encoding="utf-8"))
ROWS = DATA["rows"]


def _run(args: list[str], calendar: str | None = None) -> tuple[int, dict]:
    """What `python -m calculators plan ARGS` prints: (exit code, JSON), on the test calendar named
    `calendar` (tests/calendar_fixture.py) or the project's."""
    code, out = run(["plan", *args], fixture_calendar(calendar) if calendar else None)
    return code, json.loads(json.dumps(out, ensure_ascii=False))


@pytest.mark.parametrize("row", ROWS, ids=[r["name"] for r in ROWS])
def test_vector_row(row):
    assert row["args"][0] == "plan" and row["source"].strip()
    code, output = _run(row["args"][1:], row.get("calendar"))
    if "expect_error" in row:
        assert code == 2, output
        assert any("\u4e00" <= ch <= "\u9fff" for ch in output["error"]["message"])
        assert CHECK.mismatch(row["expect_error"], output["error"], "$.error") is None, \
            CHECK.mismatch(row["expect_error"], output["error"], "$.error")
        return
    assert code == 0, output
    for item in output["problems"] + output["notes"]:
        assert any("\u4e00" <= ch <= "\u9fff" for ch in item["message"]), item
    assert CHECK.mismatch(row["expect"], output) is None, CHECK.mismatch(row["expect"], output)


def test_the_vectors_cover_the_issue():
    assert len(ROWS) >= 30
    assert len({r["name"] for r in ROWS}) == len(ROWS)
    outputs = [_run(r["args"][1:], r.get("calendar"))[1] for r in ROWS if "expect" in r]
    reasons = {o["reason"] for o in outputs}
    assert {None, "retired", "same_city", "resident_next_year"} <= reasons
    assert {"moves", "stays_in_province", "no_account", None} <= {o["account_balance"] for o in outputs}
    assert set(range(GAP_RETROACTIVE_MAX_MONTHS + 2)) <= {o["gap_months"] for o in outputs}
    assert any(o["transfer_out_estimate"] for o in outputs) and any(o["transfer_out_due"] for o in outputs)
    assert any("c370200.0" in step["cites"] for o in outputs for step in o["steps"])  # the 青岛 fact


EXPECTED_KEYS = {
    "route", "eligible", "reason", "account_balance", "resume_by", "gap_months", "retroactive",
    "max_waiting_months", "benefits_from_latest", "useful_repair_years", "transfer_out_due", "transfer_in_due",
    "transfer_out_estimate", "transfer_in_estimate", "transfer_status", "steps", "local_facts", "sources",
    "problems", "notes", "waiting_counting", "waiting_readings",
}


@pytest.mark.parametrize("row", [r for r in ROWS if "expect" in r], ids=[r["name"] for r in ROWS if "expect" in r])
def test_every_citation_resolves_to_a_source(row):
    _, output = _run(row["args"][1:], row.get("calendar"))
    assert set(output) == EXPECTED_KEYS
    sources = {s["id"]: s for s in output["sources"]}
    facts = {f["id"] for f in output["local_facts"]}
    cited = [c for key in ("steps", "problems", "notes") for item in output[key] for c in item["cites"]]
    assert list(sources) == list(dict.fromkeys(cited))  # each cited once, in order of first citation
    for cite in cited:
        assert cite in places_data.RULES or cite == "hotline" or cite in facts or cite in lapse_counting.BY_ID, cite
        assert sources[cite]["url"].startswith("http") and sources[cite]["grade"] in "PRNLS"
    for step in output["steps"]:
        assert step["cites"], f"step {step['code']} cites nothing"
        if step["due"] is not None:
            datetime.date.fromisoformat(step["due"])


def test_steps_are_in_the_order_of_the_move():
    output = _run(["--from", "中山", "--to", "北京", "--last-paid", "2026-03", "--resumed", "2026-05",
                   "--accepted", "2026-06-10"])[1]
    assert [s["code"] for s in output["steps"]] == [
        "stop", "enrol", "apply", "transfer_out", "transfer_in", "account", "benefits"]
    dated = [s["due"] for s in output["steps"] if s["code"] in ("apply", "transfer_out", "transfer_in")]
    assert dated == sorted(dated)


def _places_with(city_code: str, extra_fact: tuple) -> Places:
    """The compiled places with one fact added to a city, as if data/ had it."""
    cities = dict(places_data.CITIES)
    row = cities[city_code]
    cities[city_code] = (*row[:-1], (*row[-1], extra_fact))
    return Places(places_data.PROVINCES, cities, places_data.RULES, places_data.HOTLINE)


LOCAL_WAIT = ("max_waiting_months", "中断超过 3 个月的，待遇等待期为 2 个月。", 2, "个月",
              ("测试用的虚构规定（不是真实规定）", "https://example.org/wait", "L", None))


def test_a_sourced_local_maximum_wait_replaces_the_national_cap():
    places = _places_with("310000", LOCAL_WAIT)
    result = plan("北京", "上海", last_paid=datetime.date(2026, 3, 1), resumed=datetime.date(2026, 8, 1),
                  places=places)
    output = plan_json(result, places)
    assert output["max_waiting_months"] == 2 < EMPLOYEE_WAIT_MAX_MONTHS
    assert output["benefits_from_latest"] == "2026-10"  # 2026-08 + 2 months
    benefits = output["steps"][-1]
    assert benefits["cites"] == ["employee_wait_max_months", "c310000.0"]
    assert "按上海市的规定" in benefits["title"]
    assert "no_local_max_wait" not in {n["code"] for n in output["notes"]}
    assert {"id": "c310000.0", "title": "上海市的规定", "document": "测试用的虚构规定（不是真实规定）", "article": None,
            "url": "https://example.org/wait", "grade": "L"} in output["sources"]


def test_without_a_local_maximum_the_national_cap_is_said_to_be_one():
    output = plan_json(plan("北京", "上海", last_paid=datetime.date(2026, 3, 1), resumed=datetime.date(2026, 8, 1)))
    assert output["max_waiting_months"] == EMPLOYEE_WAIT_MAX_MONTHS
    assert "no_local_max_wait" in {n["code"] for n in output["notes"]}


def test_a_local_gap_rule_is_never_overwritten_by_the_national_default():
    """The 青岛 page says benefits from the next month after a gap over three months: the plan
    shows that text with its source next to the national latest month, as a problem."""
    output = plan_json(plan("北京", "青岛", last_paid=datetime.date(2026, 3, 1), resumed=datetime.date(2026, 8, 1)))
    qingdao = next(f for f in output["local_facts"] if f["id"] == "c370200.0")
    problem = next(p for p in output["problems"] if p["code"] == "local_gap_rule")
    assert qingdao["text"] in problem["message"] and "c370200.0" in problem["cites"]
    assert "以当地为准" in output["steps"][-1]["title"]


def test_plan_takes_typed_inputs_and_today_as_an_argument():
    result = plan("442000", "110000", accepted=datetime.date(2026, 2, 10), today=datetime.date(2026, 3, 12))
    assert result.transfer.transfer_in_due == datetime.date(2026, 3, 9)
    assert result.transfer.status == "overdue"
    with pytest.raises(AttributeError):
        result.eligible = False  # frozen


def test_the_plan_fields_give_plan_keywords():
    from calculators.fields import read
    from calculators.registry import BY_NAME

    assert read(BY_NAME["plan"].fields, {"from": "中山", "to": "北京", "retired": True, "last-paid": "2026-03",
                                         "continuous-months": "24"}) == {
        "from_city": "中山", "to_city": "北京", "from_scheme": "employee", "to_scheme": "employee", "retired": True,
        "last_paid": datetime.date(2026, 3, 1), "resumed": None, "accepted": None, "received": None, "today": None,
        "continuous_months": 24, "lapsed_years": None,
    }


@pytest.mark.parametrize(("text", "code"), [
    ("中山", "442000"), ("中山市", "442000"), (" 442000 ", "442000"), ("延边", "222400"), ("延边州", "222400"),
    ("延边朝鲜族自治州", "222400"), ("锡林郭勒盟", "152500"), ("北京", "110000"), ("１１００００", "110000"),
])
def test_resolve_city(text, code):
    assert resolve_city(text, "from").code == code


@pytest.mark.parametrize(("text", "message"), [
    ("中三", "没有名为“中三”的城市，是否是“中山”？"),
    ("广洲", "没有名为“广洲”的城市，是否是“广州”？"),
    ("纽约", "没有名为“纽约”的城市；请填写地级市或直辖市的名称。"),
])
def test_unknown_city(text, message):
    with pytest.raises(CalculatorError) as caught:
        resolve_city(text, "to")
    assert caught.value.as_dict() == {"code": "unknown_city", "field": "to", "message": message}


def test_every_city_resolves_by_code_name_and_short_name():
    for code in DEFAULT_PLACES.codes():
        name, short = places_data.CITIES[code][:2]
        assert {resolve_city(t, "from").code for t in (code, name, short)} == {code}


def test_planning_ahead_an_acceptance_after_today_gives_dated_steps_and_no_error():
    # Applying on 2026-02-10 (worked example 4's dates), planned on 2026-02-01.
    from calculators.web import handle

    result = plan("442000", "110000", accepted=datetime.date(2026, 2, 10), today=datetime.date(2026, 2, 1))
    assert result.transfer.status == "not_accepted"
    due = {step.code: step.due for step in result.steps}
    assert due["apply"] == datetime.date(2026, 2, 10)
    assert due["transfer_out"] == datetime.date(2026, 3, 2) and due["transfer_in"] == datetime.date(2026, 3, 9)
    answer = handle("plan", {"from": "中山", "to": "北京", "accepted": "2026-02-10", "today": "2026-02-01"})
    assert "error" not in answer
    status = [row for row in answer["rows"] if row["type"] == "status" and row["value"] == "not_accepted"]
    assert status and status[0]["text"].startswith("尚未受理") and status[0]["label"] == "截至2026年2月1日（星期日）"


ISO_IN_TEXT = re.compile(r"\d{4}-\d{2}")


@pytest.mark.parametrize("row", ROWS, ids=[r["name"] for r in ROWS])
def test_no_iso_date_or_month_in_what_a_reader_reads(row):
    """One written form of dates (2027年2月3日（星期三）, 2027年2月) in every answer's
    display text; ISO only in the machine fields (value, due, datetime)."""
    from calculators.web import handle

    if "expect" not in row:
        return
    args, fields, i = row["args"][1:], {}, 0
    while i < len(args):
        name = args[i][2:]
        if i + 1 < len(args) and not args[i + 1].startswith("--"):
            fields[name], i = args[i + 1], i + 2
        else:
            fields[name], i = "on", i + 1
    answer = handle("plan", fields)
    shown = [r["text"] for r in answer["rows"]] + [r.get("detail", "") for r in answer["rows"]]
    shown += [s["title"] for s in answer["steps"]] + [p["message"] for p in answer["problems"]] + answer["notes"]
    shown += [m["label"] for m in answer["timeline"]] + ["；".join(m["marks"]) for m in answer["timeline"]]
    assert [t for t in shown if ISO_IN_TEXT.search(t)] == []


def test_each_grade_has_its_words_beside_a_step():
    from calculators.registry.plan import GRADE_ORDER, GRADE_TEXT, step_basis

    assert set(GRADE_ORDER) == set(GRADE_TEXT)
    for grade in GRADE_ORDER:
        words, best = step_basis([{"grade": grade, "title": "北京市的规定"}])
        assert best == grade and words.startswith("依据")
    assert step_basis([{"grade": "S", "title": "甲"}, {"grade": "S", "title": "乙"}]) == ("依据只找到二手网站", "S")
    assert step_basis([{"grade": "L", "title": "北京市的规定"}, {"grade": "S", "title": "乙"}]) == (
        "依据：北京市的规定（北京市政府或医保部门网站）；乙（二手网站）", "L")
    assert step_basis([]) == ("", None)


def test_a_sources_title_with_an_iso_date_is_shown_in_words():
    from calculators.text import dates_in_words

    assert dates_in_words("政务动态（2023-12-20）、报道（2025-04，S）") == "政务动态（2023年12月20日）、报道（2025年4月，S）"
    assert dates_in_words("https://a.gov.cn/2023-05-05/x.html 2004-2026") == "https://a.gov.cn/2023-05-05/x.html 2004-2026"
