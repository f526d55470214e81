"""The transfer planner: one reader's move from city A to city B under 医保办发〔2021〕43号 and
国办发〔2024〕38号 — whether the national transfer applies, the steps in order with their dates,
what a gap costs, and both places' local facts with their sources.

It puts together the other calculators and adds no rule of its own: the transfer deadlines are
calculators.transfer's, the gap and waiting period calculators.employee_gap's, the 居民 waiting
period calculators.resident_waiting's; the places and their facts come from data/ through
calculators/places_data.py. Every step, note and problem names the rule ids (data/national.yaml)
and local fact ids (calculators.places) it rests on; where the data has no sourced answer the plan
says so instead of guessing.

Choices, each told to the reader in `notes`:
- A city (地级市 or 直辖市) is taken as one 统筹地区: the same city needs no transfer.
- `resume_by` is the last month contributions may start at the new place for employee_gap to
  still answer "retroactive" (the gap within the national limit); dates of a month are its last
  day for a step that must be done by then (`enrol`) and its first day for benefits.
- A local fact that words the cost of a gap differently (gap_rule, e.g. 青岛's) is shown beside
  the national answer with its source, as a problem: the plan never states the national default
  as if it were the local rule.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from calculators.employee_gap import LOCAL_RULE_NEEDED, NO_GAP, RETROACTIVE, WAITING_PERIOD, EmployeeGap, employee_gap
from calculators.errors import CalculatorError
from calculators.holiday_calendar import DEFAULT as DEFAULT_CALENDAR
from calculators.holiday_calendar import Calendar
from calculators.inputs import month_from_index, month_index, parse_choice
from calculators.notes import Note
from calculators.places import DEFAULT_PLACES, Fact, Place, Places, resolve_city
from calculators.plan_rules import EMPLOYEE_GAP_WAIT_KIND, GAP_RULE_KIND, MAX_WAIT_KIND, TIME_LIMIT_KIND
from calculators.plan_waiting import benefits_steps, note_cites, waiting_for, waiting_steps
from calculators.resident_waiting import ResidentWaiting
from calculators.rules import (
    EMPLOYEE_WAIT_MAX_MONTHS,
    GAP_RETROACTIVE_MAX_MONTHS,
    SWITCH_MIN_CONTINUOUS_YEARS,
    TRANSFER_IN_WORKDAYS,
    TRANSFER_OUT_WORKDAYS,
)
from calculators.text import date_words, month_words
from calculators.transfer import Estimate, TransferDeadline, transfer_deadline

EMPLOYEE = "employee"
RESIDENT = "resident"
SCHEMES = (EMPLOYEE, RESIDENT)
SCHEME_NAMES = {EMPLOYEE: "职工医保", RESIDENT: "居民医保"}

# reason
RETIRED = "retired"
SAME_CITY = "same_city"
RESIDENT_NEXT_YEAR = "resident_next_year"

# account_balance
MOVES = "moves"
STAYS_IN_PROVINCE = "stays_in_province"
NO_ACCOUNT = "no_account"

HOTLINE = "hotline"  # the id citing the national 医保 hotline (data/national.yaml hotline)
RETIREE_MARK = "退休"  # a local `note` fact about retirees is cited where retirees are told
POOLING_NOTE = "本站把一个地级市（或直辖市）当作一个统筹地区；个别地方的统筹层级不同，以当地为准。"


@dataclass(frozen=True)
class Cited:
    """A note or problem: what it says, and the rule ids and local fact ids it rests on."""

    code: str
    message: str
    cites: tuple[str, ...] = ()


@dataclass(frozen=True)
class Step:
    """One thing to do or to expect, in the order of the move; `due` when a date can be computed."""

    code: str
    title: str
    due: datetime.date | None
    cites: tuple[str, ...]


@dataclass(frozen=True)
class Plan:
    origin: Place
    destination: Place
    from_scheme: str
    to_scheme: str
    cross_province: bool
    eligible: bool
    reason: str | None
    account_balance: str | None
    resume_by: datetime.date | None  # a month (its first day)
    gap_months: int | None
    retroactive: bool | None
    max_waiting_months: int | None
    benefits_from_latest: datetime.date | None  # a month (its first day)
    useful_repair_years: int | None
    transfer: TransferDeadline | None
    steps: tuple[Step, ...]
    local_facts: tuple[tuple[str, Fact], ...]  # ("from" | "to", fact)
    sources: tuple[str, ...]  # every id cited, in order of first citation
    problems: tuple[Cited, ...]
    notes: tuple[Cited, ...]
    waiting: ResidentWaiting | None = None  # the 居民 waiting period with its readings (calculators.plan_waiting)


@dataclass
class _Draft:
    steps: list[Step] = field(default_factory=list)
    problems: list[Cited] = field(default_factory=list)
    notes: list[Cited] = field(default_factory=list)

    def step(self, code: str, title: str, due: datetime.date | None, *cites: str) -> None:
        self.steps.append(Step(code, title, due, tuple(cites)))

    def note(self, code: str, message: str, *cites: str) -> None:
        self.notes.append(Cited(code, message, tuple(cites)))

    def problem(self, code: str, message: str, *cites: str) -> None:
        self.problems.append(Cited(code, message, tuple(cites)))

    def carry(self, notes: tuple[Note, ...], *cites: str, problems: bool = False) -> None:
        """Notes of another calculator, citing the rules that calculator implements."""
        target = self.problems if problems else self.notes
        target.extend(Cited(n.code, n.message, tuple(cites)) for n in notes)


def _last_day(month: datetime.date) -> datetime.date:
    """The month's last day: the day before the next month's first."""
    following = datetime.date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return following - datetime.timedelta(days=1)


def _next_month(month: datetime.date) -> datetime.date:
    return month_from_index(month_index(month) + 1)


def _facts(place: Place, kind: str) -> list[Fact]:
    """The place's facts of one kind, the city's own before the province's."""
    found = [f for f in place.facts if f.kind == kind]
    return [f for f in found if f.scope == "city"] + [f for f in found if f.scope != "city"]


def _ids(facts: list[Fact]) -> tuple[str, ...]:
    return tuple(f.id for f in facts)


def _local_max_wait(place: Place) -> Fact | None:
    for fact in [*_facts(place, MAX_WAIT_KIND), *_facts(place, EMPLOYEE_GAP_WAIT_KIND)]:
        if isinstance(fact.value, int) and not isinstance(fact.value, bool):
            return fact
    return None


def _gap(last_paid: datetime.date, resumed: datetime.date, local: Fact | None, switch: bool,
         continuous_months: int | None) -> EmployeeGap:
    return employee_gap(last_paid, resumed, None if local is None else local.value, switch=switch,
                        continuous_months=continuous_months)


def _resume_by(last_paid: datetime.date, switch: bool, continuous_months: int | None) -> datetime.date | None:
    """The last month contributions may resume in for employee_gap still to answer within the
    short limit (no gap or retroactive); None when no month is (a switch the rule does not cover)."""
    found = None
    month = _next_month(last_paid)
    while employee_gap(last_paid, month, switch=switch, continuous_months=continuous_months).outcome in (NO_GAP, RETROACTIVE):
        found, month = month, _next_month(month)
    return found


def _check_count(value: int | None, field_name: str) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
        raise CalculatorError("invalid_integer", field_name, "应填写整数。")


def plan(
    from_city: str,
    to_city: str,
    *,
    from_scheme: str = EMPLOYEE,
    to_scheme: str = EMPLOYEE,
    retired: bool = False,
    last_paid: datetime.date | None = None,
    resumed: datetime.date | None = None,
    accepted: datetime.date | None = None,
    received: datetime.date | None = None,
    today: datetime.date | None = None,
    continuous_months: int | None = None,
    lapsed_years: int | None = None,
    places: Places = DEFAULT_PLACES,
    calendar: Calendar = DEFAULT_CALENDAR,
) -> Plan:
    """The plan for moving from `from_city` to `to_city` (each a six-digit code or a city name).
    Months (`last_paid`, `resumed`) are dates whose day is ignored; `today` is an argument."""
    origin = resolve_city(from_city, "from", places)
    destination = resolve_city(to_city, "to", places)
    from_scheme = parse_choice(from_scheme, "from-scheme", SCHEMES)
    to_scheme = parse_choice(to_scheme, "to-scheme", SCHEMES)
    _check_count(continuous_months, "continuous-months")
    _check_count(lapsed_years, "lapsed-years")
    draft = _Draft()
    cross = origin.province_code != destination.province_code

    reason, eligible = None, True
    if origin.code == destination.code:
        reason, eligible = SAME_CITY, False
    elif retired and from_scheme == EMPLOYEE:
        reason, eligible = RETIRED, False
    elif from_scheme == to_scheme == RESIDENT:
        reason = RESIDENT_NEXT_YEAR

    found = _Found()
    if reason == SAME_CITY:
        _same_city(draft, origin, from_scheme, to_scheme)
    elif reason == RETIRED:
        _retired(draft, origin, destination, places)
    else:
        move = _Move(origin, destination, from_scheme, to_scheme, cross, _local_max_wait(destination))
        if retired:
            draft.note("retired_resident", "“不含退休人员”说的是职工医保；居民医保参保人员转移不受影响。", "scope")
        if not move.residents:
            _employee_gap_part(draft, found, move, last_paid, resumed, today, continuous_months)
        elif last_paid is not None or resumed is not None:
            draft.note("gap_inputs_unused", "居民医保按年缴费，中断按断保年数计算（请填写断保年数），没有使用所填的月份。",
                       "resident_months_per_lapsed_year")
        _resident_part(draft, found, move, lapsed_years, today)
        _transfer_part(draft, found, move, accepted, received, today, resumed, calendar)
        _steps(draft, found, move, accepted, resumed, today)

    gap, wait = found.gap, found.wait
    max_wait = wait.total_months if wait is not None else None if gap is None else gap.max_waiting_months
    facts = [("from", f) for f in origin.facts]
    if destination.code != origin.code:
        facts += [("to", f) for f in destination.facts]
    cited = [c for item in [*draft.steps, *draft.problems, *draft.notes] for c in item.cites]
    return Plan(
        origin, destination, from_scheme, to_scheme, cross, eligible, reason, found.account,
        found.resume_by, None if gap is None else gap.gap_months, None if gap is None else gap.retroactive,
        max_wait, None if gap is None else gap.benefits_from_latest,
        None if wait is None else wait.useful_repair_years_remaining, found.transfer,
        tuple(draft.steps), tuple(facts), tuple(dict.fromkeys(cited)), tuple(draft.problems), tuple(draft.notes),
        wait,
    )


@dataclass
class _Found:
    """What the parts of an eligible plan work out, for the steps and the result."""

    account: str | None = None
    resume_by: datetime.date | None = None
    gap: EmployeeGap | None = None
    wait: ResidentWaiting | None = None
    transfer: TransferDeadline | None = None


@dataclass(frozen=True)
class _Move:
    origin: Place
    destination: Place
    from_scheme: str
    to_scheme: str
    cross: bool
    local_wait: Fact | None  # the destination's sourced maximum waiting period

    @property
    def switch(self) -> bool:
        return self.from_scheme != self.to_scheme

    @property
    def residents(self) -> bool:
        return self.from_scheme == self.to_scheme == RESIDENT

    @property
    def who(self) -> str:
        """The rule on who applies for this pair of schemes."""
        if self.switch:
            return "who_cross_scheme"
        return "who_employee" if self.from_scheme == EMPLOYEE else "who_resident"


def _same_city(draft: _Draft, place: Place, from_scheme: str, to_scheme: str) -> None:
    draft.note(SAME_CITY, f"转出地和转入地都是{place.name}，同一统筹地区内不需要办理医保关系转移。", "scope")
    if from_scheme != to_scheme:
        draft.note("no_sourced_answer",
                   f"在{place.name}内从{SCHEME_NAMES[from_scheme]}换成{SCHEME_NAMES[to_scheme]}怎样衔接，"
                   f"本站没有有来源的答案，请咨询{_agency(place)}。", "scope")
    draft.note("pooling_region_assumption", POOLING_NOTE)


def _agency(place: Place) -> str:
    return place.agency or f"{place.name}的医保部门"


def _retired(draft: _Draft, origin: Place, destination: Place, places: Places) -> None:
    number, name, _ = places.hotline
    retiree_facts = [f.id for p in (origin, destination) for f in p.facts if f.kind == "note" and RETIREE_MARK in f.text]
    draft.note(RETIRED, "已退休的职工医保参保人员不在医保办发〔2021〕43号的适用范围内，不能按这个办法转移医保关系。",
               "scope", *dict.fromkeys(retiree_facts))
    draft.note("no_sourced_answer",
               "退休人员换城市居住后医保可以怎么办，本站没有有来源的答案，不作猜测。", "scope")
    draft.step("ask_agency", f"向{_agency(origin)}咨询，或拨打{name} {number}", None, "scope", HOTLINE)


def _employee_gap_part(draft: _Draft, found: _Found, move: _Move, last_paid, resumed, today,
                       continuous_months) -> None:
    """What a gap costs with 职工医保 at the new place or a switch of scheme (calculators.employee_gap)."""
    known = not move.switch or continuous_months is not None
    if not known and (last_paid is not None or resumed is not None):
        draft.problem("continuous_months_needed",
                      f"换险种时，连续参保满 {SWITCH_MIN_CONTINUOUS_YEARS} 年才适用中断不超过 "
                      f"{GAP_RETROACTIVE_MAX_MONTHS} 个月可补缴的规定；请填写换险种前连续参保的月数。",
                      "switch_min_continuous_years")
    if last_paid is not None and known:
        found.resume_by = _resume_by(last_paid, move.switch, continuous_months)
    if last_paid is not None and resumed is not None:
        if known:
            found.gap = _gap(last_paid, resumed, move.local_wait, move.switch, continuous_months)
            draft.carry(found.gap.notes, *_gap_cites(found.gap, move.switch, move.local_wait),
                        problems=found.gap.outcome == LOCAL_RULE_NEEDED)
        else:  # the months are counted; what they cost needs the months of cover
            counted = _gap(last_paid, resumed, None, False, None)
            found.gap = EmployeeGap(counted.gap_months, counted.within_three_months, LOCAL_RULE_NEEDED,
                                    None, None, None, ())
    elif last_paid is not None or resumed is not None:
        draft.note("gap_inputs", "同时填写原参保地最后缴费的月份和新参保地开始缴费的月份，才能算出中断几个月。")
    if (today is not None and resumed is None and found.resume_by is not None
            and month_index(today) > month_index(found.resume_by)):
        draft.problem("resume_window_passed",
                      f"今天已过{month_words(found.resume_by)}：现在才在{move.destination.short_name}开始缴费，"
                      f"中断会超过 {GAP_RETROACTIVE_MAX_MONTHS} 个月。", "gap_retroactive_max_months")


def _resident_part(draft: _Draft, found: _Found, move: _Move, lapsed_years: int | None,
                   today: datetime.date | None) -> None:
    """国办发〔2024〕38号's waiting period for 居民医保 at the new place, on its own rules where it has
    them (calculators.plan_waiting); a move between 居民医保 enrols for the year after `today`.
    A switch that 医保办发〔2021〕43号 already settles (no gap, or retroactive) has none to add."""
    if move.to_scheme != RESIDENT:
        return
    settled = found.gap is not None and found.gap.outcome in (NO_GAP, RETROACTIVE)
    if lapsed_years is None:
        if move.residents:
            draft.note("lapse_inputs", "填写断保年数，可算出国办发〔2024〕38号规定的待遇等待期。", "resident_fixed_wait_months")
        return
    if settled:
        draft.note("lapse_not_used", "换险种且中断不超过规定月数，按医保办发〔2021〕43号可补缴并追溯享受待遇，"
                   "没有再按断保年数计算等待期。", "switch_min_continuous_years", "gap_retroactive_max_months")
        return
    year = today.year + 1 if move.residents and today is not None else None
    found.wait = waiting_for(move.destination, lapsed_years, year)
    for note in found.wait.notes:
        draft.note(note.code, note.message, *note_cites(move.destination, found.wait, note.code))


def _transfer_part(draft: _Draft, found: _Found, move: _Move, accepted, received, today, resumed,
                   calendar: Calendar) -> None:
    """The 转出地 and 转入地 deadlines (calculators.transfer)."""
    if accepted is None:
        if received is not None:
            draft.note("received_unused", "没有填写受理日期，无法计算办理时限；只填收到信息表的日期不够。")
        return
    transfer = found.transfer = transfer_deadline(accepted, received, today, calendar=calendar)
    draft.carry(transfer.problems, "transfer_out_workdays", "transfer_in_workdays", problems=True)
    draft.carry(transfer.notes, "workday_counting")
    if transfer.status == "overdue":
        late = "" if transfer.overdue_workdays is None else f" {transfer.overdue_workdays} 个工作日"
        draft.problem("transfer_overdue", f"已超过转入地的办理时限{late}，可以向两地医保部门或在国家医保服务平台查询进度。",
                      "transfer_in_workdays", "channels")
    if resumed is not None and month_index(accepted) < month_index(resumed):
        draft.problem("applied_before_enrolment",
                      f"受理日期早于在{move.destination.short_name}开始缴费的月份；转入地审核的是是否已在当地参保，"
                      "应先参保再申请。", "review_points")


def _steps(draft: _Draft, found: _Found, move: _Move, accepted, resumed, today) -> None:
    origin, destination, who = move.origin, move.destination, move.who
    counters = f"国家医保服务平台在线申请，或到{destination.short_name}、{origin.short_name}任一方的医保经办窗口"
    if move.residents:
        draft.step("stop", f"不再续缴{origin.short_name}的居民医保（同一时间只能在一地参保）", None,
                   "no_double_enrolment", who)
        year = f"（{today.year + 1} 年）" if today is not None else ""
        windows = _facts(destination, "enrolment_window")
        draft.step("enrol", f"在{destination.short_name}参加次年{year}的居民医保", None, who, *_ids(windows))
        draft.step("apply", f"参加次年居民医保后申请转移：{counters}", accepted, who, "channels")
    else:
        draft.step("stop", f"在{origin.short_name}中止参保（停保）", None, who, "review_points")
        draft.step("enrol", _enrol_title(destination, move.to_scheme, found.resume_by, resumed, move.switch),
                   None if found.resume_by is None else _last_day(found.resume_by),
                   who, "gap_retroactive_max_months", *(("switch_min_continuous_years",) if move.switch else ()))
        draft.step("apply", f"参保后申请转移：{counters}", accepted, "channels", "review_points")
    _deadline_steps(draft, origin, destination, found.transfer)
    found.account = _account(draft, move)
    if found.wait is not None:
        waiting_steps(draft, destination, found.wait)
    if not (move.residents and found.wait is not None and benefits_steps(draft, destination, found.wait)):
        _benefits_step(draft, destination, found.gap, move.residents or found.wait is not None, move.local_wait)
    draft.note("pooling_region_assumption", POOLING_NOTE)


def _gap_cites(gap: EmployeeGap, switch: bool, local_wait: Fact | None) -> tuple[str, ...]:
    cites = ["gap_retroactive_max_months"]
    if switch:
        cites.append("switch_min_continuous_years")
    if gap.outcome == WAITING_PERIOD:
        cites.append("employee_wait_max_months")
        if local_wait is not None:
            cites.append(local_wait.id)
    return tuple(cites)


def _enrol_title(destination: Place, to_scheme: str, resume_by, resumed, switch: bool) -> str:
    title = f"在{destination.short_name}参加{SCHEME_NAMES[to_scheme]}"
    if resume_by is not None:
        title += f"，最晚从{month_words(resume_by)}起缴费，中断才不超过 {GAP_RETROACTIVE_MAX_MONTHS} 个月"
        if resumed is not None and resumed > resume_by:
            title += f"（所填{month_words(resumed)}起缴费，已晚于此）"
    elif resumed is not None:
        title += f"（{month_words(resumed)}起缴费）"
    if switch and resume_by is None:
        title += f"；换险种须连续参保满 {SWITCH_MIN_CONTINUOUS_YEARS} 年，中断不超过 {GAP_RETROACTIVE_MAX_MONTHS} 个月才可补缴"
    return title


def _deadline_text(due: datetime.date | None, estimate: Estimate | None) -> str:
    if due is not None:
        return f"，期限{date_words(due)}"
    if estimate is not None:
        return (f"，预计{date_words(estimate.date)}，可能在{date_words(estimate.earliest)}至{date_words(estimate.latest)}之间"
                "（放假安排公布后才能确定）")
    return ""


def _deadline_steps(draft: _Draft, origin: Place, destination: Place, transfer: TransferDeadline | None) -> None:
    out_due = out_est = in_due = in_est = None
    if transfer is not None:
        out_due, out_est = transfer.transfer_out_due, transfer.transfer_out_estimate
        in_due, in_est = transfer.transfer_in_due, transfer.transfer_in_estimate
    out_local = _facts(origin, TIME_LIMIT_KIND)
    in_local = _facts(destination, TIME_LIMIT_KIND)
    draft.step("transfer_out", f"{origin.short_name}（转出地）受理后 {TRANSFER_OUT_WORKDAYS} 个工作日内办结转出、"
               f"传出信息表{_deadline_text(out_due, out_est)}", out_due, "transfer_out_workdays", "workday_counting",
               *_ids(out_local))
    draft.step("transfer_in", f"{destination.short_name}（转入地）收到信息表后 {TRANSFER_IN_WORKDAYS} 个工作日内办结转入"
               f"{_deadline_text(in_due, in_est)}", in_due, "transfer_in_workdays", "workday_counting", *_ids(in_local))
    for place, facts in ((origin, out_local), (destination, in_local)):
        if facts:
            draft.note("local_time_limits", f"{place.name}有自己承诺的办理时限（见当地规定），可能比全国时限短；"
                       "上面的期限按全国时限计算。", "faster_local_limits", *_ids(facts))


def _account(draft: _Draft, move: _Move) -> str | None:
    """What happens to the personal account balance for this pair of places and schemes."""
    origin, destination = move.origin, move.destination
    if move.from_scheme == RESIDENT:
        draft.step("account", "居民医保没有个人账户，没有余额要转", None, "scope", "personal_account")
        return NO_ACCOUNT
    if move.to_scheme == RESIDENT:
        draft.step("account", f"职工医保个人账户的余额在换成居民医保后怎么处理，本站没有有来源的答案，请咨询{_agency(origin)}",
                   None, "personal_account")
        draft.note("no_sourced_answer", "职工医保转居民医保时个人账户余额的去向，全国规定和本站数据都没有写明。", "personal_account")
        return None
    stays = origin.account_stays_fact
    if not move.cross and stays is not None:
        draft.step("account", f"个人账户余额不划转到{destination.short_name}，留在原账户，"
                   f"按{stays.place_name}的规定在省内跨市使用", None, stays.id, "personal_account")
        return STAYS_IN_PROVINCE
    cites = ["personal_account"] + ([stays.id] if stays is not None else [])
    draft.step("account", f"个人账户余额由{origin.short_name}随医保关系划转，{destination.short_name}核对后记入个人账户",
               None, *cites, *_ids([f for f in _facts(destination, "personal_account") if f is not stays]))
    return MOVES


def _benefits_step(draft: _Draft, destination: Place, gap: EmployeeGap | None, residents: bool,
                   local_wait: Fact | None) -> None:
    gap_rules = _facts(destination, GAP_RULE_KIND)
    rule_ids = _ids(gap_rules)
    due = None
    if residents:
        title = f"何时开始享受待遇，以{destination.short_name}的规定为准（待遇等待期从何时起算，全国未确认）"
        cites = ("resident_fixed_wait_months",)
    elif gap is None:
        title, cites = ("填写最后缴费月份和开始缴费月份后，可算出最晚从哪个月起享受待遇",
                        ("gap_retroactive_max_months", "employee_wait_max_months"))
    elif gap.outcome == NO_GAP:
        title, cites = "缴费没有中断，待遇接续", ("gap_retroactive_max_months",)
        due = gap.benefits_from_latest
    elif gap.outcome == RETROACTIVE:
        title = f"补缴后自缴费当月（最晚{month_words(gap.benefits_from_latest)}）起享受待遇，中断期间的费用可追溯报销"
        cites, due = ("gap_retroactive_max_months",), gap.benefits_from_latest
    elif gap.outcome == WAITING_PERIOD:
        source = f"{local_wait.place_name}的规定" if local_wait is not None else "全国上限"
        title = (f"最晚从{month_words(gap.benefits_from_latest)}起享受待遇（等待期最长 {gap.max_waiting_months} 个月，"
                 f"按{source}）")
        cites = ("employee_wait_max_months",) + ((local_wait.id,) if local_wait is not None else ())
        due = gap.benefits_from_latest
        if local_wait is not None and local_wait.kind == EMPLOYEE_GAP_WAIT_KIND:
            draft.note("local_gap_wait", f"{local_wait.place_name}的规定：{local_wait.text}", local_wait.id)
        if local_wait is None:
            draft.note("no_local_max_wait", f"未找到{destination.name}设定待遇等待期的有来源规定，按全国上限 "
                       f"{EMPLOYEE_WAIT_MAX_MONTHS} 个月计算；实际以当地规定为准。", "employee_wait_max_months")
    else:
        title = f"何时开始享受待遇，以{destination.short_name}的规定为准（全国规定没有结论）"
        cites = ("switch_min_continuous_years", "gap_retroactive_max_months")
    if gap_rules:
        local_text = "；".join(f.text for f in gap_rules)
        if gap is not None and gap.outcome == WAITING_PERIOD:
            title += f"；{destination.short_name}另有规定，以当地为准"
            draft.problem("local_gap_rule",
                          f"{destination.name}对中断接续另有规定：{local_text}上面“最晚”的月份按"
                          f"{'当地' if local_wait else '全国上限'}推算，与当地规定不同时以当地规定为准。",
                          "employee_wait_max_months", *rule_ids)
        else:
            title += f"（另见{destination.short_name}的规定）"
    draft.step("benefits", title, due, *cites, *rule_ids)
