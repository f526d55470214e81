"""calculators.holiday_calendar: the data against two independent packages, the estimate of a year
without its notice, and the rule for its bounds tested against every notice of 2004–2026.

`chinesecalendar` (1.11.0) and `holidays` (vacanza) are test-time cross-checks only: the
calculators read data/calendar/ and nothing else.
"""

from __future__ import annotations

import datetime

import chinese_calendar
import holidays
import pytest

from calculators.calendar_data import YEARS
from calculators.holiday_calendar import (
    BUXIA,
    HOLIDAY,
    REST_AFTER,
    REST_BEFORE,
    WORK_AFTER,
    WORK_BEFORE,
    Calendar,
)
from calculators.workdays import count_workdays, is_workday
from calendar_fixture import fixture_calendar

D = datetime.date
ONE_DAY = datetime.timedelta(days=1)
PACKAGE_YEARS = range(2004, 2027)
# The calendar as it stood before the 2027 notice (tests/calendar_fixture.py): what these tests of
# the estimate and the provisional December assume, whatever data/calendar/ holds now.
TO_2026 = fixture_calendar("official-to-2026")
LAW_NAMES = {"元旦", "春节", "农历除夕", "清明节", "劳动节", "端午节", "中秋节", "国庆节"}

# Days where data/calendar/ differs from chinesecalendar 1.11.0, each with the notice that decides.
DIFFERS_FROM_CHINESECALENDAR = {
    # 国办发明电〔2005〕35号 (the 2006 notice, 2005-12-16): 「12月31日（星期六）上班」. The package
    # has no working day there; the `holidays` package and the notice do.
    D(2005, 12, 31): True,
}
# Days where data/calendar/ differs from the `holidays` package: none at present.
DIFFERS_FROM_HOLIDAYS: dict[datetime.date, bool] = {}
# Rest and working days that belong to no festival of the law: the one-off 2015 commemoration
# (抗战胜利70周年纪念日, 9月3日至5日放假, 9月6日上班), outside any window by design.
ONE_OFF = {D(2015, 9, 3), D(2015, 9, 4), D(2015, 9, 6)}


def _days(first, last):
    day = first
    while day <= last:
        yield day
        day += ONE_DAY


def _statutory_days(years) -> dict[datetime.date, str]:
    """The days the law in force each year fixes, as the `holidays` package computes them."""
    return {d: n for d, n in holidays.China(years=years, observed=False).items() if n in LAW_NAMES}


def test_every_day_2004_2026_agrees_with_chinesecalendar_except_the_pinned_ones():
    differ = {}
    for day in _days(D(2004, 1, 1), D(2026, 12, 31)):
        if is_workday(day) != chinese_calendar.is_workday(day):
            differ[day] = is_workday(day)
    assert differ == DIFFERS_FROM_CHINESECALENDAR


def test_every_day_2004_2026_agrees_with_the_holidays_package():
    china = holidays.China(years=PACKAGE_YEARS)
    differ = {day: is_workday(day) for day in _days(D(2004, 1, 1), D(2026, 12, 31))
              if is_workday(day) != china.is_working_day(day)}
    assert differ == DIFFERS_FROM_HOLIDAYS


def test_every_notice_of_2004_2026_stays_inside_the_windows_of_the_bounds():
    statutory = _statutory_days(range(2003, 2028))
    anchors = sorted(statutory)
    outside = []
    for year in PACKAGE_YEARS:
        _, _, ranges, workdays = YEARS[year]
        rest = {d for _, first, last in ranges for d in _days(D.fromisoformat(first), D.fromisoformat(last))}
        for day in sorted(rest | {D.fromisoformat(w) for w in workdays}):
            if day in statutory or day in ONE_OFF or (day in rest and day.weekday() >= 5):
                continue  # a law day, the one-off, or an ordinary weekend inside a holiday range
            before, after = (REST_BEFORE, REST_AFTER) if day in rest else (WORK_BEFORE, WORK_AFTER)
            if not any(-before <= (day - anchor).days <= after for anchor in anchors):
                outside.append(day)
    assert outside == []


def test_the_windows_are_as_tight_as_history_allows():
    statutory = _statutory_days(range(2003, 2028))
    anchors = sorted(statutory)

    def reach(day):
        nearest = min(anchors, key=lambda anchor: abs((day - anchor).days))
        return (day - nearest).days

    rest, work = [], []
    for year in PACKAGE_YEARS:
        _, _, ranges, workdays = YEARS[year]
        for _, first, last in ranges:
            rest += [reach(d) for d in _days(D.fromisoformat(first), D.fromisoformat(last))
                     if d not in statutory and d not in ONE_OFF and d.weekday() < 5]
        work += [reach(D.fromisoformat(w)) for w in workdays if D.fromisoformat(w) not in ONE_OFF]
    assert (-min(rest), max(rest)) == (REST_BEFORE, REST_AFTER)
    assert (-min(work), max(work)) == (WORK_BEFORE, WORK_AFTER)


def _as_statutory(year: int, law: dict[datetime.date, str]) -> tuple:
    days = sorted(d for d in law if d.year == year)
    return ("statutory", None, tuple((law[d], d.isoformat(), d.isoformat()) for d in days), ())


@pytest.mark.parametrize("year", list(range(2005, 2027)))
def test_the_bounds_contain_what_each_notice_then_decided(year):
    """Pretend `year`'s notice is not out: its days are the law's only. Every count from December
    of the year before to the end of `year` must land inside [earliest, latest] of the estimate
    and equal the official answer where one is given."""
    law = _statutory_days([year])
    before = Calendar({y: e for y, e in YEARS.items() if y < year} | {year: _as_statutory(year, law)})
    truth = Calendar({y: e for y, e in YEARS.items() if y <= year})
    assert before.estimated_year == year
    wrong = []
    for start in _days(D(year - 1, 12, 1), D(year, 12, 10)):
        for n in (1, 5, 10, 15):
            try:
                actual = count_workdays(start, n, truth).official
                guess = count_workdays(start, n, before)
            except Exception:  # the count leaves the years given: nothing to compare
                continue
            if any(start < day <= actual for day in ONE_OFF):
                continue  # the 2015 commemoration was no festival of the law: no estimate foresees it
            if not guess.earliest <= actual <= guess.latest or (guess.official and guess.official != actual):
                wrong.append((start, n, actual, guess.earliest, guess.latest))
    assert wrong == []


def test_2027_estimate_places_buxia_where_the_holidays_package_observes_them():
    calendar = TO_2026
    assert calendar.estimated_year == 2027
    ours = {d for d in _days(D(2027, 1, 1), D(2027, 12, 31)) if calendar.day(d).kind == BUXIA}
    observed = {d for d, name in holidays.China(years=2027).items() if "补假" in name}
    assert ours == observed == {D(2027, 2, 9), D(2027, 2, 10), D(2027, 5, 3), D(2027, 5, 4), D(2027, 10, 4), D(2027, 10, 5)}
    law = {d for d in _days(D(2027, 1, 1), D(2027, 12, 31)) if calendar.day(d).kind == HOLIDAY}
    assert law == set(_statutory_days([2027]))


def test_the_provisional_december_comes_from_the_history_in_the_data():
    assert TO_2026.provisional_from == D(2026, 12, 29)
    # Without the years whose notices reached 29 December, the tail would start later.
    early = {y: e for y, e in YEARS.items() if y <= 2005}
    assert Calendar(early).provisional_from == D(2005, 12, 31)


def test_previous_december_changed_by_the_next_notice():
    """2018 as it stood before the 2019 notice (2018-12-29 a Saturday, 12-30/31 ordinary days), and
    2019 as the law alone: counts through late December are estimates whose bounds contain what the
    2019 notice then decided (12-29 worked, 12-30 and 12-31 rested)."""
    status, notice, ranges, workdays = YEARS[2018]
    before_notice = ("official", notice, tuple(r for r in ranges if not r[1].startswith("2018-12")),
                     tuple(w for w in workdays if not w.startswith("2018-12")))
    years = {y: e for y, e in YEARS.items() if y < 2018} | {2018: before_notice,
                                                             2019: _as_statutory(2019, _statutory_days([2019]))}
    calendar = Calendar(years)
    truth = Calendar({y: e for y, e in YEARS.items() if y <= 2019})
    assert calendar.provisional_from == D(2018, 12, 29)
    for start, n in ((D(2018, 12, 24), 5), (D(2018, 12, 27), 2), (D(2018, 12, 28), 1)):
        guess = count_workdays(start, n, calendar)
        actual = count_workdays(start, n, truth).official
        assert guess.official is None and "12 月 29–31 日还可能变化" in guess.provisional_message() or guess.reached_estimated_year
        assert guess.earliest <= actual <= guess.latest
    # A count that ends before the 29th is still official.
    assert count_workdays(D(2018, 12, 20), 4, calendar).official == D(2018, 12, 26)


def test_the_project_calendar_always_estimates_the_year_after_its_last_official_one():
    calendar = Calendar(YEARS)
    assert calendar.estimated_year == calendar.last_official + 1
    assert calendar.last_covered_day() == D(calendar.last_official + 1, 12, 31)


def test_a_final_day_is_the_same_in_every_bound():
    calendar = TO_2026
    for day in _days(D(2026, 1, 1), D(2026, 12, 28)):
        info = calendar.day(day)
        assert info.final and info.work == info.work_earliest == info.work_latest
    for day in _days(D(2026, 12, 29), D(2027, 12, 31)):
        info = calendar.day(day)
        assert not info.final and info.work_latest <= info.work <= info.work_earliest
