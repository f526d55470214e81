"""转移接续的办理期限: calculators.transfer as a command and a form."""

from __future__ import annotations

from calculators.count_picture import count_calendar, count_days
from calculators.fields import DATE, Field
from calculators.present import Row, date_row, date_text, row
from calculators.registry import Calculator
from calculators.rules import TRANSFER_IN_WORKDAYS, TRANSFER_OUT_WORKDAYS
from calculators.transfer import NOT_ACCEPTED, OVERDUE, START_DAY_NOTE, WITHIN_LIMIT, Estimate, TransferDeadline, transfer_deadline


def _iso(value):
    return None if value is None else value.isoformat()


def _estimate(estimate: Estimate | None) -> dict | None:
    if estimate is None:
        return None
    return {"date": estimate.date.isoformat(), "earliest": estimate.earliest.isoformat(), "latest": estimate.latest.isoformat()}


def to_json(r: TransferDeadline, inputs: dict) -> dict:
    calendar = r.calendar
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
        "workdays_left": r.workdays_left,
        "problems": [note.as_dict() for note in r.problems],
        "notes": [note.as_dict() for note in r.notes],
        "calendar_years": [calendar.first_year, calendar.last_official],
        "calendar_estimated_year": calendar.estimated_year,
        "count_days": count_days(r),
    }


def estimate_row(label: str, estimate: Estimate, pending_year: int) -> Row:
    """A date that is an estimate reads as one: 「预计 …（YYYY 年放假安排公布前的估算）」."""
    out = row(label, estimate.date.isoformat(), "estimate",
              f"预计 {date_text(estimate.date)}（{pending_year} 年放假安排公布前的估算）")
    if estimate.earliest == estimate.latest:
        out["detail"] = "各种可能的补假和调休安排下都是这一天"
    else:
        out["detail"] = f"可能在{date_text(estimate.earliest)}至{date_text(estimate.latest)}之间"
    return out


def _deadline_row(label: str, official, estimate: Estimate | None, pending_year: int) -> Row:
    if official is None and estimate is not None:
        return estimate_row(label, estimate, pending_year)
    return date_row(label, official)


def rows(r: TransferDeadline, inputs: dict) -> list[Row]:
    pending = r.calendar.notice_pending
    out = [date_row("受理日期", r.accepted)]
    if r.received:
        out.append(date_row("转入地收到信息表的日期", r.received))
    out.append(_deadline_row(f"转出地办结期限（受理后 {TRANSFER_OUT_WORKDAYS} 个工作日）",
                             r.transfer_out_due, r.transfer_out_estimate, pending))
    basis = "收到信息表后" if r.received else "按最晚情形"
    out.append(_deadline_row(f"转入地办结期限（{basis} {TRANSFER_IN_WORKDAYS} 个工作日）",
                             r.transfer_in_due, r.transfer_in_estimate, pending))
    if r.today:
        out.append(row(f"截至{date_text(r.today)}", r.status or "", "status", status_text(r)))
    return out


def status_text(r: TransferDeadline) -> str:
    """Where the transfer stands on `today`, in words (the plan's rows show it too)."""
    estimated = r.transfer_in_due is None and r.transfer_in_estimate is not None
    if r.status == NOT_ACCEPTED:
        status = "尚未受理（受理日期在今天之后，上面的期限按这个日期算出）"
    elif r.status == WITHIN_LIMIT:
        status = "未超过期限" + ("（按任何可能的放假安排都未超过）" if estimated else "")
        if r.workdays_left is not None:
            status += f"，离转入地期限还有 {r.workdays_left} 个工作日" if r.workdays_left else "，今天是转入地期限的最后一天"
    elif r.status == OVERDUE and r.overdue_workdays is not None:
        status = f"已超过期限 {r.overdue_workdays} 个工作日"
    elif r.status == OVERDUE:
        status = "已超过期限（超期工作日数" + ("待放假安排公布后确定）" if estimated or r.transfer_in_due else "无法计算）")
    elif estimated:
        status = "无法判断（今天处在最早与最晚可能期限之间）"
    else:
        status = "无法判断（最后期限无法计算）"
    return status


ENTRY = Calculator(
    name="transfer-deadline",
    usage="转移接续期限：--accepted 受理日期 [--received 转入地收到信息表日期] [--today 今天]",
    fields=(
        Field("accepted", DATE, "受理日期", required=True, hint="经办机构受理转移申请的日期。"),
        Field("received", DATE, "转入地收到信息表的日期", hint="不知道可不填，按最晚情形（转出地期限最后一天收到）计算。"),
        Field("today", DATE, "今天的日期", hint="默认取本机的日期，可以修改；用来判断是否已超过期限。"),
    ),
    compute=transfer_deadline,
    calendar=True,
    to_json=to_json,
    rows=rows,
    extras=lambda r, inputs: {"calendar": count_calendar(r)},
    title="转移接续的办理期限",
    intro=(f"转出地在受理后 {TRANSFER_OUT_WORKDAYS} 个工作日内办结转出，转入地在收到信息表后 {TRANSFER_IN_WORKDAYS} "
           "个工作日内办结转入。填写受理日期，算出两个期限（按国家法定节假日和调休计算工作日）。"),
    submit="计算期限",
    assumption=START_DAY_NOTE.message,
    sample={"accepted": "2026-02-10"},
    invalid=({"accepted": "2026-02-10", "received": "2026-02-01"}, "received"),
)
