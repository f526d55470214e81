"""补缴多个月的滞纳金明细: calculators.back_payment as a command and a form."""

from __future__ import annotations

import re

from calculators.back_payment import ArrearsMonth, BackPayment, back_payment
from calculators.errors import CalculatorError
from calculators.fields import DATE, ENTRIES, Field
from calculators.inputs import format_month, parse_date, parse_month
from calculators.money import format_money, parse_amount
from calculators.present import Row, date_text, money_row, month_text, row
from calculators.registry import Calculator
from calculators.registry.late_fee import PAYER, fee_row
from calculators.text import shown

EXAMPLE = "2026-01:3650.00:2026-02-15"


def arrears_month(text: str) -> ArrearsMonth:
    """One month of arrears: 月份:金额:应缴日期 (or the three separated by spaces, one line each in the form)."""
    parts = re.split(r"\s*:\s*|\s+", text.strip())
    if len(parts) != 3:
        raise CalculatorError(
            "invalid_month_entry", "month", f"欠缴月份应写成 月份:金额:应缴日期，例如 {EXAMPLE}；收到的是 {shown(text)}。"
        )
    month, amount, due = parts
    return ArrearsMonth(parse_month(month, "month"), parse_amount(amount, "month"), parse_date(due, "month"))


def to_json(r: BackPayment, inputs: dict) -> dict:
    return {
        "paid": inputs["paid"].isoformat(),
        "payer": inputs["payer"],
        "rows": [
            {
                "month": format_month(item.month),
                "owed": format_money(item.fee.owed),
                "due": item.due.isoformat(),
                "days": item.fee.days,
                "fee": format_money(item.fee.fee),
                "total": format_money(item.fee.total),
                "exceeds_principal": item.fee.exceeds_principal,
            }
            for item in r.rows
        ],
        "total_owed": format_money(r.total_owed),
        "total_fee": format_money(r.total_fee),
        "total": format_money(r.total),
        "exceeds_principal": r.exceeds_principal,
        "notes": [note.as_dict() for note in r.notes],
    }


def rows(r: BackPayment, inputs: dict) -> list[Row]:
    out = [
        row("欠缴月数", str(len(r.rows)), "text", f"{len(r.rows)} 个月"),
        money_row("欠缴合计", r.total_owed),
        fee_row(r.total_fee, inputs["payer"]),
        money_row("本金与滞纳金合计", r.total),
    ]
    if r.exceeds_principal:
        out.append(row("滞纳金是否超过本金", "exceeds_principal", "status", "有月份已超过本金（是否封顶有争议，见下方说明）"))
    return out


def table(r: BackPayment, inputs: dict) -> dict:
    """The per-month table under the totals (the browser draws it as it is)."""
    return {"table": {
        "caption": f"逐月明细（{date_text(inputs['paid'])}一次补缴）",
        "columns": ["月份", "欠缴金额（元）", "应缴日期", "逾期天数", "滞纳金（元）"],
        "rows": [[month_text(item.month), format_money(item.fee.owed), date_text(item.due), f"{item.fee.days} 天",
                  format_money(item.fee.fee)] for item in r.rows],
        "footer": ["合计", format_money(r.total_owed), "", "", format_money(r.total_fee)],
    }}


ENTRY = Calculator(
    name="back-payment",
    usage="多月补缴滞纳金：--month 月份:金额:应缴日期（可重复） --paid 缴费日期 [--payer employer|individual]",
    fields=(
        Field("month", ENTRIES, "欠缴的月份（每行一个月：月份、金额、应缴日期）", required=True,
              placeholder=f"例如 {EXAMPLE}", entry=arrears_month, arg="months",
              hint="月份、金额和应缴日期之间用冒号或空格隔开。"),
        Field("paid", DATE, "实际补缴日期", required=True),
        PAYER,
    ),
    compute=back_payment,
    to_json=to_json,
    rows=rows,
    extras=table,
    title="补缴多个月的滞纳金明细",
    intro="欠缴了好几个月？按每个月各自的应缴日期逐月计算滞纳金，再算出合计（规则与滞纳金计算器相同）。",
    submit="计算明细",
    sample={"month": "2026-01:3650.00:2026-02-15\n2026-02 10000.00 2026-03-15", "paid": "2026-04-01"},
    invalid=({"month": "2026-01 3650.00", "paid": "2026-04-01"}, "month"),
)
