"""Write data/calendar/YYYY.yaml files. Run once per purpose; the files are then edited by hand.

    python tools/import_calendar.py --package 2004 2026   # official years from chinesecalendar 1.11.0
    python tools/import_calendar.py --statutory 2027      # a year before its notice: the law's days only

--package reads the days from the `chinesecalendar` package (its data encodes each year's
国务院办公厅 notice); the source of those files is the package and its version, except where a
copy of the notice itself was read (NOTICE_SOURCES). --statutory writes the days that
《全国年节及纪念日放假办法》 fixes (sitegen.data.statutory, lunar dates from lunar_python); the
calculators estimate that year's other days until the notice is published. An existing file is
only overwritten with --force.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

from sitegen.data.statutory import ARTICLE, LAW, law_ranges, rest_ranges

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "calendar"
CHECKED_ON = datetime.date(2026, 11, 30)
PACKAGE = "chinesecalendar"
PACKAGE_VERSION = "1.11.0"

NAMES = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "Mid-autumn Festival": "中秋节",
    "National Day": "国庆节",
    "Anti-Fascist 70th Day": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
}

# Notices whose own text (or a faithful or mainstream copy) was read, and their publication dates
# where a stored source gives them (../shared/reference/calendar-law.md §2).
NOTICE_SOURCES = {
    2006: {
        "document": "《国务院办公厅关于2006年部分节假日安排的通知》（国办发明电〔2005〕35号）维基文库全文",
        "url": "https://zh.wikisource.org/wiki/%E5%9B%BD%E5%8A%A1%E9%99%A2%E5%8A%9E%E5%85%AC%E5%8E%85%E5%85%B3%E4%BA%8E2006%E5%B9%B4%E9%83%A8%E5%88%86%E8%8A%82%E5%81%87%E6%97%A5%E5%AE%89%E6%8E%92%E7%9A%84%E9%80%9A%E7%9F%A5",
        "grade": "R",
    },
    2007: {
        "document": "《国务院办公厅关于2007年部分节假日安排的通知》（国办发明电〔2006〕49号）中国网转载的中国政府网全文",
        "url": "http://zw.china.com.cn/2016-05/09/content_38413913.htm",
        "grade": "R",
    },
    2026: {
        "document": "新华社播发的《国务院办公厅关于2026年部分节假日安排的通知》全文（光明网转载）",
        "url": "https://politics.gmw.cn/2025-11/04/content_38391083.htm",
        "grade": "N",
    },
}
PUBLISHED = {2006: "2005-12-16", 2007: "2006-12-14", 2024: "2023-10-25", 2025: "2024-11-12", 2026: "2025-11-04"}
DOCUMENTS = {2006: "国办发明电〔2005〕35号", 2007: "国办发明电〔2006〕49号"}
# Where chinesecalendar 1.11.0 differs from the notice itself: the notice wins.
CORRECTIONS = {
    # 国办发明电〔2005〕35号 (the 2006 notice, published 2005-12-16): 「12月31日（星期六）上班」.
    datetime.date(2005, 12, 31): "work",
}
EXTRA_NOTE = {
    2020: "2020 年春节假期由《国务院办公厅关于延长2020年春节假期的通知》延长至 2 月 2 日，本文件按延长后的安排。",
    2005: "12 月 31 日（星期六）上班按 2006 年的通知（国办发明电〔2005〕35号）补入，chinesecalendar 1.11.0 漏了这一天。",
    2015: "9 月 3 日至 5 日为抗战胜利 70 周年纪念日放假（国务院当年另行通知），9 月 6 日（星期日）上班。",
}
LAW_URL = "https://www.gov.cn/gongbao/2024/issue_11726/202411/content_6989774.html"


def _source_lines(document: str, url: str, grade: str, note: str | None) -> list[str]:
    lines = ["source:", f"  document: {document}", f"  url: {url}", f"  grade: {grade}",
             f"  checked_on: {CHECKED_ON.isoformat()}"]
    if note:
        lines.append(f"  note: {note}")
    return lines


def render(year: int, status: str, holidays: list[tuple[str, datetime.date, datetime.date]],
           workdays: list[datetime.date], source: list[str], comment: str) -> str:
    lines = [f"# {comment}", f"year: {year}", f"status: {status}"]
    if status == "official":
        document = DOCUMENTS.get(year)
        lines += ["notice:", f"  title: 国务院办公厅关于{year}年部分节假日安排的通知", f"  document: {document or 'null'}",
                  f"  published: {PUBLISHED.get(year, 'null')}"]
    lines += source
    lines.append("holidays:")
    lines += [f"  - {{name: {name}, from: {first.isoformat()}, to: {last.isoformat()}}}" for name, first, last in holidays]
    lines.append("workdays:" + ("" if workdays else " []"))
    lines += [f"  - {day.isoformat()}" for day in workdays]
    return "\n".join(lines) + "\n"


def from_package(year: int) -> str:
    import chinese_calendar  # a test-time cross-check only; never imported by the calculators

    holidays = {d: NAMES[n] for d, n in chinese_calendar.holidays.items() if d.year == year}
    workdays = sorted({d for d in chinese_calendar.workdays if d.year == year}
                      | {d for d, kind in CORRECTIONS.items() if kind == "work" and d.year == year})
    notice = NOTICE_SOURCES.get(year)
    note = f"逐日导入自 {PACKAGE} {PACKAGE_VERSION} 的数据（tools/import_calendar.py）。"
    if notice is None:
        source = _source_lines(f"{PACKAGE} {PACKAGE_VERSION}（PyPI 包，按各年国务院办公厅通知整理的数据）",
                               f"https://pypi.org/project/{PACKAGE}/{PACKAGE_VERSION}/", "S",
                               note + "未逐年打开通知原文。" + EXTRA_NOTE.get(year, ""))
    else:
        checked = ("与该转载页所列日期逐日一致（据核对该页时的摘录；网页未重新打开）。" if year == 2026
                   else "已按该页的通知全文逐日核对。")
        source = _source_lines(notice["document"], notice["url"], notice["grade"], note + checked + EXTRA_NOTE.get(year, ""))
    return render(year, "official", rest_ranges(holidays), workdays, source,
                  f"{year} 年放假安排：由 tools/import_calendar.py 从 {PACKAGE} {PACKAGE_VERSION} 导入")


def statutory(year: int) -> str:
    source = _source_lines(LAW, LAW_URL, "R", f"{ARTICLE}规定的全体公民放假日；农历日期由 lunar_python 计算。"
                           "条文据公开转载的文本，国务院公报页面未直接打开。")
    return render(year, "statutory", law_ranges(year), [], source,
                  f"{year} 年的放假安排尚未公布：这里只有法定节日当天（{ARTICLE}），补假和调休由计算器估算。"
                  "通知发布后把 status 改为 official，填写 notice、holidays 和 workdays")


def write(year: int, text: str, force: bool) -> None:
    path = OUT / f"{year}.yaml"
    if path.exists() and not force:
        print(f"{path.relative_to(ROOT)} 已存在，未改动（--force 覆盖）")
        return
    OUT.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(f"已写入 {path.relative_to(ROOT)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--package", nargs=2, type=int, metavar=("FIRST", "LAST"))
    group.add_argument("--statutory", type=int, metavar="YEAR")
    parser.add_argument("--force", action="store_true")
    args = parser.parse_args(argv)
    if args.package:
        first, last = args.package
        for year in range(first, last + 1):
            write(year, from_package(year), args.force)
    else:
        write(args.statutory, statutory(args.statutory), args.force)
    return 0


if __name__ == "__main__":
    sys.exit(main())
