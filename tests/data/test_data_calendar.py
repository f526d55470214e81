"""data/calendar/: the checks of sitegen.data.calendar_checks, each with its exact message, on fixture
years written into a copy-free temporary data folder; and the real files load clean."""

from __future__ import annotations

import importlib.util

from pathlib import Path

import pytest

from calendar_fixture import OFFICIAL_2027, SOURCE

from sitegen.data.load import load_calendar

REPO = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("import_calendar", REPO / "tools" / "import_calendar.py")
import_calendar = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(import_calendar)
statutory = import_calendar.statutory

@pytest.fixture
def calendar_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data" / "calendar"
    folder.mkdir(parents=True)
    real = Path(__file__).resolve().parents[2] / "data" / "calendar"
    for year in (2025, 2026):  # two real official years to stand on
        (folder / f"{year}.yaml").write_text((real / f"{year}.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    return folder


def problems(calendar_dir: Path) -> list[str]:
    return [str(p) for p in load_calendar(calendar_dir.parent)[1]]


def warnings(calendar_dir: Path) -> list[str]:
    return [str(p) for p in load_calendar(calendar_dir.parent)[2]]


def write(calendar_dir: Path, text: str, year: int = 2027) -> None:
    (calendar_dir / f"{year}.yaml").write_text(text, encoding="utf-8")


def test_the_real_calendar_loads_without_problems():
    years, found, notes = load_calendar()
    assert found == [] and notes == []
    assert min(years) == 2004 and list(years) == list(range(2004, max(years) + 1))
    assert [y for y, r in years.items() if r.status == "statutory"] in ([], [max(years)])


def test_a_made_up_official_year_is_valid(calendar_dir):
    write(calendar_dir, OFFICIAL_2027)
    assert problems(calendar_dir) == [] and warnings(calendar_dir) == []


def test_a_make_up_working_day_must_be_a_weekend_day(calendar_dir):
    write(calendar_dir, OFFICIAL_2027.replace("  - 2027-05-08\n", "  - 2027-05-07\n"))
    assert problems(calendar_dir) == [
        "data/calendar/2027.yaml:20 workdays.1: 调休上班日 2027-05-07 是星期五，应为星期六或星期日"
        "（提示：工作日本来就上班；只把需要上班的周末写进 workdays）"
    ]


def test_an_official_year_contains_every_day_the_law_fixes(calendar_dir):
    write(calendar_dir, OFFICIAL_2027.replace("{name: 春节, from: 2027-02-05", "{name: 春节, from: 2027-02-06"))
    assert problems(calendar_dir) == [
        "data/calendar/2027.yaml:10 holidays: 缺少《全国年节及纪念日放假办法》第二条规定的放假日：春节 2月5日"
        "（提示：法定节日当天一定放假；通知的放假日期段应包含这些日子）"
    ]


def test_ranges_stay_inside_the_year(calendar_dir):
    write(calendar_dir, OFFICIAL_2027.replace("{name: 元旦, from: 2027-01-01", "{name: 元旦, from: 2026-12-31"))
    assert problems(calendar_dir) == [
        "data/calendar/2027.yaml:11 holidays.0.from: 日期 2026-12-31 不在 2027 年内"
        "（提示：跨年的假期分成两段，分别写在两个年份的文件里）"
    ]


def test_ranges_do_not_overlap(calendar_dir):
    write(calendar_dir, OFFICIAL_2027.replace("{name: 春节, from: 2027-02-05", "{name: 春节, from: 2027-01-03"))
    assert problems(calendar_dir) == [
        "data/calendar/2027.yaml:12 holidays.1.from: 与 holidays.0 重叠（2027-01-03 不晚于 2027-01-03）"
        "（提示：同一天只能属于一个放假日期段）"
    ]


def test_ranges_run_forwards(calendar_dir):
    write(calendar_dir, OFFICIAL_2027.replace("{name: 端午节, from: 2027-06-09, to: 2027-06-09}",
                                              "{name: 端午节, from: 2027-06-09, to: 2027-06-08}"))
    assert "data/calendar/2027.yaml:15 holidays.4.to: 结束日期 2027-06-08 早于开始日期 2027-06-09" in problems(calendar_dir)


def test_an_official_year_needs_its_notice(calendar_dir):
    write(calendar_dir, OFFICIAL_2027.replace("notice:\n  title: 测试用的虚构通知（不是真实通知）\n", ""))
    assert problems(calendar_dir) == [
        "data/calendar/2027.yaml:1 notice: official 年份必须写明 notice（通知标题）"
        "（提示：例如 notice: {title: 国务院办公厅关于2027年部分节假日安排的通知}）"
    ]


def test_a_notice_needs_its_title(calendar_dir):
    write(calendar_dir, OFFICIAL_2027.replace("  title: 测试用的虚构通知（不是真实通知）\n", "  document: null\n"))
    assert problems(calendar_dir) == ["data/calendar/2027.yaml:3 notice.title: 缺少必填字段 title"]


def test_every_year_needs_a_source(calendar_dir):
    write(calendar_dir, OFFICIAL_2027.replace(SOURCE, ""))
    assert problems(calendar_dir) == ["data/calendar/2027.yaml:1 source: 缺少来源 (source)"
                                      "（提示：写明放假日期读自哪里（通知全文或法律），至少写 document、url、grade、checked_on）"]


def test_the_file_is_named_after_its_year(calendar_dir):
    write(calendar_dir, OFFICIAL_2027, year=2028)
    assert "data/calendar/2028.yaml:1 year: 文件名 2028.yaml 与年份 2027 不一致（提示：文件应命名为 2027.yaml）" in problems(calendar_dir)


def test_a_statutory_year_has_no_notice_and_no_working_days(calendar_dir):
    text = OFFICIAL_2027.replace("status: official", "status: statutory")
    write(calendar_dir, text)
    found = problems(calendar_dir)
    assert "data/calendar/2027.yaml:3 notice: statutory 年份还没有通知，不应写 notice（提示：通知发布后把 status 改为 official）" in found
    assert ("data/calendar/2027.yaml:18 workdays: statutory 年份没有调休上班日"
            "（提示：调休上班日由通知规定；通知发布后把 status 改为 official 再填写）") in found


def test_a_statutory_year_comes_right_after_the_last_official_one(calendar_dir):
    write(calendar_dir, statutory(2028), year=2028)
    assert problems(calendar_dir) == [
        "data/calendar/2028.yaml:3 status: statutory 年份只能是最后一个正式年份（2026）的下一年"
        "（提示：计算器只估算尚未公布安排的下一年）"
    ]


def test_official_years_have_no_gap(calendar_dir):
    write(calendar_dir, OFFICIAL_2027.replace("2027", "2028").replace("2028-02-05", "2028-01-25"), year=2028)
    assert "data/calendar/2028.yaml:1 year: 2026 年之后缺少 2027 年的文件（提示：正式年份必须连续；缺的年份用 tools/import_calendar.py 导入）" in problems(calendar_dir)


def test_more_than_six_working_days_in_a_row_is_a_warning_not_an_error(calendar_dir):
    write(calendar_dir, OFFICIAL_2027.replace("  - 2027-02-13\n", "  - 2027-02-13\n  - 2027-02-14\n"))
    assert problems(calendar_dir) == []
    assert warnings(calendar_dir) == [
        "data/calendar/2027.yaml:19 workdays.0: 2月12日至2月19日连续工作 8 天，超过 6 天"
        "（提示：《全国年节及纪念日放假办法》第七条：法定节假日假期前后连续工作一般不超过6天；请核对通知原文）"
    ]


def test_a_bad_year_leaves_the_good_years_loaded(calendar_dir):
    write(calendar_dir, OFFICIAL_2027.replace("  - 2027-05-08\n", "  - 2027-05-07\n"))
    years, found, _ = load_calendar(calendar_dir.parent)
    assert list(years) == [2025, 2026] and len(found) == 1
