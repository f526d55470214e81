"""calculators.money and calculators.inputs: reading what people type."""

import datetime
from decimal import Decimal

import pytest

from calculators.errors import CalculatorError
from calculators.inputs import parse_choice, parse_date, parse_int, parse_month
from calculators.limits import MAX_AMOUNT, MAX_YEAR, MIN_YEAR
from calculators.money import check_amount, format_money, parse_amount, round_fen


@pytest.mark.parametrize(
    ("text", "value"),
    [("3650", "3650"), ("3650.5", "3650.5"), ("3650.00", "3650.00"), (" ３６５０.５０ ", "3650.50"), ("0", "0")],
)
def test_amounts_read(text, value):
    assert parse_amount(text, "owed") == Decimal(value)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("-1", "negative_amount"),
        ("-0.50", "negative_amount"),
        ("abc", "invalid_amount"),
        ("1,000", "invalid_amount"),
        ("1e3", "invalid_amount"),
        ("Infinity", "invalid_amount"),
        ("", "invalid_amount"),
        ("1.", "invalid_amount"),
        ("1.234", "too_many_decimals"),
        ("1.000", "too_many_decimals"),
        (str(MAX_AMOUNT + 1), "out_of_range"),
        ("9" * 5000, "out_of_range"),
    ],
)
def test_amount_errors_name_the_field(text, code):
    with pytest.raises(CalculatorError) as info:
        parse_amount(text, "owed")
    assert (info.value.code, info.value.field) == (code, "owed")


def test_half_up_rounding_is_pinned():
    assert round_fen(Decimal("82.125")) == Decimal("82.13")
    assert round_fen(Decimal("0.005")) == Decimal("0.01")
    assert format_money(Decimal("7")) == "7.00"


def test_check_amount_refuses_floats_and_nan():
    for value in (1.5, Decimal("NaN"), Decimal("Infinity"), "1"):
        with pytest.raises(CalculatorError):
            check_amount(value, "owed")


def test_dates_and_months():
    assert parse_date("2026-2-3", "accepted") == datetime.date(2026, 2, 3)
    assert parse_month("2026-03", "resumed") == datetime.date(2026, 3, 1)
    for bad, code in [("2026-02-30", "invalid_date"), ("20260210", "invalid_date"),
                      (f"{MIN_YEAR - 1}-01-01", "out_of_range"), (f"{MAX_YEAR + 1}-01-01", "out_of_range")]:
        with pytest.raises(CalculatorError) as info:
            parse_date(bad, "accepted")
        assert (info.value.code, info.value.field) == (code, "accepted")
    with pytest.raises(CalculatorError) as info:
        parse_month("2026-00", "resumed")
    assert (info.value.code, info.value.field) == ("invalid_month", "resumed")


def test_integers_and_choices():
    assert parse_int(" -3 ", "days") == -3
    for bad in ("3.0", "", "1" * 13, "٣"):
        with pytest.raises(CalculatorError):
            parse_int(bad, "days")
    with pytest.raises(CalculatorError) as info:
        parse_choice("Employer", "payer", ("employer", "individual"))
    assert info.value.field == "payer"


def test_long_input_is_shortened_in_messages():
    with pytest.raises(CalculatorError) as info:
        parse_date("x" * 1000, "accepted")
    assert len(info.value.message) < 200
