"""sitegen.pages.render: the Jinja environment (strict, escaping) and the named filters."""

from __future__ import annotations

import datetime
from decimal import Decimal

import markdown
import pytest
from jinja2 import UndefinedError

from sitegen.pages import render as r


@pytest.fixture
def env(tmp_path):
    (tmp_path / "page.md.j2").write_text("# {{ name }}\n\n{{ text }}\n", encoding="utf-8")
    (tmp_path / "missing.md.j2").write_text("{{ city.nonexistent }}\n", encoding="utf-8")
    (tmp_path / "link.md.j2").write_text("[{{ doc }}]({{ href | url }})\n", encoding="utf-8")
    return r.make_environment(tmp_path)


def test_html_in_data_is_escaped_and_shows_literally(env):
    text = r.render(env, "page.md.j2", {"name": "<script>alert(1)</script>市", "text": "a <b>b</b>"})
    assert "<script>" not in text and "&lt;script&gt;alert(1)&lt;/script&gt;市" in text
    html = markdown.markdown(text)
    assert "<script" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;市" in html


def test_markdown_markup_in_data_is_escaped(env):
    text = r.render(env, "page.md.j2", {"name": "x", "text": "*不是强调* [不是链接](http://e.invalid) a|b"})
    html = markdown.markdown(text, extensions=["tables"])
    assert "<em>" not in html and "<a " not in html
    assert "*不是强调* [不是链接](http://e.invalid) a|b" in html


def test_undefined_names_fail_the_render(env):
    with pytest.raises(UndefinedError):
        r.render(env, "missing.md.j2", {"city": {}})


def test_url_filter_keeps_the_link_target_intact(env):
    text = r.render(env, "link.md.j2", {"doc": "《办法》", "href": "https://e.invalid/a_b(1)?x=1&y=2"})
    html = markdown.markdown(text)
    assert 'href="https://e.invalid/a_b%281%29?x=1&amp;y=2"' in html


def test_render_collapses_blank_runs_and_ends_with_one_newline(tmp_path):
    (tmp_path / "t.md.j2").write_text("a\n\n\n\nb\n\n\n", encoding="utf-8")
    assert r.render(r.make_environment(tmp_path), "t.md.j2", {}) == "a\n\nb\n"


@pytest.mark.parametrize(
    ("value", "expected"),
    [(datetime.date(2026, 9, 24), "2026年9月24日"), ("2026-10-05", "2026年10月5日")],
)
def test_cn_date(value, expected):
    assert r.cn_date(value) == expected


def test_number_prints_rule_values_plainly():
    assert r.number(10) == "10"
    assert r.number(Decimal("0.20")) == "0.2"
    with pytest.raises(ValueError, match="没有数值"):
        r.number(None)


def test_grade_label_uses_the_schema_labels():
    assert r.grade_label("S") == "二手网站（仅作线索，可信度低）"


def test_front_matter_is_valid_yaml_and_escaped():
    import yaml

    value = str(r.front_matter('北京"<x>"：一'))
    assert yaml.safe_load(f"title: {value}") == {"title": "北京&#34;&lt;x&gt;&#34;：一"}
