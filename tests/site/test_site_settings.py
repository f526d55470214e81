"""sitegen.data.settings (mkdocs.yml extra.yibao) and sitegen.pages.citations (numbered sources per page)."""

from __future__ import annotations

import datetime

import pytest

from sitegen.pages.citations import Citations
from sitegen.data.model import LocalFact, Rule, Source
from sitegen.data.settings import SettingsError, SiteSettings, load_settings


def test_mkdocs_yml_holds_the_example_date_the_calculator_covers():
    from calculators.cli import run

    settings = load_settings()
    code, out = run(["transfer-deadline", "--accepted", settings.example_accepted.isoformat()])
    assert code == 0 and out["problems"] == []


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({}, "mkdocs.yml extra.yibao: 缺少站点设置"),
        ({"yibao": {"example_accepted": "2026-09-24"}}, "extra.yibao.example_accepted: 应为日期 YYYY-MM-DD，实际为 '2026-09-24'"),
        ({"yibao": {"example_accepted": datetime.date(2026, 9, 24), "colour": "red"}}, "extra.yibao.colour: 未知设置"),
    ],
)
def test_bad_settings_name_the_setting(extra, message):
    with pytest.raises(SettingsError) as error:
        SiteSettings.from_extra(extra)
    assert message in str(error.value)


def _source(url: str, grade: str = "P") -> Source:
    return Source(document="《测试法》", url=url, grade=grade, checked_on=datetime.date(2026, 1, 2))


def test_citations_number_sources_in_first_use_order_and_reuse_numbers():
    cites = Citations()
    a, b = _source("https://example.org/a"), _source("https://example.org/b")
    rule = Rule(id="r", title="规则", text="内容", sources=[a, b])
    fact = LocalFact(kind="note", text="本地", source=a)
    assert cites.rule(rule).refs == (1, 2)
    cited = cites.fact(fact, "city", "测试市")
    assert cited.refs == (1,) and cited.level == "city" and cited.place == "测试市"
    assert cites.cite([b, b]) == (2,)
    assert cites.sources == [a, b]
