"""Every calculator, declared once: its name, its typed fields, the pure function, and how its
answer is presented — as JSON on the command line, as rows in the browser.

The command line (calculators.cli), the browser handler (calculators.web), the forms on the pages
and the prefill of city facts are all derived from `CALCULATORS`. Adding a calculator: its module
(the pure function), one file here with its `ENTRY`, one line in `CALCULATORS`, and its vector file
tests/vectors/<name>.json. The order of `CALCULATORS` is the order of the forms on a page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from calculators.fields import Field, read, spec
from calculators.present import Row


@dataclass(frozen=True)
class Calculator:
    name: str  # the subcommand and form[data-calculator]
    usage: str  # one line of `python -m calculators --help`
    fields: tuple[Field, ...]
    compute: Callable[..., Any]  # typed keyword arguments -> result (raises CalculatorError)
    to_json: Callable[[Any, dict], dict]  # (result, typed inputs) -> the command line's JSON (the CLI contract)
    rows: Callable[[Any, dict], list[Row]] | None = None  # (result, typed inputs) -> display rows; None: no form
    title: str = ""  # the form's heading
    intro: str = ""  # the paragraph under the heading
    submit: str = "计算"
    assumption: str | None = None  # 计算方法 paragraph under the fields
    extras: Callable[[Any, dict], dict] | None = None  # more for the browser, e.g. the count picture
    section: str = "calculators"  # the city-page section that shows the form
    shareable: bool = False  # the form's inputs go into the URL fragment (form[data-fragment])

    @property
    def has_form(self) -> bool:
        return self.rows is not None

    def spec(self):
        return spec(self.fields)

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)

    def run(self, given: dict[str, Any]) -> tuple[Any, dict]:
        """Parse {field name: text, True or list} and compute: (the typed result, the typed inputs)."""
        inputs = read(self.fields, given)
        return self.compute(**inputs), inputs


def _entries() -> tuple[Calculator, ...]:
    from calculators.registry import add_workdays, back_payment, employee_gap, late_fee, plan, resident_waiting
    from calculators.registry import transfer_deadline

    return (
        plan.ENTRY,
        transfer_deadline.ENTRY,
        employee_gap.ENTRY,
        resident_waiting.ENTRY,
        late_fee.ENTRY,
        back_payment.ENTRY,
        add_workdays.ENTRY,
    )


CALCULATORS: tuple[Calculator, ...] = _entries()
BY_NAME: dict[str, Calculator] = {c.name: c for c in CALCULATORS}
FORMS: tuple[Calculator, ...] = tuple(c for c in CALCULATORS if c.has_form)


def prefill_keys() -> frozenset[str]:
    """Every form field name, and "place" (the city shown next to prefilled fields)."""
    return frozenset({"place"} | {f.name for c in FORMS for f in c.fields})


def prefill_facts() -> dict[str, str]:
    """{form field name: the city fact kind that prefills it}."""
    return {f.name: f.prefill for c in FORMS for f in c.fields if f.prefill}
