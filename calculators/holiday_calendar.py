"""China's working-day calendar, with honest estimates for the year whose notice is not out yet.

The years come from calculators/calendar_data.py, compiled from data/calendar/*.yaml (one file per
year; see sitegen.compile.calendar_module). A year is either `official` — the days of the State Council's
notice 《国务院办公厅关于YYYY年部分节假日安排的通知》 — or `statutory`: only the days that
《全国年节及纪念日放假办法》 (2024 revision, Art. 2) fixes, for the year right after the last
official one. Every day falls in one of four classes:

- final: a day of an official year before the provisional tail; its status is the notice's.
- provisional: the last days of December of the last official year. A year's notice has more than
  once changed the previous December (2006, 2007, 2011, 2018, 2022, 2023); the earliest such day in
  the data decides where the tail starts (`Calendar.provisional_from`, 29 December with the data of
  2004–2026). Its status is the current data's, but either status is possible.
- estimated: a day of the statutory year.
- not covered: any later year (`CalendarNotCovered`).

The point estimate of a statutory year: the law's days are rest days; each one that falls on a
Saturday or Sunday is made up (补假, Art. 6) on the first weekdays after that festival's days; no
other 调休. The notice decides where 补假 really goes, and may add 调休 around every festival.

The bounds. `earliest` counts every day that could be a working day as one; `latest` counts every
day that could be a rest day as one. What could be, for a day that is not final:
- a day the law fixes is a rest day in every arrangement (Art. 2);
- a weekday from REST_BEFORE days before to REST_AFTER days after a day the law fixes could be a
  rest day (补假 or 调休);
- a Saturday or Sunday from WORK_BEFORE days before to WORK_AFTER days after such a day could be a
  调休 working day;
- any other day is ordinary (Monday–Friday work, weekends rest); a provisional day could be either.
The four distances (declared in sitegen/data/statutory.py, compiled into calendar_data) are the widest
that any notice of 2004–2026 used: every rest day and 调休 working day of those years lies inside
them around the days the law in force then fixed (a test checks each day against the `holidays`
package's statutory days). A later notice that reaches further
would make the bounds wrong; the test of the next official year will say so.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from calculators.calendar_data import REST_WINDOW, WORK_WINDOW, YEARS
from calculators.errors import CalendarNotCovered

ONE_DAY = datetime.timedelta(days=1)
# date.weekday() of a Saturday (Sunday is one more); not calendar.SATURDAY: `calendar` imports `locale`,
# which the browser's first answer would wait for.
SATURDAY = datetime.date(2000, 1, 1).weekday()
OFFICIAL = "official"
STATUTORY = "statutory"

REST_BEFORE, REST_AFTER = REST_WINDOW
WORK_BEFORE, WORK_AFTER = WORK_WINDOW

# Kinds of day, for the pictures and the notes.
WORKDAY = "workday"  # Monday–Friday, working
WEEKEND = "weekend"  # Saturday or Sunday, resting
HOLIDAY = "holiday"  # a rest day of a holiday (official), or a day the law fixes (estimated)
MAKEUP = "makeup"  # a Saturday or Sunday that is a working day (调休上班)
BUXIA = "buxia"  # estimated 补假: a weekday resting for a statutory day on a weekend
KINDS = (WORKDAY, WEEKEND, HOLIDAY, MAKEUP, BUXIA)


@dataclass(frozen=True)
class Day:
    """One day: its status in the point estimate and in the two bounds, and how sure that is."""

    date: datetime.date
    kind: str  # one of KINDS, in the point estimate
    work: bool  # the point estimate (the official status where final)
    work_earliest: bool  # the arrangement with the most working days
    work_latest: bool  # the arrangement with the fewest
    final: bool  # True when no future notice can change it
    name: str | None = None  # the festival of a holiday, 补假 or 调休 day


@dataclass(frozen=True)
class Year:
    year: int
    status: str
    notice: str | None
    holidays: dict[datetime.date, str]  # rest day -> festival
    workdays: frozenset[datetime.date]  # 调休 working days


def _days(first: datetime.date, last: datetime.date):
    day = first
    while day <= last:
        yield day
        day += ONE_DAY


def _year(year: int, entry: tuple) -> Year:
    status, notice, ranges, workdays = entry
    holidays = {}
    for name, first, last in ranges:
        for day in _days(datetime.date.fromisoformat(first), datetime.date.fromisoformat(last)):
            holidays[day] = name
    return Year(year, status, notice, holidays, frozenset(datetime.date.fromisoformat(d) for d in workdays))


class Calendar:
    """The calendar of a set of years (the compiled data by default; tests pass their own)."""

    def __init__(self, years: dict[int, tuple]) -> None:
        loaded = {year: _year(year, entry) for year, entry in years.items()}
        official = sorted(year for year, y in loaded.items() if y.status == OFFICIAL)
        if not official:
            raise ValueError("the calendar needs at least one official year")
        self.first_year = official[0]
        self.last_official = official[-1]
        self._years = loaded
        statutory = loaded.get(self.last_official + 1)
        self.estimated_year: int | None = statutory.year if statutory and statutory.status == STATUTORY else None
        self.provisional_from = datetime.date(self.last_official, 12, self._earliest_december_change())
        self._estimated: dict[datetime.date, Day] = self._estimate() if self.estimated_year else {}

    # -- the data ---------------------------------------------------------------------------
    def _earliest_december_change(self) -> int:
        """The earliest December day that a next year's notice set, across the official years:
        a December rest day of the next year's 元旦, or a December 调休 working day (every one of
        them so far was for the next 元旦)."""
        days = [31]
        for year in range(self.first_year, self.last_official + 1):
            y = self._years.get(year)
            if y is None:
                continue
            days += [d.day for d, name in y.holidays.items() if d.month == 12 and "元旦" in name]
            days += [d.day for d in y.workdays if d.month == 12]
        return min(days)

    @property
    def notice_pending(self) -> int:
        """The year whose notice is missing: the one after the last official year."""
        return self.last_official + 1

    def last_covered_day(self) -> datetime.date:
        return datetime.date(self.estimated_year or self.last_official, 12, 31)

    def is_covered(self, day: datetime.date) -> bool:
        return self.first_year <= day.year <= (self.estimated_year or self.last_official)

    def not_covered(self, day: datetime.date) -> CalendarNotCovered:
        return CalendarNotCovered(day.year, self.first_year, self.last_official, estimated=self.estimated_year)

    # -- one day ----------------------------------------------------------------------------
    def day(self, day: datetime.date) -> Day:
        if not self.is_covered(day):
            raise self.not_covered(day)
        if day.year == self.estimated_year:
            return self._estimated[day]
        y = self._years[day.year]
        weekend = day.weekday() >= SATURDAY
        if day in y.workdays:
            kind, work, name = MAKEUP, True, None
        elif day in y.holidays:
            kind, work, name = HOLIDAY, False, y.holidays[day]
        else:
            kind, work, name = (WEEKEND, False, None) if weekend else (WORKDAY, True, None)
        if day >= self.provisional_from:
            return Day(day, kind, work, True, False, False, name)
        return Day(day, kind, work, work, work, True, name)

    def _estimate(self) -> dict[datetime.date, Day]:
        y = self._years[self.estimated_year]
        law = y.holidays  # the statutory file holds exactly the law's days
        first = datetime.date(y.year, 1, 1)
        # 补假: for each festival, one weekday after its last day per law day on a weekend.
        buxia: dict[datetime.date, str] = {}
        by_festival: dict[str, list[datetime.date]] = {}
        for day, name in sorted(law.items()):
            by_festival.setdefault(name, []).append(day)
        for name, days in by_festival.items():
            owed = sum(1 for d in days if d.weekday() >= SATURDAY)
            day = max(days)
            while owed:
                day += ONE_DAY
                if day.weekday() < SATURDAY and day not in law and day not in buxia:
                    buxia[day] = name
                    owed -= 1
        law_days = sorted(law)
        estimated = {}
        for day in _days(first, datetime.date(y.year, 12, 31)):
            weekend = day.weekday() >= SATURDAY
            if day in law:
                estimated[day] = Day(day, HOLIDAY, False, False, False, False, law[day])
                continue
            could_rest = not weekend and _near(day, law_days, REST_BEFORE, REST_AFTER)
            could_work = weekend and _near(day, law_days, WORK_BEFORE, WORK_AFTER)
            if day in buxia:
                estimated[day] = Day(day, BUXIA, False, True, False, False, buxia[day])
            elif weekend:
                estimated[day] = Day(day, WEEKEND, False, could_work, False, False)
            else:
                estimated[day] = Day(day, WORKDAY, True, True, not could_rest, False)
        return estimated


def _near(day: datetime.date, anchors: list[datetime.date], before: int, after: int) -> bool:
    """True when `day` lies from `before` days before to `after` days after one of `anchors`."""
    return any(-before <= (day - anchor).days <= after for anchor in anchors)


DEFAULT = Calendar(YEARS)
