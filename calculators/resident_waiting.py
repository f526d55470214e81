"""居民医保 waiting period from 2025 (国办发〔2024〕38号; the document has no article numbers).

Rules:
- Enrolling outside the 集中参保期, or after a lapse in cover: a fixed waiting period
  (固定待遇等待期) of `RESIDENT_FIXED_WAIT_MONTHS` months.
- Each year of lapse (断保) adds `RESIDENT_MONTHS_PER_LAPSED_YEAR` month (变动待遇等待期).
- Each year paid back (缴费修复) removes the same, at the current local individual rate per year.
- After a lapse of `RESIDENT_LONG_LAPSE_YEARS` years or more, fixed plus variable never falls
  below `RESIDENT_LONG_LAPSE_FLOOR_MONTHS` months, however many years are repaired.
- Exempt groups (新生儿等特殊群体): no waiting period.

How lapsed years are counted is not settled nationally (calculators.lapse_counting): `counting`
is "after_first", "every" or "unknown". Unknown (the default) computes both readings, the one with
the better-graded sources first in `readings`; the top-level figures are then the longer one
("every", what this calculator answered before the readings were added). A province's own fixed
or per-year months (`fixed_months`, `months_per_year`) replace the national ones.

The date benefits start (`year`, the 年度 paid for; `paid`, the payment date): a payment made
before the 年度 begins (in the 集中缴费期) starts the waiting period on 1 January of that 年度, a
later one on the payment date, as 阜新市医疗保障局's worked examples count (paid 2025-12-03 for
2026 after a lapse: from 2026-04-01; paid 2025-07-03 for 2025: from 2025-10-03).

`max_useful_repair_years` is how many repair years shorten the wait at all; years beyond it buy
nothing, and the reader is told so instead of being sent to pay for them.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from calculators.errors import CalculatorError
from calculators.inputs import MONTHS_PER_YEAR
from calculators.lapse_counting import (
    COUNTINGS,
    EVERY,
    READING_NAMES,
    READING_SOURCES,
    UNKNOWN,
    ReadingSource,
    counted_years,
    readings_in_order,
)
from calculators.limits import MAX_LAPSED_YEARS, MAX_LOCAL_WAIT_MONTHS, MAX_YEAR
from calculators.money import check_amount, round_fen
from calculators.notes import Note
from calculators.rules import (
    RESIDENT_FIXED_WAIT_MONTHS,
    RESIDENT_LONG_LAPSE_FLOOR_MONTHS,
    RESIDENT_LONG_LAPSE_YEARS,
    RESIDENT_MONTHS_PER_LAPSED_YEAR,
)

FIRST_YEAR = 2025  # 国办发〔2024〕38号: waiting periods are set from the 2025 年度 on


@dataclass(frozen=True)
class Reading:
    """The waiting period under one way of counting lapsed years, and what it rests on."""

    counting: str
    fixed_months: int
    variable_months: int
    total_months: int
    max_useful_repair_years: int
    useful_repair_years_remaining: int
    benefits_from: datetime.date | None
    sources: tuple[ReadingSource, ...]


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
    counting: str | None = None  # the counting of the figures above; None: unknown (then "every", the longer)
    readings: tuple[Reading, ...] = ()  # one per counting computed, the better-sourced first
    benefits_from: datetime.date | None = None  # of the figures above
    year: int | None = None  # the 年度 paid for


def _check_years(value: object, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise CalculatorError("invalid_integer", field, "年数必须是整数。")
    if not 0 <= value <= MAX_LAPSED_YEARS:
        raise CalculatorError("out_of_range", field, f"年数应在 0–{MAX_LAPSED_YEARS} 之间。")
    return value


def _check_months(value: object, field: str, national: int) -> int:
    if value is None:
        return national
    if isinstance(value, bool) or not isinstance(value, int):
        raise CalculatorError("invalid_integer", field, "月数必须是整数。")
    if not 0 <= value <= MAX_LOCAL_WAIT_MONTHS:
        raise CalculatorError("out_of_range", field, f"月数应在 0–{MAX_LOCAL_WAIT_MONTHS} 之间。")
    return value


def _check_dates(year: object, paid: datetime.date | None) -> int | None:
    """The 年度 paid for: `year`, else the payment's year; a payment must fall in the year before
    the 年度 or in the 年度 itself."""
    if year is None:
        year = None if paid is None else paid.year
    elif isinstance(year, bool) or not isinstance(year, int):
        raise CalculatorError("invalid_integer", "year", "年度必须是整数，例如 2027。")
    if year is not None and not FIRST_YEAR <= year <= MAX_YEAR:
        raise CalculatorError("out_of_range", "year", f"待遇等待期自 {FIRST_YEAR} 年度起设置；年度应在 {FIRST_YEAR}–{MAX_YEAR} 之间。")
    if paid is not None and not year - 1 <= paid.year <= year:
        raise CalculatorError("out_of_range", "paid",
                              f"缴费日期应在 {year - 1} 年或 {year} 年内（缴纳的是 {year} 年度的保费）。")
    return year


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later (2025-07-03 + 3 → 2025-10-03); when that month is too short,
    the first day of the month after (2025-11-30 + 3 → 2026-03-01: the period ends on the last day)."""
    carry, month = divmod(day.month - 1 + months, MONTHS_PER_YEAR)
    try:
        return datetime.date(day.year + carry, month + 1, day.day)
    except ValueError:
        carry, month = divmod(day.month + months, MONTHS_PER_YEAR)
        return datetime.date(day.year + carry, month + 1, 1)


def _start(year: int | None, paid: datetime.date | None, late: bool) -> datetime.date | None:
    """Where the waiting period starts: 1 January of the 年度 for a payment before it (a payment in
    the window when `paid` is not given and the reader did not enrol late), else the payment date."""
    if year is None:
        return None
    first = datetime.date(year, 1, 1)
    if paid is None:
        return None if late else first
    return max(first, paid)


def _months(lapsed: int, repaired: int, late: bool, exempt: bool, counting: str, fixed_base: int,
            per_year: int) -> tuple[int, int, int]:
    """(fixed, variable, repair years that shorten the wait) under one counting."""
    if exempt:
        return 0, 0, 0
    fixed = fixed_base if (late or lapsed > 0) else 0
    full = counted_years(lapsed, counting) * per_year
    # The least variable period repair can reach: 0, or what keeps the total at the floor (never
    # more than the period before repair).
    least = min(full, max(0, RESIDENT_LONG_LAPSE_FLOOR_MONTHS - fixed)) if lapsed >= RESIDENT_LONG_LAPSE_YEARS else 0
    variable = max(least, full - repaired * per_year)
    # Each repair year removes `per_year` months until the floor is reached.
    useful = -(-(full - least) // per_year) if per_year else 0
    return fixed, variable, useful


def resident_waiting(
    lapsed_years: int,
    repaired_years: int = 0,
    late: bool = False,
    exempt: bool = False,
    local_rate: Decimal | None = None,
    counting: str | None = UNKNOWN,
    fixed_months: int | None = None,
    months_per_year: int | None = None,
    year: int | None = None,
    paid: datetime.date | None = None,
) -> ResidentWaiting:
    """Waiting months under 国办发〔2024〕38号. `late`: enrolled outside the 集中参保期 although
    continuously insured; `local_rate`: the current local individual contribution per year (元);
    `counting`: how lapsed years count (calculators.lapse_counting; "unknown" gives both readings);
    `fixed_months`, `months_per_year`: the province's own months, when it sets them."""
    _check_years(lapsed_years, "lapsed-years")
    _check_years(repaired_years, "repaired-years")
    if repaired_years > lapsed_years:
        raise CalculatorError(
            "out_of_range", "repaired-years", f"缴费修复的年数（{repaired_years}）不能多于断保年数（{lapsed_years}）。"
        )
    if local_rate is not None:
        local_rate = check_amount(local_rate, "local-rate")
    if counting is None:
        counting = UNKNOWN
    if counting not in (*COUNTINGS, UNKNOWN):
        raise CalculatorError("invalid_choice", "counting", f"算法应是 {'、'.join((*COUNTINGS, UNKNOWN))} 之一。")
    fixed_base = _check_months(fixed_months, "fixed-months", RESIDENT_FIXED_WAIT_MONTHS)
    per_year = _check_months(months_per_year, "months-per-year", RESIDENT_MONTHS_PER_LAPSED_YEAR)
    year = _check_dates(year, paid)
    start = _start(year, paid, late)

    readings = []
    for way in (readings_in_order() if counting == UNKNOWN else (counting,)):
        fixed, variable, useful = _months(lapsed_years, repaired_years, late, exempt, way, fixed_base, per_year)
        total = fixed + variable
        readings.append(Reading(way, fixed, variable, total, useful, max(0, useful - repaired_years),
                                None if start is None else add_months(start, total), READING_SOURCES[way]))
    shown = next(r for r in readings if r.counting == (EVERY if counting == UNKNOWN else counting))
    notes = _notes(lapsed_years, repaired_years, exempt, counting, readings, shown, fixed_base, per_year)
    if year is not None and start is None:
        notes.append(Note("paid_needed", "集中参保期之后才缴费的，等待期从缴费之日起算：填写缴费日期，可算出从哪天起享受待遇。"))
    elif start is not None and shown.total_months:
        notes.append(Note("benefits_start_counting",
                          f"享受待遇的日期按：在{year}年度开始前（集中缴费期内）缴费的，等待期从 {year} 年 1 月 1 日起算，"
                          "年度开始后缴费的，从缴费之日起算（阜新市医疗保障局的例子）；以当地规定为准。"))
    repair_cost = max_cost = None
    if local_rate is not None:
        # What the years entered would cost, and the most that is worth paying.
        repair_cost = round_fen(local_rate * repaired_years)
        max_cost = round_fen(local_rate * shown.max_useful_repair_years)
    return ResidentWaiting(
        shown.fixed_months,
        shown.variable_months,
        shown.total_months,
        shown.max_useful_repair_years,
        shown.useful_repair_years_remaining,
        repair_cost,
        max_cost,
        tuple(notes),
        None if counting == UNKNOWN else counting,
        tuple(readings),
        shown.benefits_from,
        year,
    )


def _notes(lapsed: int, repaired: int, exempt: bool, counting: str, readings: list[Reading], shown: Reading,
           fixed_base: int, per_year: int) -> list[Note]:
    notes: list[Note] = []
    if exempt:
        notes.append(Note("exempt", "新生儿等特殊群体不设待遇等待期（国办发〔2024〕38号）；具体范围以当地规定为准。"))
        return _wasted(notes, repaired, 0)
    if shown.fixed_months == 0:
        notes.append(Note("no_waiting", "连续参保且在集中参保期内缴费，不设待遇等待期。"))
    if (fixed_base, per_year) != (RESIDENT_FIXED_WAIT_MONTHS, RESIDENT_MONTHS_PER_LAPSED_YEAR):
        notes.append(Note("local_months", f"按当地标准计算：固定待遇等待期 {fixed_base} 个月，"
                                          f"每断保 1 年加 {per_year} 个月变动等待期。"))
    if lapsed > 0 and counting != UNKNOWN:
        notes.append(Note("lapse_counting", f"断保年数按当地的算法计算：{READING_NAMES[counting]}。"))
    elif lapsed > 0:
        first, second = readings
        if first.total_months == second.total_months:
            told = f"两种算法在这里结果相同，都是 {first.total_months} 个月。"
        else:
            told = (f"按{_who(first)}的算法（{READING_NAMES[first.counting]}）是 {first.total_months} 个月；"
                    f"按{_who(second)}的算法（{READING_NAMES[second.counting]}）是 {second.total_months} 个月。"
                    f"上面的合计按较长的 {shown.total_months} 个月。")
        notes.append(Note("lapse_counting_assumption",
                          "断保年数怎么算，全国文件只说“每多断保1年”，各地说法不同，当地规定本站未查到："
                          + told + "以当地医保部门的答复为准。"))
    if lapsed >= RESIDENT_LONG_LAPSE_YEARS:
        notes.append(
            Note(
                "long_lapse_floor",
                f"断保 {RESIDENT_LONG_LAPSE_YEARS} 年及以上，固定加变动等待期原则上不少于 "
                f"{RESIDENT_LONG_LAPSE_FLOOR_MONTHS} 个月，修复超过 {shown.max_useful_repair_years} 年不再缩短等待期。",
            )
        )
    return _wasted(notes, repaired, shown.max_useful_repair_years)


def _who(reading: Reading) -> str:
    return "、".join(s.who for s in reading.sources) or "全国文件的字面"


def _wasted(notes: list[Note], repaired: int, useful: int) -> list[Note]:
    if repaired > useful:
        if useful == 0:
            wasted = f"填写了修复 {repaired} 年，但缴费修复不会缩短等待期。"
        else:
            wasted = (
                f"填写了修复 {repaired} 年，但只有前 {useful} 年能缩短等待期，"
                f"其余 {repaired - useful} 年不会带来任何缩短。"
            )
        notes.append(Note("repair_without_effect", wasted))
    return notes
