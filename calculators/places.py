"""The places the planner knows (calculators/places_data.py, compiled from data/) as records, and
finding a city from what a reader types: a six-digit code, or the Chinese name with or without
its suffix (中山, 中山市). No I/O: the data is a Python module."""

from __future__ import annotations

import difflib
import os.path
from dataclasses import dataclass

from calculators import places_data
from calculators.errors import CalculatorError
from calculators.text import normalise, shown

CITY = "city"
PROVINCE = "province"
# Endings of a city's full name a reader may leave out or type alone after the short name.
NAME_SUFFIXES = ("市", "地区", "盟", "自治州", "州")
CLOSE_MATCH_CUTOFF = 0.5  # difflib ratio: 中三 ~ 中山 is 0.5


@dataclass(frozen=True)
class Source:
    document: str
    url: str
    grade: str
    article: str | None


@dataclass(frozen=True)
class Fact:
    """A local fact of one data file: `id` is "c" (city file) or "p" (province file), the code,
    and the fact's position in the file (c370200.0)."""

    id: str
    scope: str  # CITY or PROVINCE
    place_code: str
    place_name: str
    kind: str
    text: str
    value: object
    unit: str | None
    source: Source


@dataclass(frozen=True)
class Place:
    code: str
    name: str
    short_name: str
    kind: str
    slug: str
    initials: str
    agency: str | None
    province_code: str
    province_name: str
    facts: tuple[Fact, ...]  # the province's facts, then the city's own (a municipality's once)
    account_stays_fact: Fact | None  # the province's rule that the account stays in the province


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    source: Source


class Places:
    """Lookup over a compiled places table (the module calculators.places_data by default)."""

    def __init__(self, provinces: dict, cities: dict, rules: dict, hotline: tuple) -> None:
        self._provinces = provinces
        self._cities = cities
        self.rules = {key: Rule(key, title, Source(*source)) for key, (title, source) in rules.items()}
        number, name, source = hotline
        self.hotline = (number, name, Source(*source))
        self._by_name: dict[str, str] = {}
        for code, row in cities.items():
            name, short = row[0], row[1]
            self._by_name.setdefault(name, code)
            self._by_name.setdefault(short, code)

    def codes(self) -> list[str]:
        return list(self._cities)

    def city(self, code: str) -> Place:
        name, short, province, kind, slug, initials, agency, facts = self._cities[code]
        p_name, _, _, p_facts, stays = self._provinces[province]
        own = [_fact(PROVINCE, province, p_name, i, f) for i, f in enumerate(p_facts)]
        own += [_fact(CITY, code, name, i, f) for i, f in enumerate(facts) if f not in p_facts]
        return Place(code, name, short, kind, slug, initials, agency, province, p_name, tuple(own),
                     None if stays is None else own[stays])

    def find(self, text: str) -> str | None:
        """The code of the city `text` names, or None."""
        value = normalise(text)
        if value in self._cities:
            return value
        if value in self._by_name:
            return self._by_name[value]
        for suffix in NAME_SUFFIXES:
            if value.endswith(suffix) and value[: -len(suffix)] in self._by_name:
                return self._by_name[value[: -len(suffix)]]
        return None

    def closest(self, text: str) -> str | None:
        """The short name of the city whose name is closest to `text` (difflib's ratio, then the
        longer common beginning, then the lower code), or None when none is close."""
        value = normalise(text)
        best: tuple[float, int, int] | None = None
        found = None
        for order, (name, code) in enumerate(self._by_name.items()):
            ratio = difflib.SequenceMatcher(None, value, name).ratio()
            if ratio < CLOSE_MATCH_CUTOFF:
                continue
            prefix = len(os.path.commonprefix([value, name]))
            key = (ratio, prefix, -order)
            if best is None or key > best:
                best, found = key, code
        return None if found is None else self._cities[found][1]


def _fact(scope: str, code: str, place_name: str, index: int, row: tuple) -> Fact:
    kind, text, value, unit, source = row
    return Fact(f"{scope[0]}{code}.{index}", scope, code, place_name, kind, text, value, unit, Source(*source))


DEFAULT_PLACES = Places(places_data.PROVINCES, places_data.CITIES, places_data.RULES, places_data.HOTLINE)


def resolve_city(text: str, field: str, places: Places = DEFAULT_PLACES) -> Place:
    """The city named by `text` (six-digit code, or name with or without suffix); an unknown one
    is a CalculatorError `unknown_city` on `field`, suggesting the closest name when there is one."""
    if not isinstance(text, str) or not normalise(text):
        raise CalculatorError("missing_option", field, "请填写城市名称或六位代码。")
    code = places.find(text)
    if code is not None:
        return places.city(code)
    value = normalise(text)
    if value.isascii() and value.isdigit():
        raise CalculatorError("unknown_city", field, f"没有代码为{shown(value)}的城市；请填写地级市的六位代码或城市名称。")
    suggestion = places.closest(value)
    hint = f"，是否是“{suggestion}”？" if suggestion else "；请填写地级市或直辖市的名称。"
    raise CalculatorError("unknown_city", field, f"没有名为{shown(value)}的城市{hint}")
