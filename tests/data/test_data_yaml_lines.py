"""sitegen.data.yaml_lines: values as yaml.safe_load gives them, plus the line of every key."""

from __future__ import annotations

import datetime

import pytest
import yaml

from sitegen.data.yaml_lines import YamlSyntaxError, line_of, parse

TEXT = """\
# comment
code: '130100'
facts:
  - kind: note
    source:
      checked_on: 2026-11-23
  - kind: gap_rule
"""


def test_values_match_safe_load():
    assert parse(TEXT).data == yaml.safe_load(TEXT)
    assert parse(TEXT).data["facts"][0]["source"]["checked_on"] == datetime.date(2026, 11, 23)


def test_lines():
    lines = parse(TEXT).lines
    assert lines[()] == 2
    assert lines[("code",)] == 2
    assert lines[("facts", 0)] == 4
    assert lines[("facts", 0, "source", "checked_on")] == 6
    assert lines[("facts", 1, "kind")] == 7


def test_line_of_falls_back_to_the_nearest_parent():
    lines = parse(TEXT).lines
    assert line_of(lines, ("facts", 1, "source", "url")) == 7
    assert line_of(lines, ("missing",)) == 2


def test_duplicate_keys_are_recorded():
    parsed = parse("a: 1\nb: 2\na: 3\n")
    assert parsed.duplicate_keys == [(("a",), 3, 1)]


def test_syntax_error_line():
    with pytest.raises(YamlSyntaxError) as info:
        parse("a: 1\nb: [1\nc: 2\n")
    assert info.value.line == 3
    assert info.value.context_line == 2


def test_empty_document():
    parsed = parse("# nothing\n")
    assert parsed.data is None
    assert parsed.lines == {}
