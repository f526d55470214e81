"""Reading dates, months, integers and choices typed as text, with field-named Chinese errors."""

from __future__ import annotations

import datetime
import re

from calculators.errors import CalculatorError
from calculators.limits import MAX_DAYS, MAX_YEAR, MIN_YEAR
from calculators.text import normalise, shown

_DATE = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})", re.ASCII)
_MONTH = re.compile(r"([0-9]{4})-([0-9]{1,2})", re.ASCII)
_INT = re.compile(r"-?[0-9]{1,12}", re.ASCII)
MONTHS_PER_YEAR = 12


def check_year(year: int, field: str) -> None:
    """Years outside the sanity bounds MIN_YEAR..MAX_YEAR are taken for typos."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise CalculatorError(
            "out_of_range", field, f"年份 {year} 超出可计算范围（{MIN_YEAR}–{MAX_YEAR} 年），请检查输入。"
        )


def parse_date(text: str, field: str) -> datetime.date:
    """A date written YYYY-MM-DD, e.g. 2026-02-10."""
    match = _DATE.fullmatch(normalise(text))
    if not match:
        raise CalculatorError(
            "invalid_date", field, f"日期格式应为 YYYY-MM-DD，例如 2026-02-10；收到的是 {shown(text)}。"
        )
    year, month, day = (int(part) for part in match.groups())
    check_year(year, field)
    try:
        return datetime.date(year, month, day)
    except ValueError:
        raise CalculatorError("invalid_date", field, f"日期 {shown(text)} 不存在，请检查月份和日期。") from None


def parse_month(text: str, field: str) -> datetime.date:
    """A month written YYYY-MM, returned as the first day of that month."""
    match = _MONTH.fullmatch(normalise(text))
    if not match:
        raise CalculatorError(
            "invalid_month", field, f"月份格式应为 YYYY-MM，例如 2026-03；收到的是 {shown(text)}。"
        )
    year, month = (int(part) for part in match.groups())
    check_year(year, field)
    try:
        return datetime.date(year, month, 1)
    except ValueError:
        raise CalculatorError("invalid_month", field, f"月份 {shown(text)} 不存在（月份应为 1–12）。") from None


def parse_int(text: str, field: str) -> int:
    """A whole number, e.g. 30. Range checks belong to the calculator that uses it."""
    value = normalise(text)
    if not _INT.fullmatch(value):
        raise CalculatorError("invalid_integer", field, f"应填写整数，收到的是 {shown(text)}。")
    return int(value)


def parse_choice(text: str, field: str, choices: tuple[str, ...]) -> str:
    value = normalise(text)
    if value not in choices:
        raise CalculatorError(
            "invalid_choice", field, f"只能是 {' 或 '.join(choices)} 之一，收到的是 {shown(text)}。"
        )
    return value


def month_index(month: datetime.date) -> int:
    """Months since year 0, so that month differences are plain subtraction."""
    return month.year * MONTHS_PER_YEAR + month.month - 1


def month_from_index(index: int) -> datetime.date:
    year, month0 = divmod(index, MONTHS_PER_YEAR)
    return datetime.date(year, month0 + 1, 1)


def format_month(month: datetime.date) -> str:
    return f"{month.year:04d}-{month.month:02d}"


def check_day_count(n: object, field: str = "days") -> int:
    """Validate a number of days: an int from 0 to the sanity bound `MAX_DAYS`."""
    if isinstance(n, bool) or not isinstance(n, int):
        raise CalculatorError("invalid_integer", field, "天数必须是整数。")
    if n < 0:
        raise CalculatorError("out_of_range", field, "天数不能为负数。")
    if n > MAX_DAYS:
        raise CalculatorError("out_of_range", field, f"天数不能超过 {MAX_DAYS} 天（一百年），请检查是否多输了数字。")
    return n
