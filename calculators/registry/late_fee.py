"""欠缴医保费的滞纳金: calculators.late_fee as a command and a form."""

from __future__ import annotations

from calculators.fields import AMOUNT, CHOICE, DATE, INTEGER, Field
from calculators.late_fee import EMPLOYER, INDIVIDUAL, LateFee, late_fee
from calculators.money import format_money
from calculators.present import Row, money_row, row
from calculators.registry import Calculator
from calculators.rules import LATE_FEE_DAILY_RATE

PERCENT = (LATE_FEE_DAILY_RATE * 100).normalize()
PAYER = Field("payer", CHOICE, "缴费人", choices=((EMPLOYER, "用人单位"), (INDIVIDUAL, "个人（灵活就业人员等）")), default=EMPLOYER)
DAYS_GROUP = "逾期天数：直接填写天数，或填写应缴日期和实际缴费日期"


def to_json(r: LateFee, inputs: dict) -> dict:
    return {
        "owed": format_money(r.owed),
        "days": r.days,
        "daily_rate": str(LATE_FEE_DAILY_RATE),
        "fee": format_money(r.fee),
        "total": format_money(r.total),
        "exceeds_principal": r.exceeds_principal,
        "notes": [note.as_dict() for note in r.notes],
    }


NO_STATUTORY_FEE = "不适用：个人缴费没有法定滞纳金（见下方说明）"


def fee_row(fee, payer: str) -> Row:
    """The fee; for an individual, in words that no statutory late fee applies, not 「0.00 元」."""
    if payer == INDIVIDUAL:
        return row("滞纳金", format_money(fee), "status", NO_STATUTORY_FEE)
    return money_row("滞纳金", fee)


def rows(r: LateFee, inputs: dict) -> list[Row]:
    out = [
        money_row("欠缴金额", r.owed),
        row("逾期天数", str(r.days), "text", f"{r.days} 天"),
        row("滞纳金日费率", str(LATE_FEE_DAILY_RATE), "text", f"每日 {PERCENT}%"),
        fee_row(r.fee, inputs["payer"]),
        money_row("本金与滞纳金合计", r.total),
    ]
    if r.exceeds_principal:
        out.append(row("滞纳金是否超过本金", "exceeds_principal", "status", "已超过本金（是否封顶有争议，见下方说明）"))
    return out


ENTRY = Calculator(
    name="late-fee",
    usage="滞纳金：--owed 欠缴金额 (--days 天数 | --due 应缴日期 --paid 缴费日期) [--payer employer|individual]",
    fields=(
        Field("owed", AMOUNT, "欠缴金额（元）", required=True, placeholder="例如 3650.00"),
        PAYER,
        Field("days", INTEGER, "逾期天数", placeholder="例如 30", group=DAYS_GROUP),
        Field("due", DATE, "应缴日期", group=DAYS_GROUP),
        Field("paid", DATE, "实际缴费日期", group=DAYS_GROUP),
    ),
    compute=late_fee,
    to_json=to_json,
    rows=rows,
    title="欠缴医保费的滞纳金",
    intro=f"《社会保险法》第八十六条：用人单位未按时足额缴费的，自欠缴之日起按日加收欠缴金额 {PERCENT}% 的滞纳金。",
    submit="计算滞纳金",
    sample={"owed": "10000.00", "days": "30"},
    invalid=({"owed": "-5", "days": "30"}, "owed"),
)
