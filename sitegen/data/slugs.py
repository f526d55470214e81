"""URL slugs for provinces and cities: the pinyin of the short name.

The rule (pinned by tests/data/test_data_slugs.py):

1. The slug is the toneless pinyin of the short name (`short_name`), lower case, syllables
   joined without separators, ü written `v` (pypinyin's default): 石家庄 → `shijiazhuang`,
   恩施 → `enshi`, 吕梁 → `lvliang`.
2. Where pypinyin reads a place name wrongly (polyphonic characters such as 长治, 朝阳, 漯河, 昌都,
   勒 in 锡林郭勒), `PINYIN_OVERRIDES` gives the reading used for the place.
3. Province exceptions: 陕西 is `shaanxi`, its official romanisation, so that it does not
   collide with 山西 `shanxi` (`PROVINCE_SLUG_EXCEPTIONS`).
4. Collisions among cities: when two or more cities share a pinyin slug, EVERY one of them gets
   the slug of its province appended with a hyphen — 福州 `fuzhou-fujian`, 抚州
   `fuzhou-jiangxi`. No city keeps the bare slug, so adding a city later never takes a URL away
   from another one by accident.
5. Provinces and cities are separate URL spaces (`/provinces/…`, `/cities/…`), so a city may
   share a slug with a province (吉林市 and 吉林省 are both `jilin`).

The slugs are stored in the YAML files; `tools/import_divisions.py` recomputes them and the
import's idempotence test fails if pypinyin ever changes one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from pypinyin import Style, lazy_pinyin

# Place names pypinyin reads with the wrong sound of a polyphonic character.
PINYIN_OVERRIDES: dict[str, str] = {
    "长治": "changzhi",
    "朝阳": "chaoyang",
    "漯河": "luohe",
    "锡林郭勒": "xilinguole",
    "克孜勒苏": "kezilesu",
    "阿勒泰": "aletai",
    "昌都": "changdu",
}

# Provinces whose slug is not the plain pinyin.
PROVINCE_SLUG_EXCEPTIONS: dict[str, str] = {
    "陕西": "shaanxi",  # official romanisation; 山西 stays shanxi
}


def pinyin_slug(short_name: str) -> str:
    """Toneless, lower-case, unseparated pinyin of a place name (rules 1 and 2)."""
    if short_name in PINYIN_OVERRIDES:
        return PINYIN_OVERRIDES[short_name]
    syllables = lazy_pinyin(short_name, style=Style.NORMAL, errors="exception")
    slug = "".join(syllables).lower()
    if not slug.isascii() or not slug.isalpha():
        raise ValueError(f"cannot make a slug from {short_name!r}: got {slug!r}")
    return slug


def province_slug(short_name: str) -> str:
    """Slug of a province-level unit (rules 1–3)."""
    return PROVINCE_SLUG_EXCEPTIONS.get(short_name) or pinyin_slug(short_name)


def city_slugs(
    cities: Iterable[tuple[str, str, str]], province_slugs: dict[str, str]
) -> dict[str, str]:
    """Slugs for cities given as (code, short_name, province_code) (rules 1, 2 and 4).

    Returns {code: slug}. Raises ValueError if appending the province slug still leaves two
    cities with one slug (two cities of one province with the same pinyin).
    """
    cities = list(cities)
    by_base: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for code, short_name, province in cities:
        by_base[pinyin_slug(short_name)].append((code, province))
    slugs: dict[str, str] = {}
    for base, members in by_base.items():
        if len(members) == 1:
            slugs[members[0][0]] = base
            continue
        for code, province in members:
            slugs[code] = f"{base}-{province_slugs[province]}"
    seen: dict[str, str] = {}
    for code in sorted(slugs):
        if slugs[code] in seen:
            raise ValueError(
                f"slug {slugs[code]!r} of {code} still collides with {seen[slugs[code]]}"
            )
        seen[slugs[code]] = code
    return slugs


def collisions(cities: Iterable[tuple[str, str, str]]) -> dict[str, list[str]]:
    """The bare pinyin slugs shared by more than one city: {slug: [codes, sorted]}."""
    by_base: dict[str, list[str]] = defaultdict(list)
    for code, short_name, _province in cities:
        by_base[pinyin_slug(short_name)].append(code)
    return {base: sorted(codes) for base, codes in sorted(by_base.items()) if len(codes) > 1}
