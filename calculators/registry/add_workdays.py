"""工作日推算 (command line only): calculators.workdays.count_workdays."""

from __future__ import annotations

from calculators.errors import CalendarNotCovered
from calculators.fields import DATE, INTEGER, Field
from calculators.holiday_calendar import DEFAULT, Calendar
from calculators.registry import Calculator
from calculators.inputs import check_day_count
from calculators.workdays import WorkdayCount, count_workdays

PROVISIONAL = "calendar_provisional"


def compute(start, days, calendar: Calendar = DEFAULT) -> WorkdayCount:
    try:
        return count_workdays(start, check_day_count(days), calendar)
    except CalendarNotCovered as error:
        raise error.for_field("start" if error.year == start.year else "days") from None


def to_json(r: WorkdayCount, inputs: dict) -> dict:
    estimate = None
    problems = []
    if r.official is None:
        estimate = {"date": r.estimate.isoformat(), "earliest": r.earliest.isoformat(), "latest": r.latest.isoformat()}
        problems = [{"code": PROVISIONAL, "message": r.provisional_message()}]
    return {"start": r.start.isoformat(), "days": r.n, "result": None if r.official is None else r.official.isoformat(),
            "result_estimate": estimate, "problems": problems}


ENTRY = Calculator(
    name="add-workdays",
    usage="工作日推算：--start 日期 --days N（起始日不计入）",
    fields=(
        Field("start", DATE, "起始日期", required=True),
        Field("days", INTEGER, "工作日数", required=True),
    ),
    compute=compute,
    to_json=to_json,
    calendar=True,
    sample={"start": "2026-02-13", "days": "1"},
    invalid=({"start": "2026-02-13", "days": "-1"}, "days"),
)
