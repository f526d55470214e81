"""The weeks of a transfer-deadline count as month-calendar rows, for the picture under the answer.

Each counted working day is numbered (the 转出地's and the 转入地's counts), holidays, 调休 and
estimated days are marked, the deadlines circled. The browser draws exactly this (web/calc.js,
countCalendar); it computes nothing. Each cell carries a full sentence for screen readers.
"""

from __future__ import annotations

import datetime

from calculators.holiday_calendar import BUXIA, HOLIDAY, MAKEUP, WEEKEND, WORKDAY, Day
from calculators.present import WEEKDAYS, date_text
from calculators.rules import TRANSFER_IN_WORKDAYS, TRANSFER_OUT_WORKDAYS
from calculators.transfer import TransferDeadline

KIND_LABELS = {
    WORKDAY: "工作日",
    WEEKEND: "周末休息",
    HOLIDAY: "法定节假日放假",
    MAKEUP: "调休上班",
    BUXIA: "补假（估算）",
}
ESTIMATED_LABEL = "估算：放假安排公布前可能变化"
DEADLINE_LABEL = "办结期限"
ACCEPTED = "accepted"
ONE_WEEK = 7


def count_days(r: TransferDeadline) -> list[dict]:
    """The days of the count (JSON values): each day once, with its place in each count."""
    days: dict[datetime.date, dict] = {}
    counts: tuple[tuple[str, tuple[Day, ...], int], ...] = (
        ("out", r.out_days, TRANSFER_OUT_WORKDAYS), ("in", r.in_days, TRANSFER_IN_WORKDAYS))
    for stage, counted, need in counts:
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


def _deadlines(r: TransferDeadline) -> dict[datetime.date, list[str]]:
    found: dict[datetime.date, list[str]] = {}
    for stage, official, estimate in (("转出地", r.transfer_out_due, r.transfer_out_estimate),
                                      ("转入地", r.transfer_in_due, r.transfer_in_estimate)):
        due = official or (estimate.date if estimate else None)
        if due:
            found.setdefault(due, []).append(stage)
    return found


def count_calendar(r: TransferDeadline) -> dict | None:
    """{caption, weekdays, segments: [{weeks: [[cell or None] * 7]}], legend}, or None."""
    days = count_days(r)
    if not days:
        return None
    deadlines = _deadlines(r)
    last = max(deadlines) if deadlines else datetime.date.fromisoformat(days[-1]["date"])
    cells = {r.accepted: {"date": r.accepted.isoformat(), "kind": ACCEPTED, "final": True, "name": None,
                          "out": None, "in": None}}
    cells.update({datetime.date.fromisoformat(d["date"]): d for d in days if d["date"] <= last.isoformat()})
    segments: list[list[datetime.date]] = []
    for day in sorted(cells):
        if segments and (day - segments[-1][-1]).days <= ONE_WEEK:
            segments[-1].append(day)
        else:
            segments.append([day])
    drawn = [{"weeks": _weeks(segment, cells, deadlines)} for segment in segments]
    first, final = min(cells), max(cells)
    caption = (f"从受理日 {date_text(first)} 到 {date_text(final)} 的工作日计数："
               "格中“出”为转出地的第几个工作日，“入”为转入地的第几个工作日，圆圈为办结期限。")
    kinds = sorted({c["kind"] for c in days}, key=list(KIND_LABELS).index)
    legend = [{"kind": kind, "label": KIND_LABELS[kind]} for kind in kinds]
    if any(not c["final"] for c in days):
        legend.append({"kind": "estimated", "label": ESTIMATED_LABEL})
    legend.append({"kind": "deadline", "label": DEADLINE_LABEL})
    return {"caption": caption, "weekdays": [f"周{d}" for d in WEEKDAYS], "segments": drawn, "legend": legend}


def _weeks(segment: list[datetime.date], cells: dict, deadlines: dict) -> list[list[dict | None]]:
    monday = segment[0] - datetime.timedelta(days=segment[0].weekday())
    weeks = []
    while monday <= segment[-1]:
        week = []
        for offset in range(ONE_WEEK):
            day = monday + datetime.timedelta(days=offset)
            inside = segment[0] <= day <= segment[-1] and day in cells
            week.append(_cell(day, cells[day], deadlines.get(day, []), day == segment[0]) if inside else None)
        weeks.append(week)
        monday += datetime.timedelta(days=ONE_WEEK)
    return weeks


def _cell(day: datetime.date, cell: dict, stages: list[str], first_in_segment: bool) -> dict:
    parts = [f"{day.month}月{day.day}日"]
    if cell["kind"] == ACCEPTED:
        parts.append("受理日（不计入）")
    else:
        parts.append(KIND_LABELS[cell["kind"]] + (f"（{cell['name']}）" if cell.get("name") else ""))
    if cell.get("out"):
        parts.append(f"转出地第 {cell['out']} 个工作日")
    if cell.get("in"):
        parts.append(f"转入地第 {cell['in']} 个工作日")
    if stages:
        parts.append("、".join(stages) + "办结期限" + ("（估算）" if not cell["final"] else ""))
    if not cell["final"]:
        parts.append("估算")
    return {
        "date": day.isoformat(), "day": day.day, "month": f"{day.month}月" if day.day == 1 or first_in_segment else None,
        "kind": cell["kind"], "estimated": not cell["final"], "out": cell.get("out"), "in": cell.get("in"),
        "deadline": bool(stages), "label": "，".join(parts),
    }
