"""calculators.transfer: 医保办发〔2021〕43号 deadlines on the official calendar."""

import dataclasses
import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators.errors import CalculatorError, CalendarNotCovered, CalendarProvisional
from calculators.rules import TRANSFER_IN_WORKDAYS, TRANSFER_OUT_WORKDAYS
from calculators.text import date_words
from calculators.transfer import OVERDUE, WITHIN_LIMIT, transfer_deadline
from calculators.workdays import add_workdays, covered_years, is_workday, last_covered_day
from calendar_fixture import fixture_calendar

D = datetime.date
FIRST, LAST = covered_years()
FAST = settings(max_examples=150, deadline=None, database=None)
# Accepted dates whose whole 15-working-day count stays inside the covered years.
SAFE = st.dates(D(FIRST, 1, 1), D(LAST, 11, 30))
# Before and after the 2027 notice (tests/calendar_fixture.py), for the tests of estimates.
TO_2026 = fixture_calendar("official-to-2026")
TO_2027 = fixture_calendar("official-to-2027")


def test_example_4_as_typed_call():
    r = transfer_deadline(D(2026, 2, 10))
    assert (r.transfer_out_due, r.transfer_in_due) == (D(2026, 3, 2), D(2026, 3, 9))
    assert (r.status, r.overdue_workdays, r.problems) == (None, None, ())
    assert [n.code for n in r.notes] == ["start_day_not_counted", "worst_case_receipt"]


def test_result_is_frozen():
    r = transfer_deadline(D(2026, 2, 10))
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.status = OVERDUE


def test_note_states_the_total_from_the_rules():
    r = transfer_deadline(D(2026, 2, 10))
    assert f"{TRANSFER_OUT_WORKDAYS + TRANSFER_IN_WORKDAYS} 个工作日" in r.notes[1].message


def test_example_7_is_an_estimate_with_bounds():
    r = transfer_deadline(D(2026, 12, 24), calendar=TO_2026)
    assert r.transfer_out_due is None and r.transfer_in_due is None
    assert [p.code for p in r.problems] == ["calendar_provisional", "calendar_provisional"]
    out, into = r.transfer_out_estimate, r.transfer_in_estimate
    assert out.earliest <= out.date <= out.latest and into.earliest <= into.date <= into.latest
    assert out.date < into.date and out.latest < into.latest
    assert "2027 年的放假安排" in r.problems[0].message and date_words(out.date) in r.problems[0].message


def test_only_the_in_deadline_estimated_keeps_the_official_out_deadline():
    r = transfer_deadline(D(2026, 12, 14), calendar=TO_2026)
    assert r.transfer_out_due == D(2026, 12, 28) and r.transfer_out_estimate is None
    assert r.transfer_in_due is None and r.transfer_in_estimate is not None
    assert [p.code for p in r.problems] == ["calendar_provisional"]


def test_overdue_into_an_estimated_year_gives_no_count_but_says_so():
    r = transfer_deadline(D(2026, 11, 2), today=D(2027, 1, 10), calendar=TO_2026)
    assert (r.status, r.overdue_workdays) == (OVERDUE, None)
    assert r.problems[0].code == "calendar_provisional" and "个工作日" in r.problems[0].message


def test_example_7_once_2027_is_official_has_official_deadlines():
    r = transfer_deadline(D(2026, 12, 24), calendar=TO_2027)
    assert (r.transfer_out_due, r.transfer_in_due) == (D(2027, 1, 8), D(2027, 1, 15))
    assert (r.transfer_out_estimate, r.transfer_in_estimate, r.problems) == (None, None, ())
    assert r.calendar is TO_2027


@pytest.mark.parametrize("today", [D(2026, 12, 20), D(2026, 12, 31), D(2027, 1, 7)])
def test_within_when_today_is_not_after_the_earliest_possible_deadline(today):
    r = transfer_deadline(D(2026, 12, 20), today=today, calendar=TO_2026)
    assert today <= r.transfer_in_estimate.earliest
    assert (r.status, r.overdue_workdays) == (WITHIN_LIMIT, 0)


def test_unknown_between_the_bounds_and_overdue_after_the_latest():
    r = transfer_deadline(D(2026, 12, 20), today=D(2027, 1, 8), calendar=TO_2026)
    assert r.status is None and r.problems[-1].code == "status_unknown"
    latest = r.transfer_in_estimate.latest
    assert transfer_deadline(D(2026, 12, 20), today=latest, calendar=TO_2026).status is None
    after = transfer_deadline(D(2026, 12, 20), today=latest + datetime.timedelta(days=1), calendar=TO_2026)
    assert (after.status, after.overdue_workdays) == (OVERDUE, None)


@pytest.mark.parametrize(
    ("received", "today", "field"),
    [(D(2026, 2, 9), None, "received"), (D(2026, 3, 1), D(2026, 2, 20), "received")],
)
def test_inconsistent_dates_name_the_field(received, today, field):
    with pytest.raises(CalculatorError) as info:
        transfer_deadline(D(2026, 2, 10), received, today)
    assert (info.value.code, info.value.field) == ("inconsistent_dates", field)


@FAST
@given(SAFE)
def test_deadlines_are_working_days_and_worst_case_is_15(accepted):
    r = transfer_deadline(accepted)
    assert is_workday(r.transfer_out_due) and is_workday(r.transfer_in_due)
    assert r.transfer_in_due == add_workdays(accepted, TRANSFER_OUT_WORKDAYS + TRANSFER_IN_WORKDAYS)
    assert r.problems == ()


@FAST
@given(SAFE, st.integers(1, 20))
def test_overdue_workdays_count_working_days_after_the_deadline(accepted, k):
    due = transfer_deadline(accepted).transfer_in_due
    try:
        today = add_workdays(due, k)
    except (CalendarNotCovered, CalendarProvisional):  # k working days later is not final yet
        return
    r = transfer_deadline(accepted, today=today)
    assert (r.status, r.overdue_workdays) == (OVERDUE, k)


@FAST
@given(SAFE, st.integers(0, 40))
def test_up_to_the_deadline_is_within_limit(accepted, offset):
    due = transfer_deadline(accepted).transfer_in_due
    today = min(due, accepted + datetime.timedelta(days=offset))
    r = transfer_deadline(accepted, today=today)
    assert (r.status, r.overdue_workdays) == (WITHIN_LIMIT, 0)


@FAST
@given(SAFE, st.integers(0, 25))
def test_received_date_moves_only_the_in_deadline(accepted, offset):
    received = accepted + datetime.timedelta(days=offset)
    r = transfer_deadline(accepted, received=received)
    assert r.transfer_out_due == add_workdays(accepted, TRANSFER_OUT_WORKDAYS)
    try:
        expected_in = add_workdays(received, TRANSFER_IN_WORKDAYS)
    except CalendarProvisional:  # a late-December receipt: the 转入 deadline is an estimate
        assert r.transfer_in_due is None and [p.code for p in r.problems] == ["calendar_provisional"]
        assert r.transfer_in_estimate is not None
        return
    assert r.transfer_in_due == expected_in
    late = any(n.code == "transfer_out_late" for n in r.notes)
    assert late == (received > r.transfer_out_due)


def test_an_acceptance_after_today_is_a_plan_with_the_same_deadlines():
    # Worked example 4 (医保办发〔2021〕43号): accepted 2026-02-10, 转出 by 2026-03-02, 转入 by 2026-03-09.
    planned = transfer_deadline(datetime.date(2026, 2, 10), today=datetime.date(2026, 2, 1))
    assert (planned.transfer_out_due, planned.transfer_in_due) == (datetime.date(2026, 3, 2), datetime.date(2026, 3, 9))
    assert planned.status == "not_accepted" and planned.overdue_workdays is None and planned.workdays_left is None


def test_within_the_limit_the_working_days_left_are_counted():
    # After 2026-03-02 (Monday) up to 2026-03-09 (Monday): 3-3, 3-4, 3-5, 3-6, 3-9.
    r = transfer_deadline(datetime.date(2026, 2, 10), today=datetime.date(2026, 3, 2))
    assert r.status == WITHIN_LIMIT and r.workdays_left == 5
    assert transfer_deadline(datetime.date(2026, 2, 10), today=datetime.date(2026, 3, 9)).workdays_left == 0
    assert transfer_deadline(datetime.date(2026, 2, 10), today=datetime.date(2026, 3, 10)).workdays_left is None
