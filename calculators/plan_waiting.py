"""The planner's 居民医保 waiting period on the 转入地's own rules (国办发〔2024〕38号 as the province
implements it), and its 职工 gap rule.

The 转入地's facts (city before province) give the fixed months, the months per lapsed year and
how lapsed years count; calculators.resident_waiting computes with them. Where the counting is
unknown the plan shows both readings with their dates, the better-sourced first, and cites the
pages read for each (calculators.lapse_counting); where the place gives it, the plan cites the
place's fact instead. The steps are added through the planner's draft (`step`, `note`).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from calculators.lapse_counting import BY_ID, COUNTINGS, READING_NAMES, UNKNOWN
from calculators.limits import MAX_LOCAL_WAIT_MONTHS
from calculators.places import Fact, Place
from calculators.plan_rules import BENEFIT_START_KIND, COUNTING_KIND, FIXED_WAIT_KIND, PER_YEAR_KIND
from calculators.resident_waiting import Reading, ResidentWaiting, resident_waiting
from calculators.rules import RESIDENT_MONTHS_PER_LAPSED_YEAR

WAIT_RULES = ("resident_fixed_wait_months", "resident_months_per_lapsed_year", "resident_long_lapse_floor_months")
FUXIN = "lapse_example_fuxin"  # the worked example the start of the waiting period is counted by


@dataclass(frozen=True)
class LocalWaiting:
    """The 转入地's sourced facts on the 居民 waiting period (None: not known)."""

    counting: Fact | None
    fixed: Fact | None
    per_year: Fact | None
    benefit_start: tuple[Fact, ...]

    def ids(self) -> tuple[str, ...]:
        return tuple(f.id for f in (self.fixed, self.per_year, self.counting) if f is not None)


def _ordered(place: Place, kind: str) -> list[Fact]:
    found = [f for f in place.facts if f.kind == kind]
    return [f for f in found if f.scope == "city"] + [f for f in found if f.scope != "city"]


def _months_fact(place: Place, kind: str) -> Fact | None:
    for fact in _ordered(place, kind):
        value = fact.value
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_LOCAL_WAIT_MONTHS:
            return fact
    return None


def local_waiting(place: Place) -> LocalWaiting:
    counting = next((f for f in _ordered(place, COUNTING_KIND) if f.value in COUNTINGS), None)
    return LocalWaiting(counting, _months_fact(place, FIXED_WAIT_KIND), _months_fact(place, PER_YEAR_KIND),
                        tuple(_ordered(place, BENEFIT_START_KIND)))


def waiting_for(place: Place, lapsed_years: int, year: int | None = None) -> ResidentWaiting:
    """The waiting period at `place` for a payment in the window for the 年度 `year` (if known)."""
    local = local_waiting(place)
    return resident_waiting(
        lapsed_years,
        counting=UNKNOWN if local.counting is None else local.counting.value,
        fixed_months=None if local.fixed is None else local.fixed.value,
        months_per_year=None if local.per_year is None else local.per_year.value,
        year=year,
    )


def reading_cites(reading: Reading, local: LocalWaiting) -> tuple[str, ...]:
    """What one reading rests on: the national rules, the place's facts, and (the counting being
    unknown there) the pages that count this way."""
    pages = () if local.counting is not None else tuple(s.id for s in reading.sources)
    return (*WAIT_RULES, *local.ids(), *pages)


def _who(reading: Reading, local: LocalWaiting) -> str:
    if local.counting is not None:
        return f"按{local.counting.place_name}的算法"
    return "按" + "、".join(s.who for s in reading.sources) + "的算法"


def _differ(wait: ResidentWaiting) -> bool:
    return len({r.total_months for r in wait.readings}) > 1


def waiting_steps(draft, destination: Place, wait: ResidentWaiting) -> None:
    """The waiting and repair steps: one figure where the place's counting is known (or both
    readings agree), else each reading with its months."""
    local = local_waiting(destination)
    if wait.total_months:
        if _differ(wait):
            parts = [f"{_who(r, local)}（{READING_NAMES[r.counting]}）{r.total_months} 个月" for r in wait.readings]
            title = (f"居民医保待遇等待期：{'；'.join(parts)}；{destination.short_name}的算法本站未查到，"
                     "以当地答复为准")
            cites = tuple(dict.fromkeys(c for r in wait.readings for c in reading_cites(r, local)))
        else:
            title = f"居民医保待遇等待期 {wait.total_months} 个月（固定 {wait.fixed_months} 个月，变动 {wait.variable_months} 个月）"
            if local.counting is not None:
                title += f"，按{local.counting.place_name}的算法：{READING_NAMES[local.counting.value]}"
            cites = reading_cites(wait.readings[0], local)
        draft.step("waiting", title, None, *cites)
    useful = {r.useful_repair_years_remaining for r in wait.readings}
    if max(useful):
        per_year = RESIDENT_MONTHS_PER_LAPSED_YEAR if local.per_year is None else local.per_year.value
        if len(useful) > 1:
            most = "；".join(f"{_who(r, local)}最多 {r.useful_repair_years_remaining} 年有用" if r.useful_repair_years_remaining
                            else f"{_who(r, local)}修复不能缩短" for r in wait.readings)
        else:
            most = f"最多 {wait.useful_repair_years_remaining} 年有用"
        draft.step("repair", f"可缴费修复：每多缴 1 年，变动等待期减少 {per_year} 个月；{most}，再多缴不会缩短",
                   None, "resident_repair", "resident_long_lapse_floor_months", *local.ids())


def benefits_steps(draft, destination: Place, wait: ResidentWaiting) -> bool:
    """The date benefits start for each reading, when the 年度 is known; False when it is not
    (the planner then words the step without a date)."""
    if wait.year is None or wait.benefits_from is None:
        return False
    local = local_waiting(destination)
    starts = tuple(f.id for f in local.benefit_start) or (FUXIN,)
    readings = wait.readings if _differ(wait) else wait.readings[:1]
    for index, reading in enumerate(readings):
        day = reading.benefits_from
        if len(readings) > 1:
            title = f"{_who(reading, local)}，{_date(day)}起享受{wait.year}年度的待遇"
        else:
            title = f"{_date(day)}起享受{wait.year}年度的待遇（在年度开始前的集中缴费期内缴费）"
        draft.step("benefits" if index == 0 else "benefits_other_reading", title, day,
                   *dict.fromkeys((*reading_cites(reading, local), *starts)))
    return True


def _date(day: datetime.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def sources_json(cite: str) -> dict | None:
    """A cited page of calculators.lapse_counting as the planner's sources list prints it."""
    source = BY_ID.get(cite)
    if source is None:
        return None
    return {"id": cite, "title": f"{source.who}：断保年数的算法", "document": source.document, "article": None,
            "url": source.url, "grade": source.grade}


def readings_json(destination: Place, wait: ResidentWaiting | None) -> list[dict]:
    """Each reading the plan computed, with its months, its date and what it cites."""
    if wait is None:
        return []
    local = local_waiting(destination)
    return [{"counting": r.counting, "fixed_months": r.fixed_months, "variable_months": r.variable_months,
             "total_months": r.total_months, "useful_repair_years": r.useful_repair_years_remaining,
             "benefits_from": None if r.benefits_from is None else r.benefits_from.isoformat(),
             "cites": list(reading_cites(r, local))} for r in wait.readings]


def note_cites(destination: Place, wait: ResidentWaiting, code: str) -> tuple[str, ...]:
    """What a note of calculators.resident_waiting rests on in the plan."""
    local = local_waiting(destination)
    if code == "benefits_start_counting":
        return tuple(f.id for f in local.benefit_start) or (FUXIN,)
    if code == "lapse_counting_assumption":
        return tuple(dict.fromkeys(c for r in wait.readings for c in reading_cites(r, local)))
    return (*WAIT_RULES, *local.ids())
