"""The rest days that 《全国年节及纪念日放假办法》 itself fixes for a year, before any notice.

Art. 2 of the text revised by 国务院令第795号 (in force 2025-01-01) gives 13 days for all citizens:
元旦 1 January; 春节 农历除夕 and 正月初一至初三; 清明节 the day of the 清明 solar term; 劳动节 1 and 2
May; 端午节 农历五月初五; 中秋节 农历八月十五; 国庆节 1–3 October. Earlier versions fixed other days,
so `law_days` answers only from 2025 on (`FIRST_YEAR`); earlier years are checked against the
packages in the tests. Lunar dates and the solar term come from `lunar_python` (6tail/lunar-python).
"""

from __future__ import annotations

import datetime

from lunar_python import Lunar, Solar

FIRST_YEAR = 2025  # the 2024 revision (国务院令第795号) is in force from 2025-01-01
LAW = "《全国年节及纪念日放假办法》（2024年11月10日国务院令第795号修订）"
ARTICLE = "第二条"

ONE_DAY = datetime.timedelta(days=1)

# How far from the days the law fixes a notice has placed its other rest days and its 调休 working
# days, in every notice of 2004–2026 (days before, days after): rest days from 2 days before to 6
# after (2009-10-08, 2020-02-02), working weekend days from 8 before (2023-04-23) to 10 after
# (2024-05-11). The calculators' bounds of an estimate assume the next notice stays inside them
# (calculators.holiday_calendar); tests/calculators/test_holiday_calendar.py checks every year.
REST_WINDOW = (2, 6)
WORK_WINDOW = (8, 10)


def _solar(lunar: Lunar) -> datetime.date:
    solar = lunar.getSolar()
    return datetime.date(solar.getYear(), solar.getMonth(), solar.getDay())


def _qingming(year: int) -> datetime.date:
    term = Solar.fromYmd(year, 4, 15).getLunar().getJieQiTable()["清明"]
    return datetime.date(term.getYear(), term.getMonth(), term.getDay())


def law_days(year: int) -> list[tuple[str, datetime.date]]:
    """(festival, day) for every rest day Art. 2 fixes in `year`, in date order."""
    if year < FIRST_YEAR:
        raise ValueError(f"the 2024 revision applies from {FIRST_YEAR}; {year} is under an earlier text")
    new_year = _solar(Lunar.fromYmd(year, 1, 1))  # 正月初一
    days = [("元旦", datetime.date(year, 1, 1))]
    days += [("春节", new_year + offset * ONE_DAY) for offset in (-1, 0, 1, 2)]  # 除夕, 初一至初三
    days += [("清明节", _qingming(year))]
    days += [("劳动节", datetime.date(year, 5, 1)), ("劳动节", datetime.date(year, 5, 2))]
    days += [("端午节", _solar(Lunar.fromYmd(year, 5, 5))), ("中秋节", _solar(Lunar.fromYmd(year, 8, 15)))]
    days += [("国庆节", datetime.date(year, 10, d)) for d in (1, 2, 3)]
    return sorted(days, key=lambda item: item[1])


def rest_ranges(days: dict[datetime.date, str]) -> list[tuple[str, datetime.date, datetime.date]]:
    """Consecutive rest days as (names joined with 、, first, last)."""
    ranges: list[list] = []
    for day in sorted(days):
        name = days[day]
        if ranges and ranges[-1][2] + ONE_DAY == day:
            if name not in ranges[-1][0]:
                ranges[-1][0].append(name)
            ranges[-1][2] = day
        else:
            ranges.append([[name], day, day])
    return [("、".join(names), first, last) for names, first, last in ranges]


def law_ranges(year: int) -> list[tuple[str, datetime.date, datetime.date]]:
    """The days Art. 2 fixes in `year` as runs of rest days, as a statutory year's file holds them."""
    return rest_ranges({day: name for name, day in law_days(year)})
