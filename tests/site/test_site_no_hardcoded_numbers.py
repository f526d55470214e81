"""Rules and numbers are printed from data/, never typed into templates/, docs/ or the calculator
forms (web/forms/): a template or hand-written page that hard-codes a rule value, the hotline, a
rate or a date fails here. sitegen/data/content_rules.py must hold the *wrong* values it searches for,
so it is checked for the current rule values and the hotline only."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from sitegen.data.load import load_dataset

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
    files += sorted((ROOT / "web" / "forms").rglob("*"))
    return [f for f in files if f.is_file() and f.suffix in {".j2", ".md", ".html", ".txt", ".yml", ".yaml"}]


# Known hard-coded text, allowed to stay. The forms' wording now comes from the calculators'
# registry (calculators/registry/), where tests/calculators/test_rule_literals.py checks it; the
# list may only shrink: a new hit anywhere fails, and so does an entry here that no longer occurs.
KNOWN: set[str] = set()


@pytest.fixture(scope="module")
def patterns():
    return GENERIC + data_patterns()


def test_templates_and_docs_hold_no_rule_value_or_number(patterns):
    files = scanned_files()
    assert {"city", "docs", "forms"} <= {f.parent.name for f in files}
    found = []
    for path in files:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            found += [f"{path.relative_to(ROOT)}:{number} {hit}" for hit in hardcoded(line, patterns)]
    assert sorted(set(found) - KNOWN) == []
    assert sorted(KNOWN - set(found)) == [], "已经改好的条目请从 KNOWN 里删掉"


def test_content_rules_take_the_current_values_from_the_data():
    path = ROOT / "sitegen" / "data" / "content_rules.py"
    patterns = data_patterns()  # once: each call reads the whole dataset
    found = [f"{number}: {hit}" for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             for hit in hardcoded(line, patterns)]
    assert not found, "\n".join(found)


def test_topic_sentences_quote_only_values_of_their_own_rules():
    """The one sentence a city page prints for a topic is typed in data/national.yaml; every
    number with a unit in it must be the value of a rule that sentence rests on."""
    national = load_dataset().dataset.national
    rules = {r.id: r for r in national.rules}
    wrong = []
    for topic in national.topics:
        allowed = {(format(Decimal(rules[i].value).normalize(), "f"), rules[i].unit.removeprefix("个"))
                   for i in topic.short_rules if isinstance(rules[i].value, (int, Decimal)) and rules[i].unit}
        for m in re.finditer(r"(\d+)\s*(?:个)?(工作日|月|年|日|元)", topic.short):
            if (m.group(1), m.group(2)) not in allowed:
                wrong.append(f"{topic.id}: 「{m.group(0)}」")
    assert not wrong, wrong


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
