"""A back payment (补缴) of several months, each with its own due date: one late fee per month
under 《社会保险法》第八十六条 (see `calculators.late_fee`), then the totals.

Each month's fee is rounded to 分 on its own and the totals are sums of the rounded rows, so the
table adds up exactly as printed. Rows are returned in month order.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from calculators.errors import CalculatorError
from calculators.late_fee import DAY_COUNT_NOTE, EMPLOYER, LateFee, late_fee, overdue_days
from calculators.limits import MAX_BACK_PAYMENT_MONTHS
from calculators.money import check_amount, round_fen
from calculators.notes import Note
from calculators.text import date_words, month_words


@dataclass(frozen=True)
class ArrearsMonth:
    """One month of arrears: the month it belongs to (any day in it), the amount, the due date."""

    month: datetime.date
    owed: Decimal
    due: datetime.date


@dataclass(frozen=True)
class BackPaymentRow:
    month: datetime.date
    due: datetime.date
    fee: LateFee


@dataclass(frozen=True)
class BackPayment:
    rows: tuple[BackPaymentRow, ...]
    total_owed: Decimal
    total_fee: Decimal
    total: Decimal
    exceeds_principal: bool
    notes: tuple[Note, ...]


def back_payment(months: list[ArrearsMonth], paid: datetime.date, payer: str = EMPLOYER) -> BackPayment:
    """Per-month late fees for arrears all paid on `paid`, and the totals."""
    if not months:
        raise CalculatorError("missing_option", "month", "请至少填写一个欠缴月份（月份:金额:应缴日期）。")
    if len(months) > MAX_BACK_PAYMENT_MONTHS:
        raise CalculatorError("out_of_range", "month", f"欠缴月份不能超过 {MAX_BACK_PAYMENT_MONTHS} 个。")
    seen: set[tuple[int, int]] = set()
    rows = []
    notes: list[Note] = [DAY_COUNT_NOTE]
    for item in sorted(months, key=lambda m: (m.month.year, m.month.month)):
        key = (item.month.year, item.month.month)
        if key in seen:
            raise CalculatorError("duplicate_month", "month", f"{month_words(item.month)}填写了不止一次。")
        seen.add(key)
        check_amount(item.owed, "month")
        if paid < item.due:
            raise CalculatorError(
                "inconsistent_dates",
                "paid",
                f"{month_words(item.month)}的应缴日期{date_words(item.due)}晚于实际缴费日期{date_words(paid)}。",
            )
        days = overdue_days(item.due, paid, "month")
        fee = late_fee(item.owed, days=days, payer=payer)
        rows.append(BackPaymentRow(item.month, item.due, fee))
        for note in fee.notes:
            if note.code == "cap_disputed":
                notes.append(Note(note.code, f"{month_words(item.month)}：{note.message}"))
            elif note not in notes:
                notes.append(note)
    total_owed = round_fen(sum((r.fee.owed for r in rows), Decimal(0)))
    total_fee = round_fen(sum((r.fee.fee for r in rows), Decimal(0)))
    return BackPayment(
        tuple(rows),
        total_owed,
        total_fee,
        total_owed + total_fee,
        any(r.fee.exceeds_principal for r in rows),
        tuple(notes),
    )
