"""calculators.web on CPython: form fields to a command line, answers to display rows.

The same function runs inside Pyodide in the browser (tests/browser compares the two)."""

from __future__ import annotations

import datetime
import json

import pytest

from calculators import present, web
from calculators.cli import run
from calculators.registry import BY_NAME
from calendar_fixture import fixture_calendar

TO_2026 = fixture_calendar("official-to-2026")  # before the 2027 notice (tests/calendar_fixture.py)

FORMS = {
    "plan": {"from": "中山", "to": "北京", "last-paid": "2026-03", "resumed": "2026-05", "accepted": "2026-03-10"},
    "transfer-deadline": {"accepted": "2026-02-10"},
    "late-fee": {"owed": "10000.00", "days": "30"},
    "employee-gap": {"last-paid": "2026-03", "resumed": "2026-08", "local-max-wait": "3"},
    "resident-waiting": {"lapsed-years": "5", "repaired-years": "2", "local-rate": "400"},
    "back-payment": {"month": "2026-01:3650.00:2026-02-15\n2026-02 10000.00 2026-03-15", "paid": "2026-04-01"},
}


def argv_of(name: str, fields: dict[str, str]) -> list[str]:
    """The command line that asks what the form asks (an independent reading, for comparison)."""
    calc = BY_NAME[name]
    argv = [name]
    for field in calc.fields:
        value = fields.get(field.name, "").strip()
        if not value:
            continue
        if field.kind == "flag":
            argv += [f"--{field.name}"] if value == "on" else []
        elif field.kind == "entries":
            for line in value.splitlines():
                argv.append(f"--{field.name}=" + ":".join(line.replace(":", " ").split()))
        else:
            argv.append(f"--{field.name}={value}")
    return argv


def test_every_form_is_a_calculator_of_the_registry_with_rows():
    assert web.FORM_CALCULATORS == ("plan", "transfer-deadline", "employee-gap", "resident-waiting", "late-fee", "back-payment")
    assert set(FORMS) == set(web.FORM_CALCULATORS)


def test_empty_fields_are_not_given():
    answer = web.handle("transfer-deadline", {"accepted": " 2026-02-10 ", "received": "", "today": "  "})
    assert (answer["raw"]["received"], answer["raw"]["today"]) == (None, None)


def test_checked_boxes_are_true_and_unchecked_are_not():
    late = web.handle("resident-waiting", {"lapsed-years": "0", "late": "on", "exempt": ""})
    plain = web.handle("resident-waiting", {"lapsed-years": "0", "late": "", "exempt": ""})
    assert late["raw"] != plain["raw"]
    assert late["raw"] == run(["resident-waiting", "--lapsed-years=0", "--late"])[1]
    assert plain["raw"] == run(["resident-waiting", "--lapsed-years=0"])[1]


@pytest.mark.parametrize(("typed", "code"), [("-5", "negative_amount"), ("--5", "invalid_amount")])
def test_value_starting_with_dashes_reaches_validation(typed, code):
    # `--owed --5` would read as an option without a value; `--owed=--5` reaches the amount check.
    answer = web.handle("late-fee", {"owed": typed, "days": "3"})
    assert answer["error"]["field"] == "owed"
    assert answer["error"]["code"] == code


@pytest.mark.parametrize(
    ("name", "fields", "code", "field"),
    [
        ("add-workdays", {"start": "2026-01-05", "days": "3"}, "unknown_command", None),
        ("no-such", {}, "unknown_command", None),
        ("late-fee", {"owed": "1", "days": "1", "bogus": "x"}, "unknown_field", "bogus"),
        ("late-fee", {"owed": 1}, "invalid_argument", None),
    ],
)
def test_rejected_forms(name, fields, code, field):
    answer = web.handle(name, fields)
    assert set(answer) == {"error"}
    assert answer["error"]["code"] == code
    assert answer["error"]["field"] == field
    assert answer["error"]["message"]


@pytest.mark.parametrize("name", list(FORMS))
def test_answer_matches_cli_and_rows_are_well_formed(name):
    fields = FORMS[name]
    answer = web.handle(name, fields)
    code, raw = run(argv_of(name, fields))
    assert code == 0
    assert answer["raw"] == raw
    assert answer["notes"] == [note["message"] for note in raw["notes"]]
    assert answer["rows"]
    for row in answer["rows"]:
        assert set(row) - {"detail"} == {"label", "value", "text", "type"}
        assert row["type"] in present.ROW_TYPES
        assert row["label"] and row["text"]
        if row["type"] == "date":
            day = datetime.date.fromisoformat(row["value"])
            assert row["text"].startswith(f"{day.year}年{day.month}月{day.day}日")
        if row["type"] == "money":
            assert row["text"] == f"{row['value']} 元"
    json.dumps(answer)  # everything crosses to JavaScript as JSON


def test_transfer_rows_carry_the_deadlines():
    # worked example 4 (医保办发〔2021〕43号 with 《国务院办公厅关于2026年部分节假日安排的通知》).
    answer = web.handle("transfer-deadline", {"accepted": "2026-02-10", "today": "2026-03-05"})
    dates = [row["value"] for row in answer["rows"] if row["type"] == "date"]
    assert dates == ["2026-02-10", "2026-03-02", "2026-03-09"]
    status = [row for row in answer["rows"] if row["type"] == "status"]
    assert [row["value"] for row in status] == ["within_limit"]


def test_received_date_is_shown_when_given():
    answer = web.handle("transfer-deadline", {"accepted": "2026-02-10", "received": "2026-03-02"})
    assert [row["value"] for row in answer["rows"] if row["type"] == "date"] == [
        "2026-02-10", "2026-03-02", "2026-03-02", "2026-03-09",
    ]


def test_overdue_status_counts_working_days():
    answer = web.handle("transfer-deadline", {"accepted": "2026-02-10", "today": "2026-03-11"})
    (status,) = [row for row in answer["rows"] if row["type"] == "status"]
    assert status["value"] == "overdue"
    assert str(answer["raw"]["overdue_workdays"]) in status["text"]


def test_a_deadline_before_the_notice_reads_as_an_estimate():
    # worked example 7 (医保办发〔2021〕43号) before the 2027 notice: the deadline reaches into 2027, whose notice is not out.
    answer = web.handle("transfer-deadline", {"accepted": "2026-12-24"}, TO_2026)
    assert "error" not in answer
    assert {problem["code"] for problem in answer["problems"]} == {"calendar_provisional"}
    assert not [row for row in answer["rows"] if row["type"] == "date" and row["value"].startswith("2027")]
    estimates = [row for row in answer["rows"] if row["type"] == "estimate"]
    assert len(estimates) == 2
    for row in estimates:
        assert row["text"].startswith("预计 2027年") and "（2027 年放假安排公布前的估算）" in row["text"]
        assert row["detail"].startswith("可能在") and row["value"] in (answer["raw"]["transfer_out_estimate"]["date"],
                                                                     answer["raw"]["transfer_in_estimate"]["date"])


def test_beyond_the_estimated_year_is_an_answer_with_problems():
    answer = web.handle("transfer-deadline", {"accepted": "2027-12-27"}, TO_2026)
    assert "error" not in answer
    assert "calendar_not_covered" in {problem["code"] for problem in answer["problems"]}
    missing = [row for row in answer["rows"] if row["value"] == ""]
    assert missing and all(row["type"] == "status" for row in missing)


@pytest.mark.parametrize("today, text", [("2026-12-31", "未超过期限（按任何可能的放假安排都未超过）"),
                                         ("2027-01-12", "无法判断（今天处在最早与最晚可能期限之间）"),
                                         ("2027-03-01", "已超过期限（超期工作日数待放假安排公布后确定）")])
def test_status_against_an_estimate(today, text):
    answer = web.handle("transfer-deadline", {"accepted": "2026-12-20", "today": today}, TO_2026)
    assert answer["rows"][-1]["text"] == text


def test_the_count_calendar_numbers_each_working_day_and_marks_the_deadlines():
    answer = web.handle("transfer-deadline", {"accepted": "2026-12-20"}, TO_2026)
    picture = answer["calendar"]
    cells = [cell for segment in picture["segments"] for week in segment["weeks"] for cell in week if cell]
    assert all(len(week) == 7 for segment in picture["segments"] for week in segment["weeks"])
    assert [c["out"] for c in cells if c["out"]] == list(range(1, 11))
    assert [c["in"] for c in cells if c["in"]] == list(range(1, 6))
    assert [c["date"] for c in cells if c["deadline"]] == ["2027-01-04", "2027-01-11"]
    assert cells[0]["kind"] == "accepted" and cells[-1]["date"] == "2027-01-11"
    new_year = next(c for c in cells if c["date"] == "2027-01-01")
    assert new_year["kind"] == "holiday" and new_year["estimated"] and "元旦" in new_year["label"]
    assert not next(c for c in cells if c["date"] == "2026-12-28")["estimated"]
    assert {item["kind"] for item in picture["legend"]} >= {"holiday", "estimated", "deadline"}
    assert picture["caption"].startswith("从受理日")


def test_the_count_calendar_shows_make_up_working_days():
    answer = web.handle("transfer-deadline", {"accepted": "2026-02-10"})
    cells = [cell for segment in answer["calendar"]["segments"] for week in segment["weeks"] for cell in week if cell]
    makeup = [c for c in cells if c["kind"] == "makeup"]
    assert [c["date"] for c in makeup] == ["2026-02-14", "2026-02-28"] and all(c["out"] for c in makeup)
    assert not any(c["estimated"] for c in cells)


def test_late_fee_above_principal_is_flagged():
    # worked example 3 (《社会保险法》第八十六条): shown uncapped, flagged.
    answer = web.handle("late-fee", {"owed": "10000.00", "days": "2100"})
    assert answer["raw"]["fee"] == "10500.00"
    assert "exceeds_principal" in [row["value"] for row in answer["rows"]]


@pytest.mark.parametrize(
    ("resumed", "outcome"),
    [("2026-04", "no_gap"), ("2026-06", "retroactive"), ("2026-08", "waiting_period")],
)
def test_employee_gap_verdict_row(resumed, outcome):
    answer = web.handle("employee-gap", {"last-paid": "2026-03", "resumed": resumed})
    (verdict,) = [row for row in answer["rows"] if row["type"] == "status"]
    assert verdict["value"] == outcome == answer["raw"]["outcome"]


def test_employee_gap_switch_needs_local_rule():
    # worked example 9 (医保办发〔2021〕43号) B: 18 continuous months are not 2 years.
    answer = web.handle(
        "employee-gap", {"last-paid": "2026-03", "resumed": "2026-06", "switch": "on", "continuous-months": "18"}
    )
    assert answer["raw"]["outcome"] == "local_rule_needed"
    assert not any(row["label"] == "最晚开始享受待遇的月份" for row in answer["rows"])


def test_resident_rows_without_rate_have_no_money():
    answer = web.handle("resident-waiting", {"lapsed-years": "2"})
    assert [row["type"] for row in answer["rows"]].count("money") == 0


def test_row_rejects_unknown_type():
    with pytest.raises(ValueError, match="row type must be one of"):
        present.row("x", "y", "colour")


def test_handle_json_round_trip_and_bad_json():
    out = json.loads(web.handle_json("late-fee", json.dumps({"owed": "100", "days": "1"})))
    assert out == web.handle("late-fee", {"owed": "100", "days": "1"})
    for bad in ("not json", "[1, 2]"):
        assert json.loads(web.handle_json("late-fee", bad))["error"]["code"] == "invalid_argument"


def test_date_and_month_text():
    assert present.date_text(datetime.date(2026, 3, 2)) == "2026年3月2日（星期一）"
    assert present.date_text(datetime.date(2026, 3, 8)) == "2026年3月8日（星期日）"
    assert present.month_text(datetime.date(2026, 8, 1)) == "2026年8月"


def test_an_individual_owes_no_statutory_late_fee_said_in_words():
    answer = web.handle("late-fee", {"owed": "1000.00", "days": "30", "payer": "individual"})
    (fee,) = [row for row in answer["rows"] if row["label"] == "滞纳金"]
    assert fee["type"] == "status" and fee["text"].startswith("不适用：个人缴费没有法定滞纳金")


def test_back_payment_shows_the_totals_and_a_table_per_month():
    # The first month is worked example 2 (《社会保险法》第八十六条) (45 days, 82.13); the second 17 days at 0.05%.
    answer = web.handle("back-payment", FORMS["back-payment"])
    totals = {row["label"]: row["value"] for row in answer["rows"]}
    assert totals["欠缴合计"] == "13650.00" and totals["滞纳金"] == "167.13" and totals["本金与滞纳金合计"] == "13817.13"
    table = answer["table"]
    assert table["columns"][0] == "月份" and len(table["rows"]) == 2
    assert table["rows"][0] == ["2026年1月", "3650.00", "2026年2月15日（星期日）", "45 天", "82.13"]
    assert table["footer"] == ["合计", "13650.00", "", "", "167.13"]


def test_back_payment_field_errors_name_the_field():
    answer = web.handle("back-payment", {"month": "2026-01 3650.00", "paid": "2026-04-01"})
    assert (answer["error"]["code"], answer["error"]["field"]) == ("invalid_month_entry", "month")
    answer = web.handle("back-payment", {"month": "", "paid": "2026-04-01"})
    assert (answer["error"]["code"], answer["error"]["field"]) == ("missing_option", "month")


def test_a_missing_field_is_named_as_the_form_labels_it():
    answer = web.handle("late-fee", {"days": "30", "payer": "employer"})
    assert answer["error"] == {"code": "missing_option", "field": "owed",
                               "message": f"请填写“{BY_NAME['late-fee'].field('owed').label}”。"}
    assert "--" not in answer["error"]["message"]
