"""How lapsed years are counted for the 居民医保 variable waiting period, and what was read for each
way of counting.

国办发〔2024〕38号 says 「每多断保1年」 adds the variable months; it does not say whether the first
lapsed year already adds them. The sources read count two ways:

- AFTER_FIRST: the first lapsed year adds nothing beyond the fixed months, each further year adds
  the variable months (阜新市医疗保障局's worked example: lapsed 2025, paid for 2026 in the
  window, benefits from 2026-04-01; 青岛医疗保障's: two lapsed years give one variable month).
- EVERY: each lapsed year adds the variable months (呼和浩特市医疗保障局 as reported: lapsed
  2025, paid for 2026, the wait grows by a month; the plain reading of 「每多断保1年」).

A province's own fact (`lapse_counting`, value "after_first" or "every") settles it for its
places; where none is known, the answer gives both readings, the one whose sources are better
graded first (`readings_in_order`). The sources here are pages the project's editors opened;
`says` is what each says, in our words.
"""

from __future__ import annotations

from dataclasses import dataclass

AFTER_FIRST = "after_first"
EVERY = "every"
UNKNOWN = "unknown"
COUNTINGS = (AFTER_FIRST, EVERY)
# Best first (sitegen.data.model.GRADE_LABELS).
GRADE_ORDER = ("P", "R", "N", "NL", "L", "S")

READING_NAMES = {
    AFTER_FIRST: "断保第 1 年只计固定等待期，从第 2 年起每年加变动等待期",
    EVERY: "每断保 1 年都加变动等待期",
}
# The national rule whose wording both readings read (data/national.yaml).
NATIONAL_RULE = "resident_months_per_lapsed_year"


@dataclass(frozen=True)
class ReadingSource:
    id: str  # cited by the planner like a rule id
    who: str  # whose counting it reports
    document: str
    url: str
    grade: str
    checked_on: str  # ISO date the page was read
    says: str  # what the page says about counting, in our words


READING_SOURCES: dict[str, tuple[ReadingSource, ...]] = {
    AFTER_FIRST: (
        ReadingSource(
            "lapse_example_fuxin", "阜新市医疗保障局",
            "阜新市医疗保障局《【通知通告】城乡居民参保新变化》（2025-09-08）",
            "https://ybj.fuxin.gov.cn/content/2025/1010306.html", "L", "2026-12-06",
            "2025年度没有参保、2025年12月在集中缴费期内缴了2026年度保费的人，仍有固定待遇等待期，"
            "自2026年4月1日起享受待遇：断保一年，只有固定等待期。",
        ),
        ReadingSource(
            "lapse_example_qingdao", "青岛医疗保障",
            "青岛医疗保障《中断参保后修复待遇等待期》（网易号转载，页面未注明日期）",
            "https://m.163.com/dy/article/KFPT37RF0514M43P.html", "S", "2026-12-06",
            "2025、2026两个年度没有参保、2027年度在集中缴费期缴费的，等待期是固定等待期加一个月变动等待期，"
            "自2027年5月1日起享受待遇：断保两年，只加一个月。",
        ),
    ),
    EVERY: (
        ReadingSource(
            "lapse_example_hohhot", "呼和浩特市医疗保障局",
            "呼和浩特日报《2025年度城乡居民医保集中缴费期已过，还能参保吗？》（转载，2025-03-12）",
            "https://zhenguoke.com/read/-dy-article-JQHTGS4V0550TYQ0.html", "S", "2026-12-06",
            "据呼和浩特日报报道，市医保局工作人员说：2025年不参保、2026年参保的，待遇等待期在固定等待期之外再加一个月：断保一年，就加变动等待期。",
        ),
    ),
}
BY_ID: dict[str, ReadingSource] = {s.id: s for sources in READING_SOURCES.values() for s in sources}


def best_grade(sources: tuple[ReadingSource, ...]) -> int:
    """The rank (0 = P) of the best grade among `sources`; past the end when there are none."""
    return min((GRADE_ORDER.index(s.grade) for s in sources), default=len(GRADE_ORDER))


def readings_in_order() -> tuple[str, ...]:
    """The countings, the one with the better-graded sources first (AFTER_FIRST on a tie)."""
    return tuple(sorted(COUNTINGS, key=lambda c: best_grade(READING_SOURCES[c])))


def counted_years(lapsed_years: int, counting: str) -> int:
    """How many lapsed years add variable months under `counting`."""
    return lapsed_years if counting == EVERY else max(0, lapsed_years - 1)
