"""What the dataset knows of each province and city, and what it does not: the page
「各地信息核实情况」 (templates/coverage.md.j2) and `python -m sitegen coverage`.

For each province, every kind of TRACKED (the rules a mover meets that differ by province) is
either sourced — with each fact's 年度, grade and date checked — or listed as unknown. A city is
listed when it has facts of its own; every other city's page carries only its province's facts
and the national rules. The counts (places with a sourced fact, by their best grade) measure the
dataset before and after an edit.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from sitegen.data.model import City, Dataset, LocalFact
from sitegen.pages.city_page import FACT_TOPICS

# Grades from the strongest to the weakest (sitegen.data.model.GRADE_LABELS).
GRADE_ORDER: tuple[str, ...] = ("P", "R", "N", "NL", "L", "S")

# The kinds a province is expected to have (issue 19): the 居民医保 windows and waiting periods,
# the incentives and the cut after a lapse, the 职工医保 gap rule, local time limits and years.
TRACKED: tuple[str, ...] = (
    "enrolment_window",
    "extension_window",
    "benefit_start",
    "resident_fixed_wait_months",
    "resident_months_per_lapsed_year",
    "lapse_counting",
    "repair_fee_year",
    "incentive_step",
    "incentive_cap",
    "lapse_illness_cut",
    "employee_gap_wait",
    "transfer_time_limit",
    "min_contribution_years",
)


@dataclass(frozen=True)
class FactRow:
    """One sourced fact as the coverage lists it."""

    kind: str
    label: str  # how city pages name the kind (FACT_TOPICS)
    year: int | None
    grade: str
    checked_on: datetime.date
    document: str
    url: str


@dataclass(frozen=True)
class PlaceCoverage:
    code: str
    name: str
    facts: tuple[FactRow, ...]  # in the order of the file
    unknown: tuple[str, ...]  # labels of the TRACKED kinds with no fact (provinces only)
    best: str | None  # the strongest grade among the facts, None without facts


@dataclass(frozen=True)
class ProvinceCoverage:
    province: PlaceCoverage
    cities: tuple[PlaceCoverage, ...]  # the cities with facts of their own, in code order
    city_count: int  # all cities of the province


@dataclass(frozen=True)
class Coverage:
    provinces: tuple[ProvinceCoverage, ...]
    province_total: int
    city_total: int

    def counts(self, level: str) -> dict[str, int]:
        """{grade: number of places whose best grade it is} for "province" or "city"; "any" is
        the number with at least one sourced fact and "non_s" those with a fact better than S."""
        places = ([p.province for p in self.provinces] if level == "province"
                  else [c for p in self.provinces for c in p.cities])
        counts = {grade: sum(1 for p in places if p.best == grade) for grade in GRADE_ORDER}
        counts["any"] = sum(1 for p in places if p.best is not None)
        counts["non_s"] = sum(1 for p in places if p.best not in (None, "S"))
        return counts

    def without(self, kind: str) -> list[str]:
        """Names of the provinces with no fact of `kind`, neither their own nor a city's."""
        return [p.province.name for p in self.provinces
                if not any(f.kind == kind for f in p.province.facts)
                and not any(f.kind == kind for c in p.cities for f in c.facts)]


def _row(fact: LocalFact) -> FactRow:
    source = fact.source
    return FactRow(fact.kind, FACT_TOPICS[fact.kind][1], fact.year, source.grade, source.checked_on,
                   source.document, str(source.url))


def _best(facts: tuple[FactRow, ...]) -> str | None:
    grades = [f.grade for f in facts]
    return next((g for g in GRADE_ORDER if g in grades), None)


def _place(code: str, name: str, facts: list[LocalFact], track: bool) -> PlaceCoverage:
    rows = tuple(_row(f) for f in facts)
    have = {f.kind for f in facts}
    unknown = tuple(FACT_TOPICS[k][1] for k in TRACKED if k not in have) if track else ()
    return PlaceCoverage(code, name, rows, unknown, _best(rows))


def coverage(dataset: Dataset) -> Coverage:
    by_province: dict[str, list[City]] = {}
    for code in sorted(dataset.cities):
        city = dataset.cities[code]
        by_province.setdefault(city.province, []).append(city)
    provinces = []
    for code in sorted(dataset.provinces):
        province = dataset.provinces[code]
        cities = by_province.get(code, [])
        # A municipality's city file repeats facts of its province file; count each once.
        own = [(c, [f for f in c.facts if f not in province.facts]) for c in cities]
        provinces.append(ProvinceCoverage(
            _place(code, province.name, province.facts, track=True),
            tuple(_place(c.code, c.name, facts, track=False) for c, facts in own if facts),
            len(cities),
        ))
    return Coverage(tuple(provinces), len(dataset.provinces), len(dataset.cities))


def _grades(counts: dict[str, int]) -> str:
    return "，".join(f"{g} {counts[g]}" for g in GRADE_ORDER if counts[g]) or "无"


def summary_lines(cov: Coverage) -> list[str]:
    """The counts, one line per level."""
    p, c = cov.counts("province"), cov.counts("city")
    windows = cov.without("enrolment_window")
    return [
        f"省级单位：{p['any']}/{cov.province_total} 个有来源的事实，其中 {p['non_s']} 个有二手网站以外的来源；"
        f"按最好的来源：{_grades(p)}。",
        f"城市：{c['any']}/{cov.city_total} 个有本市自己的有来源事实，其中 {c['non_s']} 个有二手网站以外的来源；"
        f"按最好的来源：{_grades(c)}。",
        f"没有居民医保集中参保期的省级单位：{len(windows)} 个" + (f"（{'、'.join(windows)}）。" if windows else "。"),
    ]


def _fact_line(fact: FactRow) -> str:
    year = f"{fact.year}年度，" if fact.year else ""
    return f"    {fact.label}：{year}{fact.grade}，核对于 {fact.checked_on.isoformat()}"


def report_lines(cov: Coverage) -> list[str]:
    """The command's text: each province with its facts and unknown kinds, its cities with
    facts of their own, then the counts."""
    lines = []
    for entry in cov.provinces:
        province = entry.province
        lines.append(f"{province.code} {province.name}：{len(province.facts)} 条事实")
        lines += [_fact_line(f) for f in province.facts]
        if province.unknown:
            lines.append(f"    未知：{'、'.join(province.unknown)}")
        for city in entry.cities:
            lines.append(f"  {city.code} {city.name}：{len(city.facts)} 条本市事实")
            lines += ["  " + _fact_line(f) for f in city.facts]
        rest = entry.city_count - len(entry.cities)
        if rest:
            lines.append(f"  其余 {rest} 个城市：只有省级和全国的规定")
    return lines + [""] + summary_lines(cov)


def coverage_context(dataset: Dataset) -> dict[str, object]:
    """The coverage page: provinces ([ProvinceCoverage] in code order, each with its page's
    slug), tracked (labels of TRACKED in order), summary (the count lines), grade_order,
    checked_on (the national rules' date)."""
    cov = coverage(dataset)
    return {
        "provinces": [{"entry": p, "slug": dataset.provinces[p.province.code].slug,
                       "city_slugs": {c.code: dataset.cities[c.code].slug for c in p.cities}}
                      for p in cov.provinces],
        "tracked": [FACT_TOPICS[k][1] for k in TRACKED],
        "summary": summary_lines(cov),
        "grade_order": GRADE_ORDER,
        "checked_on": dataset.national.checked_on,
    }
