"""calculators.resident_waiting: 居民医保 waiting periods under 国办发〔2024〕38号."""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators.errors import CalculatorError
from calculators.resident_waiting import resident_waiting
from calculators.rules import (
    RESIDENT_FIXED_WAIT_MONTHS,
    RESIDENT_LONG_LAPSE_FLOOR_MONTHS,
    RESIDENT_LONG_LAPSE_YEARS,
)

FAST = settings(max_examples=200, deadline=None, database=None)
CASES = st.integers(0, 30).flatmap(lambda lapsed: st.tuples(st.just(lapsed), st.integers(0, lapsed)))


def test_example_10_case_c_table():
    totals = [resident_waiting(5, r).total_months for r in (0, 1, 2, 5)]
    assert totals == [8, 7, 6, 6]


def test_repair_cost_is_exact_decimal():
    r = resident_waiting(2, 2, local_rate=Decimal("400"))
    assert r.repair_cost == Decimal("800.00") and isinstance(r.repair_cost, Decimal)


def test_without_a_rate_no_cost_is_invented():
    r = resident_waiting(2, 2)
    assert r.repair_cost is None and r.max_useful_repair_cost is None


def test_wasted_repair_years_are_named():
    r = resident_waiting(5, 5)
    wasted = [n for n in r.notes if n.code == "repair_without_effect"]
    assert len(wasted) == 1 and "其余 3 年" in wasted[0].message


@pytest.mark.parametrize(
    ("args", "kwargs", "field"),
    [
        ((2, 3), {}, "repaired-years"),
        ((-1,), {}, "lapsed-years"),
        ((1, -1), {}, "repaired-years"),
        ((1,), {"local_rate": Decimal("-1")}, "local-rate"),
        ((1,), {"local_rate": Decimal("1.001")}, "local-rate"),
        ((1,), {"local_rate": 1.5}, "local-rate"),
        ((True,), {}, "lapsed-years"),
    ],
)
def test_invalid_inputs_name_the_field(args, kwargs, field):
    with pytest.raises(CalculatorError) as info:
        resident_waiting(*args, **kwargs)
    assert info.value.field == field


@FAST
@given(CASES, st.booleans())
def test_waiting_period_rules(case, late):
    lapsed, repaired = case
    r = resident_waiting(lapsed, repaired, late=late)
    assert r.total_months == r.fixed_months + r.variable_months
    assert r.fixed_months == (RESIDENT_FIXED_WAIT_MONTHS if (late or lapsed) else 0)
    if lapsed >= RESIDENT_LONG_LAPSE_YEARS:
        assert r.total_months >= RESIDENT_LONG_LAPSE_FLOOR_MONTHS
    # Repair never lengthens the wait; years beyond the useful ones change nothing.
    if repaired:
        assert resident_waiting(lapsed, repaired - 1, late=late).total_months >= r.total_months
    useful = r.max_useful_repair_years
    assert 0 <= useful <= lapsed
    best = resident_waiting(lapsed, useful, late=late).total_months
    assert resident_waiting(lapsed, lapsed, late=late).total_months == best
    if useful:
        assert resident_waiting(lapsed, useful - 1, late=late).total_months > best
    assert r.useful_repair_years_remaining == max(0, useful - repaired)


@FAST
@given(CASES)
def test_exempt_is_always_zero(case):
    r = resident_waiting(*case, exempt=True)
    assert (r.fixed_months, r.variable_months, r.total_months, r.max_useful_repair_years) == (0, 0, 0, 0)
