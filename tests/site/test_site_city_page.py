"""sitegen.pages.city_page: every fact kind has its place on a city page, every sourced fact of the
data is printed on each page of its place (a province's on every city page of the province), and
the context is built section by section (CITY_SECTIONS, SECTION_PARTS)."""

from __future__ import annotations

import typing
from pathlib import Path

import pytest

from sitegen.pages import city_page
from sitegen.pages.example import example_deadline
from sitegen.data.load import load_dataset
from sitegen.data.model import FactKind
from sitegen.data.settings import load_settings


def test_every_declared_fact_kind_has_a_place():
    city_page.check_fact_kinds()
    assert set(typing.get_args(FactKind)) <= set(city_page.FACT_TOPICS)


def test_a_fact_kind_without_a_place_stops_the_build(monkeypatch):
    monkeypatch.setattr(city_page, "FACT_TOPICS", {k: v for k, v in city_page.FACT_TOPICS.items() if k != "gap_rule"})
    with pytest.raises(city_page.UnplacedFactKind) as info:
        city_page.check_fact_kinds()
    assert str(info.value) == (
        "sitegen/data/model.py FactKind 里的 gap_rule 在城市页面上没有位置"
        "（提示：在 sitegen/pages/city_page.py 的 FACT_TOPICS 里写明它属于哪个专题、在页面上叫什么）")


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


def test_the_context_is_each_section_adding_its_part(monkeypatch):
    """city_context loops over CITY_SECTIONS: each section's part adds its entries and says
    whether it is printed and indexed; a section without a part adds nothing and is printed."""
    data = load_dataset().dataset
    example = example_deadline(load_settings().example_accepted)
    assert set(city_page.SECTION_PARTS) <= set(city_page.CITY_SECTIONS)
    templates = Path(city_page.__file__).resolve().parents[2] / "templates" / "city"
    assert {f"{key}.md.j2" for key in city_page.CITY_SECTIONS} <= {p.name for p in templates.iterdir()}
    cities = sorted(data.cities.values(), key=lambda c: c.code)
    by_sources = {}
    for city in cities:
        siblings = [c for c in cities if c.province == city.province]
        ctx = city_page.city_context(data, city, example, siblings)
        by_sources.setdefault(bool(ctx["sources"]), (city, siblings, ctx))
        assert ("sources" in ctx["sections"]) is bool(ctx["sources"])
        assert ("local" in ctx["indexed"]) is bool(ctx["local"])
        summary = ctx["summary"]
        assert ("summary" in ctx["indexed"]) is bool(summary.limits or summary.account or summary.gaps)
    assert set(by_sources) == {True, False}, "the data should hold cities with and without local sources"
    # A new section, with nothing to add yet, is printed in its place.
    city, siblings, before = by_sources[False]
    monkeypatch.setattr(city_page, "CITY_SECTIONS", (*city_page.CITY_SECTIONS[:-1], "new", "nearby"))
    after = city_page.city_context(data, city, example, siblings)
    assert after["sections"] == (*before["sections"][:-1], "new", "nearby")
    assert set(after) == set(before)
