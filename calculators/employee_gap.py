"""A gap in 职工医保 contributions on a move (医保办发〔2021〕43号, as summarised by 新华社
2021-11-29; article numbers unconfirmed).

Rules:
- A gap of at most `GAP_RETROACTIVE_MAX_MONTHS` months (含本数): the person may pay the missing
  months (补缴) under the 转入地's rules; benefits start in the month of payment and the gap
  period is covered retroactively.
- A longer gap: the 统筹地区 **may** set a waiting period (待遇享受等待期) of at most
  `EMPLOYEE_WAIT_MAX_MONTHS` months. A local maximum, when known, is used instead; it may not
  exceed the national cap.
- Switching between 职工医保 and 居民医保 with at least `SWITCH_MIN_CONTINUOUS_YEARS` years of
  continuous cover gets the same treatment when the gap is within the short limit. With shorter
  cover, or a longer gap, the national rule gives no answer: the outcome is `local_rule_needed`,
  never "covered".

Conventions (assumptions; the national month-counting rule is unconfirmed):
- `gap_months` = the calendar months strictly between the last paid month and the month
  contributions resume (2026-03 → 2026-06 is 2: April and May).
- `benefits_from_latest` = the resumed month plus the longest possible wait; within the short
  limit it assumes the back payment is made in the resumed month.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from calculators.errors import CalculatorError
from calculators.inputs import MONTHS_PER_YEAR, month_from_index, month_index
from calculators.limits import MAX_CONTINUOUS_MONTHS
from calculators.notes import Note
from calculators.rules import EMPLOYEE_WAIT_MAX_MONTHS, GAP_RETROACTIVE_MAX_MONTHS, SWITCH_MIN_CONTINUOUS_YEARS
from calculators.text import month_words


NO_GAP = "no_gap"
RETROACTIVE = "retroactive"
WAITING_PERIOD = "waiting_period"
LOCAL_RULE_NEEDED = "local_rule_needed"


@dataclass(frozen=True)
class EmployeeGap:
    gap_months: int
    within_three_months: bool
    outcome: str
    retroactive: bool | None
    max_waiting_months: int | None
    benefits_from_latest: datetime.date | None
    notes: tuple[Note, ...]


def _validate(
    last_paid: datetime.date,
    resumed: datetime.date,
    local_max_wait: int | None,
    switch: bool,
    continuous_months: int | None,
) -> None:
    if month_index(resumed) <= month_index(last_paid):
        raise CalculatorError(
            "inconsistent_dates", "resumed", "恢复缴费的月份必须晚于最后一次缴费的月份。"
        )
    if local_max_wait is not None and not 0 <= local_max_wait <= EMPLOYEE_WAIT_MAX_MONTHS:
        raise CalculatorError(
            "out_of_range",
            "local-max-wait",
            f"当地最长等待期应在 0–{EMPLOYEE_WAIT_MAX_MONTHS} 个月之间"
            f"（医保办发〔2021〕43号：不超过 {EMPLOYEE_WAIT_MAX_MONTHS} 个月）。",
        )
    if switch and continuous_months is None:
        raise CalculatorError(
            "missing_option", "continuous-months", "切换险种时须填写切换前连续参保的月数。"
        )
    if continuous_months is not None and not 0 <= continuous_months <= MAX_CONTINUOUS_MONTHS:
        raise CalculatorError(
            "out_of_range", "continuous-months", f"连续参保月数应在 0–{MAX_CONTINUOUS_MONTHS} 之间。"
        )


def employee_gap(
    last_paid: datetime.date,
    resumed: datetime.date,
    local_max_wait: int | None = None,
    switch: bool = False,
    continuous_months: int | None = None,
) -> EmployeeGap:
    """Gap months and their consequence under 医保办发〔2021〕43号 (only year and month of the
    dates are used). `switch`: moving between 职工医保 and 居民医保, with `continuous_months` of
    continuous cover before the switch."""
    _validate(last_paid, resumed, local_max_wait, switch, continuous_months)
    gap = month_index(resumed) - month_index(last_paid) - 1
    short = gap <= GAP_RETROACTIVE_MAX_MONTHS
    notes: list[Note] = []

    if switch and (continuous_months < SWITCH_MIN_CONTINUOUS_YEARS * MONTHS_PER_YEAR or not short):
        if short:
            reason = f"切换险种前连续参保不足 {SWITCH_MIN_CONTINUOUS_YEARS} 年"
        else:
            reason = f"切换险种且中断超过 {GAP_RETROACTIVE_MAX_MONTHS} 个月"
        notes.append(Note(LOCAL_RULE_NEEDED, f"{reason}，国家规定未给出结论，需要查询转入地的具体规定。"))
        return EmployeeGap(gap, short, LOCAL_RULE_NEEDED, None, None, None, tuple(notes))

    if gap == 0:
        outcome, retroactive, wait = NO_GAP, False, 0
        notes.append(Note(NO_GAP, "缴费没有中断。"))
    elif short:
        outcome, retroactive, wait = RETROACTIVE, True, 0
        notes.append(
            Note(
                RETROACTIVE,
                f"中断 {gap} 个月，不超过 {GAP_RETROACTIVE_MAX_MONTHS} 个月：可按转入地规定补缴，"
                "自补缴当月起享受待遇，中断期间的医疗费用可追溯报销。",
            )
        )
    else:
        outcome, retroactive = WAITING_PERIOD, False
        wait = EMPLOYEE_WAIT_MAX_MONTHS if local_max_wait is None else local_max_wait
        source = "全国上限" if local_max_wait is None else "当地规定的最长等待期"
        notes.append(
            Note(
                WAITING_PERIOD,
                f"中断 {gap} 个月，超过 {GAP_RETROACTIVE_MAX_MONTHS} 个月：转入地可以设置待遇等待期，"
                f"最长 {wait} 个月（{source}）。",
            )
        )
    latest = month_from_index(month_index(resumed) + wait)
    notes.append(
        Note(
            "month_counting_assumption",
            f"中断月数按最后缴费月份（{month_words(last_paid)}）与恢复缴费月份（{month_words(resumed)}）"
            "之间的整月计算；全国统一的计算口径尚未确认。",
        )
    )
    return EmployeeGap(gap, short, outcome, retroactive, wait, latest, tuple(notes))
