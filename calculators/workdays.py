"""Working days on China's official calendar (statutory holidays and 调休 make-up working days).

The calendar is the `chinesecalendar` package, which encodes each year's 国务院办公厅
《关于 YYYY 年部分节假日安排的通知》: holidays (放假) and make-up working days on weekends
(调休上班). A day is a working day when it is a make-up working day, or a Monday–Friday that is
not a holiday. Years the package does not cover raise `CalendarNotCovered`; there is no
weekends-only fallback.

Counting convention (an assumption): 民法典 第二百零一条 says a period counted in days starts on
the next day (「开始的当日不计入，自下一日开始计算」). 医保办发〔2021〕43号 does not say how its
working days are counted, so the start day is not counted here either, by analogy.
"""

from __future__ import annotations

import calendar
import datetime

import chinese_calendar

from calculators.errors import CalculatorError, CalendarNotCovered
from calculators.limits import MAX_DAYS

ONE_DAY = datetime.timedelta(days=1)

_HOLIDAYS = chinese_calendar.holidays
_MAKEUP_WORKDAYS = chinese_calendar.workdays
# The covered range is read from the package's own data, as chinese_calendar.utils does.
FIRST_YEAR: int = min(_HOLIDAYS).year
LAST_YEAR: int = max(_HOLIDAYS).year


def covered_years() -> tuple[int, int]:
    """First and last year of the official calendar data (inclusive)."""
    return FIRST_YEAR, LAST_YEAR


def last_covered_day() -> datetime.date:
    return datetime.date(LAST_YEAR, 12, 31)


def is_covered(day: datetime.date) -> bool:
    return FIRST_YEAR <= day.year <= LAST_YEAR


def is_workday(day: datetime.date) -> bool:
    """True on a working day: a 调休 make-up day, or Monday–Friday outside the statutory holidays.

    Same answer as `chinese_calendar.is_workday` (a test compares every covered day), without
    its per-call scan of the whole holiday table.
    """
    if not is_covered(day):
        raise CalendarNotCovered(day.year, FIRST_YEAR, LAST_YEAR)
    if day in _MAKEUP_WORKDAYS:
        return True
    return day.weekday() < calendar.SATURDAY and day not in _HOLIDAYS


def check_day_count(n: object, field: str = "days") -> int:
    """Validate a number of days: an int from 0 to the sanity bound `MAX_DAYS`."""
    if isinstance(n, bool) or not isinstance(n, int):
        raise CalculatorError("invalid_integer", field, "天数必须是整数。")
    if n < 0:
        raise CalculatorError("out_of_range", field, "天数不能为负数。")
    if n > MAX_DAYS:
        raise CalculatorError("out_of_range", field, f"天数不能超过 {MAX_DAYS} 天（一百年），请检查是否多输了数字。")
    return n


def add_workdays(start: datetime.date, n: int) -> datetime.date:
    """The n-th working day after `start`; `start` itself is not counted (民法典 第二百零一条, by
    analogy — an assumption). Holidays are skipped and 调休 make-up working days are counted.

    `n == 0` returns `start` unchanged. Raises `CalendarNotCovered` as soon as the count reaches a
    year the official calendar does not cover.
    """
    check_day_count(n)
    day = start
    counted = 0
    while counted < n:
        day += ONE_DAY
        if is_workday(day):
            counted += 1
    return day


def workdays_between(after: datetime.date, until: datetime.date) -> int:
    """Number of working days d with `after` < d <= `until` (0 when `until` <= `after`)."""
    count = 0
    day = after + ONE_DAY
    while day <= until:
        if is_workday(day):
            count += 1
        day += ONE_DAY
    return count
