"""tools/import_divisions.py: names, kinds, idempotence and the merge that keeps hand edits."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("import_divisions",
                                               REPO / "tools" / "import_divisions.py")
imp = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("import_divisions", imp)
_spec.loader.exec_module(imp)


def _snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*.yaml"))}


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(REPO / "data", target)
    return target


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("石家庄市", ("石家庄", "city")),
        ("恩施土家族苗族自治州", ("恩施", "autonomous_prefecture")),
        ("海西蒙古族藏族自治州", ("海西", "autonomous_prefecture")),
        ("博尔塔拉蒙古自治州", ("博尔塔拉", "autonomous_prefecture")),
        ("怒江傈僳族自治州", ("怒江", "autonomous_prefecture")),
        ("大理白族自治州", ("大理", "autonomous_prefecture")),
        ("大兴安岭地区", ("大兴安岭", "prefecture")),
        ("锡林郭勒盟", ("锡林郭勒", "league")),
    ],
)
def test_city_names(name, expected):
    assert imp.split_name(name, imp.CITY_SUFFIXES) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("河北省", ("河北", "province")),
        ("内蒙古自治区", ("内蒙古", "autonomous_region")),
        ("广西壮族自治区", ("广西", "autonomous_region")),
        ("宁夏回族自治区", ("宁夏", "autonomous_region")),
        ("新疆维吾尔自治区", ("新疆", "autonomous_region")),
        ("西藏自治区", ("西藏", "autonomous_region")),
        ("北京市", ("北京", "municipality")),
    ],
)
def test_province_names(name, expected):
    assert imp.split_name(name, imp.PROVINCE_SUFFIXES) == expected


def test_unknown_suffix_is_refused():
    with pytest.raises(ValueError, match="湖北省-自治区直辖县级行政区划"):
        imp.split_name("湖北省-自治区直辖县级行政区划", imp.CITY_SUFFIXES)


def test_build_records_counts():
    provinces, cities = imp.build_records(imp.DEFAULT_SOURCE)
    assert len(provinces) == 31
    assert len(cities) == 337


def test_import_is_idempotent(data_copy):
    before = _snapshot(data_copy)
    report = imp.write_all(imp.DEFAULT_SOURCE, data_copy)
    assert report.written == []
    assert report.unchanged == 368
    assert report.stale == []
    assert _snapshot(data_copy) == before


def test_reimport_restores_generated_fields_and_keeps_hand_edits(data_copy):
    path = data_copy / "cities" / "130100.yaml"
    original = path.read_text(encoding="utf-8")
    edited = (original.replace("name: 石家庄市", "name: 石家庄")
              .replace("agency: 石家庄市医疗保障局", "agency: 石家庄市医保局（手工）")
              + "# 手工注释：下面是事实\nfacts: []\n")
    path.write_text(edited, encoding="utf-8")
    imp.write_all(imp.DEFAULT_SOURCE, data_copy)
    assert path.read_text(encoding="utf-8") == (
        original.replace("agency: 石家庄市医疗保障局", "agency: 石家庄市医保局（手工）")
        + "# 手工注释：下面是事实\nfacts: []\n")


def test_agency_null_is_kept_and_missing_agency_is_filled(data_copy):
    kept = data_copy / "cities" / "130200.yaml"
    kept.write_text(kept.read_text(encoding="utf-8").replace(
        "agency: 唐山市医疗保障局", "agency: null"), encoding="utf-8")
    filled = data_copy / "cities" / "130300.yaml"
    filled.write_text(filled.read_text(encoding="utf-8").replace(
        "agency: 秦皇岛市医疗保障局\n", ""), encoding="utf-8")
    imp.write_all(imp.DEFAULT_SOURCE, data_copy)
    assert "agency: null\n" in kept.read_text(encoding="utf-8")
    assert "agency: 秦皇岛市医疗保障局\n" in filled.read_text(encoding="utf-8")


def test_new_files_are_written_and_stale_ones_reported(data_copy):
    (data_copy / "cities" / "130100.yaml").unlink()
    (data_copy / "cities" / "139900.yaml").write_text("code: '139900'\n", encoding="utf-8")
    report = imp.write_all(imp.DEFAULT_SOURCE, data_copy)
    assert [Path(p).name for p in report.written] == ["130100.yaml"]
    assert [Path(p).name for p in report.stale] == ["139900.yaml"]
    assert (data_copy / "cities" / "130100.yaml").read_text(encoding="utf-8") == (
        REPO / "data" / "cities" / "130100.yaml").read_text(encoding="utf-8")


def test_malformed_file_is_not_overwritten(data_copy):
    path = data_copy / "cities" / "130100.yaml"
    path.write_text("code: '130100'\nfacts: [\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="130100.yaml: cannot merge"):
        imp.write_all(imp.DEFAULT_SOURCE, data_copy)
    assert path.read_text(encoding="utf-8") == "code: '130100'\nfacts: [\n"
