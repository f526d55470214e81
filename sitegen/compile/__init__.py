"""Stage 2, compile: every module of calculators/ that is generated from data/, by one command.

    python -m sitegen compile           # write the modules whose text changed
    python -m sitegen compile --check   # only say which are out of date (exit 1)

The calculators run in the browser too, where there is no YAML, so what they need of data/ is
written out as Python: `rules.py` (the national numbers, sitegen.compile.rules_module), `calendar_data.py`
(the working-day calendar, sitegen.compile.calendar_module) and `places_data.py` (provinces, cities, their
facts, sitegen.compile.places_module). Nothing is compiled as a side effect of an import: `make` runs this
command before the tests, the preview and the builds, and the preview hook runs it again after an
edit. A file with problems is not compiled: the last good module stays and the problems are
returned, each naming its file, line and field. tests/sitegen/test_compile.py fails on any drift.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sitegen.data.load import DEFAULT_ROOT, LoadResult, load_dataset
from sitegen.data.problems import Problem

CALCULATORS = Path(__file__).resolve().parents[2] / "calculators"


def _rules(root: Path, result: LoadResult) -> tuple[str | None, list[Problem]]:
    from sitegen.compile.rules_module import render_rules_module

    problems = [p for p in result.problems if p.file.endswith("national.yaml")]
    return (None, problems) if problems else (render_rules_module(result.dataset.national), [])


def _calendar(root: Path, result: LoadResult) -> tuple[str | None, list[Problem]]:
    from sitegen.compile.calendar_module import render_calendar_module, source_digest

    problems = [p for p in result.problems if p.file.startswith("data/calendar/")]
    if problems:
        return None, problems
    return render_calendar_module(result.dataset.calendar, source_digest(root)), []


def _places(root: Path, result: LoadResult) -> tuple[str | None, list[Problem]]:
    from sitegen.compile.places_module import places_text

    return places_text(root, result)


@dataclass(frozen=True)
class Generated:
    name: str  # the file in calculators/
    render: Callable[[Path, LoadResult], tuple[str | None, list[Problem]]]  # (data root, loaded) -> (text, problems)
    what: str  # what it holds, for the command's output


GENERATED: tuple[Generated, ...] = (
    Generated("rules.py", _rules, "全国规则中计算器使用的数值"),
    Generated("calendar_data.py", _calendar, "工作日日历"),
    Generated("places_data.py", _places, "省、市及其地方事实"),
)


@dataclass(frozen=True)
class Outcome:
    target: Path
    current: bool  # the file already held the text
    problems: tuple[Problem, ...] = ()


def compile_all(root: Path = DEFAULT_ROOT, target_dir: Path = CALCULATORS, write: bool = True) -> list[Outcome]:
    """Render every generated module from `root`; write those that changed (unless `write` is False)."""
    if not (root / "national.yaml").is_file() or not (root / "calendar").is_dir():
        raise FileNotFoundError(f"{root} 不是数据目录（缺少 national.yaml 或 calendar/）")
    outcomes = []
    result = load_dataset(root)
    for item in GENERATED:
        target = target_dir / item.name
        text, problems = item.render(root, result)
        if text is None:
            outcomes.append(Outcome(target, True, tuple(problems)))
            continue
        current = target.is_file() and target.read_text(encoding="utf-8") == text
        if write and not current:
            target.write_text(text, encoding="utf-8")
        outcomes.append(Outcome(target, current))
    return outcomes


def recompile(project: Path) -> tuple[list[str], list[str]]:
    """Under the preview: compile the data of the project at `project` into its calculators/ (when
    it has one). (a line per module written, a line per problem that kept a module as it was)."""
    if not (project / "calculators").is_dir():
        return [], []
    outcomes = compile_all(project / "data", project / "calculators")
    written = [f"已重新生成 calculators/{o.target.name}" for o in outcomes if not o.current]
    return written, [f"calculators/{o.target.name} 未重新生成：{problem}" for o in outcomes for problem in o.problems]


def main(root: Path, only_check: bool) -> int:
    """The `compile` command: 0 when every module is (now) current, 1 otherwise."""
    failed = False
    for item, outcome in zip(GENERATED, compile_all(root, write=not only_check)):
        name = f"calculators/{item.name}"
        for problem in outcome.problems:
            print(problem)
        if outcome.problems:
            failed = True
            print(f"{name}（{item.what}）未重新生成：数据有上面的问题，仍是上次生成的版本。")
        elif outcome.current:
            print(f"{name}（{item.what}）是最新的。")
        elif only_check:
            failed = True
            print(f"{name}（{item.what}）与 data/ 不一致；运行 python -m sitegen compile 重新生成。")
        else:
            print(f"已重新生成 {name}（{item.what}）。")
    return 1 if failed else 0
