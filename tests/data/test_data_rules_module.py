"""calculators/rules.py is generated from data/national.yaml (drift test) and the CLI."""

from __future__ import annotations

from decimal import Decimal

import pytest

import calculators.rules as rules_py
from sitegen.__main__ import main
from sitegen.data.load import load_dataset_strict
from sitegen.compile.rules_module import RULES_PATH, _literal, render_rules_module, short_citation


def test_rules_py_has_not_drifted():
    text = render_rules_module(load_dataset_strict().national)
    assert text == RULES_PATH.read_text(encoding="utf-8"), "run: python -m sitegen rules"


def test_every_constant_matches_its_rule():
    national = load_dataset_strict().national
    constants = {r.constant: r.value for r in national.rules if r.constant}
    assert len(constants) == 10
    for name, value in constants.items():
        assert getattr(rules_py, name) == value
        assert type(getattr(rules_py, name)) is type(value)


def test_late_fee_rate_is_a_decimal():
    assert rules_py.LATE_FEE_DAILY_RATE == Decimal("0.0005")


@pytest.mark.parametrize(
    ("document", "short"),
    [
        ("《基本医疗保险关系转移接续暂行办法》（医保办发〔2021〕43号）", "医保办发〔2021〕43号"),
        ("《国务院办公厅关于健全基本医疗保险参保长效机制的指导意见》（国办发〔2024〕38号）",
         "国办发〔2024〕38号"),
        ("《中华人民共和国社会保险法》", "社会保险法"),
    ],
)
def test_short_citation(document, short):
    assert short_citation(document) == short


def test_literal_refuses_text():
    assert _literal(10) == "10"
    assert _literal(Decimal("0.0005")) == 'Decimal("0.0005")'
    with pytest.raises(TypeError):
        _literal("10")


def test_cli_rules_check_and_write(tmp_path, capsys):
    assert main(["rules", "--check"]) == 0
    target = tmp_path / "rules.py"
    assert main(["rules", "--output", str(target), "--check"]) == 1
    assert main(["rules", "--output", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == RULES_PATH.read_text(encoding="utf-8")
    assert main(["rules", "--output", str(target), "--check"]) == 0
    capsys.readouterr()
