"""规划我的医保转移: calculators.plan as a command and a form (the sixth calculator)."""

from __future__ import annotations

from calculators.fields import CHOICE, DATE, FLAG, INTEGER, MONTH, TEXT, Field
from calculators.places import DEFAULT_PLACES
from calculators.plan import EMPLOYEE, RESIDENT, Plan, plan
from calculators.plan_json import plan_json
from calculators.present import Row, date_row, date_text, month_text, row
from calculators.registry import Calculator
from calculators.registry.transfer_deadline import estimate_row, status_text
from calculators.text import dates_in_words

SCHEME_CHOICES = ((EMPLOYEE, "职工医保"), (RESIDENT, "居民医保"))
ACCOUNT_TEXT = {
    "moves": "随关系转到新参保地",
    "stays_in_province": "留在原地，省内仍可使用（见来源）",
    "no_account": "居民医保没有个人账户",
}


def to_json(r: Plan, inputs: dict) -> dict:
    return plan_json(r, DEFAULT_PLACES)


def rows(r: Plan, inputs: dict) -> list[Row]:
    out = [row("路线", f"{r.origin.code}-{r.destination.code}", "text",
               f"{r.origin.name} → {r.destination.name}" + ("（跨省）" if r.cross_province else "（省内）"))]
    if not r.eligible:
        out.append(row("能否办理转移接续", r.reason or "", "status", "不适用国家的转移接续办法（见下方步骤）"))
    if r.account_balance:
        out.append(row("个人账户余额", r.account_balance, "text", ACCOUNT_TEXT[r.account_balance]))
    if r.resume_by:
        out.append(row("最晚在这个月在新参保地参保缴费", r.resume_by.isoformat()[:7], "status", month_text(r.resume_by)))
    if r.gap_months is not None:
        out.append(row("中断缴费的月数", str(r.gap_months), "text", f"{r.gap_months} 个月"))
    if r.max_waiting_months:
        out.append(row("最长待遇等待期", str(r.max_waiting_months), "text", f"{r.max_waiting_months} 个月"))
    if r.benefits_from_latest:
        out.append(row("最晚开始享受待遇的月份", r.benefits_from_latest.isoformat()[:7], "text",
                       month_text(r.benefits_from_latest)))
    out += _transfer_rows(r.transfer)
    return out


def _transfer_rows(transfer) -> list[Row]:
    """The last deadline (a date, or an estimate with its range) and, with a 「今天」, where the
    transfer stands: 「尚未受理」 for an acceptance planned after today, or the working days left."""
    if transfer is None:
        return []
    out = []
    if transfer.transfer_in_due:
        out.append(date_row("转入地最晚办结", transfer.transfer_in_due))
    elif transfer.transfer_in_estimate:
        out.append(estimate_row("转入地最晚办结", transfer.transfer_in_estimate, transfer.calendar.notice_pending))
    if transfer.today:
        out.append(row(f"截至{date_text(transfer.today)}", transfer.status or "", "status", status_text(transfer)))
    return out


GRADE_TEXT = {
    "P": "法律原文",
    "R": "官方文件的忠实转载",
    "N": "主流媒体报道",
    "NL": "地方媒体报道",
    "L": "地方政府或医保部门页面",
    "S": "二手网站，仅作线索，可信度低",
}
TIMELINE_MAX_MONTHS = 24
# What a step rests on, in a few words next to it; the full list is under the plan.
GRADE_ORDER = ("P", "R", "N", "NL", "L", "S")
BASIS_WORDS = {"P": "法律法规原文", "R": "官方文件的转载", "N": "主流媒体报道", "NL": "地方媒体报道", "S": "二手网站"}
LOCAL_SUFFIX = "的规定"


def _basis_words(source: dict) -> str:
    if source["grade"] == "L":
        title = source["title"]
        place = title[: -len(LOCAL_SUFFIX)] if title.endswith(LOCAL_SUFFIX) else "地方"
        return f"{place}政府或医保部门网站"
    return BASIS_WORDS[source["grade"]]


def step_basis(cited: list[dict]) -> tuple[str, str | None]:
    """(words, best grade) for a step's sources in the order it cites them, each with its grade in
    words: 「依据：中断缴费不超过 3 个月（主流媒体报道）；…（二手网站）」, or
    「依据只找到二手网站」 when every source is one; ("", None) for a step citing nothing."""
    if not cited:
        return "", None
    best = min((source["grade"] for source in cited), key=GRADE_ORDER.index)
    if best == "S":
        return "依据只找到二手网站", best
    return "依据：" + "；".join(f"{source['title']}（{_basis_words(source)}）" for source in cited), best


def _timeline(r: Plan, inputs: dict) -> list[dict]:
    """The months from the last payment to the start of benefits, each with what happens in it."""
    marks: dict[tuple[int, int], list[str]] = {}

    def mark(day, text):
        if day is not None:
            marks.setdefault((day.year, day.month), []).append(text)

    mark(inputs.get("last_paid"), "在原参保地最后缴费")
    mark(r.resume_by, "最晚在新参保地参保缴费（断缴不超过三个月）" if r.resume_by else None)
    mark(inputs.get("resumed"), "在新参保地开始缴费")
    if r.transfer:
        mark(r.transfer.accepted, "转移申请受理")
        out = r.transfer.transfer_out_due or (r.transfer.transfer_out_estimate and r.transfer.transfer_out_estimate.date)
        into = r.transfer.transfer_in_due or (r.transfer.transfer_in_estimate and r.transfer.transfer_in_estimate.date)
        mark(out, "转出地办结期限" + ("（估算）" if not r.transfer.transfer_out_due else ""))
        mark(into, "转入地办结期限" + ("（估算）" if not r.transfer.transfer_in_due else ""))
    mark(r.benefits_from_latest, "最晚开始享受待遇")
    if not marks:
        return []
    first, last = min(marks), max(marks)
    months = []
    year, month = first
    while (year, month) <= last and len(months) < TIMELINE_MAX_MONTHS:
        gap = (inputs.get("last_paid") is not None and inputs.get("resumed") is not None
               and (inputs["last_paid"].year, inputs["last_paid"].month) < (year, month)
               < (inputs["resumed"].year, inputs["resumed"].month))
        months.append({"month": f"{year}-{month:02d}", "label": f"{year}年{month}月",
                       "marks": marks.get((year, month), []) + (["未缴费（中断）"] if gap else []), "gap": gap})
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def extras(r: Plan, inputs: dict) -> dict:
    """The numbered steps (ol[data-steps]), a timeline of the months, and the sources they cite."""
    raw = plan_json(r, DEFAULT_PLACES)
    titles = {source["id"]: source for source in raw["sources"]}
    steps = []
    for step in r.steps:
        cited = [titles[c] for c in step.cites if c in titles]
        basis, grade = step_basis(cited)
        steps.append({"code": step.code, "title": step.title, "due": step.due and step.due.isoformat(),
                      "due_text": step.due and date_text(step.due), "cites": [c["title"] for c in cited],
                      "basis": basis, "grade": grade})
    sources = [{**source, "grade_text": GRADE_TEXT[source["grade"]], "document_text": dates_in_words(source["document"])}
               for source in raw["sources"]]
    return {"steps": steps, "timeline": _timeline(r, inputs), "sources": sources}


ENTRY = Calculator(
    name="plan",
    usage=("转移规划：--from 城市 --to 城市 [--from-scheme employee|resident] [--to-scheme employee|resident] "
           "[--retired] [--last-paid YYYY-MM] [--resumed YYYY-MM] [--accepted 日期] [--received 日期] "
           "[--today 日期] [--continuous-months N] [--lapsed-years N]"),
    fields=(
        Field("from", TEXT, "现在参保的城市", required=True, arg="from_city", placeholder="例如 中山，或 zhongshan、zs",
              suggest="cities"),
        Field("to", TEXT, "要转入的城市", required=True, arg="to_city", placeholder="例如 北京，或 beijing、bj",
              suggest="cities"),
        Field("from-scheme", CHOICE, "转出时的险种", choices=SCHEME_CHOICES, default=EMPLOYEE),
        Field("to-scheme", CHOICE, "转入后的险种", choices=SCHEME_CHOICES, default=EMPLOYEE),
        Field("retired", FLAG, "已经退休", default=False),
        Field("last-paid", MONTH, "在原参保地最后缴费的月份", placeholder="例如 2026-03"),
        Field("resumed", MONTH, "在新参保地开始（或打算开始）缴费的月份", placeholder="例如 2026-05"),
        Field("accepted", DATE, "转移申请的受理日期", hint="还没申请可不填；填将来的日期，按计划日期排出各步的日期。"),
        Field("received", DATE, "转入地收到信息表的日期"),
        Field("today", DATE, "今天的日期", hint="默认取本机的日期，可以修改；用来判断是否已受理、是否超期，居民医保按次年缴费推算从哪天起享受待遇。"),
        Field("continuous-months", INTEGER, "职工、居民医保之间切换前连续参保的月数", hint="只在换险种时需要。"),
        Field("lapsed-years", INTEGER, "居民医保断保的年数", hint="只在转入居民医保时需要。"),
    ),
    compute=plan,
    calendar=True,
    to_json=to_json,
    rows=rows,
    extras=extras,
    title="从哪里转到哪里",
    intro="填写从哪里转到哪里，按顺序列出要办的事、各自的期限，以及断缴会有什么后果；每一步都注明依据。",
    submit="生成规划",
    section="plan",
    shareable=True,
    sample={"from": "中山", "to": "北京", "last-paid": "2026-03", "resumed": "2026-05", "accepted": "2026-03-10"},
    invalid=({"from": "中山", "to": "北京", "last-paid": "2026-05", "resumed": "2026-03"}, "resumed"),
)
