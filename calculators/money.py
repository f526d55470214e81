"""Money: `Decimal` in 元, validated, rounded to 分 with ROUND_HALF_UP (四舍五入).

The rounding rule is pinned because it changes results: 3,650.00 × 0.05% × 45 = 82.125 gives
82.13 half-up but 82.12 with banker's rounding (worked example 2 (《社会保险法》第八十六条)). No national text
fixes the rule; 四舍五入 is what one local 征收 system describes (an assumption).
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from calculators.errors import CalculatorError
from calculators.limits import MAX_AMOUNT
from calculators.text import normalise, shown

FEN = Decimal("0.01")
_AMOUNT = re.compile(r"[0-9]+(?:\.[0-9]+)?", re.ASCII)
_MAX_DIGITS = len(str(int(MAX_AMOUNT))) + 1  # more integer digits than this is surely a typo


def round_fen(value: Decimal) -> Decimal:
    """Round to 分, half up."""
    return value.quantize(FEN, rounding=ROUND_HALF_UP)


def format_money(value: Decimal) -> str:
    """The amount as a string with exactly two decimals, e.g. "82.13"."""
    return str(round_fen(value))


def check_amount(value: object, field: str) -> Decimal:
    """Validate an amount given as `Decimal` (or int): finite, not negative, at most two decimals
    (分), not above the sanity bound `MAX_AMOUNT`."""
    if isinstance(value, bool) or not isinstance(value, (Decimal, int)):
        raise CalculatorError("invalid_amount", field, "金额必须是数字（Decimal）。")
    amount = Decimal(value)
    if not amount.is_finite():
        raise CalculatorError("invalid_amount", field, "金额必须是有限的数字。")
    if amount < 0:
        raise CalculatorError("negative_amount", field, "金额不能为负数。")
    if amount > MAX_AMOUNT:
        raise CalculatorError(
            "out_of_range", field, f"金额不能超过 {format_money(MAX_AMOUNT)} 元，请检查是否多输了数字。"
        )
    if amount.as_tuple().exponent < FEN.as_tuple().exponent:  # written with more than two decimals
        raise CalculatorError("too_many_decimals", field, "金额最多两位小数（精确到分）。")
    return amount


def parse_amount(text: str, field: str) -> Decimal:
    """Read an amount typed as text, e.g. "3650", "3650.5", "3650.00" (full-width digits allowed)."""
    value = normalise(text)
    if value.startswith("-") and _AMOUNT.fullmatch(value[1:]):
        raise CalculatorError("negative_amount", field, "金额不能为负数。")
    if not _AMOUNT.fullmatch(value):
        raise CalculatorError(
            "invalid_amount", field, f"金额应为数字，最多两位小数，例如 3650.00；收到的是 {shown(text)}。"
        )
    if len(value.split(".")[0].lstrip("0")) > _MAX_DIGITS:
        raise CalculatorError(
            "out_of_range", field, f"金额不能超过 {format_money(MAX_AMOUNT)} 元，请检查是否多输了数字。"
        )
    try:
        amount = Decimal(value)
    except InvalidOperation:  # unreachable after the pattern check; kept as a guard
        raise CalculatorError("invalid_amount", field, f"无法读取金额 {shown(text)}。") from None
    return check_amount(amount, field)
