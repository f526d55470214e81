"""The worked transfer-deadline example printed on every city page.

The dates come from the transfer-deadline calculator (医保办发〔2021〕43号 time limits on the
official holiday calendar), called through its command-line contract `calculators.cli.run`, so
the page can never disagree with the checker the reader uses.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

Runner = Callable[[list[str]], tuple[int, dict]]


class ExampleError(RuntimeError):
    """The calculator refused the configured example date."""


@dataclass(frozen=True)
class ExampleDeadline:
    accepted: datetime.date
    transfer_out_due: datetime.date | None
    transfer_in_due: datetime.date | None
    problems: tuple[str, ...]  # Chinese messages for the parts that could not be computed
    notes: tuple[str, ...]  # the calculator's stated assumptions (e.g. the start day)


def _date(value: object) -> datetime.date | None:
    return None if value is None else datetime.date.fromisoformat(str(value))


def example_deadline(accepted: datetime.date, run: Runner | None = None) -> ExampleDeadline:
    """Run `transfer-deadline --accepted <date>` and keep what the page prints."""
    if run is None:
        from calculators.cli import run
    code, out = run(["transfer-deadline", "--accepted", accepted.isoformat()])
    if code != 0:
        error = out.get("error", {})
        raise ExampleError(
            f"mkdocs.yml extra.yibao.example_accepted: 计算器拒绝示例日期 {accepted.isoformat()}："
            f"{error.get('message', out)}"
        )
    return ExampleDeadline(
        accepted=accepted,
        transfer_out_due=_date(out.get("transfer_out_due")),
        transfer_in_due=_date(out.get("transfer_in_due")),
        problems=tuple(p["message"] for p in out.get("problems", [])),
        notes=tuple(n["message"] for n in out.get("notes", [])),
    )
