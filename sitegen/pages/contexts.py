"""What each page type receives from the dataset (the documented template contexts).

City pages: sitegen.pages.city_page. Topic pages (`templates/topic.md.j2`, one per entry of `topics:`
in data/national.yaml) carry the full national rules and their sources, once. Province, index,
corrections and sources contexts are documented on their builders below.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sitegen.pages.citations import Cited, Citations, only_secondary
from sitegen.pages.city_page import FACT_TOPICS, SUMMARY_RULES, topic_line
from sitegen.data.model import City, Dataset, Hotline, Province, Rule, Source, Topic
from sitegen.pages.forms import ASSETS_TOKEN as CALC_ASSETS_TOKEN, calculators_now, render_calculators

# Rules the templates name directly.
OUT_RULE = "transfer_out_workdays"
IN_RULE = "transfer_in_workdays"
PAYER_RULE = "late_fee_payer"
GAP_RULE = "gap_retroactive_max_months"
RATE_RULE = "late_fee_daily_rate"
HRSS_RULE = "hrss_hotline"
NAMED_RULES = (OUT_RULE, IN_RULE, PAYER_RULE, GAP_RULE, RATE_RULE, HRSS_RULE, *SUMMARY_RULES)

# The corrections page: for each wrong claim, the rules that correct it, in the order printed.
# "hotline" stands for the 医保 hotline record.
CORRECTIONS: dict[str, tuple[str, ...]] = {
    "hotline": (HRSS_RULE, "hotline"),
    "late_fee": (RATE_RULE, PAYER_RULE, "late_fee_individuals"),
    "limits": (OUT_RULE, IN_RULE, "faster_local_limits"),
    "gap": (GAP_RULE,),
}


class MissingRules(KeyError):
    """data/national.yaml lacks rules the pages print, or its topics do not cover each rule once."""

    def __str__(self) -> str:
        return str(self.args[0])


def required_rule_ids(dataset: Dataset | None = None) -> list[str]:
    ids = [i for group in CORRECTIONS.values() for i in group if i != "hotline"]
    if dataset is not None:
        ids += [i for topic in dataset.national.topics for i in (*topic.rules, *topic.short_rules)]
    return list(dict.fromkeys([*NAMED_RULES, *ids]))


def check_rules(dataset: Dataset) -> None:
    """Fail early, naming every rule id the pages need but the data lacks, and every rule that
    no topic (or more than one topic) lists."""
    have = [rule.id for rule in dataset.national.rules]
    missing = [i for i in required_rule_ids(dataset) if i not in have]
    if missing:
        raise MissingRules(
            "data/national.yaml rules: 缺少页面需要的规则 " + "、".join(missing)
            + "（提示：页面使用的规则 id 列在 data/national.yaml 的 topics，以及 sitegen/pages/contexts.py 的 "
            "NAMED_RULES 和 CORRECTIONS）"
        )
    listed = [i for topic in dataset.national.topics for i in topic.rules]
    unlisted = [i for i in have if i not in listed]
    twice = sorted({i for i in listed if listed.count(i) > 1})
    if unlisted or twice:
        raise MissingRules(
            "data/national.yaml topics: 每条规则应当恰好列在一个专题的 rules 里"
            + (f"；没有列出：{'、'.join(unlisted)}" if unlisted else "")
            + (f"；重复列出：{'、'.join(twice)}" if twice else "")
        )


def _rules(dataset: Dataset) -> dict[str, Rule]:
    return {rule.id: rule for rule in dataset.national.rules}


def _hotline(hotline: Hotline, cites: Citations) -> Cited:
    return Cited(hotline.name, hotline.number, None, None, "hotline", "national", None,
                 cites.cite(hotline.sources), only_secondary(hotline.sources))


def cities_by_province(dataset: Dataset) -> dict[str, list[City]]:
    grouped: dict[str, list[City]] = defaultdict(list)
    for code in sorted(dataset.cities):
        city = dataset.cities[code]
        grouped[city.province].append(city)
    return grouped


def calculators_context(calendar_notice: str | None = None) -> dict[str, object]:
    """The calculators page: all four forms, nothing prefilled."""
    return {"calculators": render_calculators({}, CALC_ASSETS_TOKEN, heading=2, calendar_notice=calendar_notice)}


def plan_context(calendar_notice: str | None = None) -> dict[str, object]:
    """The planner's page: its form, and every city (name, pinyin initials, province) to choose from."""
    places = calculators_now("places").DEFAULT_PLACES
    return {
        "calculators": render_calculators({}, CALC_ASSETS_TOKEN, heading=2, calendar_notice=calendar_notice,
                                          section="plan"),
        "cities": [places.city(code) for code in places.codes()],
    }


def topic_context(dataset: Dataset, topic: Topic) -> dict[str, object]:
    """A topic page: topic; rules ([Cited] in the topic's order, the 医保 hotline record first on
    the hotline topic); places ([(Province or City, [LocalFact])] with facts of the kinds this
    topic covers, linked from the page); sources; checked_on."""
    rules = _rules(dataset)
    cites = Citations()
    first = [_hotline(dataset.national.hotline, cites)] if topic.id == "hotline" else []
    kinds = {kind for kind, (topic_id, _) in FACT_TOPICS.items() if topic_id == topic.id}
    places = []
    for code in sorted(dataset.provinces):
        province = dataset.provinces[code]
        if any(f.kind in kinds for f in province.facts):
            places.append({"name": province.name, "uri": f"../provinces/{province.slug}.md"})
    for code in sorted(dataset.cities):
        city = dataset.cities[code]
        if city.kind != "municipality" and any(f.kind in kinds for f in city.facts):
            places.append({"name": city.name, "uri": f"../cities/{city.slug}.md"})
    return {
        "title": f"医保关系转移接续：{topic.title}",
        "description": f"医保关系转移接续的全国规定：{topic.title}。" + topic.short,
        "topic": topic,
        "hotline": dataset.national.hotline if topic.id == "hotline" else None,
        "rules": first + [cites.rule(rules[i]) for i in topic.rules],
        "places": places,
        "sources": cites.sources,
        "quotes": cites.quotes,
        "checked_on": dataset.national.checked_on,
    }


def province_context(dataset: Dataset, province: Province, cities: list[City]) -> dict[str, object]:
    """province; cities (code order); facts (Cited); hotline (Cited) and its caveat; sources;
    checked_on."""
    cites = Citations()
    facts = [cites.fact(f, "province", province.name) for f in province.facts]
    hotline = _hotline(dataset.national.hotline, cites)
    return {
        "title": f"{province.name}医保关系转移接续",
        "description": f"{province.name}各城市的基本医疗保险关系转移接续页面，以及适用于全省的规定和来源。",
        "province": province,
        "cities": cities,
        "facts": facts,
        "hotline": hotline,
        "caveat": dataset.national.hotline.caveat,
        "sources": cites.sources,
        "checked_on": dataset.national.checked_on,
    }


def index_context(dataset: Dataset, cities: dict[str, list[City]], notice: list[str]) -> dict[str, object]:
    """topics ([TopicLine], each linking its topic page), provinces (code order, each with its
    city count), city_count, checked_on, notice (problems shown to editors under `mkdocs serve`;
    empty otherwise)."""
    rules = _rules(dataset)
    provinces = [
        {"province": dataset.provinces[code], "count": len(cities.get(code, []))}
        for code in sorted(dataset.provinces)
    ]
    return {
        "topics": [topic_line(t, rules) for t in dataset.national.topics],
        "provinces": provinces,
        "city_count": len(dataset.cities),
        "checked_on": dataset.national.checked_on,
        "notice": notice,
    }


def corrections_context(dataset: Dataset) -> dict[str, object]:
    """corrections ({claim: [Cited]}, CORRECTIONS), named (the rules the page quotes values of,
    by id, Cited), sources."""
    rules = _rules(dataset)
    cites = Citations()
    corrections = {
        claim: [_hotline(dataset.national.hotline, cites) if i == "hotline" else cites.rule(rules[i]) for i in ids]
        for claim, ids in CORRECTIONS.items()
    }
    named = {i: cites.rule(rules[i]) for i in (OUT_RULE, IN_RULE, GAP_RULE, PAYER_RULE)}
    return {"corrections": corrections, "named": named, "sources": cites.sources}


@dataclass(frozen=True)
class SourceEntry:
    source: Source
    used_by: tuple[str, ...]  # what cites it: rule titles, place names
    quotes: tuple[str, ...] = ()  # the sentences read there (each distinct `quote` of its uses)


def sources_context(dataset: Dataset) -> dict[str, object]:
    """groups: [{grade, entries: [SourceEntry]}] in grade order P R N NL L S; count; checked_on."""
    entries: dict[tuple, SourceEntry] = {}

    def add(source: Source, user: str) -> None:
        key = (source.document, source.article, str(source.url))
        old = entries.get(key)
        used = old.used_by if old else ()
        quotes = old.quotes if old else ()
        if source.quote and source.quote not in quotes:
            quotes = (*quotes, source.quote)
        entries[key] = SourceEntry(old.source if old else source, used if user in used else (*used, user), quotes)

    for rule in dataset.national.rules:
        for source in rule.sources:
            add(source, rule.title)
    for source in dataset.national.hotline.sources:
        add(source, dataset.national.hotline.name)
    for code in sorted(dataset.provinces):
        for fact in dataset.provinces[code].facts:
            add(fact.source, dataset.provinces[code].name)
    for code in sorted(dataset.cities):
        for fact in dataset.cities[code].facts:
            add(fact.source, dataset.cities[code].name)
    groups = []
    for grade in ("P", "R", "N", "NL", "L", "S"):
        items = sorted((e for e in entries.values() if e.source.grade == grade),
                       key=lambda e: (e.source.document, e.source.article or "", str(e.source.url)))
        if items:
            groups.append({"grade": grade, "entries": items})
    return {"groups": groups, "count": len(entries), "checked_on": dataset.national.checked_on}
