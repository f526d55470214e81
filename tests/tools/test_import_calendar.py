"""tools/import_calendar.py: the committed years are what the tool writes, so where each day came
from (the package, a notice's own text, a correction, the law) stays reproducible."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

import yaml

from calculators.calendar_data import YEARS
from sitegen.data.load import load_calendar

REPO = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("import_calendar", REPO / "tools" / "import_calendar.py")
import_calendar = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(import_calendar)

CALENDAR = REPO / "data" / "calendar"
STATUTORY = sorted(year for year, record in load_calendar()[0].items() if record.status == "statutory")


@pytest.mark.parametrize("year", range(2004, 2027))
def test_an_imported_year_is_what_the_tool_writes(year):
    assert (CALENDAR / f"{year}.yaml").read_text(encoding="utf-8") == import_calendar.from_package(year)


def test_a_statutory_year_is_what_the_tool_writes():
    """Each statutory file of data/calendar/ (there may be none once a notice is out) is the tool's
    text, and the tool's days for the year the calendar estimates are the compile step's."""
    for year in STATUTORY:
        assert (CALENDAR / f"{year}.yaml").read_text(encoding="utf-8") == import_calendar.statutory(year), year
    estimated = max(y for y, e in YEARS.items() if e[0] == "official") + 1
    written = yaml.safe_load(import_calendar.statutory(estimated))
    assert [(h["name"], h["from"].isoformat(), h["to"].isoformat()) for h in written["holidays"]] == \
        list(YEARS[estimated][2])


def test_existing_files_are_kept_without_force(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(import_calendar, "OUT", tmp_path)
    monkeypatch.setattr(import_calendar, "ROOT", tmp_path.parent)
    (tmp_path / "2028.yaml").write_text("hand-edited\n", encoding="utf-8")
    import_calendar.main(["--statutory", "2028"])
    assert (tmp_path / "2028.yaml").read_text(encoding="utf-8") == "hand-edited\n"
    assert "未改动" in capsys.readouterr().out
    import_calendar.main(["--statutory", "2028", "--force"])
    assert "status: statutory" in (tmp_path / "2028.yaml").read_text(encoding="utf-8")
