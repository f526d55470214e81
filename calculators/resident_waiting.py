"""居民医保 waiting period from 2025 (国办发〔2024〕38号; the document has no article numbers).

Rules:
- Enrolling outside the 集中参保期, or after a lapse in cover: a fixed waiting period
  (固定待遇等待期) of `RESIDENT_FIXED_WAIT_MONTHS` months.
- Each year of lapse (断保) adds `RESIDENT_MONTHS_PER_LAPSED_YEAR` month (变动待遇等待期).
- Each year paid back (缴费修复) removes the same, at the current local individual rate per year.
- After a lapse of `RESIDENT_LONG_LAPSE_YEARS` years or more, fixed plus variable never falls
  below `RESIDENT_LONG_LAPSE_FLOOR_MONTHS` months, however many years are repaired.
- Exempt groups (新生儿等特殊群体): no waiting period.

Assumption (worked example 10 (国办发〔2024〕38号)): "N years of 断保" gives a variable period of N months,
the way local summaries read 「每多断保1年」; unconfirmed nationally.

`max_useful_repair_years` is how many repair years shorten the wait at all; years beyond it buy
nothing, and the reader is told so instead of being sent to pay for them.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from calculators.errors import CalculatorError
from calculators.limits import MAX_LAPSED_YEARS
from calculators.money import check_amount, round_fen
from calculators.notes import Note
from calculators.rules import (
    RESIDENT_FIXED_WAIT_MONTHS,
    RESIDENT_LONG_LAPSE_FLOOR_MONTHS,
    RESIDENT_LONG_LAPSE_YEARS,
    RESIDENT_MONTHS_PER_LAPSED_YEAR,
)


@dataclass(frozen=True)
class ResidentWaiting:
    fixed_months: int
    variable_months: int
    total_months: int
    max_useful_repair_years: int
    useful_repair_years_remaining: int
    repair_cost: Decimal | None
    max_useful_repair_cost: Decimal | None
    notes: tuple[Note, ...]


def _check_years(value: object, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise CalculatorError("invalid_integer", field, "年数必须是整数。")
    if not 0 <= value <= MAX_LAPSED_YEARS:
        raise CalculatorError("out_of_range", field, f"年数应在 0–{MAX_LAPSED_YEARS} 之间。")
    return value


def resident_waiting(
    lapsed_years: int,
    repaired_years: int = 0,
    late: bool = False,
    exempt: bool = False,
    local_rate: Decimal | None = None,
) -> ResidentWaiting:
    """Waiting months under 国办发〔2024〕38号. `late`: enrolled outside the 集中参保期 although
    continuously insured; `local_rate`: the current local individual contribution per year (元)."""
    _check_years(lapsed_years, "lapsed-years")
    _check_years(repaired_years, "repaired-years")
    if repaired_years > lapsed_years:
        raise CalculatorError(
            "out_of_range", "repaired-years", f"缴费修复的年数（{repaired_years}）不能多于断保年数（{lapsed_years}）。"
        )
    if local_rate is not None:
        local_rate = check_amount(local_rate, "local-rate")

    notes: list[Note] = []
    if exempt:
        notes.append(Note("exempt", "新生儿等特殊群体不设待遇等待期（国办发〔2024〕38号）；具体范围以当地规定为准。"))
        fixed = variable = useful = 0
    else:
        fixed = RESIDENT_FIXED_WAIT_MONTHS if (late or lapsed_years > 0) else 0
        long_lapse = lapsed_years >= RESIDENT_LONG_LAPSE_YEARS
        # The least variable period repair can reach: 0, or what keeps the total at the floor.
        least_variable = max(0, RESIDENT_LONG_LAPSE_FLOOR_MONTHS - fixed) if long_lapse else 0
        full_variable = lapsed_years * RESIDENT_MONTHS_PER_LAPSED_YEAR
        variable = max(least_variable, full_variable - repaired_years * RESIDENT_MONTHS_PER_LAPSED_YEAR)
        # Each repair year removes RESIDENT_MONTHS_PER_LAPSED_YEAR months until the floor is reached.
        useful = -(-(full_variable - least_variable) // RESIDENT_MONTHS_PER_LAPSED_YEAR)
        if fixed == 0:
            notes.append(Note("no_waiting", "连续参保且在集中参保期内缴费，不设待遇等待期。"))
        if lapsed_years > 0:
            notes.append(
                Note(
                    "lapse_counting_assumption",
                    f"按每断保 1 年增加 {RESIDENT_MONTHS_PER_LAPSED_YEAR} 个月变动等待期计算"
                    "（各地口径可能不同，全国口径尚未确认）。",
                )
            )
        if long_lapse:
            notes.append(
                Note(
                    "long_lapse_floor",
                    f"断保 {RESIDENT_LONG_LAPSE_YEARS} 年及以上，固定加变动等待期原则上不少于 "
                    f"{RESIDENT_LONG_LAPSE_FLOOR_MONTHS} 个月，修复超过 {useful} 年不再缩短等待期。",
                )
            )
    if repaired_years > useful:
        if useful == 0:
            wasted = f"填写了修复 {repaired_years} 年，但缴费修复不会缩短等待期。"
        else:
            wasted = (
                f"填写了修复 {repaired_years} 年，但只有前 {useful} 年能缩短等待期，"
                f"其余 {repaired_years - useful} 年不会带来任何缩短。"
            )
        notes.append(Note("repair_without_effect", wasted))
    repair_cost = max_cost = None
    if local_rate is not None:
        # What the years entered would cost, and the most that is worth paying.
        repair_cost = round_fen(local_rate * repaired_years)
        max_cost = round_fen(local_rate * useful)
    return ResidentWaiting(
        fixed,
        variable,
        fixed + variable,
        useful,
        max(0, useful - repaired_years),
        repair_cost,
        max_cost,
        tuple(notes),
    )
