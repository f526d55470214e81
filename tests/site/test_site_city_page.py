"""sitegen.city_page: every fact kind has its place on a city page, and every sourced fact of the
data is printed on each page of its place (a province's on every city page of the province)."""

from __future__ import annotations

import typing

import pytest

from sitegen import city_page
from sitegen.load import load_dataset
from sitegen.model import FactKind


def test_every_declared_fact_kind_has_a_place():
    city_page.check_fact_kinds()
    assert set(typing.get_args(FactKind)) <= set(city_page.FACT_TOPICS)


def test_a_fact_kind_without_a_place_stops_the_build(monkeypatch):
    monkeypatch.setattr(city_page, "FACT_TOPICS", {k: v for k, v in city_page.FACT_TOPICS.items() if k != "gap_rule"})
    with pytest.raises(city_page.UnplacedFactKind) as info:
        city_page.check_fact_kinds()
    assert str(info.value) == (
        "sitegen/model.py FactKind 里的 gap_rule 在城市页面上没有位置"
        "（提示：在 sitegen/city_page.py 的 FACT_TOPICS 里写明它属于哪个专题、在页面上叫什么）")


def test_every_sourced_fact_is_on_the_pages_of_its_place(real_pages):
    data = load_dataset().dataset
    missing = []
    for city in data.cities.values():
        page = real_pages[f"cities/{city.slug}.md"]
        for fact in [*data.provinces[city.province].facts, *city.facts]:
            # The text as printed: the templates escape Markdown characters, so compare a plain prefix.
            head = fact.text[:12]
            if head not in page.replace("\\", ""):
                missing.append((city.code, fact.kind, head))
    assert missing == []
