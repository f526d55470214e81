"""Transfer deadline of a 医保关系转移接续 (医保办发〔2021〕43号; article number unconfirmed).

Rule: once the application is accepted (受理), the 转出地 has `TRANSFER_OUT_WORKDAYS` working days
to finish the transfer-out and send the 《参保人员基本医疗保险信息表》; the 转入地 then has
`TRANSFER_IN_WORKDAYS` working days from receiving it. When the receipt date is unknown, the worst
case is assumed: the 转入地 receives it on the 转出地's last day.

Assumptions and choices (stated to the reader through `notes`):
- The start day is not counted (民法典 第二百零一条, by analogy; see `calculators.workdays`).
- A deadline that reaches days the next holiday notice may still change is None, with an estimate
  (`Estimate`: the point estimate and the earliest and latest dates any arrangement allows, see
  calculators.holiday_calendar) and a problem `calendar_provisional`. Beyond the estimated year it
  is None with no estimate and a problem `calendar_not_covered`. Either is an answer (exit 0).
- `status` compares "today" with the last deadline (转入地 due date): `within_limit` when today is
  not later than it, `overdue` when it is. With an estimate, a status is given only when it holds
  under every arrangement: within the limit when today is not later than the earliest possible
  deadline, overdue when today is later than the latest; otherwise None with `status_unknown`.
- An acceptance date after today is a plan: the deadlines are computed from it as for any date,
  and `status` is `not_accepted`.
- `workdays_left` counts the working days after today up to and including the last deadline, when
  within the limit and that count is final (None otherwise).
- `overdue_workdays` counts the working days after the due date up to and including today; it is 0
  when within the limit (and may be 0 when overdue only by a weekend), None when no "today" is
  given or when that count reaches days that are not final.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from calculators.errors import CalculatorError, CalendarNotCovered
from calculators.holiday_calendar import DEFAULT, Calendar, Day
from calculators.notes import Note
from calculators.rules import TRANSFER_IN_WORKDAYS, TRANSFER_OUT_WORKDAYS
from calculators.text import date_words
from calculators.workdays import (
    WorkdayCount,
    count_between,
    count_workdays,
    last_covered_day,
    provisional_message,
    workdays_between,
)

WITHIN_LIMIT = "within_limit"
OVERDUE = "overdue"
NOT_ACCEPTED = "not_accepted"  # today is before the acceptance date: a plan, not an error
PROVISIONAL = "calendar_provisional"

START_DAY_NOTE = Note(
    "start_day_not_counted",
    "受理当日不计入，从次日开始计算工作日（参照《民法典》第二百零一条；"
    "医保办发〔2021〕43号未写明计算方法，此为推定）。",
)


@dataclass(frozen=True)
class Estimate:
    date: datetime.date  # the point estimate
    earliest: datetime.date
    latest: datetime.date


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
    transfer_out_estimate: Estimate | None = None
    transfer_in_estimate: Estimate | None = None
    out_days: tuple[Day, ...] = ()  # the days counted for the 转出地, after `accepted`
    in_days: tuple[Day, ...] = ()  # the days counted for the 转入地, after its start (point estimate)
    in_start: datetime.date | None = None  # the day the 转入地's count starts from
    calendar: Calendar = DEFAULT  # the working-day calendar the answer was counted on
    workdays_left: int | None = None  # working days after today up to the last deadline (final counts only)


OUT_STAGE = f"转出地期限（受理后 {TRANSFER_OUT_WORKDAYS} 个工作日）"
IN_STAGE = f"转入地期限（收到信息表后 {TRANSFER_IN_WORKDAYS} 个工作日）"


def _uncovered(stage: str, error: CalendarNotCovered, calendar: Calendar, base: datetime.date | None = None,
               need: int = 0) -> Note:
    """The problem for a deadline that runs past the calendar data, with the count so far."""
    progress = ""
    last = last_covered_day(calendar)
    if base is not None and error.year > last.year:
        counted = workdays_between(base, last, calendar)
        progress = f"截至{date_words(last)}已计 {counted} 个工作日（估算），还差 {need - counted} 个。"
    return Note(CalendarNotCovered.CODE, f"{stage}：{error.message}{progress}")


def _validate(accepted: datetime.date, received: datetime.date | None, today: datetime.date | None) -> None:
    if received is not None and received < accepted:
        raise CalculatorError("inconsistent_dates", "received", "转入地收到信息表的日期不能早于受理日期。")
    if today is not None and received is not None and today >= accepted and received > today:
        raise CalculatorError("inconsistent_dates", "received", "转入地收到信息表的日期不能晚于今天。")


def _estimate(count: WorkdayCount) -> Estimate | None:
    return None if count.official is not None else Estimate(count.estimate, count.earliest, count.latest)


def _in_message(count: WorkdayCount, estimate: Estimate) -> str:
    """The provisional message of the 转入地 deadline, with the bounds carried from the 转出地's."""
    return provisional_message(count.pending_year, count.reached_estimated_year, count.provisional_from,
                               estimate.date, estimate.earliest, estimate.latest)


def _in_deadline(out: WorkdayCount, calendar: Calendar) -> tuple[WorkdayCount, Estimate | None]:
    """The 转入地's count from the 转出地's deadline (worst case), bounds carried through."""
    point = count_workdays(out.estimate, TRANSFER_IN_WORKDAYS, calendar)
    if out.official is not None:
        return point, _estimate(point)
    earliest = count_workdays(out.earliest, TRANSFER_IN_WORKDAYS, calendar).earliest
    latest = count_workdays(out.latest, TRANSFER_IN_WORKDAYS, calendar).latest
    return point, Estimate(point.estimate, earliest, latest)


def transfer_deadline(
    accepted: datetime.date,
    received: datetime.date | None = None,
    today: datetime.date | None = None,
    *,
    calendar: Calendar = DEFAULT,
) -> TransferDeadline:
    """Deadlines of 转出地 and 转入地 under 医保办发〔2021〕43号, and whether "today" is past them,
    counted on `calendar` (the project's data by default)."""
    _validate(accepted, received, today)
    problems: list[Note] = []
    notes: list[Note] = [START_DAY_NOTE]
    # The earliest possible last deadline is later than every day the data covers.
    due_after_coverage = False

    out = out_estimate = None
    try:
        out = count_workdays(accepted, TRANSFER_OUT_WORKDAYS, calendar)
        out_estimate = _estimate(out)
        if out_estimate is not None:
            problems.append(Note(PROVISIONAL, f"{OUT_STAGE}：{out.provisional_message()}"))
    except CalendarNotCovered as error:
        problems.append(_uncovered(OUT_STAGE, error, calendar, accepted, TRANSFER_OUT_WORKDAYS))
        due_after_coverage = error.earliest is None

    in_count = in_estimate = None
    if received is None and out is None:
        problems.append(Note(CalendarNotCovered.CODE, f"{IN_STAGE}从转出地期限起算，同样无法计算。"))
    else:
        try:
            if received is not None:
                in_count = count_workdays(received, TRANSFER_IN_WORKDAYS, calendar)
                in_estimate = _estimate(in_count)
            else:
                in_count, in_estimate = _in_deadline(out, calendar)
            if in_estimate is not None:
                problems.append(Note(PROVISIONAL, f"{IN_STAGE}：{_in_message(in_count, in_estimate)}"))
        except CalendarNotCovered as error:
            problems.append(_uncovered(IN_STAGE, error, calendar, received or (out.official if out else None),
                                        TRANSFER_IN_WORKDAYS))
            in_count = in_estimate = None
            due_after_coverage = error.earliest is None
        if received is None:
            notes.append(
                Note(
                    "worst_case_receipt",
                    "未填写转入地收到信息表的日期，按最晚情形（转出地期限最后一天收到）计算，"
                    f"共 {TRANSFER_OUT_WORKDAYS + TRANSFER_IN_WORKDAYS} 个工作日。",
                )
            )

    out_due = out.official if out else None
    if received is not None and out is not None and received > out.estimate:
        late = count_between(out.estimate, received, calendar)
        late_text = f"{late.estimate} 个工作日" if late.final else f"约 {late.estimate} 个工作日（估算）"
        notes.append(
            Note(
                "transfer_out_late",
                f"转出地期限为{date_words(out.estimate)}{'' if out_due else '（估算）'}，信息表{date_words(received)}才送达，"
                f"晚了 {late_text}；转入地期限从收到之日起算。",
            )
        )

    in_due = in_count.official if in_count is not None and in_estimate is None else None
    if today is not None and today < accepted:
        status, overdue = NOT_ACCEPTED, None
    else:
        status, overdue = _status(today, in_due, in_estimate, due_after_coverage, problems, calendar)
    return TransferDeadline(
        accepted, received, today, out_due, in_due, status, overdue, tuple(problems), tuple(notes),
        out_estimate, in_estimate,
        out.days if out else (), in_count.days if in_count else (),
        (received or (out.estimate if out else None)), calendar,
        _workdays_left(today, in_due, calendar) if status == WITHIN_LIMIT else None,
    )


def _workdays_left(today: datetime.date | None, due: datetime.date | None, calendar: Calendar) -> int | None:
    """Working days after today up to and including the deadline, when that count is final."""
    if today is None or due is None:
        return None
    try:
        left = count_between(today, due, calendar)
    except CalendarNotCovered:
        return None
    return left.estimate if left.final else None


def _status(
    today: datetime.date | None,
    in_due: datetime.date | None,
    estimate: Estimate | None,
    due_after_coverage: bool,
    problems: list[Note],
    calendar: Calendar,
) -> tuple[str | None, int | None]:
    if today is None:
        return None, None
    if in_due is None and estimate is not None:
        if today <= estimate.earliest:
            return WITHIN_LIMIT, 0
        if today > estimate.latest:
            return OVERDUE, _overdue_count(estimate.latest, today, problems, calendar, certain=False)
        problems.append(Note(
            "status_unknown",
            f"今天处在最早可能期限{date_words(estimate.earliest)}与最晚可能期限{date_words(estimate.latest)}之间，"
            "放假安排公布前无法判断是否已超期。",
        ))
        return None, None
    if in_due is None:
        # The deadline is unknown but later than every covered day: today may still be judged.
        if due_after_coverage and today <= last_covered_day(calendar):
            return WITHIN_LIMIT, 0
        problems.append(Note("status_unknown", "最后期限无法计算，因此无法判断今天是否已超期。"))
        return None, None
    if today <= in_due:
        return WITHIN_LIMIT, 0
    return OVERDUE, _overdue_count(in_due, today, problems, calendar, certain=True)


def _overdue_count(due: datetime.date, today: datetime.date, problems: list[Note], calendar: Calendar,
                   certain: bool) -> int | None:
    """Working days after `due` up to today; None (with a problem) when that count is not final."""
    try:
        between = count_between(due, today, calendar)
    except CalendarNotCovered as error:
        last = last_covered_day(calendar)
        so_far = workdays_between(due, last, calendar)
        problems.append(Note(
            CalendarNotCovered.CODE,
            f"已超期（截至{date_words(last)}已超过约 {so_far} 个工作日），但之后的工作日数无法计算：{error.message}",
        ))
        return None
    if certain and between.final:
        return between.estimate
    counted = "最晚可能期限" if not certain else "期限"
    problems.append(Note(
        PROVISIONAL,
        f"已超期；从{counted}{date_words(due)}到今天约 {between.estimate} 个工作日"
        f"（{between.fewest}–{between.most} 个），放假安排公布后才能确定。",
    ))
    return None
