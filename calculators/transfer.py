"""Transfer deadline of a 医保关系转移接续 (医保办发〔2021〕43号; article number unconfirmed).

Rule: once the application is accepted (受理), the 转出地 has `TRANSFER_OUT_WORKDAYS` working days
to finish the transfer-out and send the 《参保人员基本医疗保险信息表》; the 转入地 then has
`TRANSFER_IN_WORKDAYS` working days from receiving it. When the receipt date is unknown, the worst
case is assumed: the 转入地 receives it on the 转出地's last day.

Assumptions and choices (stated to the reader through `notes`):
- The start day is not counted (民法典 第二百零一条, by analogy; see `calculators.workdays`).
- `status` compares "today" with the last deadline (转入地 due date): `overdue` when today is
  later. `overdue_workdays` counts the working days after the due date up to and including today;
  it is 0 when within the limit (and may be 0 when overdue only by a weekend), None when no
  "today" is given or when today's year is not on the official calendar.
- A deadline that falls in a year the official calendar does not cover is None, with a problem
  `calendar_not_covered`; the rest is still answered. This is an answer (exit 0), not an input
  error.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from calculators.errors import CalculatorError, CalendarNotCovered
from calculators.notes import Note
from calculators.rules import TRANSFER_IN_WORKDAYS, TRANSFER_OUT_WORKDAYS
from calculators.workdays import add_workdays, last_covered_day, workdays_between

WITHIN_LIMIT = "within_limit"
OVERDUE = "overdue"

START_DAY_NOTE = Note(
    "start_day_not_counted",
    "受理当日不计入，从次日开始计算工作日（参照《民法典》第二百零一条；"
    "医保办发〔2021〕43号未写明计算方法，此为推定）。",
)


@dataclass(frozen=True)
class TransferDeadline:
    accepted: datetime.date
    received: datetime.date | None
    today: datetime.date | None
    transfer_out_due: datetime.date | None
    transfer_in_due: datetime.date | None
    status: str | None
    overdue_workdays: int | None
    problems: tuple[Note, ...]
    notes: tuple[Note, ...]


def _uncovered(stage: str, error: CalendarNotCovered, base: datetime.date | None = None, need: int = 0) -> Note:
    """The problem for a deadline that runs past the official calendar, with the count so far."""
    progress = ""
    if base is not None and error.year > last_covered_day().year:
        last = last_covered_day()
        counted = workdays_between(base, last)
        progress = f"截至 {last.isoformat()} 已计 {counted} 个工作日，还差 {need - counted} 个。"
    return Note(CalendarNotCovered.CODE, f"{stage}：{error.message}{progress}")


def _validate(accepted: datetime.date, received: datetime.date | None, today: datetime.date | None) -> None:
    if received is not None and received < accepted:
        raise CalculatorError("inconsistent_dates", "received", "转入地收到信息表的日期不能早于受理日期。")
    if today is not None and today < accepted:
        raise CalculatorError("inconsistent_dates", "today", "今天的日期不能早于受理日期。")
    if today is not None and received is not None and received > today:
        raise CalculatorError("inconsistent_dates", "received", "转入地收到信息表的日期不能晚于今天。")


def transfer_deadline(
    accepted: datetime.date,
    received: datetime.date | None = None,
    today: datetime.date | None = None,
) -> TransferDeadline:
    """Deadlines of 转出地 and 转入地 under 医保办发〔2021〕43号, and whether "today" is past them."""
    _validate(accepted, received, today)
    problems: list[Note] = []
    notes: list[Note] = [START_DAY_NOTE]
    # True when a deadline could not be computed because it lies after the covered years.
    due_after_coverage = False

    out_due = None
    try:
        out_due = add_workdays(accepted, TRANSFER_OUT_WORKDAYS)
    except CalendarNotCovered as error:
        problems.append(
            _uncovered(f"转出地期限（受理后 {TRANSFER_OUT_WORKDAYS} 个工作日）", error, accepted, TRANSFER_OUT_WORKDAYS)
        )
        due_after_coverage = error.year > last_covered_day().year

    in_due = None
    base = received if received is not None else out_due
    if base is None:
        problems.append(
            Note(
                CalendarNotCovered.CODE,
                f"转入地期限（收到信息表后 {TRANSFER_IN_WORKDAYS} 个工作日）从转出地期限起算，同样无法计算。",
            )
        )
    else:
        try:
            in_due = add_workdays(base, TRANSFER_IN_WORKDAYS)
        except CalendarNotCovered as error:
            problems.append(
                _uncovered(f"转入地期限（收到信息表后 {TRANSFER_IN_WORKDAYS} 个工作日）", error, base, TRANSFER_IN_WORKDAYS)
            )
            due_after_coverage = error.year > last_covered_day().year
        if received is None:
            notes.append(
                Note(
                    "worst_case_receipt",
                    "未填写转入地收到信息表的日期，按最晚情形（转出地期限最后一天收到）计算，"
                    f"共 {TRANSFER_OUT_WORKDAYS + TRANSFER_IN_WORKDAYS} 个工作日。",
                )
            )

    if received is not None and out_due is not None and received > out_due:
        late = workdays_between(out_due, received)  # both dates are covered here
        notes.append(
            Note(
                "transfer_out_late",
                f"转出地期限为 {out_due.isoformat()}，信息表 {received.isoformat()} 才送达，"
                f"晚了 {late} 个工作日；转入地期限从收到之日起算。",
            )
        )

    status, overdue = _status(today, in_due, due_after_coverage, problems)
    return TransferDeadline(
        accepted, received, today, out_due, in_due, status, overdue, tuple(problems), tuple(notes)
    )


def _status(
    today: datetime.date | None,
    in_due: datetime.date | None,
    due_after_coverage: bool,
    problems: list[Note],
) -> tuple[str | None, int | None]:
    if today is None:
        return None, None
    if in_due is None:
        # The deadline is unknown but later than every covered day: today may still be judged.
        if due_after_coverage and today <= last_covered_day():
            return WITHIN_LIMIT, 0
        problems.append(Note("status_unknown", "最后期限无法计算，因此无法判断今天是否已超期。"))
        return None, None
    if today <= in_due:
        return WITHIN_LIMIT, 0
    try:
        return OVERDUE, workdays_between(in_due, today)
    except CalendarNotCovered as error:
        last = last_covered_day()
        so_far = workdays_between(in_due, last)
        problems.append(
            _uncovered(f"已超期（截至 {last.isoformat()} 已超过 {so_far} 个工作日），但之后的工作日数无法计算", error)
        )
        return OVERDUE, None
