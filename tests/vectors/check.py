"""Checker of the calculators' test vectors, shared by CPython (pytest) and Pyodide (Node).

Uses only `calculators.cli.run` and the standard library, so the very same file runs inside
Pyodide (tests/pyodide/run_vectors.mjs) with the same JSON files.

Each JSON file is `{"calculator", "about", "rows": [...]}`; a row is
`{"name", "source", "args": [subcommand, ...], "expect": {...}}` or, for invalid input,
`{..., "expect_error": {"code", "field"}}`. A row whose answer depends on which holiday years are
official names the calendar it assumes, `"calendar": NAME` (tests/calendar_fixture.py), and is
checked on that calendar; a row without one runs on the project's data.

`expect` is matched as a subset: every key given must be in the output with an equal value.
Objects nest the same way; lists must have the same length and match item by item; other values
must be equal and of the same JSON type (so `true` never matches `1`).
"""

import json
import os

from calculators.cli import run
from calculators.holiday_calendar import Calendar

REQUIRED = ("name", "source", "args")


def load_vectors(directory):
    """[(file name, row)] for every row of every *.json file in `directory`, in file order."""
    out = []
    for name in sorted(os.listdir(directory)):
        if not name.endswith(".json"):
            continue
        with open(os.path.join(directory, name), encoding="utf-8") as handle:
            data = json.load(handle)
        rows = data["rows"] if isinstance(data, dict) else data
        for row in rows:
            out.append((name, row))
    return out


def _kind(value):
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    return type(value).__name__


def mismatch(expected, actual, path="$"):
    """None when `actual` matches `expected` (subset rules above), else where and how it differs."""
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return f"{path}: expected an object, got {json.dumps(actual, ensure_ascii=False)}"
        for key, value in expected.items():
            if key not in actual:
                return f"{path}.{key}: missing from the output"
            found = mismatch(value, actual[key], f"{path}.{key}")
            if found:
                return found
        return None
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            return f"{path}: expected {len(expected)} items, got {json.dumps(actual, ensure_ascii=False)}"
        for i, (want, got) in enumerate(zip(expected, actual)):
            found = mismatch(want, got, f"{path}[{i}]")
            if found:
                return found
        return None
    if _kind(expected) != _kind(actual) or expected != actual:
        return f"{path}: expected {json.dumps(expected, ensure_ascii=False)}, got {json.dumps(actual, ensure_ascii=False)}"
    return None


def _has_chinese(text):
    return isinstance(text, str) and any("\u4e00" <= ch <= "\u9fff" for ch in text)


def calendars_from_json(data):
    """{name: Calendar} from {name: {year as text: YEARS entry}} (tests/calendar_fixture.calendars_json)."""
    return {name: Calendar({int(year): entry for year, entry in years.items()}) for name, years in data.items()}


def check_row(row, calendars=None):
    """None if the row passes, else a description of the first mismatch. `calendars`: {name:
    Calendar} for the rows that name one."""
    missing = [key for key in REQUIRED if key not in row]
    if missing or ("expect" in row) == ("expect_error" in row):
        return f"malformed row: needs {', '.join(REQUIRED)} and exactly one of expect/expect_error"
    calendar = None
    if "calendar" in row:
        calendar = (calendars or {}).get(row["calendar"])
        if calendar is None:
            return f"the row names calendar {row['calendar']!r}, which the run was not given"
    code, output = run(list(row["args"]), calendar)
    try:
        output = json.loads(json.dumps(output, ensure_ascii=False))  # must be JSON as printed
    except (TypeError, ValueError) as error:
        return f"output is not JSON-serialisable: {error}"
    if "expect_error" in row:
        if code != 2 or "error" not in output:
            return f"expected an error (exit 2), got exit {code}: {json.dumps(output, ensure_ascii=False)}"
        if not _has_chinese(output["error"].get("message")):
            return f"error message is not Chinese: {output['error'].get('message')!r}"
        return mismatch(row["expect_error"], output["error"], "$.error")
    if code != 0:
        return f"expected exit 0, got {code}: {json.dumps(output, ensure_ascii=False)}"
    for key in ("problems", "notes"):
        for item in output.get(key, []):
            if not _has_chinese(item.get("message")):
                return f"{key} message is not Chinese: {item!r}"
    return mismatch(row["expect"], output)
