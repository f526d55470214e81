"""calculators.employee_gap: 职工医保 gaps under 医保办发〔2021〕43号."""

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators.employee_gap import LOCAL_RULE_NEEDED, RETROACTIVE, WAITING_PERIOD, employee_gap
from calculators.errors import CalculatorError
from calculators.rules import EMPLOYEE_WAIT_MAX_MONTHS, GAP_RETROACTIVE_MAX_MONTHS, SWITCH_MIN_CONTINUOUS_YEARS

D = datetime.date
FAST = settings(max_examples=150, deadline=None, database=None)
MONTHS = st.builds(D, st.integers(2004, 2098), st.integers(1, 12), st.just(1))
SWITCH_MONTHS = SWITCH_MIN_CONTINUOUS_YEARS * 12


def months_strictly_between(a, b):
    """Reference count by walking the calendar, independent of the module's arithmetic."""
    count, y, m = 0, a.year, a.month
    while True:
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        if (y, m) == (b.year, b.month):
            return count
        count += 1


def test_example_8_typed():
    a = employee_gap(D(2026, 3, 1), D(2026, 6, 1))
    assert (a.gap_months, a.outcome, a.max_waiting_months, a.benefits_from_latest) == (2, RETROACTIVE, 0, D(2026, 6, 1))
    b = employee_gap(D(2026, 3, 1), D(2026, 8, 1))
    assert (b.gap_months, b.outcome, b.max_waiting_months) == (4, WAITING_PERIOD, EMPLOYEE_WAIT_MAX_MONTHS)


def test_only_year_and_month_are_used():
    assert employee_gap(D(2026, 3, 31), D(2026, 6, 2)) == employee_gap(D(2026, 3, 1), D(2026, 6, 1))


def test_switch_under_two_years_is_never_covered():
    r = employee_gap(D(2026, 3, 1), D(2026, 6, 1), switch=True, continuous_months=SWITCH_MONTHS - 1)
    assert r.outcome == LOCAL_RULE_NEEDED
    assert r.retroactive is None and r.max_waiting_months is None and r.benefits_from_latest is None


def test_switch_at_two_years_gets_the_same_treatment():
    plain = employee_gap(D(2026, 3, 1), D(2026, 6, 1))
    switched = employee_gap(D(2026, 3, 1), D(2026, 6, 1), switch=True, continuous_months=SWITCH_MONTHS)
    assert (switched.outcome, switched.retroactive, switched.max_waiting_months) == (
        plain.outcome, plain.retroactive, plain.max_waiting_months)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"local_max_wait": EMPLOYEE_WAIT_MAX_MONTHS + 1}, "local-max-wait"),
        ({"local_max_wait": -1}, "local-max-wait"),
        ({"switch": True}, "continuous-months"),
        ({"switch": True, "continuous_months": -1}, "continuous-months"),
    ],
)
def test_invalid_options_name_the_field(kwargs, field):
    with pytest.raises(CalculatorError) as info:
        employee_gap(D(2026, 3, 1), D(2026, 8, 1), **kwargs)
    assert info.value.field == field


@FAST
@given(MONTHS, st.integers(1, 24), st.one_of(st.none(), st.integers(0, EMPLOYEE_WAIT_MAX_MONTHS)))
def test_gap_rules(last, ahead, local):
    index = last.year * 12 + last.month - 1 + ahead
    resumed = D(index // 12, index % 12 + 1, 1)
    r = employee_gap(last, resumed, local_max_wait=local)
    assert r.gap_months == months_strictly_between(last, resumed) == ahead - 1
    assert r.within_three_months == (r.gap_months <= GAP_RETROACTIVE_MAX_MONTHS)
    if r.within_three_months:
        assert r.max_waiting_months == 0 and r.benefits_from_latest == resumed
    else:
        expected = EMPLOYEE_WAIT_MAX_MONTHS if local is None else local
        assert r.max_waiting_months == expected and r.retroactive is False
        if expected == 0:
            assert r.benefits_from_latest == resumed
        else:
            assert months_strictly_between(resumed, r.benefits_from_latest) == expected - 1
