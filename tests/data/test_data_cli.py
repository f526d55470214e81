"""`python -m sitegen check`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from dataset_fixture_files import CITY_130200

from sitegen.__main__ import main

REPO = Path(__file__).resolve().parents[2]


def test_check_clean_fixture(fixture_data, capsys):
    assert main(["--data", str(fixture_data.root), "check"]) == 0
    assert capsys.readouterr().out == (
        "数据检查通过：1 条全国规则，1 个省级单位，2 个城市，1 条地方事实。\n")


def test_check_lists_every_problem(fixture_data, capsys):
    fixture_data.write("cities/130200.yaml", CITY_130200.replace("kind: city", "kind: town")
                       + "hotline: '12393'\n")
    assert main(["--data", str(fixture_data.root), "check"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "data/cities/130200.yaml:5 kind: 取值 'town' 无效，应为 city、autonomous_prefecture、"
        "league、prefecture、municipality 之一",
        "data/cities/130200.yaml:8 hotline: 未知字段 hotline（提示：允许的字段：code、name、"
        "short_name、province、kind、slug、agency、facts）",
        "数据检查未通过：2 个问题，涉及 1 个文件。",
    ]


def test_check_real_data_as_a_module():
    run = subprocess.run([sys.executable, "-m", "sitegen", "check"], cwd=REPO,
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.startswith("数据检查通过：")
    assert "31 个省级单位，337 个城市" in run.stdout


def test_a_closed_pipe_ends_quietly():
    proc = subprocess.run(f"{sys.executable} -m sitegen coverage | head -1", shell=True, cwd=REPO,
                          capture_output=True, text=True, timeout=120)
    assert proc.stdout.count("\n") == 1 and proc.stderr == ""
