"""How answers read in the browser: display rows with a machine value and the text a reader sees.

A row is `{"label", "value", "text", "type"}`: `value` is machine-readable (ISO date, "150.00"),
`text` is what the reader sees, `type` one of ROW_TYPES. An `estimate` row (a date before the
year's holiday notice) adds `detail`, the range it may still move within. Dates stay
`datetime.date` until these functions print them.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from calculators.money import format_money
from calculators.text import WEEKDAYS, date_words, month_words

ROW_TYPES = ("date", "estimate", "text", "money", "status")
MISSING = "无法计算（见下方说明）"

Row = dict[str, str]


def date_text(day: datetime.date) -> str:
    """2026-03-02 → 2026年3月2日（星期一）."""
    return date_words(day)


def month_text(month: datetime.date) -> str:
    """The month of a date → 2026年8月."""
    return month_words(month)


def row(label: str, value: str, kind: str, text: str | None = None) -> Row:
    if kind not in ROW_TYPES:
        raise ValueError(f"row type must be one of {ROW_TYPES}, got {kind!r}")
    return {"label": label, "value": value, "text": value if text is None else text, "type": kind}


def date_row(label: str, day: datetime.date | None, missing: str = MISSING) -> Row:
    if day is None:
        return row(label, "", "status", missing)
    return row(label, day.isoformat(), "date", date_text(day))


def money_row(label: str, amount: Decimal) -> Row:
    text = format_money(amount)
    return row(label, text, "money", f"{text} 元")


def months_row(label: str, months: int, kind: str = "text") -> Row:
    return row(label, str(months), kind, f"{months} 个月")
