"""The page 「各地信息核实情况」 (coverage.md): every province with its sourced facts, their 年度,
grade and date checked, the kinds still unknown, and the cities with facts of their own; it is in
the nav after 来源."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from sitegen.pages.city_page import FACT_TOPICS
from sitegen.pages.coverage import coverage, summary_lines
from sitegen.data.load import load_dataset_strict
from sitegen.data.model import GRADE_LABELS

ROOT = Path(__file__).resolve().parents[2]


def _sections(page: str) -> dict[str, str]:
    parts = re.split(r"^## (.+)$", page, flags=re.M)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def test_the_page_has_a_section_per_province_and_the_counts(real_pages):
    page = real_pages["coverage.md"]
    dataset = load_dataset_strict()
    assert page.startswith("---\ntitle: 各地信息核实情况\n")
    # The facts are indexed on the province and city pages; the table would add ~90 KB to search.
    assert "\nsearch:\n  exclude: true\n---\n" in page
    sections = _sections(page)
    assert list(sections) == ["总体情况", *(dataset.provinces[c].name for c in sorted(dataset.provinces))]
    for line in summary_lines(coverage(dataset)):
        assert f"- {line}" in sections["总体情况"]


def test_each_province_lists_its_facts_with_year_grade_and_date_and_what_is_unknown(real_pages):
    dataset = load_dataset_strict()
    sections = _sections(real_pages["coverage.md"])
    for entry in coverage(dataset).provinces:
        section = sections[entry.province.name]
        rows = [line for line in section.splitlines() if line.startswith("| [")]
        assert len(rows) == len(entry.province.facts), entry.province.name
        for row, fact in zip(rows, entry.province.facts, strict=True):
            year = f"{fact.year}年度" if fact.year else "—"
            checked = f"{fact.checked_on.year}年{fact.checked_on.month}月{fact.checked_on.day}日"
            assert row.startswith(f"| [{fact.label}](")
            assert row.endswith(f"| {year} | {GRADE_LABELS[fact.grade]} | {checked} |"), row
        if entry.province.unknown:
            assert f"**还没有来源的内容**：{'、'.join(entry.province.unknown)}。" in section
        for city in entry.cities:
            assert f"- [{city.name}](cities/{dataset.cities[city.code].slug}.md)自己的规定：" in section
        rest = entry.city_count - len(entry.cities)
        assert (f"- 其余 {rest} 个城市没有找到本市自己的有来源规定" in section) == (rest > 0)


def test_a_known_fact_reads_as_the_data_says(real_pages):
    section = _sections(real_pages["coverage.md"])["青海省"]
    label = FACT_TOPICS["enrolment_window"][1]
    assert re.search(rf"^\| \[{label}\]\(http://www\.qinghai\.gov\.cn/[^)]+\) \| 2026年度 \| "
                     rf"{GRADE_LABELS['L']} \| 2026年12月6日 \|$", section, flags=re.M)


def test_the_page_is_in_the_nav_after_the_sources():
    nav = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:\n")[1].split("\n\n")[0]
                         .join(["nav:\n", ""]))["nav"]
    targets = [next(iter(item.values())) for item in nav]
    assert targets[targets.index("sources.md") + 1] == "coverage.md"
    assert {"各地信息核实情况": "coverage.md"} in nav
