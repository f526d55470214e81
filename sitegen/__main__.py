"""Command line: `python -m sitegen check`, `compile [--check]`, `rules [--check]` and `questions`.

check     — load data/ and print every problem (exit 1), or a one-line summary (exit 0).
compile   — write every module of calculators/ generated from data/ (sitegen.compile); with
            --check, only report which are out of date (exit 1 if any is).
rules     — the same for calculators/rules.py alone.
questions — the questions readers ask (data/questions.yaml): how many the site answers fully,
            partly or not, now and before the inventory, and the most-seen ones still open.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sitegen.data.load import DEFAULT_ROOT, load_dataset
from sitegen.data.questions import report as questions_report
from sitegen.compile.rules_module import RULES_PATH, render_rules_module


def check(root: Path) -> int:
    result = load_dataset(root)
    for problem in result.problems:
        print(problem)
    if result.problems:
        print(f"数据检查未通过：{len(result.problems)} 个问题，涉及 {len(result.bad_files)} 个文件。")
        return 1
    data = result.dataset
    facts = sum(len(p.facts) for p in data.provinces.values())
    facts += sum(len(c.facts) for c in data.cities.values())
    print(f"数据检查通过：{len(data.national.rules)} 条全国规则，{len(data.provinces)} 个省级单位，"
          f"{len(data.cities)} 个城市，{facts} 条地方事实。")
    return 0


def rules(root: Path, target: Path, only_check: bool) -> int:
    result = load_dataset(root)
    national_file = (root / "national.yaml").relative_to(root.parent).as_posix()
    national_problems = result.bad_files.get(national_file, [])
    if national_problems:
        for problem in national_problems:
            print(problem)
        print(f"{national_file} 有问题，未生成 {target}。")
        return 1
    text = render_rules_module(result.dataset.national)
    current = target.read_text(encoding="utf-8") if target.exists() else None
    if only_check:
        if current != text:
            print(f"{target} 与 {national_file} 不一致；运行 python -m sitegen rules 重新生成。")
            return 1
        print(f"{target} 是最新的。")
        return 0
    if current != text:
        target.write_text(text, encoding="utf-8")
        print(f"已重新生成 {target}。")
    else:
        print(f"{target} 是最新的，未改动。")
    return 0


def questions(root: Path) -> int:
    result = load_dataset(root)
    mine = [p for p in result.problems if p.file.endswith("questions.yaml")]
    for problem in mine:
        print(problem)
    if mine or result.dataset.questions is None:
        print("data/questions.yaml 缺失或有问题。")
        return 1
    print(questions_report(result.dataset.questions))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitegen", description="医保转移指南的数据工具")
    parser.add_argument("--data", type=Path, default=DEFAULT_ROOT, help="数据目录（默认 data/）")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="检查 data/ 并列出全部问题")
    rules_parser = sub.add_parser("rules", help="由 data/national.yaml 生成 calculators/rules.py")
    rules_parser.add_argument("--check", action="store_true", help="只检查，不写文件")
    rules_parser.add_argument("--output", type=Path, default=RULES_PATH)
    compile_parser = sub.add_parser("compile", help="由 data/ 生成 calculators/ 里的全部生成模块（规则、日历、地区）")
    compile_parser.add_argument("--check", action="store_true", help="只检查，不写文件")
    sub.add_parser("questions", help="读者常问的问题：已回答、部分回答、没有回答各多少")
    args = parser.parse_args(argv)
    if args.command == "check":
        return check(args.data)
    if args.command == "compile":
        from sitegen import compile as compile_stage

        return compile_stage.main(args.data, args.check)
    if args.command == "questions":
        return questions(args.data)
    return rules(args.data, args.output, args.check)


if __name__ == "__main__":
    sys.exit(main())
