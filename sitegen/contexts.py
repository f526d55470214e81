"""What each page type receives from the dataset (the documented template contexts).

City page (`templates/city.md.j2`, sections in `templates/city/<key>.md.j2`):
    city, province        the City and Province records
    title, description    page title (topic + city, once) and meta description
    sections              section keys in reading order (CITY_SECTIONS)
    indexed               the sections kept in the search index (indexed_sections)
    rules                 {group: [Cited national rules]} for the groups of SECTION_RULES
    local                 {section: [Cited province and city facts]} (SECTION_FACTS)
    out_rule, in_rule     the two time-limit rules; wait_rule the national maximum waiting
                          period; payer_rule who owes the statutory late fee (all Cited)
    hotline               the 医保 hotline as a Cited item (title = name, text = number)
    example               ExampleDeadline: the calculator's dates for the configured date
    sources               [Source] in citation order (〔n〕 is sources[n-1])
    siblings              the other cities of the province, in code order
    checked_on            the date the national rules were last checked

Province, index, corrections and sources contexts are documented on their builders below.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from calculators.places import DEFAULT_PLACES
from calculators.registry import prefill_facts
from sitegen.citations import Cited, Citations
from sitegen.example import ExampleDeadline
from sitegen.model import City, Dataset, Hotline, Province, Rule, Source
from sitegen.runtime_assets import ASSETS_TOKEN as CALC_ASSETS_TOKEN, forms_in, render_calculators

# The order in which a city page answers a reader's questions.
CITY_SECTIONS: tuple[str, ...] = (
    "who", "how", "limits", "account", "gaps", "fees", "years", "calculators", "hotline", "sources",
    "nearby",
)

# National rules printed in each group, by rule id (data/national.yaml), in this order. The
# time-limit rules are named separately (OUT_RULE, IN_RULE). Groups are city-page sections,
# except "resident" (the 居民医保 part of "gaps") and "incentives" (overview page only).
SECTION_RULES: dict[str, tuple[str, ...]] = {
    "who": ("scope", "no_double_enrolment", "who_employee", "who_resident", "who_cross_scheme"),
    "how": ("channels", "review_points"),
    "limits": ("faster_local_limits", "workday_counting"),
    "account": ("personal_account",),
    "gaps": ("gap_retroactive_max_months", "employee_wait_max_months", "switch_min_continuous_years"),
    "resident": ("resident_fixed_wait_months", "resident_months_per_lapsed_year", "resident_repair",
                 "resident_long_lapse_floor_months", "resident_wait_exempt"),
    "fees": ("late_fee_daily_rate", "late_fee_payer", "late_fee_not_on_employees",
             "late_fee_individuals", "late_fee_cap_disputed"),
    "years": ("contribution_years_cumulative", "min_contribution_years"),
    "hotline": ("hrss_hotline",),
    "incentives": ("incentive_continuous", "incentive_zero_claim", "incentive_min_step",
                   "incentive_cap_share", "incentive_resets"),
}

# Local fact kinds (sitegen.model.FactKind) shown in each city-page section.
SECTION_FACTS: dict[str, tuple[str, ...]] = {
    "who": ("enrolment_window", "note"),
    "limits": ("transfer_time_limit",),
    "account": ("personal_account",),
    "gaps": ("max_waiting_months", "gap_rule", "incentive_step"),
    "years": ("min_contribution_years", "contribution_years"),
}

# Rules the templates name directly.
OUT_RULE = "transfer_out_workdays"
IN_RULE = "transfer_in_workdays"
WAIT_RULE = "employee_wait_max_months"
PAYER_RULE = "late_fee_payer"
GAP_RULE = "gap_retroactive_max_months"
RATE_RULE = "late_fee_daily_rate"
HRSS_RULE = "hrss_hotline"
NAMED_RULES = (OUT_RULE, IN_RULE, WAIT_RULE, PAYER_RULE, GAP_RULE)


class MissingRules(KeyError):
    """data/national.yaml lacks rules the pages print."""

    def __str__(self) -> str:
        return str(self.args[0])


def required_rule_ids() -> list[str]:
    ids = [i for group in SECTION_RULES.values() for i in group]
    ids += [i for group in CORRECTIONS.values() for i in group if i != "hotline"]
    return list(dict.fromkeys([*NAMED_RULES, *ids]))


def check_rules(dataset: Dataset) -> None:
    """Fail early, naming every rule id the templates need but the data lacks."""
    have = {rule.id for rule in dataset.national.rules}
    missing = [i for i in required_rule_ids() if i not in have]
    if missing:
        raise MissingRules(
            "data/national.yaml rules: 缺少页面需要的规则 " + "、".join(missing)
            + "（提示：页面使用的规则 id 列在 sitegen/contexts.py 的 NAMED_RULES、SECTION_RULES 和 CORRECTIONS）"
        )


def _rules(dataset: Dataset) -> dict[str, Rule]:
    return {rule.id: rule for rule in dataset.national.rules}


def _hotline(hotline: Hotline, cites: Citations) -> Cited:
    return Cited(hotline.name, hotline.number, None, None, "hotline", "national", None,
                 cites.cite(hotline.sources))


def cities_by_province(dataset: Dataset) -> dict[str, list[City]]:
    grouped: dict[str, list[City]] = defaultdict(list)
    for code in sorted(dataset.cities):
        city = dataset.cities[code]
        grouped[city.province].append(city)
    return grouped


def _local_facts(province: Province, city: City, kinds: tuple[str, ...], cites: Citations) -> list[Cited]:
    facts = [cites.fact(f, "province", province.name) for f in province.facts if f.kind in kinds]
    # A municipality is both a province and a city file; a fact kept in both is printed once.
    facts += [cites.fact(f, "city", city.name) for f in city.facts
              if f.kind in kinds and f not in province.facts]
    return facts


def calculator_prefill(province: Province, city: City) -> dict[str, str]:
    """What the data knows for the city's calculators: its name, and for each form field that a
    fact kind prefills (calculators.registry) the sourced value, the city's before the province's."""
    prefill = {"place": city.name}
    for name, kind in prefill_facts().items():
        for fact in [*city.facts, *province.facts]:
            if fact.kind == kind and isinstance(fact.value, int | Decimal) and not isinstance(fact.value, bool):
                prefill[name] = str(fact.value)
                break
    return prefill


def calculators_context(calendar_notice: str | None = None) -> dict[str, object]:
    """The calculators page: every form of the city pages, nothing prefilled."""
    return {"calculators": render_calculators({}, CALC_ASSETS_TOKEN, heading=2, calendar_notice=calendar_notice)}


def plan_context(calendar_notice: str | None = None) -> dict[str, object]:
    """The planner's page: its form, and every city (name, pinyin initials, province) to choose from."""
    places = DEFAULT_PLACES
    return {
        "calculators": render_calculators({}, CALC_ASSETS_TOKEN, heading=2, calendar_notice=calendar_notice,
                                          section="plan"),
        "cities": [places.city(code) for code in places.codes()],
    }


def indexed_sections(city: City, local: dict[str, list[Cited]]) -> frozenset[str]:
    """City-page sections worth a search hit: those holding something only this city has (its
    local facts, or its agency under "how"). Every other section repeats on all city pages and
    is indexed once, on the overview page; the page itself is always found by its title."""
    found = {section for section, facts in local.items() if facts}
    if city.agency:
        found.add("how")
    return frozenset(found)


def city_context(dataset: Dataset, city: City, example: ExampleDeadline,
                 siblings: list[City], calendar_notice: str | None = None) -> dict[str, object]:
    """The context of one city page (see the module docstring)."""
    rules = _rules(dataset)
    province = dataset.provinces[city.province]
    cites = Citations()
    named = {name: cites.rule(rules[name]) for name in (OUT_RULE, IN_RULE)}
    groups: dict[str, list[Cited]] = {}
    local: dict[str, list[Cited]] = {}
    for section in CITY_SECTIONS:
        if section == "hotline":  # the 医保 number first, then the rule that corrects 12333
            hotline = _hotline(dataset.national.hotline, cites)
        groups[section] = [cites.rule(rules[i]) for i in SECTION_RULES.get(section, ())]
        local[section] = _local_facts(province, city, SECTION_FACTS.get(section, ()), cites)
        if section == "gaps":
            groups["resident"] = [cites.rule(rules[i]) for i in SECTION_RULES["resident"]]
    title = f"{city.name}医保关系转移接续"
    place = city.name if city.kind == "municipality" else f"{city.name}（{province.name}）"
    return {
        "city": city,
        "province": province,
        "title": title,
        "description": f"{place}基本医疗保险关系转入、转出的条件、渠道、"
        "时限、个人账户、断缴与等待期、滞纳金和缴费年限，附来源与核对日期。",
        "sections": CITY_SECTIONS,
        "indexed": indexed_sections(city, local),
        "rules": groups,
        "local": local,
        "out_rule": named[OUT_RULE],
        "in_rule": named[IN_RULE],
        "wait_rule": cites.rule(rules[WAIT_RULE]),
        "payer_rule": cites.rule(rules[PAYER_RULE]),
        "hotline": hotline,
        "example": example,
        "calculators": render_calculators(calculator_prefill(province, city), CALC_ASSETS_TOKEN,
                                          calendar_notice=calendar_notice, section="calculators"),
        "calculator_count": len(forms_in("calculators")),
        "fees_calculators": render_calculators(calculator_prefill(province, city), CALC_ASSETS_TOKEN,
                                               section="fees", assets=False),
        "sources": cites.sources,
        "siblings": [c for c in siblings if c.code != city.code],
        "checked_on": dataset.national.checked_on,
    }


def province_context(dataset: Dataset, province: Province, cities: list[City]) -> dict[str, object]:
    """province; cities (code order); facts (Cited); hotline (Cited); sources; checked_on."""
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
        "sources": cites.sources,
        "checked_on": dataset.national.checked_on,
    }


# The order of the overview page's groups (templates/index.md.j2 prints them in this order, so
# the 〔n〕 marks rise down the page). "limits" starts with the two time-limit rules, "hotline"
# with the 医保 hotline itself; "others" holds every rule no group names, so none is left out.
INDEX_ORDER: tuple[str, ...] = (
    "who", "how", "limits", "account", "gaps", "resident", "incentives", "fees", "years", "others",
    "hotline",
)

# The corrections page: for each wrong claim, the rules that correct it, in the order printed.
# "hotline" stands for the 医保 hotline record.
CORRECTIONS: dict[str, tuple[str, ...]] = {
    "hotline": (HRSS_RULE, "hotline"),
    "late_fee": (RATE_RULE, PAYER_RULE, "late_fee_individuals"),
    "limits": (OUT_RULE, IN_RULE, "faster_local_limits"),
    "gap": (GAP_RULE,),
}


def index_context(dataset: Dataset, cities: dict[str, list[City]], notice: list[str]) -> dict[str, object]:
    """rules ({group: [Cited]} in INDEX_ORDER), provinces (code order, each with its city count),
    city_count, sources, checked_on, notice (problems shown to editors under `mkdocs serve`;
    empty otherwise)."""
    rules = _rules(dataset)
    cites = Citations()
    named = {i for ids in SECTION_RULES.values() for i in ids} | {OUT_RULE, IN_RULE}
    groups: dict[str, list[Cited]] = {}
    for group in INDEX_ORDER:
        first: list[Cited] = []
        if group == "limits":
            first = [cites.rule(rules[OUT_RULE]), cites.rule(rules[IN_RULE])]
        if group == "hotline":
            first = [_hotline(dataset.national.hotline, cites)]
        if group == "others":
            first = [cites.rule(rule) for rule in dataset.national.rules if rule.id not in named]
        groups[group] = first + [cites.rule(rules[i]) for i in SECTION_RULES.get(group, ())]
    provinces = [
        {"province": dataset.provinces[code], "count": len(cities.get(code, []))}
        for code in sorted(dataset.provinces)
    ]
    return {
        "rules": groups,
        "provinces": provinces,
        "city_count": len(dataset.cities),
        "sources": cites.sources,
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


def sources_context(dataset: Dataset) -> dict[str, object]:
    """groups: [{grade, entries: [SourceEntry]}] in grade order P R N L S; count; checked_on."""
    entries: dict[tuple, SourceEntry] = {}

    def add(source: Source, user: str) -> None:
        key = (source.document, source.article, str(source.url))
        old = entries.get(key)
        used = old.used_by if old else ()
        entries[key] = SourceEntry(source, used if user in used else (*used, user))

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
    for grade in ("P", "R", "N", "L", "S"):
        items = sorted((e for e in entries.values() if e.source.grade == grade),
                       key=lambda e: (e.source.document, e.source.article or "", str(e.source.url)))
        if items:
            groups.append({"grade": grade, "entries": items})
    return {"groups": groups, "count": len(entries), "checked_on": dataset.national.checked_on}
