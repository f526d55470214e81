"""calculators.resident_waiting: 居民医保 waiting periods under 国办发〔2024〕38号."""

import datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators.errors import CalculatorError
from calculators.lapse_counting import AFTER_FIRST, EVERY
from calculators.resident_waiting import add_months, resident_waiting
from calculators.rules import (
    RESIDENT_FIXED_WAIT_MONTHS,
    RESIDENT_LONG_LAPSE_FLOOR_MONTHS,
    RESIDENT_LONG_LAPSE_YEARS,
    RESIDENT_MONTHS_PER_LAPSED_YEAR,
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


# How lapsed years count: calculators.lapse_counting.

@FAST
@given(CASES, st.booleans())
def test_unknown_counting_gives_both_readings_and_keeps_the_longer_on_top(case, late):
    lapsed, repaired = case
    r = resident_waiting(lapsed, repaired, late=late)
    assert r.counting is None and [x.counting for x in r.readings] == [AFTER_FIRST, EVERY]
    first, every = r.readings
    assert first.total_months <= every.total_months == r.total_months
    assert (every.fixed_months, every.variable_months, every.max_useful_repair_years) == (
        r.fixed_months, r.variable_months, r.max_useful_repair_years)
    # Given, each counting answers what its reading said.
    for reading in r.readings:
        alone = resident_waiting(lapsed, repaired, late=late, counting=reading.counting)
        assert alone.counting == reading.counting and alone.readings == (reading,)
        assert alone.total_months == reading.total_months


@FAST
@given(st.integers(1, RESIDENT_LONG_LAPSE_YEARS - 1))
def test_after_first_is_every_one_year_shorter_under_the_floor(lapsed):
    after_first = resident_waiting(lapsed, counting=AFTER_FIRST)
    every = resident_waiting(lapsed, counting=EVERY)
    assert every.total_months - after_first.total_months == RESIDENT_MONTHS_PER_LAPSED_YEAR
    assert after_first.fixed_months == RESIDENT_FIXED_WAIT_MONTHS


def test_the_fuxin_and_qingdao_examples():
    # 阜新市医疗保障局: lapsed 2025, paid 2025-12-03 for 2026 in the window: from 2026-04-01.
    wang = resident_waiting(1, year=2026, paid=datetime.date(2025, 12, 3), counting=AFTER_FIRST)
    assert (wang.total_months, wang.benefits_from) == (RESIDENT_FIXED_WAIT_MONTHS, datetime.date(2026, 4, 1))
    # 青岛医疗保障: 2025 and 2026 lapsed, paid for 2027 in the window: 3 + 1, from 2027-05-01.
    sun = resident_waiting(2, year=2027, counting=AFTER_FIRST)
    assert (sun.variable_months, sun.benefits_from) == (RESIDENT_MONTHS_PER_LAPSED_YEAR, datetime.date(2027, 5, 1))


@pytest.mark.parametrize(("day", "months", "expected"), [
    (datetime.date(2025, 7, 3), 3, datetime.date(2025, 10, 3)),
    (datetime.date(2025, 11, 30), 3, datetime.date(2026, 3, 1)),
    (datetime.date(2026, 1, 1), 0, datetime.date(2026, 1, 1)),
    (datetime.date(2026, 10, 31), 4, datetime.date(2027, 3, 1)),
    (datetime.date(2026, 1, 31), 12, datetime.date(2027, 1, 31)),
])
def test_add_months(day, months, expected):
    assert add_months(day, months) == expected


@pytest.mark.parametrize(("kwargs", "field"), [
    ({"counting": "sometimes"}, "counting"),
    ({"fixed_months": 13}, "fixed-months"),
    ({"months_per_year": -1}, "months-per-year"),
    ({"months_per_year": True}, "months-per-year"),
    ({"year": 2024}, "year"),
    ({"year": 2027, "paid": datetime.date(2028, 1, 1)}, "paid"),
])
def test_invalid_local_and_date_inputs_name_the_field(kwargs, field):
    with pytest.raises(CalculatorError) as info:
        resident_waiting(1, **kwargs)
    assert info.value.field == field


def test_a_province_without_variable_months_has_nothing_to_repair():
    r = resident_waiting(5, 2, counting=EVERY, months_per_year=0)
    assert (r.variable_months, r.max_useful_repair_years) == (0, 0)
