"""The worked transfer-deadline example printed on every city page.

The dates come from the transfer-deadline calculator itself (医保办发〔2021〕43号 time limits on
the official holiday calendar), called with typed dates, so the page can never disagree with the
checker the reader uses.
"""

from __future__ import annotations

import datetime
import importlib
from collections.abc import Callable
from dataclasses import dataclass

from calculators.errors import CalculatorError
from calculators.transfer import TransferDeadline

Compute = Callable[[datetime.date], TransferDeadline]


class ExampleError(RuntimeError):
    """The calculator refused the configured example date."""


@dataclass(frozen=True)
class ExampleDeadline:
    accepted: datetime.date
    transfer_out_due: datetime.date | None
    transfer_in_due: datetime.date | None
    problems: tuple[str, ...]  # Chinese messages for the parts that could not be computed
    notes: tuple[str, ...]  # the calculator's stated assumptions (e.g. the start day)


def example_deadline(accepted: datetime.date, compute: Compute | None = None) -> ExampleDeadline:
    """The deadlines for an acceptance on `accepted`, and what the page prints of them (by the
    calculator as imported now, so the preview's recompiled calendar reaches the example)."""
    compute = compute or importlib.import_module("calculators.transfer").transfer_deadline
    try:
        r = compute(accepted)
    except (CalculatorError, importlib.import_module("calculators.errors").CalculatorError) as error:
        raise ExampleError(
            f"mkdocs.yml extra.yibao.example_accepted: 计算器拒绝示例日期 {accepted.isoformat()}：{error.message}"
        ) from None
    return ExampleDeadline(
        accepted=accepted,
        transfer_out_due=r.transfer_out_due,
        transfer_in_due=r.transfer_in_due,
        problems=tuple(p.message for p in r.problems),
        notes=tuple(n.message for n in r.notes),
    )
