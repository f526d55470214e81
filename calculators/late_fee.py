"""Late fee (滞纳金) on social-insurance arrears: 《社会保险法》第八十六条.

Rule: an employer (用人单位) that does not pay in full and on time owes, from the day the amount
falls overdue, a late fee of `LATE_FEE_DAILY_RATE` (万分之五) of the arrears per day.

Choices and assumptions (stated to the reader through `notes`):
- Days are given directly, or as payment date − due date (no "+1"; one local system adds a day,
  which is not a national rule).
- The fee is owed × rate × days, rounded once to 分 half up (see `calculators.money`).
- Individual payers (灵活就业 etc.): Art. 86 names only employers, so the fee is 0.00 with note
  `no_statutory_fee_for_individuals`; local consequences may apply.
- 《行政强制法》第四十五条 caps 滞纳金 at the principal, but whether that cap binds the Art. 86
  fee is disputed. The fee is never capped silently: the uncapped figure is returned, with
  `exceeds_principal` and a note carrying the capped figure for comparison.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from calculators.errors import CalculatorError
from calculators.money import check_amount, format_money, round_fen
from calculators.notes import Note
from calculators.rules import LATE_FEE_DAILY_RATE
from calculators.inputs import check_day_count

EMPLOYER = "employer"
INDIVIDUAL = "individual"
PAYERS = (EMPLOYER, INDIVIDUAL)

INDIVIDUAL_NOTE = Note(
    "no_statutory_fee_for_individuals",
    "《社会保险法》第八十六条的滞纳金只针对用人单位；个人（如灵活就业人员）自行缴费，"
    "未见全国性的滞纳金规定，因此计为 0.00 元。当地可能另有后果（如暂停待遇、提高自付比例），请查询当地规定。",
)
DAY_COUNT_NOTE = Note(
    "day_count_assumption",
    "逾期天数按实际缴费日期减应缴日期计算（应缴当日不计）；全国统一的计算口径尚未确认，个别地方另加 1 天。",
)


@dataclass(frozen=True)
class LateFee:
    owed: Decimal
    days: int
    fee: Decimal
    total: Decimal
    exceeds_principal: bool
    notes: tuple[Note, ...]


def check_payer(payer: str) -> str:
    if payer not in PAYERS:
        raise CalculatorError("invalid_choice", "payer", f"缴费人只能是 {' 或 '.join(PAYERS)}。")
    return payer


def overdue_days(due: datetime.date, paid: datetime.date, field: str = "paid") -> int:
    """Days from the due date to the payment date (the due date itself not counted)."""
    if paid < due:
        raise CalculatorError("inconsistent_dates", field, "实际缴费日期不能早于应缴日期。")
    return check_day_count((paid - due).days, field)


def cap_note(owed: Decimal, fee: Decimal) -> Note:
    return Note(
        "cap_disputed",
        f"滞纳金 {format_money(fee)} 元已超过欠缴本金 {format_money(owed)} 元。《行政强制法》第四十五条规定"
        "滞纳金不得超出金钱给付义务的数额，但该上限是否适用于社会保险费滞纳金存在争议；"
        f"此处显示未封顶的数额，若适用上限则为 {format_money(owed)} 元。",
    )


def late_fee(
    owed: Decimal,
    days: int | None = None,
    due: datetime.date | None = None,
    paid: datetime.date | None = None,
    payer: str = EMPLOYER,
) -> LateFee:
    """Late fee under 《社会保险法》第八十六条: owed × 万分之五 × days, for employers only."""
    owed = check_amount(owed, "owed")
    check_payer(payer)
    notes: list[Note] = []
    if days is not None:
        if due is not None or paid is not None:
            raise CalculatorError(
                "conflicting_options", "days", "逾期天数与应缴/缴费日期只能二选一。"
            )
        days = check_day_count(days)
    elif due is None and paid is None:
        raise CalculatorError(
            "missing_option", "days", "请填写逾期天数，或同时填写应缴日期和实际缴费日期。"
        )
    elif due is None:
        raise CalculatorError("missing_option", "due", "填写了缴费日期，还须填写应缴日期。")
    elif paid is None:
        raise CalculatorError("missing_option", "paid", "填写了应缴日期，还须填写实际缴费日期。")
    else:
        days = overdue_days(due, paid)
        notes.append(DAY_COUNT_NOTE)

    if payer == INDIVIDUAL:
        fee = round_fen(Decimal(0))
        notes.append(INDIVIDUAL_NOTE)
    else:
        fee = round_fen(owed * LATE_FEE_DAILY_RATE * days)
    exceeds = fee > owed
    if exceeds:
        notes.append(cap_note(owed, fee))
    return LateFee(round_fen(owed), days, fee, round_fen(owed + fee), exceeds, tuple(notes))
