"""The calculators as the browser forms see them: form fields in, display rows out. Pure, no I/O.

The page's JavaScript (web/calc.js) sends the form's fields, named exactly like the command-line
options (`accepted`, `last-paid`, ...), and renders what comes back; it never computes or words
anything itself. Each calculator of calculators.registry reads the fields with the same typed
parsers as the command line, computes, and presents its result as rows (calculators.present).

`handle(name, fields)` returns either `{"error": {"code", "field", "message"}}` (the field names
the input to mark) or `{"rows": [...], "problems": [...], "notes": [...], "raw": answer}`, where
`raw` is exactly the command line's JSON, plus the calculator's extras (the transfer deadline's
count `calendar`, the back payment's per-month `table`).
"""

from __future__ import annotations

import json

from calculators.errors import CalculatorError, internal_error
from calculators.registry import entry


def __getattr__(attr: str):
    """FORM_CALCULATORS: the names of the calculators with a form (imports every calculator)."""
    if attr == "FORM_CALCULATORS":
        from calculators.registry import FORMS

        return tuple(calc.name for calc in FORMS)
    raise AttributeError(f"module {__name__!r} has no attribute {attr!r}")


def _error(code: str, field: str | None, message: str) -> dict:
    return {"error": {"code": code, "field": field, "message": message}}


def handle(name: str, fields: dict[str, str], calendar=None) -> dict:
    """Run calculator `name` on form `fields`; the answer as display rows, or the error. `calendar`:
    the working-day calendar (the project's data when None; tests name theirs)."""
    calc = entry(name)  # this calculator's module only: nothing else is imported on the way
    if calc is None or not calc.has_form:
        return _error("unknown_command", None, f"没有名为“{name}”的网页计算器。")
    known = {field.name for field in calc.fields}
    for key, value in fields.items():
        if not isinstance(key, str) or not isinstance(value, str):
            return _error("invalid_argument", None, "表单内容必须是文字。")
        if key not in known:
            return _error("unknown_field", key, f"表单里有计算器不认识的输入项“{key}”。")
    try:
        result, inputs = calc.run(fields, calendar)
        raw = calc.to_json(result, inputs)
        answer = {
            "rows": calc.rows(result, inputs),
            "problems": raw.get("problems", []),
            "notes": [note["message"] for note in raw.get("notes", [])],
            "raw": raw,
        }
        if calc.extras is not None:
            answer.update(calc.extras(result, inputs))
        return answer
    except CalculatorError as error:
        return {"error": error.as_dict()}
    except Exception as error:
        return internal_error(error)


def handle_json(name: str, fields_json: str) -> str:
    """`handle` with JSON in and out: what the Web Worker calls, so no Python object crosses."""
    try:
        fields = json.loads(fields_json)
    except ValueError:
        fields = None
    if not isinstance(fields, dict):
        return json.dumps(_error("invalid_argument", None, "表单内容无法读取。"), ensure_ascii=False)
    return json.dumps(handle(name, fields), ensure_ascii=False)
