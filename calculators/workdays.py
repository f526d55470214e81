"""Working days on China's official calendar (statutory holidays and 调休 make-up working days).

The calendar is the project's own data, data/calendar/YYYY.yaml, one file per year, compiled into
calculators/calendar_data.py (calculators.holiday_calendar explains the kinds of day). A day is a
working day when it is a make-up working day, or a Monday–Friday that is not a holiday.

A count that stays on final days has one answer (`WorkdayCount.official`). A count that reaches the
days the next notice may still change (late December of the last official year, or the year after
it) has an estimate and two bounds instead; `add_workdays` then raises `CalendarProvisional`.
Years beyond the estimated one raise `CalendarNotCovered`; there is no weekends-only fallback.

Counting convention (an assumption): 民法典 第二百零一条 says a period counted in days starts on
the next day (「开始的当日不计入，自下一日开始计算」). 医保办发〔2021〕43号 does not say how its
working days are counted, so the start day is not counted here either, by analogy.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from calculators.errors import CalendarNotCovered, CalendarProvisional
from calculators.holiday_calendar import DEFAULT, Calendar, Day
from calculators.inputs import check_day_count
from calculators.text import date_words

ONE_DAY = datetime.timedelta(days=1)


def covered_years(calendar: Calendar = DEFAULT) -> tuple[int, int]:
    """First and last official year of the calendar data (inclusive)."""
    return calendar.first_year, calendar.last_official


def estimated_year(calendar: Calendar = DEFAULT) -> int | None:
    """The year after the last official one, when its statutory days are in the data."""
    return calendar.estimated_year


def last_covered_day(calendar: Calendar = DEFAULT) -> datetime.date:
    """The last day that can be counted, by an official answer or an estimate."""
    return calendar.last_covered_day()


def is_covered(day: datetime.date, calendar: Calendar = DEFAULT) -> bool:
    return calendar.is_covered(day)


def is_workday(day: datetime.date, calendar: Calendar = DEFAULT) -> bool:
    """True on a working day of an official year: a 调休 make-up day, or Monday–Friday outside
    the holidays. Raises `CalendarNotCovered` outside the official years."""
    if not calendar.first_year <= day.year <= calendar.last_official:
        raise CalendarNotCovered(day.year, calendar.first_year, calendar.last_official,
                                 estimated=calendar.estimated_year)
    return calendar.day(day).work


@dataclass(frozen=True)
class WorkdayCount:
    """The n-th working day after `start`: official, or estimated with its bounds."""

    start: datetime.date
    n: int
    official: datetime.date | None  # None when the count reached a day a future notice may change
    estimate: datetime.date  # the point estimate (equal to `official` when there is one)
    earliest: datetime.date
    latest: datetime.date
    days: tuple[Day, ...]  # every day after `start` up to `latest`
    pending_year: int  # the year whose notice is missing
    reached_estimated_year: bool  # False when only the provisional end of December was reached
    provisional_from: datetime.date

    def provisional_message(self) -> str:
        return provisional_message(self.pending_year, self.reached_estimated_year, self.provisional_from,
                                   self.estimate, self.earliest, self.latest)


def provisional_message(pending_year: int, reached_estimated_year: bool, provisional_from: datetime.date,
                        estimate: datetime.date, earliest: datetime.date, latest: datetime.date) -> str:
    """Why a date is an estimate, the estimate, and its range, in one sentence."""
    why = f"{pending_year} 年的放假安排（《国务院办公厅关于{pending_year}年部分节假日安排的通知》）尚未发布"
    if not reached_estimated_year:
        why += (f"，历年通知最早改动过上一年 12 月 {provisional_from.day} 日的安排，"
                f"所以 {provisional_from.year} 年 12 月 {provisional_from.day}–31 日还可能变化")
    if earliest == latest:
        span = "；在各种可能的补假和调休安排下都是这一天，但仍以通知为准"
    else:
        span = f"，可能在{date_words(earliest)}至{date_words(latest)}之间"
    return f"{why}：按法定节假日估算为{date_words(estimate)}{span}。"


def count_workdays(start: datetime.date, n: int, calendar: Calendar = DEFAULT) -> WorkdayCount:
    """The n-th working day after `start` (`start` itself is not counted; 民法典 第二百零一条, by
    analogy — an assumption), in the point estimate and in both bounds.

    Raises `CalendarNotCovered` when the count runs beyond the estimated year; the error's
    `earliest` is the earliest possible answer when that was already reached.
    """
    check_day_count(n)
    counts = {"estimate": 0, "earliest": 0, "latest": 0}
    found: dict[str, datetime.date] = {}
    if n == 0:
        found = dict.fromkeys(counts, start)
    days: list[Day] = []
    final = True
    day = start
    while len(found) < len(counts):
        day += ONE_DAY
        try:
            info = calendar.day(day)
        except CalendarNotCovered as error:
            raise CalendarNotCovered(error.year, error.first_year, error.last_year,
                                     estimated=error.estimated, earliest=found.get("earliest")) from None
        days.append(info)
        if "estimate" not in found:
            final = final and info.final
        for scenario, working in (("estimate", info.work), ("earliest", info.work_earliest), ("latest", info.work_latest)):
            if scenario not in found and working:
                counts[scenario] += 1
                if counts[scenario] == n:
                    found[scenario] = day
    return WorkdayCount(
        start, n, found["estimate"] if final else None, found["estimate"], found["earliest"], found["latest"],
        tuple(days), calendar.notice_pending, any(d.date.year > calendar.last_official for d in days),
        calendar.provisional_from,
    )


def add_workdays(start: datetime.date, n: int, calendar: Calendar = DEFAULT) -> datetime.date:
    """The official n-th working day after `start`; `n == 0` returns `start` unchanged.

    Raises `CalendarProvisional` (carrying the estimate) when the count reaches days a future
    notice may change, and `CalendarNotCovered` beyond the estimated year.
    """
    count = count_workdays(start, n, calendar)
    if count.official is None:
        raise CalendarProvisional(count, count.provisional_message())
    return count.official


@dataclass(frozen=True)
class Between:
    """Working days d with `after` < d <= `until`: the point estimate and the range."""

    estimate: int
    fewest: int
    most: int
    final: bool


def count_between(after: datetime.date, until: datetime.date, calendar: Calendar = DEFAULT) -> Between:
    estimate = fewest = most = 0
    final = True
    day = after + ONE_DAY
    while day <= until:
        info = calendar.day(day)
        estimate += info.work
        fewest += info.work_latest
        most += info.work_earliest
        final = final and info.final
        day += ONE_DAY
    return Between(estimate, fewest, most, final)


def workdays_between(after: datetime.date, until: datetime.date, calendar: Calendar = DEFAULT) -> int:
    """Number of working days d with `after` < d <= `until` (0 when `until` <= `after`), on the
    data as it stands (the point estimate where a day is not final)."""
    return count_between(after, until, calendar).estimate
