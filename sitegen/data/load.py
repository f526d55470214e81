"""The single reader of data/: `load_dataset` parses all YAML once and reports every problem.

Layout: data/national.yaml (`National`), data/provinces/<code>.yaml (`Province`),
data/cities/<code>.yaml (`City`), data/calendar/<year>.yaml (`CalendarYear`, checked further by
sitegen.data.calendar_checks, which also gives warnings that do not stop a file from loading),
data/questions.yaml (`QuestionInventory`, optional; checked against the topics by sitegen.data.questions).
Each file is parsed with line numbers (sitegen.data.yaml_lines),
validated against sitegen.data.model (unknown keys forbidden; sitegen.data.validation words the errors),
scanned for the scraped pages' errors (sitegen.data.content_rules) and then checked across records:

- the file name is the code (`130100.yaml` holds code '130100');
- no two files of a folder hold one code (the file named after the code keeps it);
- no two cities, or two provinces, share a slug (the lower code keeps it);
- a city's province exists, and the city code starts with the province's two digits;
- only a municipality has a city code ending in 0000;
- rule ids and rule constants are unique, and a rule with a `constant` has a numeric `value`.

A file with any problem is left out of `LoadResult.dataset`; every other record still loads. A
city whose province file is bad is left out too, without a problem of its own (the province's
problem says what to fix). If data/national.yaml is bad, `dataset.national` holds only the rules
and fields that validated (built with `model_construct`, so `hotline` may be None) — use it only
to show the problems, never to build the site.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from sitegen.data.calendar_checks import check_year, check_years
from sitegen.data.content_rules import find_forbidden
from sitegen.data import questions as questions_checks
from sitegen.data.model import CalendarYear, City, Dataset, Hotline, National, Province, QuestionInventory, Rule
from sitegen.data.problems import DatasetError, Problem, dotted
from sitegen.data.validation import kind_name, problems_for
from sitegen.data.yaml_lines import Parsed, YamlSyntaxError, parse

__all__ = ["DatasetError", "LoadResult", "Problem", "load_calendar", "load_dataset", "load_dataset_strict"]

DEFAULT_ROOT = Path(__file__).resolve().parents[2] / "data"
NOT_SCANNED = {"url", "slug", "code", "province", "id", "constant"}


@dataclass
class LoadResult:
    dataset: Dataset  # only the records that validated
    problems: list[Problem]  # all problems, sorted by file and line
    bad_files: dict[str, list[Problem]] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)  # worth a look, but the file loads


@dataclass
class _Record:
    file: str
    stem: str
    obj: Any
    lines: dict


def load_dataset(root: Path | str | None = None) -> LoadResult:
    root = Path(root) if root is not None else DEFAULT_ROOT
    problems: list[Problem] = []
    national = _load_national(root, problems)
    provinces = _load_folder(root, "provinces", Province, problems)
    cities = _load_folder(root, "cities", City, problems)
    warnings: list[Problem] = []
    calendar = _load_calendar(root, problems, warnings)
    questions = _load_questions(root, national, problems)
    province_stems = {p.stem for p in _yaml_files(root / "provinces")}
    claimed = province_stems | {r.obj.code for r in provinces}
    for r in cities:
        _check_city(r, claimed, problems)
    problems.sort(key=Problem.sort_key)
    bad: dict[str, list[Problem]] = {}
    for p in problems:
        bad.setdefault(p.file, []).append(p)
    good_provinces = {r.obj.code: r.obj for r in provinces if r.file not in bad}
    good_cities = {r.obj.code: r.obj for r in cities
                   if r.file not in bad and r.obj.province in good_provinces}
    dataset = Dataset.model_construct(
        national=national,
        provinces=dict(sorted(good_provinces.items())),
        cities=dict(sorted(good_cities.items())),
        calendar={year: record for year, (record, rel, _) in sorted(calendar.items()) if rel not in bad},
        questions=questions if questions is None or _rel(root, root / "questions.yaml") not in bad else None,
    )
    return LoadResult(dataset, problems, bad, warnings)


def load_dataset_strict(root: Path | str | None = None) -> Dataset:
    """The dataset; raises DatasetError listing every problem if there is any."""
    result = load_dataset(root)
    if result.problems:
        raise DatasetError(result.problems)
    return result.dataset


def _yaml_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.yaml")) if folder.is_dir() else []


def _rel(root: Path, path: Path) -> str:
    return path.relative_to(root.parent).as_posix()


def _read(root: Path, path: Path, problems: list[Problem]) -> Parsed | None:
    rel = _rel(root, path)
    try:
        parsed = parse(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        problems.append(Problem(rel, None, None, "不是 UTF-8 编码的文本"))
        return None
    except YamlSyntaxError as exc:
        start = exc.context_line
        hint = (f"错误可能始于第 {start} 行；检查第 {start} 行到这一行的缩进、冒号和引号"
                if start is not None and exc.line is not None and start < exc.line
                else "检查这一行和上一行的缩进、冒号和引号")
        problems.append(Problem(rel, exc.line, None, f"YAML 语法错误：{exc.message}", hint))
        return None
    for key_path, line, first in parsed.duplicate_keys:
        problems.append(Problem(rel, line, dotted(key_path), f"字段重复，第 {first} 行已经写过",
                                "同一层的字段只能写一次"))
    if not isinstance(parsed.data, dict):
        what = "文件为空" if parsed.data is None else f"顶层应为字段映射，实际为{kind_name(parsed.data)}"
        problems.append(Problem(rel, parsed.lines.get(()), None, what))
        return None
    _scan_text(parsed.data, (), parsed.lines, rel, problems)
    return parsed


def _scan_text(value: Any, path: tuple, lines: dict, rel: str, problems: list[Problem]) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            if key not in NOT_SCANNED:
                _scan_text(item, (*path, key), lines, rel, problems)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _scan_text(item, (*path, index), lines, rel, problems)
    elif isinstance(value, str):
        for matched, error_class, explanation in find_forbidden(value):
            shown = matched if len(matched) <= 12 else "…" + matched[-12:]
            problems.append(Problem(rel, lines.get(path), dotted(path),
                                    f"含有抓取页面的错误写法「{shown}」（{error_class}）", explanation))


def _validated(root: Path, path: Path, model: type[BaseModel], problems: list[Problem]):
    """(the parsed file, its path relative to the data's parent, the model or None); the file's
    problems are added to `problems`. None when the file could not be parsed."""
    parsed = _read(root, path, problems)
    if parsed is None:
        return None
    rel = _rel(root, path)
    obj, found = problems_for(model, parsed.data, parsed.lines, rel)
    problems.extend(found)
    return parsed, rel, obj


def _load_folder(root: Path, folder: str, model: type[BaseModel],
                 problems: list[Problem]) -> list[_Record]:
    records = []
    for path in _yaml_files(root / folder):
        loaded = _validated(root, path, model, problems)
        if loaded is not None and loaded[2] is not None:
            parsed, rel, obj = loaded
            records.append(_Record(rel, path.stem, obj, parsed.lines))
    for path in sorted((root / folder).glob("*.yml")) if (root / folder).is_dir() else []:
        problems.append(Problem(_rel(root, path), None, None, "扩展名应为 .yaml，此文件未读取"))
    _check_unique(records, folder, problems)
    return records


def _check_unique(records: list[_Record], folder: str, problems: list[Problem]) -> None:
    for r in records:
        if r.stem != r.obj.code:
            problems.append(Problem(r.file, r.lines.get(("code",)), "code",
                                    f"文件名 {r.stem}.yaml 与代码 {r.obj.code} 不一致",
                                    f"文件应命名为 {r.obj.code}.yaml"))
    owners: dict[str, _Record] = {}
    for r in sorted(records, key=lambda r: (r.stem != r.obj.code, r.file)):
        owner = owners.setdefault(r.obj.code, r)
        if owner is not r:
            problems.append(Problem(r.file, r.lines.get(("code",)), "code",
                                    f"代码 {r.obj.code} 重复：{owner.file} 已使用"))
    slugs: dict[str, _Record] = {}
    for r in sorted(records, key=lambda r: (r.obj.code, r.file)):
        owner = slugs.setdefault(r.obj.slug, r)
        if owner is not r:
            problems.append(Problem(r.file, r.lines.get(("slug",)), "slug",
                                    f"slug {r.obj.slug} 重复：{owner.file} 已使用",
                                    "重名时每个单位都加省份后缀，见 sitegen/data/slugs.py"))


def load_calendar(root: Path | str | None = None) -> tuple[dict[int, CalendarYear], list[Problem], list[Problem]]:
    """Only data/calendar/: (the years that validated, problems, warnings)."""
    root = Path(root) if root is not None else DEFAULT_ROOT
    problems: list[Problem] = []
    warnings: list[Problem] = []
    years = _load_calendar(root, problems, warnings)
    problems.sort(key=Problem.sort_key)
    bad = {p.file for p in problems}
    return {year: record for year, (record, rel, _) in sorted(years.items()) if rel not in bad}, problems, warnings


def _load_calendar(root: Path, problems: list[Problem],
                   warnings: list[Problem]) -> dict[int, tuple[CalendarYear, str, dict]]:
    years: dict[int, tuple[CalendarYear, str, dict]] = {}
    for path in _yaml_files(root / "calendar"):
        loaded = _validated(root, path, CalendarYear, problems)
        if loaded is None or loaded[2] is None:
            continue
        parsed, rel, record = loaded
        errors, notes = check_year(record, path.stem, parsed.lines, rel)
        problems.extend(errors)
        warnings.extend(notes)
        if record.year in years:
            problems.append(Problem(rel, parsed.lines.get(("year",)), "year",
                                    f"年份 {record.year} 重复：{years[record.year][1]} 已使用"))
            continue
        years[record.year] = (record, rel, parsed.lines)
    problems.extend(check_years(years))
    return years


def _check_city(r: _Record, claimed: set[str], problems: list[Problem]) -> None:
    city: City = r.obj
    if city.province not in claimed:
        problems.append(Problem(r.file, r.lines.get(("province",)), "province",
                                f"未知的省级单位 {city.province}",
                                f"data/provinces/ 下没有 {city.province}.yaml"))
    elif city.code[:2] != city.province[:2]:
        problems.append(Problem(r.file, r.lines.get(("code",)), "code",
                                f"城市代码 {city.code} 不属于省级单位 {city.province}",
                                "城市代码的前两位与所属省级代码相同"))
    if city.code.endswith("0000") != (city.kind == "municipality"):
        problems.append(Problem(r.file, r.lines.get(("kind",)), "kind",
                                f"代码 {city.code} 与类型 {city.kind} 不符",
                                "只有直辖市（municipality）的代码以 0000 结尾"))


def _load_national(root: Path, problems: list[Problem]) -> National:
    path = root / "national.yaml"
    rel = _rel(root, path)
    if not path.is_file():
        problems.append(Problem(rel, None, None, "缺少全国规则文件"))
        return National.model_construct(rules=[], hotline=None, checked_on=None)
    parsed = _read(root, path, problems)
    if parsed is None:
        return National.model_construct(rules=[], hotline=None, checked_on=None)
    national, found = problems_for(National, parsed.data, parsed.lines, rel)
    problems.extend(found)
    if national is not None:
        indexed = list(enumerate(national.rules))
    else:
        national, indexed = _partial_national(parsed.data, {p.field or "" for p in found})
    _check_rules(indexed, parsed.lines, rel, problems)
    return national


def _partial_national(data: dict, bad_fields: set[str]) -> tuple[National, list[tuple[int, Rule]]]:
    """The parts of a bad national.yaml that validated, and each good rule's index in the file."""

    def clean(prefix: str) -> bool:
        return not any(f == prefix or f.startswith(prefix + ".") for f in bad_fields)

    raw_rules = data.get("rules") if isinstance(data.get("rules"), list) else []
    indexed = [(i, Rule.model_validate(r)) for i, r in enumerate(raw_rules) if clean(f"rules.{i}")]
    hotline = None
    if "hotline" in data and clean("hotline"):
        hotline = Hotline.model_validate(data["hotline"])
    checked_on = data.get("checked_on") if clean("checked_on") else None
    national = National.model_construct(rules=[r for _, r in indexed], hotline=hotline,
                                        checked_on=checked_on)
    return national, indexed


def _check_rules(indexed: list[tuple[int, Rule]], lines: dict, rel: str,
                 problems: list[Problem]) -> None:
    def add(index: int, key: str, message: str, hint: str | None = None) -> None:
        line = lines.get(("rules", index, key), lines.get(("rules", index)))
        problems.append(Problem(rel, line, f"rules.{index}.{key}", message, hint))

    ids: dict[str, int] = {}
    constants: dict[str, tuple[int, str]] = {}
    for index, rule in indexed:
        first = ids.setdefault(rule.id, index)
        if first != index:
            add(index, "id", f"规则 id {rule.id} 重复：rules.{first} 已使用")
        if rule.constant is None:
            continue
        owner_index, owner_id = constants.setdefault(rule.constant, (index, rule.id))
        if owner_index != index:
            add(index, "constant",
                f"常量 {rule.constant} 重复：rules.{owner_index}（{owner_id}）已使用")
        if isinstance(rule.value, str) or rule.value is None:
            add(index, "value", f"规则设置了 constant {rule.constant}，value 应为数字",
                "计算器从 calculators/rules.py 读取这个数值")


def _load_questions(root: Path, national: National, problems: list[Problem]) -> QuestionInventory | None:
    """data/questions.yaml if present (a site without it has no 「常见问题」 page)."""
    path = root / "questions.yaml"
    if not path.is_file():
        return None
    loaded = _validated(root, path, QuestionInventory, problems)
    if loaded is None:
        return None
    parsed, rel, inventory = loaded
    if inventory is not None:
        problems.extend(questions_checks.check(inventory, national, parsed.lines, rel))
    return inventory
