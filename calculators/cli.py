"""Command line: `python -m calculators NAME [options]` prints one JSON object.

Exit code 0 with the answer, or 2 with `{"error": {"code", "field", "message"}}` for invalid input.
`run(argv)` does the work without any I/O and never raises: the browser (Pyodide) and the vector
tests call it directly; `main()` only prints. Dates are ISO strings, months YYYY-MM, money strings
with two decimals.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable

from calculators.argv import Options, Spec, parse
from calculators.back_payment import ArrearsMonth, back_payment
from calculators.employee_gap import employee_gap
from calculators.errors import CalculatorError, CalendarNotCovered, CalendarProvisional
from calculators.inputs import format_month, parse_choice, parse_date, parse_int, parse_month
from calculators.late_fee import EMPLOYER, PAYERS, late_fee
from calculators.money import format_money, parse_amount
from calculators.notes import Note
from calculators.resident_waiting import resident_waiting
from calculators.rules import LATE_FEE_DAILY_RATE, TRANSFER_IN_WORKDAYS, TRANSFER_OUT_WORKDAYS
from calculators.text import shown
from calculators.transfer import Estimate, TransferDeadline, transfer_deadline
from calculators.workdays import add_workdays, check_day_count, covered_years, estimated_year

EXIT_OK = 0
EXIT_ERROR = 2


def _iso(value):
    return None if value is None else value.isoformat()


def _notes(notes: tuple[Note, ...]) -> list[dict[str, str]]:
    return [note.as_dict() for note in notes]


def _opt_date(opts: Options, name: str):
    return parse_date(opts[name], name) if name in opts else None


def _opt_int(opts: Options, name: str, default=None):
    return parse_int(opts[name], name) if name in opts else default


def _estimate(estimate: Estimate | None) -> dict | None:
    if estimate is None:
        return None
    return {"date": estimate.date.isoformat(), "earliest": estimate.earliest.isoformat(), "latest": estimate.latest.isoformat()}


def _count_days(r: TransferDeadline) -> list[dict]:
    """The days of the count, for the picture: each day once, with its place in each count."""
    days: dict = {}
    for stage, counted, need in (("out", r.out_days, TRANSFER_OUT_WORKDAYS), ("in", r.in_days, TRANSFER_IN_WORKDAYS)):
        number = 0
        for day in counted:
            entry = days.setdefault(day.date, {
                "date": day.date.isoformat(), "kind": day.kind, "work": day.work, "final": day.final,
                "name": day.name, "out": None, "in": None,
            })
            if day.work and number < need:
                number += 1
                entry[stage] = number
    return [days[key] for key in sorted(days)]


def _transfer(opts: Options) -> dict:
    r = transfer_deadline(parse_date(opts["accepted"], "accepted"), _opt_date(opts, "received"), _opt_date(opts, "today"))
    first, last = covered_years()
    return {
        "accepted": _iso(r.accepted),
        "received": _iso(r.received),
        "today": _iso(r.today),
        "transfer_out_due": _iso(r.transfer_out_due),
        "transfer_in_due": _iso(r.transfer_in_due),
        "transfer_out_estimate": _estimate(r.transfer_out_estimate),
        "transfer_in_estimate": _estimate(r.transfer_in_estimate),
        "status": r.status,
        "overdue_workdays": r.overdue_workdays,
        "problems": _notes(r.problems),
        "notes": _notes(r.notes),
        "calendar_years": [first, last],
        "calendar_estimated_year": estimated_year(),
        "count_days": _count_days(r),
    }


def _late_fee(opts: Options) -> dict:
    r = late_fee(
        parse_amount(opts["owed"], "owed"),
        days=_opt_int(opts, "days"),
        due=_opt_date(opts, "due"),
        paid=_opt_date(opts, "paid"),
        payer=parse_choice(opts.get("payer", EMPLOYER), "payer", PAYERS),
    )
    return {
        "owed": format_money(r.owed),
        "days": r.days,
        "daily_rate": str(LATE_FEE_DAILY_RATE),
        "fee": format_money(r.fee),
        "total": format_money(r.total),
        "exceeds_principal": r.exceeds_principal,
        "notes": _notes(r.notes),
    }


def _employee_gap(opts: Options) -> dict:
    last_paid = parse_month(opts["last-paid"], "last-paid")
    resumed = parse_month(opts["resumed"], "resumed")
    r = employee_gap(
        last_paid,
        resumed,
        local_max_wait=_opt_int(opts, "local-max-wait"),
        switch=bool(opts.get("switch", False)),
        continuous_months=_opt_int(opts, "continuous-months"),
    )
    return {
        "last_paid": format_month(last_paid),
        "resumed": format_month(resumed),
        "gap_months": r.gap_months,
        "within_three_months": r.within_three_months,
        "outcome": r.outcome,
        "retroactive": r.retroactive,
        "max_waiting_months": r.max_waiting_months,
        "benefits_from_latest": None if r.benefits_from_latest is None else format_month(r.benefits_from_latest),
        "notes": _notes(r.notes),
    }


def _resident_waiting(opts: Options) -> dict:
    rate = parse_amount(opts["local-rate"], "local-rate") if "local-rate" in opts else None
    r = resident_waiting(
        parse_int(opts["lapsed-years"], "lapsed-years"),
        repaired_years=_opt_int(opts, "repaired-years", 0),
        late=bool(opts.get("late", False)),
        exempt=bool(opts.get("exempt", False)),
        local_rate=rate,
    )
    out = {
        "fixed_months": r.fixed_months,
        "variable_months": r.variable_months,
        "total_months": r.total_months,
        "max_useful_repair_years": r.max_useful_repair_years,
        "useful_repair_years_remaining": r.useful_repair_years_remaining,
    }
    if rate is not None:
        out["local_rate"] = format_money(rate)
        out["repair_cost"] = format_money(r.repair_cost)
        out["max_useful_repair_cost"] = format_money(r.max_useful_repair_cost)
    out["notes"] = _notes(r.notes)
    return out


def _add_workdays(opts: Options) -> dict:
    start = parse_date(opts["start"], "start")
    days = check_day_count(parse_int(opts["days"], "days"))
    try:
        result, estimate, problems = add_workdays(start, days).isoformat(), None, []
    except CalendarProvisional as provisional:
        count = provisional.count
        result, problems = None, [Note(CalendarProvisional.CODE, provisional.message)]
        estimate = _estimate(Estimate(count.estimate, count.earliest, count.latest))
    except CalendarNotCovered as error:
        raise error.for_field("start" if error.year == start.year else "days") from None
    return {"start": start.isoformat(), "days": days, "result": result, "result_estimate": estimate,
            "problems": _notes(tuple(problems))}


MONTH_ENTRY_PARTS = ("月份", "金额", "应缴日期")  # --month YYYY-MM:AMOUNT:DUE_DATE


def _arrears_month(text: str) -> ArrearsMonth:
    parts = text.split(":")
    if len(parts) != len(MONTH_ENTRY_PARTS):
        raise CalculatorError(
            "invalid_month_entry", "month", f"欠缴月份应写成 月份:金额:应缴日期，例如 2026-01:3650.00:2026-02-15；收到的是 {shown(text)}。"
        )
    month, amount, due = parts
    return ArrearsMonth(parse_month(month, "month"), parse_amount(amount, "month"), parse_date(due, "month"))


def _back_payment(opts: Options) -> dict:
    paid = parse_date(opts["paid"], "paid")
    payer = parse_choice(opts.get("payer", EMPLOYER), "payer", PAYERS)
    r = back_payment([_arrears_month(text) for text in opts["month"]], paid, payer)
    rows = [
        {
            "month": format_month(row.month),
            "owed": format_money(row.fee.owed),
            "due": row.due.isoformat(),
            "days": row.fee.days,
            "fee": format_money(row.fee.fee),
            "total": format_money(row.fee.total),
            "exceeds_principal": row.fee.exceeds_principal,
        }
        for row in r.rows
    ]
    return {
        "paid": paid.isoformat(),
        "payer": payer,
        "rows": rows,
        "total_owed": format_money(r.total_owed),
        "total_fee": format_money(r.total_fee),
        "total": format_money(r.total),
        "exceeds_principal": r.exceeds_principal,
        "notes": _notes(r.notes),
    }


COMMANDS: dict[str, tuple[Spec, Callable[[Options], dict], str]] = {
    "transfer-deadline": (
        Spec(values=("accepted", "received", "today"), required=("accepted",)),
        _transfer,
        "转移接续期限：--accepted 受理日期 [--received 转入地收到信息表日期] [--today 今天]",
    ),
    "late-fee": (
        Spec(values=("owed", "days", "due", "paid", "payer"), required=("owed",)),
        _late_fee,
        "滞纳金：--owed 欠缴金额 (--days 天数 | --due 应缴日期 --paid 缴费日期) [--payer employer|individual]",
    ),
    "employee-gap": (
        Spec(
            values=("last-paid", "resumed", "local-max-wait", "continuous-months"),
            required=("last-paid", "resumed"),
            flags=("switch",),
        ),
        _employee_gap,
        "职工医保断缴：--last-paid YYYY-MM --resumed YYYY-MM [--local-max-wait N] [--switch --continuous-months N]",
    ),
    "resident-waiting": (
        Spec(
            values=("lapsed-years", "repaired-years", "local-rate"),
            required=("lapsed-years",),
            flags=("late", "exempt"),
        ),
        _resident_waiting,
        "居民医保等待期：--lapsed-years N [--repaired-years M] [--late] [--exempt] [--local-rate 金额]",
    ),
    "add-workdays": (
        Spec(values=("start", "days"), required=("start", "days")),
        _add_workdays,
        "工作日推算：--start 日期 --days N（起始日不计入）",
    ),
    "back-payment": (
        Spec(values=("paid", "payer"), required=("paid",), multi=("month",)),
        _back_payment,
        "多月补缴滞纳金：--month 月份:金额:应缴日期（可重复） --paid 缴费日期 [--payer employer|individual]",
    ),
}
HELP = ("--help", "-h", "help")


def _dispatch(argv: list[str]) -> dict:
    if not argv:
        raise CalculatorError("missing_command", "command", f"请指定计算器：{'、'.join(COMMANDS)}。")
    name, args = argv[0], argv[1:]
    if name in HELP:
        return {"commands": {key: usage for key, (_, _, usage) in COMMANDS.items()}}
    if name not in COMMANDS:
        raise CalculatorError("unknown_command", "command", f"没有名为 {shown(name)} 的计算器；可用：{'、'.join(COMMANDS)}。")
    spec, handler, _ = COMMANDS[name]
    return handler(parse(args, spec))


def run(argv: list[str]) -> tuple[int, dict]:
    """(exit code, JSON-serialisable answer) for one command line; never raises."""
    try:
        if not isinstance(argv, (list, tuple)) or not all(isinstance(a, str) for a in argv):
            raise CalculatorError("invalid_argument", None, "参数必须是字符串列表。")
        return EXIT_OK, _dispatch(list(argv))
    except CalculatorError as error:
        return EXIT_ERROR, {"error": error.as_dict()}
    except Exception as error:  # a bug: still answer with a structured error
        return EXIT_ERROR, {
            "error": {
                "code": "internal_error",
                "field": None,
                "message": f"计算器内部错误（{type(error).__name__}），请把输入内容反馈给我们。",
            }
        }


def main(argv: list[str] | None = None) -> int:
    code, payload = run(sys.argv[1:] if argv is None else argv)
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")
    print(json.dumps(payload, ensure_ascii=False, indent=2))
    return code
