"""A small dataset for the page tests, written into tmp_path/data: the real data/national.yaml
(so every rule the templates print is there) plus provinces and cities written here.

- 广东 (440000) has a province-wide personal-account fact; 中山 (442000) a local maximum
  waiting period; 东莞 (441900) a name with HTML in it; 深圳 (440300) is broken by the tests.
- 北京 (110000) is a municipality: a province file and a city file with one code.
(A module with a unique name, so tests import it whatever other conftest.py files exist.)
"""

from __future__ import annotations

import shutil
from pathlib import Path

REAL_NATIONAL = Path(__file__).resolve().parents[1] / "data" / "national.yaml"

SOURCE = """\
      document: 测试用的地方文件
      url: https://example.org/{name}
      grade: L
      checked_on: 2026-11-20"""

PROVINCES = {
    "440000": f"""\
code: '440000'
name: 广东省
short_name: 广东
kind: province
slug: guangdong
facts:
  - kind: personal_account
    text: 测试：省内跨市转移时个人账户不划转，跨市使用。
    source:
{SOURCE.format(name="gd")}
""",
    "110000": """\
code: '110000'
name: 北京市
short_name: 北京
kind: municipality
slug: beijing
""",
}

CITIES = {
    "110000": """\
code: '110000'
name: 北京市
short_name: 北京
province: '110000'
kind: municipality
slug: beijing
""",
    "440100": """\
code: '440100'
name: 广州市
short_name: 广州
province: '440000'
kind: city
slug: guangzhou
agency: 广州市医疗保障局
""",
    "440300": """\
code: '440300'
name: 深圳市
short_name: 深圳
province: '440000'
kind: city
slug: shenzhen
""",
    "441900": """\
code: '441900'
name: <script>alert("东莞")</script>东莞市
short_name: 东莞
province: '440000'
kind: city
slug: dongguan
""",
    "442000": f"""\
code: '442000'
name: 中山市
short_name: 中山
province: '440000'
kind: city
slug: zhongshan
facts:
  - kind: max_waiting_months
    text: 测试：中断超过规定月数的，等待期为 2 个月。
    value: 2
    unit: 个月
    source:
{SOURCE.format(name="zs")}
""",
}


def write_dataset(root: Path) -> Path:
    """Write the dataset under root/data and return root (the folder problems are relative to)."""
    data = root / "data"
    (data / "provinces").mkdir(parents=True, exist_ok=True)
    (data / "cities").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(REAL_NATIONAL, data / "national.yaml")
    for code, text in PROVINCES.items():
        (data / "provinces" / f"{code}.yaml").write_text(text, encoding="utf-8")
    for code, text in CITIES.items():
        (data / "cities" / f"{code}.yaml").write_text(text, encoding="utf-8")
    return root
