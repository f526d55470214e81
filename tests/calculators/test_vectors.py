"""Every vector row of tests/vectors, through the checker the Pyodide run uses too."""

import copy
import importlib.util
import json
import re
from pathlib import Path

import pytest
from calendar_fixture import CALENDAR_NAMES, fixture_calendar

VECTORS = Path(__file__).resolve().parents[2] / "tests" / "vectors"


def load_checker():
    """tests/vectors/check.py is a plain file, not a package module: the Pyodide run loads it too."""
    spec = importlib.util.spec_from_file_location("vector_check", VECTORS / "check.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


CHECK = load_checker()
ROWS = CHECK.load_vectors(VECTORS)
CALENDARS = {name: fixture_calendar(name) for name in CALENDAR_NAMES}
EXPECTED_FILES = {
    "transfer_deadline.json",
    "workdays.json",
    "employee_gap.json",
    "resident_waiting.json",
    "late_fee.json",
    "back_payment.json",
    "plan.json",
}


@pytest.mark.parametrize(("file", "row"), ROWS, ids=[f"{f}:{r['name']}" for f, r in ROWS])
def test_vector_row(file, row):
    assert CHECK.check_row(row, CALENDARS) is None, CHECK.check_row(row, CALENDARS)


def test_a_row_naming_an_unknown_calendar_fails():
    _, row = next((f, r) for f, r in ROWS if "calendar" in r)
    wrong = dict(row, calendar="official-to-1999")
    assert CHECK.check_row(wrong, CALENDARS) == "the row names calendar 'official-to-1999', which the run was not given"


def test_one_file_per_calculator():
    assert {path.name for path in VECTORS.glob("*.json")} == EXPECTED_FILES
    for path in VECTORS.glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        assert {row["args"][0] for row in data["rows"]} == {data["calculator"]}, path.name


def test_row_names_unique_and_sourced():
    seen = set()
    for file, row in ROWS:
        assert (file, row["name"]) not in seen, f"{file}: duplicate row name {row['name']}"
        seen.add((file, row["name"]))
        assert row["source"].strip(), f"{file}:{row['name']} has no source"


def test_every_applicable_worked_example_is_a_vector():
    cited = {int(n) for _, row in ROWS for n in re.findall(r"worked example (\d+)", row["source"])}
    assert set(range(1, 11)) <= cited


def test_both_outcomes_and_errors_are_covered():
    for name in EXPECTED_FILES:
        kinds = {("expect" in row) for file, row in ROWS if file == name}
        assert kinds == {True, False}, f"{name} needs answer rows and error rows"


def test_checker_reports_a_wrong_expectation():
    _, row = next((f, r) for f, r in ROWS if r["name"] == "ex4-spring-festival-2026")
    wrong = copy.deepcopy(row)
    wrong["expect"]["transfer_in_due"] = "2026-03-10"
    assert "transfer_in_due" in CHECK.check_row(wrong, CALENDARS)


def test_checker_reports_a_wrong_error_field():
    _, row = next((f, r) for f, r in ROWS if "expect_error" in r)
    wrong = copy.deepcopy(row)
    wrong["expect_error"]["field"] = "no-such-field"
    assert "field" in CHECK.check_row(wrong)


def test_checker_rejects_a_row_expecting_both():
    assert CHECK.check_row({"name": "x", "source": "y", "args": ["late-fee"], "expect": {}, "expect_error": {}})


@pytest.mark.parametrize(
    ("expected", "actual", "ok"),
    [
        ({"a": 1}, {"a": 1, "b": 2}, True),
        ({"a": True}, {"a": 1}, False),
        ({"a": 0}, {"a": False}, False),
        ({"a": None}, {"a": 0}, False),
        ([{"code": "x"}], [{"code": "x", "message": "m"}], True),
        ([{"code": "x"}], [], False),
        ({"a": "1.00"}, {"a": "1.0"}, False),
    ],
)
def test_subset_matching(expected, actual, ok):
    assert (CHECK.mismatch(expected, actual) is None) is ok
