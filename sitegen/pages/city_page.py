"""The context of a city page: answer first, then this place's own rules, then one line per
national topic pointing to its topic page (templates/city.md.j2, sections in templates/city/).

    city, province        the City and Province records
    title                 page title (place and topic once; the province added for a city)
    heading               the H1 (city name and topic)
    description           meta description built from what is specific to the place
    sections              section keys in reading order (CITY_SECTIONS; "sources" only when
                          the page cites a local source)
    indexed               sections kept in the search index (those holding something local)
    summary               Summary: the answers at the top, with this place's facts in them
    local                 [{fact: Cited, label, topic: TopicLine | None}] the place's other facts
    topics                [TopicLine] one sentence per national topic the summary does not
                          answer (SUMMARY_TOPICS), with its weak flag
    more_topics           [TopicLine] the topics listed by title only, in one line
                          (Topic.city_sentence false)
    example               ExampleDeadline: the calculator's dates for the configured date
    plan_from, plan_to    the planner's links with this city as origin or destination
    calculators           the calculators block, prefilled from the place's facts
    sources               [Source] in citation order (〔n〕 is sources[n-1]); local facts only
    siblings              the other cities of the province, in code order
    checked_on            when the national rules were last checked

Each section of CITY_SECTIONS adds its entries, in reading order (SECTION_PARTS: summary,
example, plan_from/plan_to for "summary"; local; topics and more_topics for "national"; calculators; sources;
siblings for "nearby"), and says whether it is printed and whether it is indexed.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass, field
from decimal import Decimal

from markupsafe import Markup

from sitegen.pages.citations import Cited, Citations, only_secondary
from sitegen.pages.example import ExampleDeadline
from sitegen.data.model import City, Dataset, FactKind, Hotline, Province, Rule, Topic
from sitegen.pages.forms import ASSETS_TOKEN as CALC_ASSETS_TOKEN, PLAN_TOKEN, calculators_now, render_calculators

CITY_SECTIONS: tuple[str, ...] = ("summary", "local", "national", "calculators", "sources", "nearby")

# Topics the summary answers and links; the "national" section lists the other topics only.
SUMMARY_TOPICS: tuple[str, ...] = ("how", "limits", "account", "gaps", "hotline")

# Local fact kinds (sitegen.data.model.FactKind) answered in the summary, by summary line.
SUMMARY_FACTS: dict[str, tuple[str, ...]] = {
    "limits": ("transfer_time_limit",),
    "account": ("personal_account",),
    "gaps": ("max_waiting_months", "gap_rule"),
}

# The topic page each local fact kind belongs to (None: no national topic), and how the page
# names the kind.
FACT_TOPICS: dict[str, tuple[str | None, str]] = {
    "transfer_time_limit": ("limits", "办理时限"),
    "personal_account": ("account", "个人账户余额"),
    "max_waiting_months": ("gaps", "待遇等待期"),
    "gap_rule": ("gaps", "断缴后接续"),
    "enrolment_window": ("who", "居民医保集中参保期"),
    "min_contribution_years": ("years", "退休时的缴费年限"),
    "contribution_years": ("years", "缴费年限怎么算"),
    "incentive_step": ("incentives", "参保激励的额度"),
    "incentive_cap": ("incentives", "参保激励的上限"),
    "extension_window": ("who", "居民医保集中参保期后的补缴期"),
    "benefit_start": ("who", "居民医保待遇从何时开始"),
    "resident_fixed_wait_months": ("gaps", "居民医保的固定等待期"),
    "resident_months_per_lapsed_year": ("gaps", "居民医保的变动等待期"),
    "lapse_counting": ("gaps", "断保年数怎么算"),
    "repair_fee_year": ("gaps", "修复断保按哪一年的标准缴费"),
    "lapse_illness_cut": ("incentives", "断保后大病保险限额的下调"),
    "employee_gap_wait": ("gaps", "职工医保中断后的等待期"),
    "note": (None, "当地医保部门的说明"),
}

class UnplacedFactKind(ValueError):
    """A fact kind declared in sitegen/data/model.py (FactKind) that no page section shows."""


def check_fact_kinds(declared: tuple[str, ...] | None = None) -> None:
    """Every fact kind the schema allows has its place on a city page (FACT_TOPICS), so a sourced
    fact of a new kind can never be dropped from its page without a word."""
    declared = typing.get_args(FactKind) if declared is None else declared
    missing = [kind for kind in declared if kind not in FACT_TOPICS]
    if missing:
        raise UnplacedFactKind(
            f"sitegen/data/model.py FactKind 里的 {'、'.join(missing)} 在城市页面上没有位置"
            "（提示：在 sitegen/pages/city_page.py 的 FACT_TOPICS 里写明它属于哪个专题、在页面上叫什么）")


# National rules the summary quotes values of.
OUT_RULE = "transfer_out_workdays"
IN_RULE = "transfer_in_workdays"
GAP_RULE = "gap_retroactive_max_months"
WAIT_RULE = "employee_wait_max_months"
RESIDENT_WAIT_RULE = "resident_fixed_wait_months"
SUMMARY_RULES = (OUT_RULE, IN_RULE, GAP_RULE, WAIT_RULE, RESIDENT_WAIT_RULE)


@dataclass(frozen=True)
class TopicLine:
    """One national topic as a city page or the overview prints it: title, the one sentence,
    and `weak`: "all" when every rule the sentence rests on has only S sources, "some" when
    some do, "" otherwise."""

    id: str
    title: str
    short: str
    weak: str


@dataclass(frozen=True)
class Summary:
    """The answers at the top of a city page. Facts are Cited (numbered on this page); national
    rules are Rule records (their sources are on the topic pages); `weak` names the summary
    lines whose national part rests on S sources only."""

    limits: list[Cited]
    account: list[Cited]
    gaps: list[Cited]
    rules: dict[str, Rule]
    hotline: Hotline
    weak: dict[str, bool] = field(default_factory=dict)


def topic_line(topic: Topic, rules: dict[str, Rule]) -> TopicLine:
    flags = [only_secondary(rules[i].sources) for i in topic.short_rules]
    weak = "all" if all(flags) else "some" if any(flags) else ""
    return TopicLine(topic.id, topic.title, topic.short, weak)


def _facts(province: Province, city: City, cites: Citations, kinds: tuple[str, ...]) -> list[Cited]:
    facts = [cites.fact(f, "province", province.name) for f in province.facts if f.kind in kinds]
    # A municipality is both a province and a city file; a fact kept in both is printed once.
    facts += [cites.fact(f, "city", city.name) for f in city.facts
              if f.kind in kinds and f not in province.facts]
    return facts


def calculator_prefill(province: Province, city: City) -> dict[str, str]:
    """What the data knows for the city's calculators: its name, and for each form field that a
    fact kind prefills (calculators.registry) the sourced value, the city's before the province's."""
    prefill = {"place": city.name}
    for name, kind in calculators_now().prefill_facts().items():
        for fact in [*city.facts, *province.facts]:
            # A number, or a choice's value (lapse_counting: "after_first" or "every").
            if fact.kind == kind and isinstance(fact.value, int | Decimal | str) and not isinstance(fact.value, bool):
                prefill[name] = str(fact.value)
                break
    return prefill


def description(city: City, province: Province, local: list[Cited], summary: Summary) -> str:
    """The meta description: the place, then what this place has of its own (the kinds of its
    sourced facts), or plainly that the national rules apply."""
    place = city.name if city.kind == "municipality" else f"{city.name}（{province.name}）"
    own = [*summary.limits, *summary.account, *summary.gaps, *local]
    kinds = list(dict.fromkeys(FACT_TOPICS[f.kind][1] for f in own))
    head = f"{place}的医保关系怎么转入、转出：在哪里办，要多久，个人账户余额和断缴的影响。"
    if kinds:
        return head + "有来源的本地规定：" + "、".join(kinds) + "。"
    return head + f"没有找到{city.short_name}另有规定的来源，按全国规定办理。"


@dataclass(frozen=True)
class _Page:
    """What the section builders share while one city page is put together; `cites` numbers
    the sources in the order the sections cite them (reading order)."""

    dataset: Dataset
    city: City
    province: Province
    rules: dict[str, Rule]
    topics: list[TopicLine]
    cites: Citations
    example: ExampleDeadline
    siblings: list[City]
    calendar_notice: str | None


@dataclass(frozen=True)
class Part:
    """One section's share of a city page's context: its entries; whether the page prints the
    section; whether the search index keeps it (it holds something of this place's own)."""

    values: dict[str, object] = field(default_factory=dict)
    shown: bool = True
    indexed: bool = False


def _summary(page: _Page) -> Part:
    found = {key: _facts(page.province, page.city, page.cites, kinds) for key, kinds in SUMMARY_FACTS.items()}
    rules = page.rules
    summary = Summary(
        **found, rules={i: rules[i] for i in SUMMARY_RULES}, hotline=page.dataset.national.hotline,
        weak={"limits": only_secondary([s for i in (OUT_RULE, IN_RULE) for s in rules[i].sources]),
              "account": only_secondary(rules["personal_account"].sources),
              "how": only_secondary(rules["channels"].sources),
              "resident": only_secondary(rules[RESIDENT_WAIT_RULE].sources)},
    )
    code = page.city.code
    return Part({
        "summary": summary,
        "example": page.example,
        # Link targets in raw HTML: Markup, so the "#" is not escaped as Markdown.
        "plan_from": Markup(f"{PLAN_TOKEN}#from={code}"),
        "plan_to": Markup(f"{PLAN_TOKEN}#to={code}"),
        # The city page's plan form opens the planner with both cities after "#".
        "plan_page": Markup(PLAN_TOKEN),
    }, indexed=any(found.values()))


def _local(page: _Page) -> Part:
    used = {kind for kinds in SUMMARY_FACTS.values() for kind in kinds}
    facts = _facts(page.province, page.city, page.cites, tuple(k for k in FACT_TOPICS if k not in used))
    by_id = {t.id: t for t in page.topics}
    # A province's facts are the same on each of its city pages: the province page is indexed for
    # them, and a city's section only when the city has facts of its own.
    return Part({"local": [{"fact": f, "label": FACT_TOPICS[f.kind][1], "topic": by_id.get(FACT_TOPICS[f.kind][0] or "")}
                           for f in facts]}, indexed=any(f.level == "city" for f in facts))


def _national(page: _Page) -> Part:
    titles_only = {t.id for t in page.dataset.national.topics if not t.city_sentence}
    shown = [t for t in page.topics if t.id not in SUMMARY_TOPICS]
    return Part({"topics": [t for t in shown if t.id not in titles_only],
                 "more_topics": [t for t in shown if t.id in titles_only]})


def _calculators(page: _Page) -> Part:
    prefill = calculator_prefill(page.province, page.city)
    return Part({"calculators": render_calculators(prefill, CALC_ASSETS_TOKEN, calendar_notice=page.calendar_notice)})


def _sources(page: _Page) -> Part:
    """The sources the sections before it cited (printed only when there are some)."""
    return Part({"sources": page.cites.sources}, shown=bool(page.cites.sources))


def _nearby(page: _Page) -> Part:
    return Part({"siblings": [c for c in page.siblings if c.code != page.city.code]})


# What each section of CITY_SECTIONS adds to the context (a section without an entry adds
# nothing and is always printed).
SECTION_PARTS: dict[str, typing.Callable[[_Page], Part]] = {
    "summary": _summary, "local": _local, "national": _national,
    "calculators": _calculators, "sources": _sources, "nearby": _nearby,
}


def city_context(dataset: Dataset, city: City, example: ExampleDeadline,
                 siblings: list[City], calendar_notice: str | None = None) -> dict[str, object]:
    """The context of one city page (see the module docstring): each section of CITY_SECTIONS,
    in reading order, adds its part."""
    rules = {rule.id: rule for rule in dataset.national.rules}
    province = dataset.provinces[city.province]
    page = _Page(dataset, city, province, rules, [topic_line(t, rules) for t in dataset.national.topics],
                 Citations(), example, siblings, calendar_notice)
    values: dict[str, object] = {}
    sections, indexed = [], set()
    for key in CITY_SECTIONS:
        part = SECTION_PARTS.get(key, lambda _: Part())(page)
        values.update(part.values)
        if part.shown:
            sections.append(key)
        if part.indexed:
            indexed.add(key)
    heading = f"{city.name}医保关系转移接续"
    own = [entry["fact"] for entry in values.get("local", [])]
    return {
        **values,
        "city": city,
        "province": province,
        "title": heading if city.kind == "municipality" else f"{heading}（{province.name}）",
        "heading": heading,
        "description": description(city, province, own, values["summary"]),
        "sections": tuple(sections),
        "indexed": frozenset(indexed),
        "checked_on": dataset.national.checked_on,
    }
