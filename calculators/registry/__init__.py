"""Every calculator, declared once: its name, its typed fields, the pure function, and how its
answer is presented — as JSON on the command line, as rows in the browser.

The command line (calculators.cli), the browser handler (calculators.web), the forms on the pages
and the prefill of city facts are all derived from `NAMES` and the entries. Adding a calculator: its
module (the pure function), one file here named after it (`late-fee` → late_fee.py) with its
`ENTRY`, its name in `NAMES`, and its vector file tests/vectors/<name>.json. The order of `NAMES` is
the order of the forms on a page.

`entry(name)` imports one calculator's module only: the browser's first answer waits for the imports
(a Python start-up in Pyodide on a phone), so a form does not pay for the other calculators.
`CALCULATORS`, `BY_NAME` and `FORMS` import them all, on first use.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from calculators.fields import ENTRIES, FLAG, Field, read, spec
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
    calendar: bool = False  # `compute` counts working days and takes `calendar=` (a holiday_calendar.Calendar)
    # A valid input as a form sends it (a worked example), and an input with one field error with the
    # field it names: the one declaration the browser tests, the deploy checks, the memory snapshot
    # maker and the benchmarks all use.
    sample: dict[str, str] = field(default_factory=dict)
    invalid: tuple[dict[str, str], str] | None = None

    @property
    def has_form(self) -> bool:
        return self.rows is not None

    def spec(self):
        return spec(self.fields)

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)

    def argv(self, fields: dict[str, str]) -> list[str]:
        """The command line asking what the form `fields` ask (`python -m calculators …`)."""
        out = [self.name]
        for item in self.fields:
            value = fields.get(item.name, "")
            if item.kind == FLAG:
                out += [f"--{item.name}"] if value == "on" else []
            elif item.kind == ENTRIES:
                for line in value.splitlines():
                    out += [f"--{item.name}", ":".join(line.replace(":", " ").split())]
            elif value:
                out += [f"--{item.name}", value]
        return out

    def run(self, given: dict[str, Any], calendar=None) -> tuple[Any, dict]:
        """Parse {field name: text, True or list} and compute: (the typed result, the typed inputs).
        `calendar`: the working-day calendar to count on (the project's data when None)."""
        inputs = read(self.fields, given)
        if calendar is not None and self.calendar:
            return self.compute(**inputs, calendar=calendar), inputs
        return self.compute(**inputs), inputs


NAMES: tuple[str, ...] = (
    "plan",
    "transfer-deadline",
    "employee-gap",
    "resident-waiting",
    "late-fee",
    "back-payment",
    "add-workdays",
)


def entry(name: str) -> Calculator | None:
    """The calculator called `name` (None for no such name), importing its module alone."""
    if name not in NAMES:
        return None
    calc = importlib.import_module(f"{__name__}.{name.replace('-', '_')}").ENTRY
    if calc.name != name:
        raise LookupError(f"{__name__}.{name.replace('-', '_')} declares {calc.name!r}, listed as {name!r}")
    return calc


def __getattr__(attr: str):
    """CALCULATORS (in NAMES' order), BY_NAME and FORMS (those with a form): every entry, imported once."""
    if attr not in ("CALCULATORS", "BY_NAME", "FORMS"):
        raise AttributeError(f"module {__name__!r} has no attribute {attr!r}")
    if attr in globals():  # a call from this module (a global name does not reach __getattr__)
        return globals()[attr]
    calculators = tuple(entry(name) for name in NAMES)
    globals().update(
        CALCULATORS=calculators,
        BY_NAME={c.name: c for c in calculators},
        FORMS=tuple(c for c in calculators if c.has_form),
    )
    return globals()[attr]


def prefill_keys() -> frozenset[str]:
    """Every form field name, and "place" (the city shown next to prefilled fields)."""
    return frozenset({"place"} | {f.name for c in __getattr__("FORMS") for f in c.fields})


def prefill_facts() -> dict[str, str]:
    """{form field name: the city fact kind that prefills it}."""
    return {f.name: f.prefill for c in __getattr__("FORMS") for f in c.fields if f.prefill}
