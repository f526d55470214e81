"""居民医保待遇等待期: calculators.resident_waiting as a command and a form."""

from __future__ import annotations

from calculators.fields import AMOUNT, CHOICE, DATE, FLAG, INTEGER, Field
from calculators.lapse_counting import AFTER_FIRST, EVERY, READING_NAMES, UNKNOWN
from calculators.money import format_money
from calculators.present import Row, date_text, money_row, row
from calculators.registry import Calculator
from calculators.resident_waiting import Reading, ResidentWaiting, resident_waiting
from calculators.rules import RESIDENT_FIXED_WAIT_MONTHS, RESIDENT_MONTHS_PER_LAPSED_YEAR

COUNTING_CHOICES = (
    (UNKNOWN, "不清楚当地怎么算（两种算法都列出）"),
    (AFTER_FIRST, READING_NAMES[AFTER_FIRST]),
    (EVERY, READING_NAMES[EVERY]),
)


def _iso(day) -> str | None:
    return None if day is None else day.isoformat()


def _reading(r: Reading) -> dict:
    return {
        "counting": r.counting,
        "fixed_months": r.fixed_months,
        "variable_months": r.variable_months,
        "total_months": r.total_months,
        "max_useful_repair_years": r.max_useful_repair_years,
        "useful_repair_years_remaining": r.useful_repair_years_remaining,
        "benefits_from": _iso(r.benefits_from),
        "sources": [{"id": s.id, "who": s.who, "document": s.document, "url": s.url, "grade": s.grade,
                     "checked_on": s.checked_on, "says": s.says} for s in r.sources],
    }


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
    # Added with the two readings of how lapsed years count: the counting of the figures
    # above (null: unknown, and they are the longer reading), the date benefits start, each reading.
    out["counting"] = r.counting
    out["year"] = r.year
    out["benefits_from"] = _iso(r.benefits_from)
    out["readings"] = [_reading(reading) for reading in r.readings]
    return out


def _reading_text(reading: Reading) -> str:
    text = f"{reading.total_months} 个月（固定 {reading.fixed_months} 个月，变动 {reading.variable_months} 个月）"
    if reading.benefits_from is not None:
        text += f"，{date_text(reading.benefits_from)}起享受待遇"
    return text


def rows(r: ResidentWaiting, inputs: dict) -> list[Row]:
    first = r.readings[0]
    differ = len(r.readings) > 1 and len({x.total_months for x in r.readings}) > 1
    if differ:
        out = [row(f"待遇等待期（{'、'.join(s.who for s in x.sources)}的算法：{READING_NAMES[x.counting]}）",
                   str(x.total_months), "status" if x is first else "text", _reading_text(x)) for x in r.readings]
        repair = "；".join(f"{READING_NAMES[x.counting]}：{x.useful_repair_years_remaining} 年" for x in r.readings)
        out.append(row("还能缩短等待期的修复年数", str(r.useful_repair_years_remaining), "text", repair))
    else:
        out = [
            row("固定等待期", str(r.fixed_months), "text", f"{r.fixed_months} 个月"),
            row("变动等待期", str(r.variable_months), "text", f"{r.variable_months} 个月"),
            row("待遇等待期合计", str(r.total_months), "status", f"{r.total_months} 个月"),
            row("还能缩短等待期的修复年数", str(r.useful_repair_years_remaining), "text",
                f"{r.useful_repair_years_remaining} 年"),
        ]
        if r.benefits_from is not None:
            out.append(row("开始享受待遇", r.benefits_from.isoformat(), "date", date_text(r.benefits_from)))
    if r.repair_cost is not None:
        out.append(money_row("所填修复年数的费用", r.repair_cost))
        out.append(money_row("最多值得缴纳的修复费用", r.max_useful_repair_cost))
    return out


ENTRY = Calculator(
    name="resident-waiting",
    usage=("居民医保等待期：--lapsed-years N [--repaired-years M] [--late] [--exempt] [--local-rate 金额] "
           "[--counting unknown|after_first|every] [--fixed-months N] [--months-per-year N] [--year 年度] [--paid 日期]"),
    fields=(
        Field("lapsed-years", INTEGER, "断保年数", required=True, placeholder="例如 2", hint="连续参保的填 0。"),
        Field("repaired-years", INTEGER, "打算缴费修复的年数", placeholder="例如 1", default=0),
        Field("late", FLAG, "连续参保，但在集中参保期之后才缴费", default=False),
        Field("exempt", FLAG, "属于新生儿等不设等待期的特殊群体", default=False),
        Field("local-rate", AMOUNT, "当地居民医保个人缴费标准（元/年）", hint="填写后可算出修复费用。"),
        Field("counting", CHOICE, "断保年数的算法", choices=COUNTING_CHOICES, default=UNKNOWN,
              hint="国家文件只说“每多断保1年”，各地算法不同。", prefill="lapse_counting", group="当地规定"),
        Field("fixed-months", INTEGER, "当地的固定等待期（月）", group="当地规定",
              hint=f"不知道可不填，按国家规定 {RESIDENT_FIXED_WAIT_MONTHS} 个月计算。", prefill="resident_fixed_wait_months"),
        Field("months-per-year", INTEGER, "当地每断保一年增加的变动等待期（月）", group="当地规定",
              hint=f"不知道可不填，按国家规定 {RESIDENT_MONTHS_PER_LAPSED_YEAR} 个月计算。",
              prefill="resident_months_per_lapsed_year"),
        Field("year", INTEGER, "缴的是哪个年度的保费", placeholder="例如 2027", group="开始享受待遇的日期",
              hint="填写后可算出从哪天起享受待遇。"),
        Field("paid", DATE, "缴费日期", group="开始享受待遇的日期", hint="在集中缴费期内、年度开始前缴费的可不填。"),
    ),
    compute=resident_waiting,
    to_json=to_json,
    rows=rows,
    title="居民医保待遇等待期",
    intro=(f"国办发〔2024〕38号：自 2025 年起，未在集中参保期参保或未连续参保的，设置固定等待期 "
           f"{RESIDENT_FIXED_WAIT_MONTHS} 个月，每多断保 1 年原则上增加变动等待期，缴费修复可以缩短变动等待期。"
           "第 1 年断保算不算“多断保”，各地说法不同，不清楚时两种算法都列出。"),
    submit="计算等待期",
    sample={"lapsed-years": "5"},
    invalid=({"lapsed-years": "2", "repaired-years": "3"}, "repaired-years"),
)
