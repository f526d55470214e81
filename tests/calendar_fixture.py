"""The calendars a test may assume, by name, so that no test depends on which years data/calendar/
has official today (publishing a year's notice changes the site's answers, never a test):

- "official-to-2026": the real years up to 2026 (their notices are out and will not change), and
  2027 estimated from the law's days;
- "official-to-2027": the same with the made-up official 2027 below, and 2028 estimated.

Both are YEARS as the compile step writes it (sitegen.compile.calendar_module.calendar_years), so the year
after the last official one comes from the law exactly as it does for the site. A vector row names
its calendar with `"calendar": NAME` (tests/vectors/check.py).

The made-up official 2027 is for tests only: shaped like a State Council notice, but invented.
Its days differ from the estimate on purpose where it matters (元旦 1 to 3 January, no change to
December 2026), so a test sees estimates turn into official dates once the file is in place.
Never copy it into data/: the real 2027 notice had not been published when this was written.
"""

import functools

import yaml

SOURCE = """source:
  document: 测试用来源
  url: https://example.org/notice
  grade: N
  checked_on: 2026-11-30
"""

OFFICIAL_2027 = """year: 2027
status: official
notice:
  title: 测试用的虚构通知（不是真实通知）
""" + SOURCE + """holidays:
  - {name: 元旦, from: 2027-01-01, to: 2027-01-03}
  - {name: 春节, from: 2027-02-05, to: 2027-02-11}
  - {name: 清明节, from: 2027-04-03, to: 2027-04-05}
  - {name: 劳动节, from: 2027-05-01, to: 2027-05-05}
  - {name: 端午节, from: 2027-06-09, to: 2027-06-09}
  - {name: 中秋节, from: 2027-09-15, to: 2027-09-15}
  - {name: 国庆节, from: 2027-10-01, to: 2027-10-07}
workdays:
  - 2027-02-13
  - 2027-05-08
  - 2027-10-09
"""

# What the transfer-deadline calculator answers for an acceptance on 2026-12-20 under it:
# 转出地 12-21..12-25, 12-28..12-31, 01-04; 转入地 01-05..01-08, 01-11.
ACCEPTED = "2026-12-20"
OUT_DUE = "2027-01-04"
IN_DUE = "2027-01-11"


def _made_up_2027():
    from sitegen.data.model import CalendarYear

    return CalendarYear.model_validate(yaml.safe_load(OFFICIAL_2027))


CALENDAR_NAMES = ("official-to-2026", "official-to-2027")


@functools.cache
def calendar_years(name: str) -> dict:
    """YEARS of the calendar called `name` (CALENDAR_NAMES)."""
    from sitegen.compile.calendar_module import calendar_years as compile_years
    from sitegen.data.load import load_calendar

    real, problems, _ = load_calendar()
    assert not problems, problems
    years = {year: record for year, record in real.items() if year <= 2026}
    if name == "official-to-2027":
        years[2027] = _made_up_2027()
    elif name != "official-to-2026":
        raise KeyError(f"no test calendar called {name!r}: {', '.join(CALENDAR_NAMES)}")
    return compile_years(years)


def fixture_calendar(name: str):
    """The calculators' Calendar of `name` (CALENDAR_NAMES)."""
    return _calendars()[name]


@functools.cache
def _calendars() -> dict:
    from calculators.holiday_calendar import Calendar

    return {name: Calendar(calendar_years(name)) for name in CALENDAR_NAMES}


def calendars_json() -> dict:
    """{name: YEARS} as JSON (year keys as strings), for the vector run inside Pyodide."""
    return {name: {str(year): entry for year, entry in calendar_years(name).items()} for name in CALENDAR_NAMES}
