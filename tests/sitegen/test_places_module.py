"""sitegen.compile.places_module: calculators/places_data.py is exactly what data/ compiles to (drift),
an edit is compiled when stale and a bad dataset never, the pinyin initials read as the slugs
do, and everything the planner adds to the browser download stays within its budget."""

from __future__ import annotations

import marshal
import shutil
import zlib
from pathlib import Path

import brotli
import pytest

from calculators import places_data
from sitegen.data.load import DEFAULT_ROOT, load_dataset_strict
from sitegen.compile.places_module import (
    PLACES_PATH,
    compile_places,
    compiled_digest,
    pinyin_initials,
    pinyin_syllables,
    refresh,
    refresh_if_stale,
    render_places_module,
    source_digest,
)
from sitegen.data.slugs import pinyin_slug

CALCULATORS = PLACES_PATH.parent
# The planner's part of the browser download: its code and its compiled data.
PLANNER_FILES = ("places_data.py", "places.py", "plan.py", "plan_rules.py", "plan_waiting.py")
BUDGET_BROTLI = 60 * 1024


def test_the_compiled_places_match_the_data():
    assert PLACES_PATH.read_text(encoding="utf-8") == render_places_module(load_dataset_strict(), source_digest())
    assert compiled_digest(PLACES_PATH) == source_digest()


def _bytecode(name: str) -> bytes:
    """The module as the wheel ships it: compiled to a code object (tools/build_wheels.py py-compiles)."""
    path = CALCULATORS / name
    return marshal.dumps(compile(path.read_text(encoding="utf-8"), str(path), "exec"))


def test_the_planner_fits_its_download_budget():
    """The browser downloads each module's bytecode inside the deflated wheel: counted per file both
    deflated (as in the wheel) and brotli-compressed, the planner stays within 60 KB either way."""
    deflated = sum(len(zlib.compress(_bytecode(name), 9)) for name in PLANNER_FILES)
    packed = sum(len(brotli.compress(_bytecode(name), quality=11)) for name in PLANNER_FILES)
    assert max(deflated, packed) <= BUDGET_BROTLI, f"deflated {deflated} bytes, brotli {packed} bytes"


def test_every_city_and_province_is_compiled_with_its_facts():
    dataset = load_dataset_strict()
    assert set(places_data.CITIES) == set(dataset.cities) and set(places_data.PROVINCES) == set(dataset.provinces)
    qingdao = places_data.CITIES["370200"]
    assert qingdao[:7] == ("青岛市", "青岛", "370000", "city", "qingdao", "qd", "青岛市医疗保障局")
    assert qingdao[7][0][0] == "gap_rule" and qingdao[7][0][4][2] == "S"
    assert places_data.PROVINCES["440000"][4] == 0  # 广东: the account stays in the province
    assert all(row[4] is None for code, row in places_data.PROVINCES.items() if code != "440000")


@pytest.mark.parametrize(("name", "initials"), [("北京", "bj"), ("长治", "cz"), ("漯河", "lh"), ("重庆", "cq"),
                                                 ("锡林郭勒", "xlgl"), ("厦门", "xm")])
def test_pinyin_initials(name, initials):
    assert pinyin_initials(name) == initials


def test_initials_read_every_city_as_its_slug_does():
    for code, (_, short, *_rest) in places_data.CITIES.items():
        assert "".join(pinyin_syllables(short)) == pinyin_slug(short), short
        assert len(places_data.CITIES[code][5]) == len(short)


def _copy(tmp_path: Path) -> tuple[Path, Path]:
    data = tmp_path / "data"
    shutil.copytree(DEFAULT_ROOT, data)
    target = tmp_path / "places_data.py"
    shutil.copy2(PLACES_PATH, target)
    return data, target


def test_an_edited_city_is_compiled_and_an_unchanged_one_is_left_alone(tmp_path):
    data, target = _copy(tmp_path)
    assert refresh_if_stale(data, target) == (False, [])
    path = data / "cities" / "440100.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("agency: 广州市医疗保障局", "agency: 广州市医保测试局"),
                    encoding="utf-8")
    assert refresh_if_stale(data, target) == (True, [])
    namespace: dict = {}
    exec(target.read_text(encoding="utf-8"), namespace)  # noqa: S102 - our own generated module
    assert namespace["CITIES"]["440100"][6] == "广州市医保测试局"
    assert refresh_if_stale(data, target) == (False, [])


def test_a_bad_local_maximum_wait_keeps_the_last_good_module(tmp_path):
    data, target = _copy(tmp_path)
    before = target.read_text(encoding="utf-8")
    path = data / "cities" / "310000.yaml"
    path.write_text(path.read_text(encoding="utf-8") + """facts:
  - kind: max_waiting_months
    text: 测试用的虚构规定。
    value: 9
    unit: 个月
    source:
      document: 测试
      url: https://example.org/
      grade: L
      checked_on: 2026-11-23
""", encoding="utf-8")
    changed, problems = refresh(data, target)
    assert not changed and [p.field for p in problems] == ["facts.0.value"]
    assert "0–6" in problems[0].message
    assert target.read_text(encoding="utf-8") == before


def test_a_missing_cited_rule_stops_the_compile(tmp_path):
    data, _ = _copy(tmp_path)
    national = data / "national.yaml"
    national.write_text(national.read_text(encoding="utf-8").replace("id: review_points", "id: review_points_renamed"),
                        encoding="utf-8")
    text, problems = compile_places(data)
    assert text is None and any("review_points" in p.message for p in problems)
