"""sitegen.pages.example: the worked example is the calculator's own answer, typed, and a refusal names
the setting to fix."""

from __future__ import annotations

import datetime

import pytest

from calculators.errors import CalculatorError
from calculators.transfer import transfer_deadline
from calendar_fixture import fixture_calendar
from sitegen.pages.example import ExampleError, example_deadline

D = datetime.date


def test_the_example_dates_are_the_calculators():
    # worked example 5 (医保办发〔2021〕43号 with 《国务院办公厅关于2026年部分节假日安排的通知》): accepted 2026-09-24 → 转出地 10-15 (国庆 in between), 转入地 10-22.
    example = example_deadline(D(2026, 9, 24))
    assert (example.transfer_out_due, example.transfer_in_due) == (D(2026, 10, 15), D(2026, 10, 22))
    assert example.problems == () and example.notes


def test_an_example_in_estimated_days_carries_the_calculators_words():
    before_2027 = fixture_calendar("official-to-2026")
    example = example_deadline(D(2026, 12, 24), lambda accepted: transfer_deadline(accepted, calendar=before_2027))
    assert example.transfer_out_due is None and any("2027 年的放假安排" in p for p in example.problems)


def test_a_refused_date_names_the_setting():
    def refuse(accepted):
        raise CalculatorError("out_of_range", "accepted", "年份超出可计算范围")

    with pytest.raises(ExampleError) as info:
        example_deadline(D(2030, 1, 2), refuse)
    assert str(info.value) == "mkdocs.yml extra.yibao.example_accepted: 计算器拒绝示例日期 2030-01-02：年份超出可计算范围"
