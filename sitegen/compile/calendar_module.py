"""Compile data/calendar/*.yaml into calculators/calendar_data.py, the calendar the calculators read.

The calculators run in the browser too, where there is no YAML and no data/ folder, so the
validated years are written out as a small Python module (a literal per year). The module records
a digest of the YAML files it came from; `refresh_if_stale` compares that digest with the files
and recompiles when they differ. It runs at every edge that starts the calculators from the
repository — `python -m calculators`, the test session, the Pyodide wheel build (hence the preview,
which rebuilds the wheels) — so editing a year's file is the only step an editor takes.
A file with problems is not compiled: the last good module stays and the problems are returned.

The calendar always offers one estimated year: when the year after the last official one has no
file, its days are the law's (sitegen.data.statutory), computed here. So publishing a year's notice is
a one-file edit, and the year after it becomes estimable at once.
"""

from __future__ import annotations

from pathlib import Path

from sitegen.compile.compiled import compiled_digest, digest_of, write_if_changed
from sitegen.data.load import DEFAULT_ROOT, load_calendar
from sitegen.data.model import CalendarYear
from sitegen.data.problems import Problem
from sitegen.data.statutory import REST_WINDOW, WORK_WINDOW, law_ranges

CALENDAR_PATH = Path(__file__).resolve().parents[2] / "calculators" / "calendar_data.py"

HEADER = '''"""The working-day calendar, one entry per year of data/calendar/.

GENERATED from data/calendar/*.yaml by sitegen.compile.calendar_module; do not edit by hand. It is
recompiled automatically when the YAML files change (see that module); a drift test checks it.
YEARS[year] = (status, notice title or None, holidays as (name, first day, last day), 调休 working days).
A statutory year with no file of its own (the year after the last official one) holds the days
《全国年节及纪念日放假办法》 fixes, computed by sitegen.data.statutory.
REST_WINDOW and WORK_WINDOW: (days before, days after) a day the law fixes within which a notice has
placed rest days and 调休 working days (declared in sitegen/data/statutory.py).
"""
'''


def source_digest(root: Path = DEFAULT_ROOT) -> str:
    return digest_of(root, sorted((root / "calendar").glob("*.yaml")))


Entry = tuple[str, str | None, tuple[tuple[str, str, str], ...], tuple[str, ...]]


def _entry(record: CalendarYear) -> Entry:
    title = record.notice.title if record.notice is not None else None
    holidays = tuple((item.name, item.from_.isoformat(), item.to.isoformat()) for item in record.holidays)
    return record.status, title, holidays, tuple(day.isoformat() for day in record.workdays)


def calendar_years(calendar: dict[int, CalendarYear]) -> dict[int, Entry]:
    """YEARS as the calculators read it (calculators.holiday_calendar.Calendar): each year's file,
    and, when the year after the last official one has none, that year's days under the law."""
    years = {year: _entry(record) for year, record in sorted(calendar.items())}
    official = [year for year, record in calendar.items() if record.status == "official"]
    if official and max(official) + 1 not in years:
        pending = max(official) + 1
        years[pending] = ("statutory", None,
                          tuple((name, first.isoformat(), last.isoformat()) for name, first, last in law_ranges(pending)), ())
    return years


def _year_literal(year: int, entry: Entry) -> str:
    status, title, holidays, workdays = entry
    ranges = "".join(f"\n            ({name!r}, {first!r}, {last!r})," for name, first, last in holidays)
    days = "".join(f"{day!r}," for day in workdays)
    return (f"    {year}: (\n        {status!r},\n        {title!r},\n"
            f"        ({ranges}\n        ),\n        ({days.rstrip()}),\n    ),")


def render_calendar_module(calendar: dict[int, CalendarYear], digest: str) -> str:
    lines = [HEADER, f'SOURCE_DIGEST = "{digest}"', "", f"REST_WINDOW = {REST_WINDOW!r}",
             f"WORK_WINDOW = {WORK_WINDOW!r}", "", "YEARS = {"]
    lines += [_year_literal(year, entry) for year, entry in calendar_years(calendar).items()]
    lines.append("}")
    return "\n".join(lines) + "\n"


def refresh(root: Path = DEFAULT_ROOT, target: Path = CALENDAR_PATH) -> tuple[bool, list[Problem]]:
    """Compile the calendar into `target`: (whether the file changed, the problems that stopped it)."""
    calendar, problems, _ = load_calendar(root)
    if problems:
        return False, problems
    return write_if_changed(target, render_calendar_module(calendar, source_digest(root))), []


def refresh_if_stale(root: Path = DEFAULT_ROOT, target: Path = CALENDAR_PATH) -> tuple[bool, list[Problem]]:
    """`refresh` when the YAML files differ from what `target` was compiled from (cheap otherwise)."""
    if not (root / "calendar").is_dir() or compiled_digest(target) == source_digest(root):
        return False, []
    return refresh(root, target)
