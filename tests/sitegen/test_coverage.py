"""sitegen.pages.coverage: per province the sourced facts (年度, grade, date checked) and the kinds still
unknown, the cities with facts of their own, and the counts of places by their best grade."""

from __future__ import annotations

import datetime

import pytest

from sitegen.pages.city_page import FACT_TOPICS
from sitegen.pages.coverage import TRACKED, coverage, coverage_context, report_lines, summary_lines
from sitegen.data.load import load_dataset_strict
from sitegen.data.model import LocalFact, Source

CHECKED = datetime.date(2026, 12, 6)


def _fact(kind: str, grade: str, year: int | None = None) -> LocalFact:
    source = Source(document=f"{kind} 的来源", url=f"https://example.org/{kind}", grade=grade, checked_on=CHECKED)
    return LocalFact(kind=kind, text="测试", year=year, source=source)


@pytest.fixture(scope="module")
def real():
    return load_dataset_strict()


@pytest.fixture
def small(real):
    """河北 (a province fact of two grades, one city with a fact of its own) and 北京 (a municipality
    whose city file repeats its province fact)."""
    window = _fact("enrolment_window", "S", 2026)
    hebei = real.provinces["130000"].model_copy(update={"facts": [window, _fact("incentive_step", "L")]})
    beijing_fact = _fact("enrolment_window", "NL", 2026)
    beijing = real.provinces["110000"].model_copy(update={"facts": [beijing_fact]})
    cities = {
        "130100": real.cities["130100"].model_copy(update={"facts": [_fact("note", "N")]}),
        "130200": real.cities["130200"].model_copy(update={"facts": []}),
        "110000": real.cities["110000"].model_copy(update={"facts": [beijing_fact]}),
    }
    return real.model_copy(update={"provinces": {"130000": hebei, "110000": beijing}, "cities": cities})


def _label(kind: str) -> str:
    return FACT_TOPICS[kind][1]


def test_the_report_lists_each_fact_the_unknown_kinds_and_the_cities(small):
    unknown = "、".join(_label(k) for k in TRACKED if k != "enrolment_window")
    unknown_hebei = "、".join(_label(k) for k in TRACKED if k not in ("enrolment_window", "incentive_step"))
    assert report_lines(coverage(small)) == [
        "110000 北京市：1 条事实",
        f"    {_label('enrolment_window')}：2026年度，NL，核对于 2026-12-06",
        f"    未知：{unknown}",
        "  其余 1 个城市：只有省级和全国的规定",
        "130000 河北省：2 条事实",
        f"    {_label('enrolment_window')}：2026年度，S，核对于 2026-12-06",
        f"    {_label('incentive_step')}：L，核对于 2026-12-06",
        f"    未知：{unknown_hebei}",
        "  130100 石家庄市：1 条本市事实",
        f"      {_label('note')}：N，核对于 2026-12-06",
        "  其余 1 个城市：只有省级和全国的规定",
        "",
        "省级单位：2/2 个有来源的事实，其中 2 个有二手网站以外的来源；按最好的来源：NL 1，L 1。",
        "城市：1/3 个有本市自己的有来源事实，其中 1 个有二手网站以外的来源；按最好的来源：N 1。",
        "没有居民医保集中参保期的省级单位：0 个。",
    ]


def test_a_place_counts_once_under_its_best_grade(small):
    cov = coverage(small)
    assert cov.counts("province") == {"P": 0, "R": 0, "N": 0, "NL": 1, "L": 1, "S": 0, "any": 2, "non_s": 2}
    # 北京's city file repeats the province's fact: it is not a fact of the city's own.
    assert [c.name for p in cov.provinces for c in p.cities] == ["石家庄市"]


def test_a_province_without_a_window_is_named(small):
    hebei = small.provinces["130000"].model_copy(update={"facts": []})
    dataset = small.model_copy(update={"provinces": {**small.provinces, "130000": hebei}})
    cov = coverage(dataset)
    assert cov.without("enrolment_window") == ["河北省"]
    assert summary_lines(cov)[-1] == "没有居民医保集中参保期的省级单位：1 个（河北省）。"
    assert cov.provinces[1].province.best is None and cov.provinces[1].province.unknown == tuple(
        _label(k) for k in TRACKED)


def test_a_city_window_counts_for_its_province(small):
    hebei = small.provinces["130000"].model_copy(update={"facts": []})
    tangshan = small.cities["130200"].model_copy(update={"facts": [_fact("enrolment_window", "S", 2026)]})
    dataset = small.model_copy(update={"provinces": {**small.provinces, "130000": hebei},
                                       "cities": {**small.cities, "130200": tangshan}})
    assert coverage(dataset).without("enrolment_window") == []


def test_every_tracked_kind_has_its_place_on_the_city_page():
    assert set(TRACKED) <= set(FACT_TOPICS)


def test_the_real_data_covers_every_province_and_city(real):
    cov = coverage(real)
    assert [p.province.code for p in cov.provinces] == sorted(real.provinces)
    assert sum(p.city_count for p in cov.provinces) == len(real.cities) == cov.city_total
    # Every fact of the data appears once: the province's, and the cities' own.
    listed = sum(len(p.province.facts) + sum(len(c.facts) for c in p.cities) for p in cov.provinces)
    own = sum(len(p.facts) for p in real.provinces.values())
    own += sum(len([f for f in c.facts if f not in real.provinces[c.province].facts]) for c in real.cities.values())
    assert listed == own


def test_the_page_context_links_each_city_to_its_page(small):
    ctx = coverage_context(small)
    hebei = next(p for p in ctx["provinces"] if p["entry"].province.code == "130000")
    assert hebei["slug"] == "hebei" and hebei["city_slugs"] == {"130100": "shijiazhuang"}
    assert ctx["tracked"] == [_label(k) for k in TRACKED]
