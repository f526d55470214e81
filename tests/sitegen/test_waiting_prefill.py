"""City pages prefill the 居民医保 waiting-period form with the province's own rules (a fixture
province, not data/): the counting of lapsed years selects its choice, the months fill their
fields, a city's fact comes before its province's; and sitegen.compile.places_module refuses a value the
calculators cannot use."""

from __future__ import annotations

import datetime
import re
import shutil
from pathlib import Path

from sitegen.pages import forms
from sitegen.pages.city_page import calculator_prefill
from sitegen.data.load import DEFAULT_ROOT
from sitegen.data.model import City, LocalFact, Province, Source
from sitegen.compile.places_module import PLACES_PATH, refresh

SOURCE = Source(document="测试用的虚构规定（不是真实规定）", url="https://example.org/", grade="L",
                checked_on=datetime.date(2026, 12, 6))


def fact(kind: str, value: object) -> LocalFact:
    return LocalFact(kind=kind, text="测试用的虚构规定。", value=value, source=SOURCE)


def places(province_facts: list[LocalFact], city_facts: list[LocalFact] = ()) -> tuple[Province, City]:
    province = Province(code="990000", name="测试省", short_name="测试", kind="province", slug="ceshi",
                        facts=province_facts)
    city = City(code="990100", name="样例市", short_name="样例", province="990000", kind="city", slug="yangli",
                facts=list(city_facts))
    return province, city


def test_the_province_rules_prefill_the_waiting_form():
    province, city = places([fact("lapse_counting", "after_first"), fact("resident_fixed_wait_months", 2),
                             fact("resident_months_per_lapsed_year", 1), fact("enrolment_window", None)])
    prefill = calculator_prefill(province, city)
    assert {k: prefill[k] for k in ("counting", "fixed-months", "months-per-year")} == {
        "counting": "after_first", "fixed-months": "2", "months-per-year": "1"}
    html = forms.render_calculators(prefill, "/assets/calc/")
    form = html[html.index('data-calculator="resident-waiting"'):]
    assert re.search(r'<option value="after_first" selected>', form)
    assert not re.search(r'<option value="unknown" selected>', form)
    assert re.search(r'name="fixed-months"[^>]*value="2"', form)
    assert "已按样例市的数据预填" in form


def test_a_city_fact_comes_before_the_province_and_unknown_stays_unknown():
    province, city = places([fact("lapse_counting", "after_first")], [fact("lapse_counting", "every")])
    assert calculator_prefill(province, city)["counting"] == "every"
    province, city = places([])
    prefill = calculator_prefill(province, city)
    assert "counting" not in prefill and "fixed-months" not in prefill


def test_a_counting_the_calculators_cannot_use_stops_the_compile(tmp_path: Path):
    data = tmp_path / "data"
    shutil.copytree(DEFAULT_ROOT, data)
    target = tmp_path / "places_data.py"
    shutil.copy2(PLACES_PATH, target)
    path = data / "provinces" / "140000.yaml"
    # The copy's own facts of this province are dropped: the fixture adds the only facts.
    text = re.sub(r"^facts: \[\]$", "", path.read_text(encoding="utf-8"), flags=re.M).split("\nfacts:")[0]
    text = text.rstrip("\n")
    assert "facts:" not in text
    path.write_text(text + """
facts:
  - kind: lapse_counting
    text: 测试用的虚构规定。
    value: sometimes
    source:
      document: 测试
      url: https://example.org/
      grade: L
      checked_on: 2026-12-06
  - kind: resident_fixed_wait_months
    text: 测试用的虚构规定。
    value: 13
    source:
      document: 测试
      url: https://example.org/
      grade: L
      checked_on: 2026-12-06
""", encoding="utf-8")
    changed, problems = refresh(data, target)
    assert not changed and [p.field for p in problems] == ["facts.0.value", "facts.1.value"]
    assert "after_first 或 every" in problems[0].message and "0–12" in problems[1].message
