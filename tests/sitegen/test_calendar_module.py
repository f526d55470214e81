"""sitegen.compile.calendar_module: calculators/calendar_data.py is exactly what data/calendar/ compiles
to (drift), and an edit is compiled when stale, a bad file never."""

from __future__ import annotations

import shutil
from pathlib import Path

from calendar_fixture import OFFICIAL_2027

from sitegen.compile.calendar_module import (
    CALENDAR_PATH,
    compiled_digest,
    refresh,
    refresh_if_stale,
    render_calendar_module,
    source_digest,
)
from sitegen.data.load import DEFAULT_ROOT, load_calendar


def test_the_compiled_calendar_matches_the_data():
    calendar, problems, _ = load_calendar()
    assert problems == []
    assert CALENDAR_PATH.read_text(encoding="utf-8") == render_calendar_module(calendar, source_digest())
    assert compiled_digest(CALENDAR_PATH) == source_digest()


def _copy(tmp_path: Path) -> tuple[Path, Path]:
    """The calendar as it stood before the 2027 notice (the years up to 2026; 2027 from the law),
    compiled, whatever data/calendar/ holds now."""
    data = tmp_path / "data"
    (data / "calendar").mkdir(parents=True)
    for path in (DEFAULT_ROOT / "calendar").glob("*.yaml"):
        if int(path.stem) <= 2026:
            shutil.copy2(path, data / "calendar" / path.name)
    target = tmp_path / "calendar_data.py"
    assert refresh(data, target) == (True, [])
    return data, target


def test_an_edited_year_is_compiled_and_an_unchanged_one_is_left_alone(tmp_path):
    data, target = _copy(tmp_path)
    assert refresh_if_stale(data, target) == (False, [])
    (data / "calendar" / "2027.yaml").write_text(OFFICIAL_2027, encoding="utf-8")
    changed, problems = refresh_if_stale(data, target)
    assert (changed, problems) == (True, [])
    namespace: dict = {}
    exec(target.read_text(encoding="utf-8"), namespace)  # noqa: S102 - our own generated module
    assert namespace["YEARS"][2027][:2] == ("official", "测试用的虚构通知（不是真实通知）")
    assert namespace["YEARS"][2028][:2] == ("statutory", None)  # the next year, from the law at once
    assert refresh_if_stale(data, target) == (False, [])


def test_a_bad_year_keeps_the_last_good_calendar(tmp_path):
    data, target = _copy(tmp_path)
    before = target.read_text(encoding="utf-8")
    (data / "calendar" / "2027.yaml").write_text(OFFICIAL_2027.replace("2027-05-08", "2027-05-07"), encoding="utf-8")
    changed, problems = refresh(data, target)
    assert not changed and [str(p) for p in problems] == [
        "data/calendar/2027.yaml:20 workdays.1: 调休上班日 2027-05-07 是星期五，应为星期六或星期日"
        "（提示：工作日本来就上班；只把需要上班的周末写进 workdays）"
    ]
    assert target.read_text(encoding="utf-8") == before
