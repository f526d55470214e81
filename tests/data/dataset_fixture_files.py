"""A small valid dataset written into tmp_path/data, for the failure tests.

Line numbers matter: the tests assert them. In CITY_130100 the fact starts on line 8 and its
source on line 10. (A module with a unique name, so that tests can import it whatever other
conftest.py files exist.)
"""

from __future__ import annotations

from pathlib import Path

NATIONAL = """\
checked_on: 2026-11-23
hotline:
  number: '12393'
  name: 全国医疗保障服务热线
  sources:
    - document: 测试来源
      url: https://example.org/hotline
      grade: S
      checked_on: 2026-11-23
rules:
  - id: transfer_out_workdays
    title: 转出地的办理时限
    text: 转出地 10 个工作日内办结。
    value: 10
    constant: TRANSFER_OUT_WORKDAYS
    sources:
      - document: 测试文件
        url: https://example.org/rule
        grade: N
        checked_on: 2026-11-23
"""

PROVINCE_130000 = """\
code: '130000'
name: 河北省
short_name: 河北
kind: province
slug: hebei
"""

CITY_130100 = """\
code: '130100'
name: 石家庄市
short_name: 石家庄
province: '130000'
kind: city
slug: shijiazhuang
facts:
  - kind: note
    text: 测试用的地方事实。
    source:
      document: 测试文件
      url: https://example.org/fact
      grade: L
      checked_on: 2026-11-23
"""

CITY_130200 = """\
code: '130200'
name: 唐山市
short_name: 唐山
province: '130000'
kind: city
slug: tangshan
agency: 唐山市医疗保障局
"""

FILES = {
    "national.yaml": NATIONAL,
    "provinces/130000.yaml": PROVINCE_130000,
    "cities/130100.yaml": CITY_130100,
    "cities/130200.yaml": CITY_130200,
}


class FixtureData:
    """tmp_path/data holding FILES; `write` replaces or adds one file."""

    def __init__(self, root: Path):
        self.root = root
        for rel, text in FILES.items():
            self.write(rel, text)

    def write(self, rel: str, text: str) -> None:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
