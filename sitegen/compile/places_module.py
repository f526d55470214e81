"""Compile the places of data/ (provinces, cities, their local facts) and the national rules the
planner cites into calculators/places_data.py, the data the planner (calculators.plan) reads.

The planner runs in the browser too, where there is no YAML, so the validated dataset is written
out as plain Python literals, the way sitegen.compile.calendar_module writes the calendar. The module
records a digest of the files it came from (national.yaml, provinces/, cities/);
`refresh_if_stale` recompiles when they differ. It runs at the same edges as the calendar's —
`python -m calculators`, the test session, the Pyodide wheel build. A dataset with problems is
not compiled: the last good module stays and the problems are returned.

Computed here, at compile time, so the browser needs neither pypinyin nor the rule texts:
- each city's pinyin initials for the searchable chooser (北京 → "bj"), with the readings of
  sitegen.data.slugs.PINYIN_OVERRIDES for names pypinyin reads wrongly (长治 → "cz");
- for each province, which of its `personal_account` facts says the balance stays inside the
  province on a move between its cities (value "stays_in_province", or a text with 「不划转」).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from calculators.lapse_counting import COUNTINGS
from calculators.limits import MAX_LOCAL_WAIT_MONTHS
from calculators.plan_rules import (
    ACCOUNT_KIND,
    COUNTING_KIND,
    EMPLOYEE_GAP_WAIT_KIND,
    FIXED_WAIT_KIND,
    MAX_WAIT_KIND,
    PER_YEAR_KIND,
    PLAN_RULE_IDS,
)
from calculators.rules import EMPLOYEE_WAIT_MAX_MONTHS
from sitegen.compile.compiled import compiled_digest, digest_of, write_if_changed
from sitegen.data.load import DEFAULT_ROOT, load_dataset
from sitegen.data.model import Dataset, LocalFact, Province, Source
from sitegen.data.problems import Problem

PLACES_PATH = Path(__file__).resolve().parents[2] / "calculators" / "places_data.py"
SOURCE_FOLDERS = ("provinces", "cities")
ACCOUNT_STAYS = "stays_in_province"
ACCOUNT_STAYS_TEXT = "不划转"

HEADER = '''"""Provinces, cities, their local facts and the national rules the planner cites.

GENERATED from data/national.yaml, data/provinces/ and data/cities/ by sitegen.compile.places_module; do
not edit by hand. It is recompiled automatically when those files change; a drift test checks it.

A source is (document, url, grade, article). A fact is (kind, text, value, unit, source); a value
that is a decimal number is written as its text.
PROVINCES[code] = (name, short name, kind, facts, index of the fact saying the personal account
    stays in the province on a move between its cities, or None).
CITIES[code] = (name, short name, province code, kind, slug, pinyin initials, agency or None, facts).
RULES[id] = (title, source): the first source of each rule in data/national.yaml.
HOTLINE = (number, name, source).
"""
'''


def source_digest(root: Path = DEFAULT_ROOT) -> str:
    paths = [root / "national.yaml"]
    for folder in SOURCE_FOLDERS:
        paths += sorted((root / folder).glob("*.yaml"))
    return digest_of(root, paths)


def pinyin_syllables(short_name: str) -> list[str]:
    """The toneless syllables of a place name, read as its slug reads it (sitegen.data.slugs): pypinyin's
    reading, or the reading of PINYIN_OVERRIDES split into one syllable per character."""
    # pypinyin is imported here, not at the top: loading its dictionaries takes a third of a second,
    # which `python -m calculators` would pay on every run although it recompiles only when stale.
    from pypinyin import Style, lazy_pinyin, pinyin

    from sitegen.data.slugs import PINYIN_OVERRIDES

    override = PINYIN_OVERRIDES.get(short_name)
    if override is None:
        return [s.lower() for s in lazy_pinyin(short_name, style=Style.NORMAL, errors="exception")]
    readings = pinyin(short_name, style=Style.NORMAL, heteronym=True, errors="exception")
    chosen = _spell(readings, override)
    if chosen is None:
        raise ValueError(f"no reading of {short_name!r} spells the override {override!r}")
    return chosen


def pinyin_initials(short_name: str) -> str:
    """Lower-case pinyin initials for the searchable chooser: 北京 → "bj", 长治 → "cz"."""
    return "".join(syllable[0] for syllable in pinyin_syllables(short_name))


def _spell(readings: list[list[str]], target: str) -> list[str] | None:
    """One syllable per character whose concatenation is `target`, or None. A character takes a
    reading pypinyin knows for it when one fits, else a piece of `target` (pypinyin does not know
    every reading, e.g. luò of 漯); of all spellings, the one with the fewest such pieces wins."""
    best: tuple[int, list[str]] | None = None

    def walk(index: int, rest: str, chosen: list[str], guessed: int) -> None:
        nonlocal best
        if best is not None and guessed >= best[0]:
            return
        if index == len(readings):
            if rest == "":
                best = (guessed, chosen)
            return
        known = [option for option in readings[index] if option and rest.startswith(option)]
        for option in known:
            walk(index + 1, rest[len(option):], [*chosen, option], guessed)
        for end in range(1, len(rest) + 1):
            if rest[:end] not in known:
                walk(index + 1, rest[end:], [*chosen, rest[:end]], guessed + 1)

    walk(0, target, [], 0)
    return None if best is None else best[1]


def _value(value: object) -> object:
    return str(value) if isinstance(value, Decimal) else value


def _source(source: Source) -> tuple:
    return (source.document, str(source.url), source.grade, source.article)


def _fact(fact: LocalFact) -> tuple:
    return (fact.kind, fact.text, _value(fact.value), fact.unit, _source(fact.source))


def account_stays_index(province: Province) -> int | None:
    """The index of the province's fact saying the personal account stays in the province."""
    for index, fact in enumerate(province.facts):
        if fact.kind == ACCOUNT_KIND and (fact.value == ACCOUNT_STAYS or ACCOUNT_STAYS_TEXT in fact.text):
            return index
    return None


def check_places(dataset: Dataset) -> list[Problem]:
    """What the planner needs that the schema alone does not check."""
    problems: list[Problem] = []
    rules = {rule.id for rule in dataset.national.rules}
    for rule_id in PLAN_RULE_IDS:
        if rule_id not in rules:
            problems.append(Problem("data/national.yaml", None, "rules",
                                    f"缺少规划工具引用的规则 {rule_id}（见 calculators/plan_rules.py）"))
    places = [("provinces", p.code, p.facts) for p in dataset.provinces.values()]
    places += [("cities", c.code, c.facts) for c in dataset.cities.values()]
    for folder, code, facts in places:
        for index, fact in enumerate(facts):
            message = _value_problem(fact.kind, fact.value)
            if message is not None:
                problems.append(Problem(f"data/{folder}/{code}.yaml", None, f"facts.{index}.value", message))
    return problems


def _months(value: object, most: int) -> bool:
    return not isinstance(value, bool) and isinstance(value, int) and 0 <= value <= most


def _value_problem(kind: str, value: object) -> str | None:
    """What is wrong with the value of a fact kind the calculators compute with, or None. The kinds
    of a province's own rules may come without a value (a source that words the rule without the figure)."""
    if value is None and kind != MAX_WAIT_KIND:
        return None
    if kind in (MAX_WAIT_KIND, EMPLOYEE_GAP_WAIT_KIND) and not _months(value, EMPLOYEE_WAIT_MAX_MONTHS):
        what = "当地最长等待期" if kind == MAX_WAIT_KIND else "职工医保中断后的等待期（月）"
        return (f"{what}应是 0–{EMPLOYEE_WAIT_MAX_MONTHS} 的整数（医保办发〔2021〕43号的全国上限），"
                f"收到的是 {value!r}")
    if kind in (FIXED_WAIT_KIND, PER_YEAR_KIND) and not _months(value, MAX_LOCAL_WAIT_MONTHS):
        return f"居民医保等待期的月数应是 0–{MAX_LOCAL_WAIT_MONTHS} 的整数，收到的是 {value!r}"
    if kind == COUNTING_KIND and value not in COUNTINGS:
        return f"断保年数的算法应是 {' 或 '.join(COUNTINGS)}，收到的是 {value!r}"
    return None


def _literal(rows: dict[str, tuple], name: str) -> list[str]:
    return [f"{name} = {{", *(f"    {code!r}: {row!r}," for code, row in rows.items()), "}"]


def render_places_module(dataset: Dataset, digest: str) -> str:
    provinces = {
        code: (p.name, p.short_name, p.kind, tuple(_fact(f) for f in p.facts), account_stays_index(p))
        for code, p in sorted(dataset.provinces.items())
    }
    cities = {
        code: (c.name, c.short_name, c.province, c.kind, c.slug, pinyin_initials(c.short_name), c.agency,
               tuple(_fact(f) for f in c.facts))
        for code, c in sorted(dataset.cities.items())
    }
    by_id = {rule.id: rule for rule in dataset.national.rules}
    rules = {rule_id: (by_id[rule_id].title, _source(by_id[rule_id].sources[0])) for rule_id in PLAN_RULE_IDS}
    hotline = dataset.national.hotline
    lines = [HEADER, f'SOURCE_DIGEST = "{digest}"', ""]
    lines += _literal(provinces, "PROVINCES") + [""]
    lines += _literal(cities, "CITIES") + [""]
    lines += _literal(rules, "RULES") + [""]
    lines.append(f"HOTLINE = {(hotline.number, hotline.name, _source(hotline.sources[0]))!r}")
    return "\n".join(lines) + "\n"


def compile_places(root: Path = DEFAULT_ROOT) -> tuple[str | None, list[Problem]]:
    """The module text, or None and the problems that stop it."""
    return places_text(root, load_dataset(root))


def places_text(root: Path, result) -> tuple[str | None, list[Problem]]:
    """The module text from a loaded dataset (sitegen.data.load.LoadResult), or None and the problems."""
    relevant = [p for p in result.problems if not p.file.startswith("data/calendar/")]
    relevant += check_places(result.dataset) if not relevant else []
    if relevant:
        return None, relevant
    return render_places_module(result.dataset, source_digest(root)), []


def refresh(root: Path = DEFAULT_ROOT, target: Path = PLACES_PATH) -> tuple[bool, list[Problem]]:
    """Compile the places into `target`: (whether the file changed, the problems that stopped it)."""
    text, problems = compile_places(root)
    if text is None:
        return False, problems
    return write_if_changed(target, text), []


def refresh_if_stale(root: Path = DEFAULT_ROOT, target: Path = PLACES_PATH) -> tuple[bool, list[Problem]]:
    """`refresh` when the data files differ from what `target` was compiled from (cheap otherwise)."""
    if not (root / "national.yaml").is_file() or compiled_digest(target) == source_digest(root):
        return False, []
    return refresh(root, target)
