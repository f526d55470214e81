"""calculators.late_fee and calculators.back_payment: 《社会保险法》第八十六条."""

import datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators.back_payment import ArrearsMonth, back_payment
from calculators.errors import CalculatorError
from calculators.late_fee import INDIVIDUAL, late_fee
from calculators.money import round_fen
from calculators.rules import LATE_FEE_DAILY_RATE

D = datetime.date
FAST = settings(max_examples=150, deadline=None, database=None)
AMOUNTS = st.decimals(Decimal("0"), Decimal("1000000"), places=2)


def test_example_2_is_half_up_not_bankers():
    assert late_fee(Decimal("3650.00"), days=45).fee == Decimal("82.13")


def test_example_3_is_uncapped_and_flagged():
    r = late_fee(Decimal("10000.00"), days=2100)
    assert r.fee == Decimal("10500.00") and r.exceeds_principal
    (note,) = r.notes
    assert note.code == "cap_disputed" and "10000.00" in note.message and "第四十五条" in note.message


def test_individual_gets_zero_and_a_note():
    r = late_fee(Decimal("10000.00"), days=30, payer=INDIVIDUAL)
    assert r.fee == Decimal("0.00") and r.total == Decimal("10000.00")
    assert [n.code for n in r.notes] == ["no_statutory_fee_for_individuals"]


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"days": 1, "due": D(2026, 1, 1)}, "days"),
        ({}, "days"),
        ({"due": D(2026, 1, 1)}, "paid"),
        ({"paid": D(2026, 1, 1)}, "due"),
        ({"due": D(2026, 1, 2), "paid": D(2026, 1, 1)}, "paid"),
        ({"days": 1, "payer": "company"}, "payer"),
    ],
)
def test_invalid_combinations_name_the_field(kwargs, field):
    with pytest.raises(CalculatorError) as info:
        late_fee(Decimal("100"), **kwargs)
    assert info.value.field == field


@FAST
@given(AMOUNTS, st.integers(0, 5000))
def test_fee_is_the_rounded_product(owed, days):
    r = late_fee(owed, days=days)
    assert r.fee == round_fen(owed * LATE_FEE_DAILY_RATE * days)
    assert r.total == r.fee + r.owed
    assert r.exceeds_principal == (r.fee > owed)
    assert any(n.code == "cap_disputed" for n in r.notes) == r.exceeds_principal


@FAST
@given(AMOUNTS, st.dates(D(2004, 1, 1), D(2030, 12, 31)), st.integers(0, 3000))
def test_dates_give_the_same_fee_as_days(owed, due, days):
    paid = due + datetime.timedelta(days=days)
    assert late_fee(owed, due=due, paid=paid).fee == late_fee(owed, days=days).fee


@FAST
@given(st.lists(st.tuples(st.integers(0, 119), AMOUNTS, st.integers(0, 400)), min_size=1, max_size=12,
                unique_by=lambda t: t[0]))
def test_back_payment_totals_add_up_the_rows(items):
    paid = D(2026, 6, 30)
    months = [
        ArrearsMonth(D(2016 + i // 12, i % 12 + 1, 1), owed, paid - datetime.timedelta(days=days))
        for i, owed, days in items
    ]
    r = back_payment(months, paid)
    assert [row.month for row in r.rows] == sorted(m.month for m in months)
    assert r.total_fee == sum(row.fee.fee for row in r.rows)
    assert r.total_owed == sum(m.owed for m in months)
    assert r.total == r.total_owed + r.total_fee
    for row in r.rows:
        assert row.fee.fee == late_fee(row.fee.owed, due=row.due, paid=paid).fee


def test_back_payment_rejects_duplicates_and_empty():
    item = ArrearsMonth(D(2026, 1, 1), Decimal("1"), D(2026, 2, 15))
    for months in ([], [item, item]):
        with pytest.raises(CalculatorError) as info:
            back_payment(months, D(2026, 4, 1))
        assert info.value.field == "month"
