"""Structured errors: a machine code, the input field at fault, and a Chinese message.

Field names are the command-line option names without the leading dashes (`accepted`,
`owed`, `last-paid` ...), so a form in the browser can put the message next to its input.
"""

from __future__ import annotations


class CalculatorError(Exception):
    """An input the calculators cannot answer for; `field` is None when no single field is at fault."""

    def __init__(self, code: str, field: str | None, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.field = field
        self.message = message

    def as_dict(self) -> dict[str, str | None]:
        return {"code": self.code, "field": self.field, "message": self.message}


class CalendarNotCovered(CalculatorError):
    """A date in a year the calendar data does not cover, not even by an estimate.

    Working days are never guessed from weekends alone: a year with neither its 国务院办公厅
    节假日安排 notice nor the law's days in data/calendar/ cannot be counted.
    `earliest` is set when the count had already reached its earliest possible answer.
    """

    CODE = "calendar_not_covered"

    def __init__(self, year: int, first_year: int, last_year: int, field: str | None = None,
                 estimated: int | None = None, earliest=None) -> None:
        covered = f"{first_year}–{last_year} 年" + (f"（{estimated} 年为估算）" if estimated else "")
        message = (
            f"{year} 年的官方节假日安排（国务院办公厅通知）尚未收录，"
            f"目前只收录了 {covered}，无法按工作日计算。"
            "该年通知发布并更新日历数据后即可计算。"
        )
        super().__init__(self.CODE, field, message)
        self.year = year
        self.first_year = first_year
        self.last_year = last_year
        self.estimated = estimated
        self.earliest = earliest

    def for_field(self, field: str | None) -> CalendarNotCovered:
        """The same error, attributed to the input field that led to it."""
        return CalendarNotCovered(self.year, self.first_year, self.last_year, field, self.estimated, self.earliest)


class CalendarProvisional(CalculatorError):
    """A count of working days that reaches days the next notice may still change.

    `count` (a calculators.workdays.WorkdayCount) holds the estimate and its bounds.
    """

    CODE = "calendar_provisional"

    def __init__(self, count, message: str, field: str | None = None) -> None:
        super().__init__(self.CODE, field, message)
        self.count = count


def internal_error(error: Exception) -> dict:
    """A bug: still an answer with a structured error."""
    return {
        "error": {
            "code": "internal_error",
            "field": None,
            "message": f"计算器内部错误（{type(error).__name__}），请把输入内容反馈给我们。",
        }
    }
