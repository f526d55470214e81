"""职工医保断缴与待遇等待期: calculators.employee_gap as a command and a form."""

from __future__ import annotations

from calculators.employee_gap import NO_GAP, RETROACTIVE, WAITING_PERIOD, EmployeeGap, employee_gap
from calculators.fields import FLAG, INTEGER, MONTH, Field
from calculators.inputs import format_month
from calculators.present import Row, month_text, months_row, row
from calculators.registry import Calculator
from calculators.rules import EMPLOYEE_WAIT_MAX_MONTHS, GAP_RETROACTIVE_MAX_MONTHS


def to_json(r: EmployeeGap, inputs: dict) -> dict:
    return {
        "last_paid": format_month(inputs["last_paid"]),
        "resumed": format_month(inputs["resumed"]),
        "gap_months": r.gap_months,
        "within_three_months": r.within_three_months,
        "outcome": r.outcome,
        "retroactive": r.retroactive,
        "max_waiting_months": r.max_waiting_months,
        "benefits_from_latest": None if r.benefits_from_latest is None else format_month(r.benefits_from_latest),
        "notes": [note.as_dict() for note in r.notes],
    }


def rows(r: EmployeeGap, inputs: dict) -> list[Row]:
    if r.outcome == NO_GAP:
        verdict = "缴费没有中断"
    elif r.outcome == RETROACTIVE:
        verdict = "可以补缴，中断期间的医疗费用可追溯报销"
    elif r.outcome == WAITING_PERIOD:
        verdict = f"转入地可设置待遇等待期，最长 {r.max_waiting_months} 个月"
    else:
        verdict = "国家规定没有结论，需查询转入地规定"
    out = [months_row("中断缴费的月数", r.gap_months), row("结论", r.outcome, "status", verdict)]
    if r.benefits_from_latest:
        month = format_month(r.benefits_from_latest)
        out.append(row("最晚开始享受待遇的月份", month, "text", month_text(r.benefits_from_latest)))
    return out


ENTRY = Calculator(
    name="employee-gap",
    usage="职工医保断缴：--last-paid YYYY-MM --resumed YYYY-MM [--local-max-wait N] [--switch --continuous-months N]",
    fields=(
        Field("last-paid", MONTH, "最后一次缴费的月份", required=True, placeholder="例如 2026-03"),
        Field("resumed", MONTH, "在新参保地恢复缴费的月份", required=True, placeholder="例如 2026-06"),
        Field("local-max-wait", INTEGER, "转入地规定的最长等待期（月）",
              hint=f"不知道可不填，按国家上限 {EMPLOYEE_WAIT_MAX_MONTHS} 个月计算。", prefill="max_waiting_months"),
        Field("switch", FLAG, "在职工医保和居民医保之间切换", default=False),
        Field("continuous-months", INTEGER, "切换前连续参保的月数", hint="勾选“切换”时必填。"),
    ),
    compute=employee_gap,
    to_json=to_json,
    rows=rows,
    title="职工医保断缴与待遇等待期",
    intro=(f"换工作、换城市后职工医保中断了几个月？中断不超过 {GAP_RETROACTIVE_MAX_MONTHS} 个月可以补缴；"
           f"超过的，转入地可设置最长 {EMPLOYEE_WAIT_MAX_MONTHS} 个月的待遇等待期。"),
    sample={"last-paid": "2026-03", "resumed": "2026-06"},
    invalid=({"last-paid": "2026-03", "resumed": "2026-02"}, "resumed"),
)
