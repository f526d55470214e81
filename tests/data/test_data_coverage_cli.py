"""`python -m sitegen coverage [--summary]`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from dataset_fixture_files import CITY_130200

from sitegen.__main__ import main
from sitegen.pages.city_page import FACT_TOPICS
from sitegen.pages.coverage import TRACKED

REPO = Path(__file__).resolve().parents[2]
PROVINCE_FACT = """\
facts:
  - kind: enrolment_window
    text: 测试用的集中参保期。
    year: 2027
    value: 09-01/12-31
    source:
      document: 测试通知
      url: https://example.org/window
      grade: L
      checked_on: 2026-12-06
      quote: 测试原句。
"""


def test_summary_of_the_fixture(fixture_data, capsys):
    assert main(["--data", str(fixture_data.root), "coverage", "--summary"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "省级单位：0/1 个有来源的事实，其中 0 个有二手网站以外的来源；按最好的来源：无。",
        "城市：1/2 个有本市自己的有来源事实，其中 1 个有二手网站以外的来源；按最好的来源：L 1。",
        "没有居民医保集中参保期的省级单位：1 个（河北省）。",
    ]


def test_full_report_names_the_year_grade_and_date(fixture_data, capsys):
    province = (fixture_data.root / "provinces" / "130000.yaml").read_text(encoding="utf-8")
    fixture_data.write("provinces/130000.yaml", province + PROVINCE_FACT)
    assert main(["--data", str(fixture_data.root), "coverage"]) == 0
    out = capsys.readouterr().out.splitlines()
    unknown = "、".join(FACT_TOPICS[k][1] for k in TRACKED if k != "enrolment_window")
    assert out[:6] == [
        "130000 河北省：1 条事实",
        "    居民医保集中参保期：2027年度，L，核对于 2026-12-06",
        f"    未知：{unknown}",
        "  130100 石家庄市：1 条本市事实",
        "      当地医保部门的说明：L，核对于 2026-11-23",
        "  其余 1 个城市：只有省级和全国的规定",
    ]
    assert out[-1] == "没有居民医保集中参保期的省级单位：0 个。"


def test_bad_data_is_reported_not_counted(fixture_data, capsys):
    fixture_data.write("cities/130200.yaml", CITY_130200 + "hotline: '12393'\n")
    assert main(["--data", str(fixture_data.root), "coverage"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("data/cities/130200.yaml:8 hotline: 未知字段 hotline")
    assert out[-1] == "数据有问题，先用 python -m sitegen check 修正。"


def test_real_data_as_a_module():
    run = subprocess.run([sys.executable, "-m", "sitegen", "coverage", "--summary"], cwd=REPO,
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stdout + run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].startswith("省级单位：") and "/31 个有来源的事实" in lines[0]
    assert lines[1].startswith("城市：") and "/337 个" in lines[1]
    assert lines[2].startswith("没有居民医保集中参保期的省级单位：")
