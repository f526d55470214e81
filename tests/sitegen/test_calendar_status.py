"""sitegen.pages.calendar_status: the one line that says next year's holidays are not out yet."""

from __future__ import annotations

import datetime

from calendar_fixture import OFFICIAL_2027

from sitegen.pages.calendar_status import pending_notice
from sitegen.data.load import load_calendar
from sitegen.data.model import CalendarYear
from sitegen.data.yaml_lines import parse

D = datetime.date
CALENDAR = load_calendar()[0]
LAST = max(year for year, record in CALENDAR.items() if record.status == "official")


def test_nothing_to_say_before_the_first_of_november():
    assert pending_notice(CALENDAR, D(LAST, 10, 31)) is None
    assert pending_notice(CALENDAR, None) is None


def test_from_the_first_of_november_the_line_names_the_year():
    line = pending_notice(CALENDAR, D(LAST, 11, 1))
    assert line is not None and line.startswith(f"{LAST + 1} 年的放假安排（国务院办公厅通知）尚未公布")
    assert "预计" in line and pending_notice(CALENDAR, D(LAST + 1, 1, 15)) == line


def test_nothing_to_say_once_the_year_is_official():
    official = {**CALENDAR, 2027: CalendarYear.model_validate(parse(OFFICIAL_2027).data)}
    assert pending_notice(official, D(2026, 12, 1)) is None
