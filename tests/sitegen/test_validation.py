"""sitegen.data.validation: a pydantic error becomes one problem per field, with the YAML line of the
field (or of its nearest parent), a Chinese message naming what was found, and a hint."""

from __future__ import annotations

from sitegen.data.model import LocalFact
from sitegen.data.validation import kind_name, problems_for
from sitegen.data.yaml_lines import parse

FILE = "data/cities/442000.yaml"


def problems(text: str) -> list[str]:
    parsed = parse(text)
    obj, found = problems_for(LocalFact, parsed.data, parsed.lines, FILE)
    assert obj is None
    return [str(p) for p in found]


def test_each_wrong_field_is_one_problem_at_its_line():
    text = ("kind: transfer_time_limt\ntext: 当场办结\nvalue: [1]\nsource:\n  document: 某文件\n"
            "  url: not a url\n  grade: X\n  checked_on: 2026-11-01\n")
    assert problems(text) == [
        f"{FILE}:1 kind: 取值 'transfer_time_limt' 无效，应为 transfer_time_limit、max_waiting_months、"
        "min_contribution_years、enrolment_window、personal_account、gap_rule、contribution_years、"
        "incentive_step、incentive_cap、extension_window、benefit_start、resident_fixed_wait_months、"
        "resident_months_per_lapsed_year、lapse_counting、repair_fee_year、lapse_illness_cut、employee_gap_wait、"
        "note 之一",
        # int | Decimal | str: the three members' errors are one problem, without pydantic's tags
        f"{FILE}:3 value: 类型不符：实际为列表 [1]（提示：应为整数、小数或文本）",
        f"{FILE}:6 source.url: 不是有效的网址：'not a url'（提示：以 http:// 或 https:// 开头的完整网址）",
        f"{FILE}:7 source.grade: 取值 'X' 无效，应为 P、R、N、NL、L、S 之一（提示：P 法律原文，R 官方文件的转载，"
        "N 全国性主流媒体报道，NL 地方媒体报道，L 地方政府或医保部门页面，S 二手网站）",
    ]


def test_a_missing_field_points_at_its_parent_and_an_unknown_key_suggests_the_near_one():
    text = ("kind: note\ntxet: 说明\nsource:\n  document: 某文件\n  url: https://example.gov.cn/\n"
            "  grade: L\n  checked_on: 2026-11-01\n")
    assert problems(text) == [f"{FILE}:1 text: 缺少必填字段 text", f"{FILE}:2 txet: 未知字段 txet（提示：是否应为 text？）"]


def test_a_local_fact_without_source_says_why_a_source_is_needed():
    assert problems("kind: note\ntext: 说明\n") == [
        f"{FILE}:1 source: 缺少来源 (source)（提示：地方事实必须注明来源，至少写 document、url、grade、checked_on）"]


def test_valid_data_gives_the_object_and_no_problem():
    parsed = parse("kind: note\ntext: 说明\nsource:\n  document: 某文件\n  url: https://example.gov.cn/\n"
                   "  grade: L\n  checked_on: 2026-11-01\n")
    obj, found = problems_for(LocalFact, parsed.data, parsed.lines, FILE)
    assert found == [] and obj.source.grade == "L"


def test_kind_names_are_chinese():
    assert [kind_name(v) for v in (True, 1, 1.5, "a", [], {}, None)] == ["布尔值", "整数", "小数", "文本", "列表", "字段映射", "空值"]
