"""calculators.workdays: the official calendar, adding and counting working days."""

import datetime

import chinese_calendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators.calendar_data import YEARS
from calculators.errors import CalculatorError, CalendarNotCovered, CalendarProvisional
from calculators.limits import MAX_DAYS
from calculators.workdays import (
    add_workdays,
    count_workdays,
    covered_years,
    estimated_year,
    is_workday,
    last_covered_day,
    workdays_between,
)

FIRST, LAST = covered_years()
PACKAGE_LAST = 2026  # chinesecalendar 1.11.0 covers 2004–2026
COVERED = st.dates(datetime.date(FIRST, 1, 1), datetime.date(LAST, 12, 31))
FAST = settings(max_examples=150, deadline=None, database=None)


def test_covered_years_come_from_the_data():
    official = sorted(year for year, entry in YEARS.items() if entry[0] == "official")
    assert (FIRST, LAST) == (official[0], official[-1]) and FIRST == 2004
    estimated = estimated_year()
    assert estimated in (None, LAST + 1)
    assert last_covered_day() == datetime.date(estimated or LAST, 12, 31)


def test_make_up_days_are_working_days_and_holidays_are_not():  # the package's own lists
    for day in chinese_calendar.workdays:
        assert is_workday(day), day
    for day in chinese_calendar.holidays:
        assert not is_workday(day), day


@pytest.mark.parametrize("day", [datetime.date(LAST + 1, 1, 1), datetime.date(FIRST - 1, 12, 31)])
def test_is_workday_answers_official_years_only(day):
    with pytest.raises(CalendarNotCovered) as info:
        is_workday(day)
    error = info.value
    assert error.code == "calendar_not_covered"
    assert (error.year, error.first_year, error.last_year) == (day.year, FIRST, LAST)
    assert str(day.year) in error.message and f"{FIRST}–{LAST}" in error.message


def test_never_falls_back_to_weekends_only():
    end = last_covered_day()
    with pytest.raises(CalendarNotCovered) as info:
        add_workdays(end, 1)
    assert info.value.year == end.year + 1


def test_a_count_into_days_not_final_is_an_estimate_not_an_answer():
    with pytest.raises(CalendarProvisional) as info:
        add_workdays(datetime.date(LAST, 12, 20), 10)
    count = info.value.count
    assert count.official is None and count.earliest <= count.estimate <= count.latest
    assert info.value.code == "calendar_provisional" and f"{LAST + 1} 年的放假安排" in info.value.message


def test_a_count_on_final_days_has_one_answer():
    count = count_workdays(datetime.date(2026, 2, 10), 10)
    assert count.official == count.estimate == count.earliest == count.latest == datetime.date(2026, 3, 2)


def test_start_day_is_not_counted():
    # 2026-02-13 (Fri) is a working day; the first working day after it is the 02-14 make-up day.
    assert add_workdays(datetime.date(2026, 2, 13), 1) == datetime.date(2026, 2, 14)


def test_zero_days_returns_start_even_on_a_holiday():
    assert add_workdays(datetime.date(2026, 2, 17), 0) == datetime.date(2026, 2, 17)


@pytest.mark.parametrize("n", [-1, MAX_DAYS + 1, 1.0, True, "3"])
def test_invalid_day_counts(n):
    with pytest.raises(CalculatorError) as info:
        add_workdays(datetime.date(2026, 1, 5), n)
    assert info.value.field == "days"


def test_the_error_can_be_attributed_to_a_field():
    error = CalendarNotCovered(LAST + 1, FIRST, LAST)
    assert error.field is None and error.for_field("start").field == "start"
    assert error.for_field("start").message == error.message


def test_workdays_between_spring_festival_2026():
    # 02-14 (Sat, make-up) and 02-24 are the only working days after 02-13 up to 02-24.
    assert workdays_between(datetime.date(2026, 2, 13), datetime.date(2026, 2, 24)) == 2
    assert workdays_between(datetime.date(2026, 2, 24), datetime.date(2026, 2, 13)) == 0


@FAST
@given(COVERED, st.integers(0, 40), st.integers(0, 40))
def test_adding_n_then_m_equals_adding_n_plus_m(start, n, m):
    def attempt(f):
        try:
            return f()
        except CalendarProvisional:
            return "provisional"
        except CalendarNotCovered as error:
            return ("not covered", error.year)

    assert attempt(lambda: add_workdays(add_workdays(start, n), m)) == attempt(lambda: add_workdays(start, n + m))


@FAST
@given(COVERED, st.integers(1, 60))
def test_a_deadline_never_lands_on_a_rest_day(start, n):
    try:
        due = add_workdays(start, n)
    except (CalendarNotCovered, CalendarProvisional):
        return
    assert is_workday(due)
    assert due > start


@FAST
@given(COVERED, st.integers(0, 60))
def test_counting_undoes_adding(start, n):
    try:
        due = add_workdays(start, n)
    except (CalendarNotCovered, CalendarProvisional):
        return
    assert workdays_between(start, due) == n
