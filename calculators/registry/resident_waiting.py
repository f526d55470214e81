"""居民医保待遇等待期: calculators.resident_waiting as a command and a form."""

from __future__ import annotations

from calculators.fields import AMOUNT, FLAG, INTEGER, Field
from calculators.money import format_money
from calculators.present import Row, money_row, row
from calculators.registry import Calculator
from calculators.resident_waiting import ResidentWaiting, resident_waiting
from calculators.rules import RESIDENT_FIXED_WAIT_MONTHS


def to_json(r: ResidentWaiting, inputs: dict) -> dict:
    out = {
        "fixed_months": r.fixed_months,
        "variable_months": r.variable_months,
        "total_months": r.total_months,
        "max_useful_repair_years": r.max_useful_repair_years,
        "useful_repair_years_remaining": r.useful_repair_years_remaining,
    }
    if inputs["local_rate"] is not None:
        out["local_rate"] = format_money(inputs["local_rate"])
        out["repair_cost"] = format_money(r.repair_cost)
        out["max_useful_repair_cost"] = format_money(r.max_useful_repair_cost)
    out["notes"] = [note.as_dict() for note in r.notes]
    return out


def rows(r: ResidentWaiting, inputs: dict) -> list[Row]:
    out = [
        row("固定等待期", str(r.fixed_months), "text", f"{r.fixed_months} 个月"),
        row("变动等待期", str(r.variable_months), "text", f"{r.variable_months} 个月"),
        row("待遇等待期合计", str(r.total_months), "status", f"{r.total_months} 个月"),
        row("还能缩短等待期的修复年数", str(r.useful_repair_years_remaining), "text", f"{r.useful_repair_years_remaining} 年"),
    ]
    if r.repair_cost is not None:
        out.append(money_row("所填修复年数的费用", r.repair_cost))
        out.append(money_row("最多值得缴纳的修复费用", r.max_useful_repair_cost))
    return out


ENTRY = Calculator(
    name="resident-waiting",
    usage="居民医保等待期：--lapsed-years N [--repaired-years M] [--late] [--exempt] [--local-rate 金额]",
    fields=(
        Field("lapsed-years", INTEGER, "断保年数", required=True, placeholder="例如 2", hint="连续参保的填 0。"),
        Field("repaired-years", INTEGER, "打算缴费修复的年数", placeholder="例如 1", default=0),
        Field("late", FLAG, "连续参保，但在集中参保期之后才缴费", default=False),
        Field("exempt", FLAG, "属于新生儿等不设等待期的特殊群体", default=False),
        Field("local-rate", AMOUNT, "当地居民医保个人缴费标准（元/年）", hint="填写后可算出修复费用。"),
    ),
    compute=resident_waiting,
    to_json=to_json,
    rows=rows,
    title="居民医保待遇等待期",
    intro=(f"国办发〔2024〕38号：自 2025 年起，未在集中参保期参保或未连续参保的，设置固定等待期 "
           f"{RESIDENT_FIXED_WAIT_MONTHS} 个月，每多断保 1 年原则上增加变动等待期，缴费修复可以缩短变动等待期。"),
    submit="计算等待期",
)
