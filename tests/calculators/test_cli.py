"""The command-line contract: `python -m calculators NAME ...`, and `cli.run` never raising."""

import dataclasses
import datetime
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import cli
from calculators.cli import run
from calculators.holiday_calendar import DEFAULT
from calculators.registry import BY_NAME
from calculators.workdays import count_workdays

ROOT = Path(__file__).resolve().parents[2]
ESTIMATED = DEFAULT.estimated_year  # the year after the last official one (the calendar always has it)
FUZZ = settings(max_examples=400, deadline=None, database=None)


def cli_process(*args):
    proc = subprocess.run(
        [sys.executable, "-m", "calculators", *args], capture_output=True, text=True, encoding="utf-8",
        cwd=ROOT, timeout=60,
    )
    return proc.returncode, json.loads(proc.stdout), proc.stderr


def test_transfer_deadline_contract():
    code, out, err = cli_process("transfer-deadline", "--accepted", "2026-02-10", "--today", "2026-03-10")
    assert (code, err) == (0, "")
    assert {"transfer_out_due", "transfer_in_due", "status", "overdue_workdays", "problems"} <= set(out)
    assert (out["transfer_in_due"], out["status"], out["overdue_workdays"]) == ("2026-03-09", "overdue", 1)
    assert all(set(p) == {"code", "message"} for p in out["problems"] + out["notes"])


def test_transfer_deadline_estimate_contract():
    """Additive: the estimates are always there, null for an official date; the official fields
    keep their meaning (an official date, or null). Dates in the year the project's calendar
    estimates (there always is one), so the test holds whichever notices are out."""
    accepted, today = f"{ESTIMATED}-03-01", f"{ESTIMATED}-07-01"
    code, out, err = cli_process("transfer-deadline", "--accepted", accepted, "--today", today)
    assert (code, err) == (0, "")
    assert (out["transfer_out_due"], out["transfer_in_due"], out["status"]) == (None, None, "overdue")
    for key in ("transfer_out_estimate", "transfer_in_estimate"):
        estimate = out[key]
        assert set(estimate) == {"date", "earliest", "latest"}
        assert estimate["earliest"] <= estimate["date"] <= estimate["latest"]
    assert out == run(["transfer-deadline", "--accepted", accepted, "--today", today])[1]
    assert {p["code"] for p in out["problems"]} == {"calendar_provisional"}
    assert out["calendar_estimated_year"] == out["calendar_years"][1] + 1 == ESTIMATED
    assert all(set(day) == {"date", "kind", "work", "final", "name", "out", "in"} for day in out["count_days"])
    _, official, _ = cli_process("transfer-deadline", "--accepted", "2026-02-10")
    assert (official["transfer_out_estimate"], official["transfer_in_estimate"]) == (None, None)


def test_add_workdays_estimate_contract():
    code, out, _ = cli_process("add-workdays", "--start", f"{ESTIMATED - 1}-12-31", "--days", "1")
    expected = count_workdays(datetime.date(ESTIMATED - 1, 12, 31), 1)
    assert code == 0 and out["result"] is None and out["result_estimate"]["date"] == expected.estimate.isoformat()
    assert [p["code"] for p in out["problems"]] == ["calendar_provisional"]
    code, out, _ = cli_process("add-workdays", "--start", "2026-02-13", "--days", "1")
    assert (code, out["result"], out["result_estimate"], out["problems"]) == (0, "2026-02-14", None, [])


def test_late_fee_contract():
    code, out, _ = cli_process("late-fee", "--owed", "10000.00", "--days", "30", "--payer", "individual")
    assert code == 0
    assert (out["days"], out["fee"], out["total"], out["exceeds_principal"]) == (30, "0.00", "10000.00", False)
    assert [n["code"] for n in out["notes"]] == ["no_statutory_fee_for_individuals"]


def test_employee_gap_contract():
    code, out, _ = cli_process("employee-gap", "--last-paid", "2026-03", "--resumed", "2026-08", "--local-max-wait", "6")
    assert code == 0
    assert {k: out[k] for k in ("gap_months", "within_three_months", "retroactive", "max_waiting_months",
                                "benefits_from_latest")} == {
        "gap_months": 4, "within_three_months": False, "retroactive": False, "max_waiting_months": 6,
        "benefits_from_latest": "2027-02"}


def test_resident_waiting_contract():
    code, out, _ = cli_process("resident-waiting", "--lapsed-years", "5", "--repaired-years", "2", "--local-rate", "400")
    assert code == 0
    assert (out["fixed_months"], out["variable_months"], out["total_months"]) == (3, 3, 6)
    assert (out["max_useful_repair_years"], out["repair_cost"]) == (2, "800.00")
    code, out, _ = cli_process("resident-waiting", "--lapsed-years", "5")
    assert "repair_cost" not in out


def test_error_contract_exit_2_and_field_name():
    code, out, err = cli_process("late-fee", "--owed", "-5", "--days", "3")
    assert (code, err) == (2, "")
    assert set(out) == {"error"} and set(out["error"]) == {"code", "field", "message"}
    assert (out["error"]["code"], out["error"]["field"]) == ("negative_amount", "owed")
    code, out, _ = cli_process("employee-gap", "--last-paid", "2026-06", "--resumed", "2026-03")
    assert (code, out["error"]["field"]) == (2, "resumed")
    code, out, _ = cli_process("employee-gap", "--last-paid", "2026-6x", "--resumed", "2026-08")
    assert (code, out["error"]["field"]) == (2, "last-paid")


def test_equals_form_and_unknown_command():
    assert run(["late-fee", "--owed=100", "--days=-3"])[1]["error"]["field"] == "days"
    assert run(["late-fee", "--owed=100", "--days=3"])[1]["fee"] == "0.15"
    code, out = run(["transfer"])
    assert (code, out["error"]["code"], out["error"]["field"]) == (2, "unknown_command", "command")
    assert run([])[1]["error"]["code"] == "missing_command"


def test_help_lists_every_command():
    code, out = run(["--help"])
    assert code == 0 and set(out["commands"]) == set(BY_NAME)


def test_an_unexpected_exception_becomes_a_structured_error(monkeypatch):
    def broken(**_inputs):
        raise ZeroDivisionError

    monkeypatch.setitem(cli.BY_NAME, "late-fee", dataclasses.replace(BY_NAME["late-fee"], compute=broken))
    code, out = run(["late-fee", "--owed", "1", "--days", "1"])
    assert code == 2 and out["error"]["code"] == "internal_error" and "ZeroDivisionError" in out["error"]["message"]


@pytest.mark.parametrize("argv", [None, "late-fee --owed 1", ["late-fee", 3], [b"late-fee"]])
def test_non_string_argv_is_refused(argv):
    code, out = run(argv)
    assert (code, out["error"]["code"]) == (2, "invalid_argument")


def test_main_prints_json_and_returns_the_code(capsys):
    assert cli.main(["add-workdays", "--start", "2026-02-13", "--days", "1"]) == 0
    assert json.loads(capsys.readouterr().out)["result"] == "2026-02-14"


# --- fuzzing: any input whatsoever gives an answer or a structured error -----------------------

OPTIONS = sorted({f"--{name}" for calc in BY_NAME.values() for name in calc.spec().names()})
COVERED_DATES = st.dates(datetime.date(2004, 1, 1), datetime.date(2026, 12, 31)).map(datetime.date.isoformat)
MONTHS = st.builds(lambda y, m: f"{y}-{m:02d}", st.integers(2004, 2026), st.integers(1, 12))
VALUES = st.one_of(
    COVERED_DATES,
    MONTHS,
    st.integers(-5, 400).map(str),
    st.decimals(0, 100000, places=2).map(str),
    st.builds(lambda m, a, d: f"{m}:{a}:{d}", MONTHS, st.decimals(0, 100000, places=2).map(str), COVERED_DATES),
    st.sampled_from(["employer", "individual", "", "-", "--", "2027-01-04", "2026-02-30", "1e999", "NaN"]),
    st.text(max_size=20),
)
TOKENS = st.one_of(st.sampled_from(OPTIONS), st.sampled_from(OPTIONS).flatmap(
    lambda o: VALUES.map(lambda v: f"{o}={v}")), VALUES)


def assert_structured(code, out):
    assert code in (0, 2)
    json.dumps(out, ensure_ascii=False).encode("utf-8")
    if code == 2:
        assert set(out) == {"error"}
        error = out["error"]
        assert error["code"] != "internal_error", error
        assert error["field"] is None or isinstance(error["field"], str)
        assert any("\u4e00" <= ch <= "\u9fff" for ch in error["message"])


@FUZZ
@given(st.sampled_from(sorted(BY_NAME)), st.lists(TOKENS, max_size=10))
def test_any_argv_gives_an_answer_or_a_structured_error(command, tokens):
    assert_structured(*run([command, *tokens]))


@FUZZ
@given(st.sampled_from(sorted(BY_NAME)), st.lists(st.tuples(st.sampled_from(OPTIONS), VALUES), max_size=6))
def test_well_formed_option_lists(command, pairs):
    argv = [command]
    for option, value in pairs:
        argv += [option, value]
    assert_structured(*run(argv))


@settings(max_examples=200, deadline=None, database=None)
@given(st.lists(st.text(max_size=30), max_size=8))
def test_arbitrary_text(argv):
    assert_structured(*run(argv))


def test_error_fields_are_option_names():
    """Every error a command reports names one of its own options (or the command)."""
    for name, calc in BY_NAME.items():
        spec = calc.spec()
        allowed = set(spec.names()) | {"command", None}
        for argv in ([name], [name, "--bogus", "1"], [name, *(x for o in spec.values for x in (f"--{o}", "x"))]):
            code, out = run(argv)
            assert code == 2, argv
            assert out["error"]["field"] in allowed | {"bogus"}, (argv, out)


@FUZZ
@given(COVERED_DATES, st.one_of(st.none(), COVERED_DATES), st.one_of(st.none(), COVERED_DATES))
def test_transfer_with_any_covered_dates(accepted, received, today):
    argv = ["transfer-deadline", "--accepted", accepted]
    argv += ["--received", received] if received else []
    argv += ["--today", today] if today else []
    code, out = run(argv)
    assert_structured(code, out)
    if code == 2:
        assert (out["error"]["code"], out["error"]["field"]) in {("inconsistent_dates", "received"),
                                                                 ("inconsistent_dates", "today")}
    elif today:
        assert out["status"] in (("not_accepted",) if today < accepted else ("within_limit", "overdue"))


def test_every_command_answers_help():
    for name, calc in BY_NAME.items():
        code, out, err = cli_process(name, "--help")
        assert (code, err) == (0, ""), name
        assert out["usage"] == calc.usage and [o["option"] for o in out["options"]] == [f"--{f.name}" for f in calc.fields]


def test_a_closed_pipe_ends_quietly():
    """`python -m calculators … | head -1`: no BrokenPipeError trace, the answer's exit code."""
    proc = subprocess.run(f"{sys.executable} -m calculators plan --help | head -1", shell=True, capture_output=True,
                          text=True, cwd=ROOT, timeout=60)
    assert proc.stdout == "{\n" and proc.stderr == ""
