"""Rules and numbers are printed from data/, never typed into templates/ or docs/: a template or
hand-written page that hard-codes a rule value, the hotline, a rate or a date fails here."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from sitegen.load import load_dataset

ROOT = Path(__file__).resolve().parents[2]
UNITS = r"(?:个)?(?:工作日|自然日|月|年|天|日|元|倍|%|％)"
GENERIC = [
    (re.compile(r"(?<![\w.])\d+(?:\.\d+)?\s*" + UNITS), "数字加单位"),
    (re.compile(r"(?<![几多])[零一二三四五六七八九十两]+\s*个(?:工作日|月)"), "中文数字加单位"),
    (re.compile(r"万分之|千分之|百分之"), "费率"),
    (re.compile(r"(?<!\d)(?:12393|12333)(?!\d)"), "热线号码"),
    (re.compile(r"\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}"), "日期"),
    (re.compile(r"〔\d{4}〕\s*\d+\s*号"), "文号"),
]


def data_patterns() -> list[tuple[re.Pattern[str], str]]:
    """Each numeric rule value next to its unit, the hotline number, and the late-fee rate forms."""
    national = load_dataset().dataset.national
    found = [(re.compile(re.escape(national.hotline.number)), "热线号码（数据）")]
    for rule in national.rules:
        if isinstance(rule.value, (int, Decimal)) and rule.unit:
            value = format(Decimal(rule.value).normalize(), "f")
            unit = re.escape(rule.unit.removeprefix("个"))
            found.append((re.compile(rf"(?<![\d.]){re.escape(value)}\s*(?:个)?{unit}"), f"规则 {rule.id}"))
        if isinstance(rule.value, Decimal) and rule.value < 1:
            percent = format((rule.value * 100).normalize(), "f")
            found.append((re.compile(rf"(?<![\d.]){re.escape(percent)}\s*[%％]"), f"规则 {rule.id}"))
    return found


def hardcoded(text: str, patterns) -> list[str]:
    return [f"「{m.group(0)}」（{what}）" for pattern, what in patterns for m in pattern.finditer(text)]


def scanned_files() -> list[Path]:
    files = sorted((ROOT / "templates").rglob("*"))
    files += sorted((ROOT / "docs").rglob("*"))
    return [f for f in files if f.is_file() and f.suffix in {".j2", ".md", ".html", ".txt", ".yml", ".yaml"}]


@pytest.fixture(scope="module")
def patterns():
    return GENERIC + data_patterns()


def test_templates_and_docs_hold_no_rule_value_or_number(patterns):
    files = scanned_files()
    assert any(f.parent.name == "city" for f in files) and any(f.parent.name == "docs" for f in files)
    found = []
    for path in files:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            found += [f"{path.relative_to(ROOT)}:{number} {hit}" for hit in hardcoded(line, patterns)]
    assert not found, "\n".join(found)


@pytest.mark.parametrize(
    "line",
    [
        "转出地自受理之日起 10 个工作日内办结",
        "转入地五个工作日内完成",
        "中断不超过3个月的可以补缴",
        "按日加收万分之五的滞纳金",
        "滞纳金按日 0.05% 计算",
        "医保服务热线 12393",
        "例：2026-09-24 受理",
        "医保办发〔2021〕43号",
    ],
)
def test_the_check_catches_a_hardcoded_rule(line, patterns):
    assert hardcoded(line, patterns)


def test_the_check_leaves_printed_values_alone(patterns):
    assert not hardcoded("转出地 {{ out.value | number }} {{ out.unit }}，第 {{ number }} 节，几十个工作日", patterns)
