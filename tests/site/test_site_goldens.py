"""Golden files: the rendered Markdown of three representative cities — one in 广东 (province
rule on the personal account, local facts), one autonomous prefecture, one municipality.
Regenerate after an intended change with `pytest tests/site --update-goldens` and review the diff."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest

from sitegen.data.load import load_dataset
from sitegen.pages.forms import ASSETS_TOKEN
from sitegen.runtime.runtime_assets import asset_version

GOLDEN = Path(__file__).with_name("golden")
CITIES = {
    "zhongshan": "广东省的地级市",
    "enshi": "自治州",
    "beijing": "直辖市",
}


# The calculators' asset version is a hash of the built runtime and wheels, which differs between
# machines (wheel archives carry build times); the goldens record it as VERSION. The memory
# snapshot's size differs between machines too (measured: 4.2 MB on a fresh clone, 4.3 MB on a
# working tree); the goldens record it as N.
SNAPSHOT_SIZE = re.compile(r"另取约 \d+(?:\.\d+)? MB")


def normalized(page: str, version: str | None = None) -> str:
    return SNAPSHOT_SIZE.sub("另取约 N MB", page.replace(version or asset_version(), "VERSION"))


@pytest.mark.parametrize("slug", sorted(CITIES))
def test_city_page_matches_its_golden_file(slug, real_pages, request):
    rendered = normalized(real_pages[f"cities/{slug}.md"])
    golden = GOLDEN / f"{slug}.md"
    if request.config.getoption("--update-goldens"):
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(rendered, encoding="utf-8")
    assert golden.exists(), f"{golden} 不存在（提示：pytest tests/site --update-goldens 生成）"
    expected = golden.read_text(encoding="utf-8")
    diff = "".join(difflib.unified_diff(expected.splitlines(True), rendered.splitlines(True),
                                        f"golden/{slug}.md", f"rendered cities/{slug}.md"))
    assert rendered == expected, f"{CITIES[slug]} {slug} 的页面变了（确认后用 --update-goldens 更新）：\n{diff}"


def test_the_goldens_cover_the_three_kinds():
    cities = {c.slug: c for c in load_dataset().dataset.cities.values()}
    assert cities["zhongshan"].kind == "city" and cities["zhongshan"].province == "440000"
    assert cities["enshi"].kind == "autonomous_prefecture"
    assert cities["beijing"].kind == "municipality"


def test_golden_normalization_hides_the_snapshot_size_only():
    assert normalized("网速很快时另取约 4.3 MB 的启动数据，约 3.2 MB", "x") == "网速很快时另取约 N MB 的启动数据，约 3.2 MB"


def test_golden_normalization_hides_only_the_asset_version():
    page = f'<div data-calc-version="0c5a27d2b9da"><script src="{ASSETS_TOKEN}/0c5a27d2b9da/calc.js">'
    assert normalized(page, "0c5a27d2b9da") == f'<div data-calc-version="VERSION"><script src="{ASSETS_TOKEN}/VERSION/calc.js">'
