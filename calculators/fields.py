"""The typed input fields of a calculator, declared once and read the same way from a command line
and from a browser form.

A field's `name` is both the command-line option (`--last-paid`) and the form input's name
(`last-paid`); `arg` is the keyword the calculator function takes (`last_paid`). `read` turns the
text the reader typed into a `datetime.date`, an int, a `Decimal`, a choice, a bool or a list, with
the field-named Chinese errors of calculators.inputs; an empty optional field is its `default`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from calculators.errors import CalculatorError
from calculators.inputs import parse_choice, parse_date, parse_int, parse_month
from calculators.money import parse_amount

if TYPE_CHECKING:
    from calculators.argv import Spec

DATE, MONTH, INTEGER, AMOUNT, CHOICE, FLAG, ENTRIES, TEXT = (
    "date", "month", "integer", "amount", "choice", "flag", "entries", "text")
KINDS = (DATE, MONTH, INTEGER, AMOUNT, CHOICE, FLAG, ENTRIES, TEXT)
# What a ticked checkbox sends (browsers send "on"; a prefill may say "true" or "1").
CHECKED = ("on", "true", "1", "yes")


@dataclass(frozen=True)
class Field:
    name: str
    kind: str
    label: str
    required: bool = False
    hint: str = ""
    placeholder: str = ""
    choices: tuple[tuple[str, str], ...] = ()  # (value, label) for CHOICE
    default: Any = None
    group: str | None = None  # fields with the same group share a <fieldset> with this legend
    prefill: str | None = None  # the city fact kind whose value fills this field on a city page
    entry: Callable[[str], Any] | None = None  # parses one item of an ENTRIES field
    arg: str | None = None  # the calculator's keyword, when not the name with "_" for "-"
    suggest: str | None = None  # the page's <datalist> of suggestions for a TEXT field (e.g. "cities")

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"field {self.name}: kind must be one of {KINDS}, got {self.kind!r}")
        if (self.kind == CHOICE) != bool(self.choices) or (self.kind == ENTRIES) != (self.entry is not None):
            raise ValueError(f"field {self.name}: choices belong to CHOICE fields, entry to ENTRIES fields")

    @property
    def keyword(self) -> str:
        return self.arg or self.name.replace("-", "_")

    def parse(self, value: str | bool | list[str]) -> Any:
        """One field's typed value from what the command line or the form gave."""
        if self.kind == FLAG:
            return value is True or (isinstance(value, str) and value.strip().lower() in CHECKED)
        if self.kind == ENTRIES:
            items = value if isinstance(value, list) else [line for line in str(value).splitlines()]
            return [self.entry(item.strip()) for item in items if item.strip()]
        text = str(value)
        if self.kind == TEXT:
            return text.strip()
        if self.kind == DATE:
            return parse_date(text, self.name)
        if self.kind == MONTH:
            return parse_month(text, self.name)
        if self.kind == INTEGER:
            return parse_int(text, self.name)
        if self.kind == AMOUNT:
            return parse_amount(text, self.name)
        return parse_choice(text, self.name, tuple(v for v, _ in self.choices))


def spec(fields: tuple[Field, ...]) -> Spec:
    """The command-line options of these fields (calculators.argv, imported here: the browser
    never parses a command line)."""
    from calculators.argv import Spec

    return Spec(
        values=tuple(f.name for f in fields if f.kind not in (FLAG, ENTRIES)),
        # A list's emptiness is the calculator's to word (e.g. 「请至少填写一个欠缴月份」).
        required=tuple(f.name for f in fields if f.required and f.kind != ENTRIES),
        multi=tuple(f.name for f in fields if f.kind == ENTRIES),
        flags=tuple(f.name for f in fields if f.kind == FLAG),
    )


def read(fields: tuple[Field, ...], given: dict[str, Any]) -> dict[str, Any]:
    """Typed keyword arguments for the calculator from {field name: text, True or list}.

    Empty text counts as not given; a required field not given is an error naming it."""
    values = {}
    for field in fields:
        raw = given.get(field.name)
        empty = raw is None or raw is False or raw == [] or (isinstance(raw, str) and not raw.strip())
        if empty and field.kind == ENTRIES:
            values[field.keyword] = []
            continue
        if empty and field.kind != FLAG:
            if field.required:
                raise CalculatorError("missing_option", field.name, f"请填写“{field.label}”。")
            values[field.keyword] = field.default
            continue
        values[field.keyword] = field.parse(raw if raw is not None else False)
    return values
