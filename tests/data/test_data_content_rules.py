"""sitegen.data.content_rules: every pattern catches its scraped form and lets the right wording
through, and no text field of data/ contains any of them."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from sitegen.data.content_rules import FORBIDDEN, find_forbidden
from sitegen.data.load import DEFAULT_ROOT, NOT_SCANNED

# (scraped text, its class, the correct wording that must pass) — one row per FORBIDDEN entry.
CASES = [
    ("养老金低于当地低保线一定倍数的人员", "E1", "职工医保个人账户余额随关系转移。"),
    ("以当地有关法规为准", "E2", "以当地有关规定为准；法律法规另有规定的除外；本办法规定时限。"),
    ("广东省方案", "E2", "广东省的政策；各地的实施方案；国务院机构改革方案。"),
    ("余额清0", "E2", "累计额度清零。"),
    ("数据仅供参考", "E2", "信息仅供参考。"),
    ("断保所导致的后果", "E2", "断保导致的后果。"),
    ("医保断交了怎么办", "E3", "医保断缴了怎么办"),
    ("医保夸省转移", "E3", "医保跨省转移"),
    ("通常需先停保并介绍原参保地余额", "E3", "先停保，结清原参保地欠费。"),
    ("医保转移咨询电话12333", "E6", "12333 是人力资源社会保障服务热线。网址 si12333.cn 不算。"),
    ("初始密码一般为123456", "E6", "请按页面提示设置密码。"),
    ("补缴后次月恢复", "E6", "补缴后自缴费当月起享受待遇。"),
    ("国家规定30个工作日内办结", "E6", "转出地 10 个工作日内办结。"),
    ("下面随新社通小编一起了解", "E7", "下面说明办理条件。"),
    ("社保网声明：如有侵权请投诉删除", "E7", "来源见文末。"),
    ("石家庄医保转移(05/31)", "E7", "石家庄医保关系转移接续"),
    ("部分用户反馈线上申请后3天到账", "E8", "泉州承诺 2 个工作日内记账。"),
]


def test_one_case_per_pattern():
    assert len(CASES) == len(FORBIDDEN)
    hit = set()
    for scraped, _cls, _good in CASES:
        hit |= {i for i, (p, _c, _e) in enumerate(FORBIDDEN) if p.search(scraped)}
    assert hit == set(range(len(FORBIDDEN)))


@pytest.mark.parametrize(("scraped", "error_class", "good"), CASES)
def test_pattern_catches_scraped_and_passes_good(scraped, error_class, good):
    assert error_class in {cls for _m, cls, _e in find_forbidden(scraped)}
    assert find_forbidden(good) == []


def test_entries_are_well_formed():
    for pattern, error_class, explanation in FORBIDDEN:
        assert error_class in {"E1", "E2", "E3", "E6", "E7", "E8"}
        assert explanation and pattern.pattern


def _texts(value, key=None):
    if isinstance(value, dict):
        for k, v in value.items():
            if k not in NOT_SCANNED:
                yield from _texts(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from _texts(v, key)
    elif isinstance(value, str):
        yield value


def test_no_forbidden_pattern_in_data():
    found = []
    files = sorted(Path(DEFAULT_ROOT).rglob("*.yaml"))
    calendar_years = len(list((Path(DEFAULT_ROOT) / "calendar").glob("*.yaml")))
    assert calendar_years >= 2026 - 2004 + 1
    assert len(files) == 1 + 31 + 337 + calendar_years + 1  # national, provinces, cities, calendar, questions
    for path in files:
        for text in _texts(yaml.safe_load(path.read_text(encoding="utf-8"))):
            found += [(path.name, m) for m in find_forbidden(text)]
    assert found == []
