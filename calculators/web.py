"""The calculators as the browser forms see them: form fields in, display rows out. Pure, no I/O.

The page's JavaScript (web/calc.js) sends the form's fields, named exactly like the command-line
options (`accepted`, `last-paid`, ...), and renders what comes back; it never computes or words
anything itself. So every label, unit and status sentence lives here, next to the calculators
whose answers it presents, and `cli.run` stays the one entry point of the rules.

`handle(name, fields)` returns either `{"error": {"code", "field", "message"}}` (the field names
the input to mark) or `{"rows": [...], "problems": [...], "notes": [...], "raw": answer}` where a
row is `{"label", "value", "text", "type"}`: `value` is machine-readable (ISO date, "150.00"),
`text` is what the reader sees, and `type` is one of ROW_TYPES. An `estimate` row (a date before
the year's holiday notice) adds `detail`, the range of dates it may still move within. The transfer
deadline adds `calendar`, the weeks of its count as a picture (`count_calendar`).
"""

from __future__ import annotations

import datetime
import json
from decimal import Decimal

from calculators.cli import COMMANDS, run
from calculators.holiday_calendar import BUXIA, HOLIDAY, MAKEUP, WEEKEND, WORKDAY
from calculators.rules import TRANSFER_IN_WORKDAYS, TRANSFER_OUT_WORKDAYS
from calculators.transfer import OVERDUE, WITHIN_LIMIT

FORM_CALCULATORS = ("transfer-deadline", "employee-gap", "resident-waiting", "late-fee")
ROW_TYPES = ("date", "estimate", "text", "money", "status")
CHECKED = ("on", "true", "1", "yes")
WEEKDAYS = "一二三四五六日"

Row = dict[str, str]


def _error(code: str, field: str | None, message: str) -> dict:
    return {"error": {"code": code, "field": field, "message": message}}


def to_argv(name: str, fields: dict[str, str]) -> list[str] | dict:
    """The command line for a form: empty fields are left out, checked boxes become flags.

    Values are passed as `--name=value`, so a value that starts with dashes (a typed "-5") still
    reaches the calculator's own validation instead of being read as an option.
    Returns an error answer (not an exception) for an unknown calculator or field.
    """
    if name not in FORM_CALCULATORS:
        return _error("unknown_command", None, f"没有名为“{name}”的网页计算器。")
    spec = COMMANDS[name][0]
    argv = [name]
    for key, value in fields.items():
        if not isinstance(key, str) or not isinstance(value, str):
            return _error("invalid_argument", None, "表单内容必须是文字。")
        if key not in spec.values and key not in spec.flags:
            return _error("unknown_field", key, f"表单里有计算器不认识的输入项“{key}”。")
    for key in spec.values:
        value = fields.get(key, "").strip()
        if value:
            argv.append(f"--{key}={value}")
    for key in spec.flags:
        if fields.get(key, "").strip().lower() in CHECKED:
            argv.append(f"--{key}")
    return argv


def date_text(iso: str) -> str:
    """2026-03-02 → 2026年3月2日（星期一）."""
    day = datetime.date.fromisoformat(iso)
    return f"{day.year}年{day.month}月{day.day}日（星期{WEEKDAYS[day.weekday()]}）"


def month_text(value: str) -> str:
    """2026-08 → 2026年8月."""
    year, month = value.split("-")
    return f"{int(year)}年{int(month)}月"


def row(label: str, value: str, kind: str, text: str | None = None) -> Row:
    if kind not in ROW_TYPES:
        raise ValueError(f"row type must be one of {ROW_TYPES}, got {kind!r}")
    return {"label": label, "value": value, "text": value if text is None else text, "type": kind}


def date_row(label: str, iso: str | None, missing: str = "无法计算（见下方说明）") -> Row:
    if iso is None:
        return row(label, "", "status", missing)
    return row(label, iso, "date", date_text(iso))


def money_row(label: str, amount: str) -> Row:
    return row(label, amount, "money", f"{amount} 元")


def estimate_row(label: str, estimate: dict, pending_year: int) -> Row:
    """A date that is an estimate reads as one: 「预计 …（YYYY 年放假安排公布前的估算）」."""
    out = row(label, estimate["date"], "estimate",
              f"预计 {date_text(estimate['date'])}（{pending_year} 年放假安排公布前的估算）")
    if estimate["earliest"] == estimate["latest"]:
        out["detail"] = "各种可能的补假和调休安排下都是这一天"
    else:
        out["detail"] = f"可能在{date_text(estimate['earliest'])}至{date_text(estimate['latest'])}之间"
    return out


def _deadline_row(label: str, official: str | None, estimate: dict | None, pending_year: int) -> Row:
    if official is None and estimate is not None:
        return estimate_row(label, estimate, pending_year)
    return date_row(label, official)


def _transfer_rows(r: dict) -> list[Row]:
    pending = r["calendar_years"][1] + 1
    rows = [date_row("受理日期", r["accepted"])]
    if r["received"]:
        rows.append(date_row("转入地收到信息表的日期", r["received"]))
    rows.append(_deadline_row(f"转出地办结期限（受理后 {TRANSFER_OUT_WORKDAYS} 个工作日）",
                              r["transfer_out_due"], r["transfer_out_estimate"], pending))
    basis = "收到信息表后" if r["received"] else "按最晚情形"
    rows.append(_deadline_row(f"转入地办结期限（{basis} {TRANSFER_IN_WORKDAYS} 个工作日）",
                              r["transfer_in_due"], r["transfer_in_estimate"], pending))
    if r["today"]:
        estimated = r["transfer_in_due"] is None and r["transfer_in_estimate"] is not None
        if r["status"] == WITHIN_LIMIT:
            status = "未超过期限" + ("（按任何可能的放假安排都未超过）" if estimated else "")
        elif r["status"] == OVERDUE and r["overdue_workdays"] is not None:
            status = f"已超过期限 {r['overdue_workdays']} 个工作日"
        elif r["status"] == OVERDUE:
            status = "已超过期限（超期工作日数" + ("待放假安排公布后确定）" if estimated or r["transfer_in_due"] else "无法计算）")
        elif estimated:
            status = "无法判断（今天处在最早与最晚可能期限之间）"
        else:
            status = "无法判断（最后期限无法计算）"
        rows.append(row(f"截至 {date_text(r['today'])}", r["status"] or "", "status", status))
    return rows


KIND_LABELS = {
    WORKDAY: "工作日",
    WEEKEND: "周末休息",
    HOLIDAY: "法定节假日放假",
    MAKEUP: "调休上班",
    BUXIA: "补假（估算）",
}
ESTIMATED_LABEL = "估算：放假安排公布前可能变化"
DEADLINE_LABEL = "办结期限"


def count_calendar(r: dict) -> dict | None:
    """The weeks from acceptance to the last deadline as month-calendar rows for a picture: each
    counted working day numbered (转出地 and 转入地 counts), holidays, 调休 and estimated days
    marked, the deadlines circled. JavaScript draws exactly this; it computes nothing."""
    days = r.get("count_days") or []
    if not days:
        return None
    accepted = datetime.date.fromisoformat(r["accepted"])
    deadlines = {}
    for stage, official, estimate in (("转出地", r["transfer_out_due"], r["transfer_out_estimate"]),
                                      ("转入地", r["transfer_in_due"], r["transfer_in_estimate"])):
        due = official or (estimate and estimate["date"])
        if due:
            deadlines.setdefault(due, []).append(stage)
    cells = {accepted: {"date": r["accepted"], "kind": "accepted", "final": True, "name": None, "out": None, "in": None}}
    last = max(deadlines) if deadlines else days[-1]["date"]
    cells.update({datetime.date.fromisoformat(d["date"]): d for d in days if d["date"] <= last})
    segments: list[list[datetime.date]] = []
    for day in sorted(cells):
        if segments and (day - segments[-1][-1]).days <= 7:
            segments[-1].append(day)
        else:
            segments.append([day])
    out = []
    for segment in segments:
        monday = segment[0] - datetime.timedelta(days=segment[0].weekday())
        weeks = []
        while monday <= segment[-1]:
            week = []
            for offset in range(7):
                day = monday + datetime.timedelta(days=offset)
                cell = cells.get(day)
                week.append(None if cell is None or day < segment[0] or day > segment[-1] else _cell(day, cell, deadlines, day == segment[0]))
            weeks.append(week)
            monday += datetime.timedelta(days=7)
        out.append({"weeks": weeks})
    first, last = min(cells), max(cells)
    caption = (f"从受理日 {date_text(first.isoformat())} 到 {date_text(last.isoformat())} 的工作日计数："
               "格中“出”为转出地的第几个工作日，“入”为转入地的第几个工作日，圆圈为办结期限。")
    kinds = sorted({c["kind"] for c in days}, key=list(KIND_LABELS).index)
    legend = [{"kind": kind, "label": KIND_LABELS[kind]} for kind in kinds]
    if any(not c["final"] for c in days):
        legend.append({"kind": "estimated", "label": ESTIMATED_LABEL})
    legend.append({"kind": "deadline", "label": DEADLINE_LABEL})
    return {"caption": caption, "weekdays": [f"周{d}" for d in WEEKDAYS], "segments": out, "legend": legend}


def _cell(day: datetime.date, cell: dict, deadlines: dict, first_in_segment: bool) -> dict:
    iso = day.isoformat()
    month = f"{day.month}月" if day.day == 1 or first_in_segment else None
    parts = [f"{day.month}月{day.day}日"]
    if cell["kind"] == "accepted":
        parts.append("受理日（不计入）")
    else:
        parts.append(KIND_LABELS[cell["kind"]] + (f"（{cell['name']}）" if cell.get("name") else ""))
    if cell.get("out"):
        parts.append(f"转出地第 {cell['out']} 个工作日")
    if cell.get("in"):
        parts.append(f"转入地第 {cell['in']} 个工作日")
    stages = deadlines.get(iso, [])
    if stages:
        parts.append("、".join(stages) + "办结期限" + ("（估算）" if not cell["final"] else ""))
    if not cell["final"]:
        parts.append("估算")
    return {
        "date": iso, "day": day.day, "month": month, "kind": cell["kind"], "estimated": not cell["final"],
        "out": cell.get("out"), "in": cell.get("in"), "deadline": bool(stages), "label": "，".join(parts),
    }


def _late_fee_rows(r: dict) -> list[Row]:
    percent = (Decimal(r["daily_rate"]) * 100).normalize()
    rows = [
        money_row("欠缴金额", r["owed"]),
        row("逾期天数", str(r["days"]), "text", f"{r['days']} 天"),
        row("滞纳金日费率", r["daily_rate"], "text", f"每日 {percent}%"),
        money_row("滞纳金", r["fee"]),
        money_row("本金与滞纳金合计", r["total"]),
    ]
    if r["exceeds_principal"]:
        rows.append(row("滞纳金是否超过本金", "exceeds_principal", "status", "已超过本金（是否封顶有争议，见下方说明）"))
    return rows


def _employee_gap_rows(r: dict) -> list[Row]:
    outcome = r["outcome"]
    if outcome == "no_gap":
        verdict = "缴费没有中断"
    elif outcome == "retroactive":
        verdict = "可以补缴，中断期间的医疗费用可追溯报销"
    elif outcome == "waiting_period":
        verdict = f"转入地可设置待遇等待期，最长 {r['max_waiting_months']} 个月"
    else:
        verdict = "国家规定没有结论，需查询转入地规定"
    rows = [
        row("中断缴费的月数", str(r["gap_months"]), "text", f"{r['gap_months']} 个月"),
        row("结论", outcome, "status", verdict),
    ]
    if r["benefits_from_latest"]:
        rows.append(
            row("最晚开始享受待遇的月份", r["benefits_from_latest"], "text", month_text(r["benefits_from_latest"]))
        )
    return rows


def _resident_waiting_rows(r: dict) -> list[Row]:
    rows = [
        row("固定等待期", str(r["fixed_months"]), "text", f"{r['fixed_months']} 个月"),
        row("变动等待期", str(r["variable_months"]), "text", f"{r['variable_months']} 个月"),
        row("待遇等待期合计", str(r["total_months"]), "status", f"{r['total_months']} 个月"),
        row(
            "还能缩短等待期的修复年数",
            str(r["useful_repair_years_remaining"]),
            "text",
            f"{r['useful_repair_years_remaining']} 年",
        ),
    ]
    if "repair_cost" in r:
        rows.append(money_row("所填修复年数的费用", r["repair_cost"]))
        rows.append(money_row("最多值得缴纳的修复费用", r["max_useful_repair_cost"]))
    return rows


ROWS = {
    "transfer-deadline": _transfer_rows,
    "late-fee": _late_fee_rows,
    "employee-gap": _employee_gap_rows,
    "resident-waiting": _resident_waiting_rows,
}


def handle(name: str, fields: dict[str, str]) -> dict:
    """Run calculator `name` on form `fields`; the answer as display rows, or the error."""
    argv = to_argv(name, fields)
    if isinstance(argv, dict):
        return argv
    code, result = run(argv)
    if code != 0:
        return result
    answer = {
        "rows": ROWS[name](result),
        "problems": result.get("problems", []),
        "notes": [note["message"] for note in result.get("notes", [])],
        "raw": result,
    }
    if name == "transfer-deadline":
        answer["calendar"] = count_calendar(result)
    return answer


def handle_json(name: str, fields_json: str) -> str:
    """`handle` with JSON in and out: what the Web Worker calls, so no Python object crosses."""
    try:
        fields = json.loads(fields_json)
    except ValueError:
        fields = None
    if not isinstance(fields, dict):
        return json.dumps(_error("invalid_argument", None, "表单内容无法读取。"), ensure_ascii=False)
    return json.dumps(handle(name, fields), ensure_ascii=False)
