"""Checks of data/calendar/YYYY.yaml beyond the schema: each file on its own, then the years together.

Errors (the file is left out):
- the file name is the year; holiday ranges lie inside the year, run forwards and do not overlap;
- a 调休 working day is a Saturday or Sunday of that year, not inside a holiday range, listed once;
- an official year has a `notice`; a statutory year has none and no working days (its 补假 and
  调休 are what the calculators estimate);
- from 2025 (the 2024 revision of 《全国年节及纪念日放假办法》) the holidays contain every day the
  law fixes for the year (sitegen.data.statutory); a statutory year holds exactly those days;
- the official years run without a gap, and a statutory year comes right after the last of them.
Warnings (the file still loads): from 2025, an arrangement that makes more than six working days in
a row (Art. 7 of the 2024 revision: 「法定节假日假期前后连续工作一般不超过6天」).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

from sitegen.data.model import CalendarYear
from sitegen.data.problems import Problem
from sitegen.data.statutory import FIRST_YEAR as LAW_FIRST_YEAR
from sitegen.data.statutory import law_days

MAX_RUN = 6
ONE_DAY = datetime.timedelta(days=1)
WEEKDAYS = "一二三四五六日"

Add = Callable[..., None]


def _md(day: datetime.date) -> str:
    return f"{day.month}月{day.day}日"


def _weekday(day: datetime.date) -> str:
    return f"星期{WEEKDAYS[day.weekday()]}"


def check_year(record: CalendarYear, stem: str, lines: dict, rel: str) -> tuple[list[Problem], list[Problem]]:
    """(errors, warnings) of one year's file."""
    errors: list[Problem] = []

    def add(path: tuple, message: str, hint: str | None = None) -> None:
        field = ".".join(str(p) for p in path) or None
        line = lines.get(path)
        while line is None and path:
            path = path[:-1]
            line = lines.get(path)
        errors.append(Problem(rel, line, field, message, hint))

    year = record.year
    if stem != str(year):
        add(("year",), f"文件名 {stem}.yaml 与年份 {year} 不一致", f"文件应命名为 {year}.yaml")
    if record.status == "official" and record.notice is None:
        add(("notice",), "official 年份必须写明 notice（通知标题）",
            f"例如 notice: {{title: 国务院办公厅关于{year}年部分节假日安排的通知}}")
    if record.status == "statutory":
        if record.notice is not None:
            add(("notice",), "statutory 年份还没有通知，不应写 notice", "通知发布后把 status 改为 official")
        if record.workdays:
            add(("workdays",), "statutory 年份没有调休上班日", "调休上班日由通知规定；通知发布后把 status 改为 official 再填写")
    _check_ranges(record, add)
    _check_workdays(record, add)
    if year >= LAW_FIRST_YEAR:
        _check_law(record, add)
    warnings = _long_runs(record, rel, lines) if year >= LAW_FIRST_YEAR and record.status == "official" else []
    return errors, warnings


def _check_ranges(record: CalendarYear, add: Add) -> None:
    previous: tuple[int, datetime.date] | None = None
    for index, item in sorted(enumerate(record.holidays), key=lambda pair: pair[1].from_):
        if item.from_ > item.to:
            add(("holidays", index, "to"), f"结束日期 {item.to} 早于开始日期 {item.from_}")
        for key, day in (("from", item.from_), ("to", item.to)):
            if day.year != record.year:
                add(("holidays", index, key), f"日期 {day} 不在 {record.year} 年内",
                    "跨年的假期分成两段，分别写在两个年份的文件里")
        if previous is not None and item.from_ <= previous[1]:
            add(("holidays", index, "from"), f"与 holidays.{previous[0]} 重叠（{item.from_} 不晚于 {previous[1]}）",
                "同一天只能属于一个放假日期段")
        if previous is None or item.to > previous[1]:
            previous = (index, item.to)


def _in_ranges(record: CalendarYear, day: datetime.date) -> bool:
    return any(item.from_ <= day <= item.to for item in record.holidays)


def _check_workdays(record: CalendarYear, add: Add) -> None:
    seen: set[datetime.date] = set()
    for index, day in enumerate(record.workdays):
        path = ("workdays", index)
        if day.year != record.year:
            add(path, f"日期 {day} 不在 {record.year} 年内")
        elif day.weekday() < 5:
            add(path, f"调休上班日 {day} 是{_weekday(day)}，应为星期六或星期日",
                "工作日本来就上班；只把需要上班的周末写进 workdays")
        elif _in_ranges(record, day):
            add(path, f"调休上班日 {day} 落在放假日期段内")
        if day in seen:
            add(path, f"调休上班日 {day} 重复")
        seen.add(day)


def _check_law(record: CalendarYear, add: Add) -> None:
    fixed = law_days(record.year)
    missing = [(name, day) for name, day in fixed if not _in_ranges(record, day)]
    if missing:
        listed = "、".join(f"{name} {_md(day)}" for name, day in missing)
        add(("holidays",), f"缺少《全国年节及纪念日放假办法》第二条规定的放假日：{listed}",
            "法定节日当天一定放假；通知的放假日期段应包含这些日子")
    if record.status == "statutory":
        fixed_days = {day for _, day in fixed}
        extra = [day for item in record.holidays for day in _days(item.from_, item.to) if day not in fixed_days]
        if extra:
            add(("holidays",), f"statutory 年份只写法定节日当天，多出了 {'、'.join(_md(d) for d in extra)}",
                "补假和调休要等通知；用 python tools/import_calendar.py --statutory YEAR 生成")


def _days(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    return [first + i * ONE_DAY for i in range((last - first).days + 1)]


def _long_runs(record: CalendarYear, rel: str, lines: dict) -> list[Problem]:
    workdays = set(record.workdays)
    day = datetime.date(record.year, 1, 1)
    runs: list[tuple[datetime.date, datetime.date]] = []
    start = None
    while day.year == record.year:
        working = day in workdays or (day.weekday() < 5 and not _in_ranges(record, day))
        if working and start is None:
            start = day
        if not working and start is not None:
            runs.append((start, day - ONE_DAY))
            start = None
        day += ONE_DAY
    if start is not None:
        runs.append((start, day - ONE_DAY))
    warnings = []
    for first, last in runs:
        length = (last - first).days + 1
        if length > MAX_RUN:
            made_up = [i for i, d in enumerate(record.workdays) if first <= d <= last]
            path = ("workdays", made_up[0]) if made_up else ("holidays",)
            warnings.append(Problem(
                rel, lines.get(path, lines.get(("holidays",))), ".".join(map(str, path)),
                f"{_md(first)}至{_md(last)}连续工作 {length} 天，超过 {MAX_RUN} 天",
                "《全国年节及纪念日放假办法》第七条：法定节假日假期前后连续工作一般不超过6天；请核对通知原文"))
    return warnings


def check_years(years: dict[int, tuple[CalendarYear, str, dict]]) -> list[Problem]:
    """Problems across the year files: {year: (record, file, lines)}."""
    problems = []
    official = sorted(year for year, (record, _, _) in years.items() if record.status == "official")
    for earlier, later in zip(official, official[1:]):
        if later != earlier + 1:
            _, rel, lines = years[later]
            problems.append(Problem(rel, lines.get(("year",)), "year",
                                    f"{earlier} 年之后缺少 {earlier + 1} 年的文件",
                                    "正式年份必须连续；缺的年份用 tools/import_calendar.py 导入"))
    last = official[-1] if official else None
    for year, (record, rel, lines) in sorted(years.items()):
        if record.status == "statutory" and year != (last or 0) + 1:
            problems.append(Problem(rel, lines.get(("status",)), "status",
                                    f"statutory 年份只能是最后一个正式年份（{last}）的下一年",
                                    "计算器只估算尚未公布安排的下一年"))
    return problems
