"""Command line: `python -m calculators NAME [options]` prints one JSON object.

Exit code 0 with the answer, or 2 with `{"error": {"code", "field", "message"}}` for invalid input.
`run(argv)` does the work without any I/O and never raises: the vector tests (CPython and Pyodide)
call it directly; `main()` only prints. Every command is a calculator of calculators.registry:
parse (its fields) → compute (its function) → present (its JSON). Dates are ISO strings, months
YYYY-MM, money strings with two decimals.
"""

from __future__ import annotations

import json
import os
import sys

from calculators.argv import parse
from calculators.errors import CalculatorError, internal_error
from calculators.registry import BY_NAME
from calculators.text import shown

EXIT_OK = 0
EXIT_ERROR = 2
HELP = ("--help", "-h", "help")


def _dispatch(argv: list[str], calendar) -> dict:
    if not argv:
        raise CalculatorError("missing_command", "command", f"请指定计算器：{'、'.join(BY_NAME)}。")
    name, args = argv[0], argv[1:]
    if name in HELP:
        return {"commands": {key: calc.usage for key, calc in BY_NAME.items()}}
    if name not in BY_NAME:
        raise CalculatorError("unknown_command", "command", f"没有名为 {shown(name)} 的计算器；可用：{'、'.join(BY_NAME)}。")
    calc = BY_NAME[name]
    if any(arg in HELP for arg in args):
        return {"command": name, "usage": calc.usage,
                "options": [{"option": f"--{f.name}", "label": f.label, "required": f.required, "hint": f.hint}
                            for f in calc.fields]}
    result, inputs = calc.run(parse(args, calc.spec()), calendar)
    return calc.to_json(result, inputs)


def run(argv: list[str], calendar=None) -> tuple[int, dict]:
    """(exit code, JSON-serialisable answer) for one command line; never raises. `calendar`: the
    working-day calendar to count on (a calculators.holiday_calendar.Calendar; the project's data
    when None), for tests that state which years they assume official."""
    try:
        if not isinstance(argv, (list, tuple)) or not all(isinstance(a, str) for a in argv):
            raise CalculatorError("invalid_argument", None, "参数必须是字符串列表。")
        return EXIT_OK, _dispatch(list(argv), calendar)
    except CalculatorError as error:
        return EXIT_ERROR, {"error": error.as_dict()}
    except Exception as error:
        return EXIT_ERROR, internal_error(error)


def main(argv: list[str] | None = None) -> int:
    code, payload = run(sys.argv[1:] if argv is None else argv)
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")
    try:
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        sys.stdout.flush()
    except BrokenPipeError:  # `... | head` closed the pipe: end quietly, as other commands do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return code
