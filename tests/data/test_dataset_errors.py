"""One test per kind of bad data: the exact message with file and line, and the good records
of the same fixture still load (sitegen.data.load)."""

from __future__ import annotations

import pytest
from dataset_fixture_files import CITY_130100, CITY_130200, NATIONAL

from sitegen.data.load import DatasetError, Problem, load_dataset, load_dataset_strict


def messages(fixture_data) -> list[str]:
    return [str(p) for p in load_dataset(fixture_data.root).problems]


def loaded_cities(fixture_data) -> list[str]:
    return list(load_dataset(fixture_data.root).dataset.cities)


def test_fixture_is_valid(fixture_data):
    result = load_dataset(fixture_data.root)
    assert result.problems == []
    assert list(result.dataset.cities) == ["130100", "130200"]
    assert result.dataset.national.hotline.number == "12393"


def test_malformed_yaml(fixture_data):
    fixture_data.write("cities/130100.yaml", "code: '130100'\nname: 石家庄市\nshort_name 石家庄\n"
                                             "province: '130000'\n")
    assert messages(fixture_data) == [
        "data/cities/130100.yaml:4: YAML 语法错误：could not find expected ':'"
        "（提示：错误可能始于第 3 行；检查第 3 行到这一行的缩进、冒号和引号）"
    ]
    assert loaded_cities(fixture_data) == ["130200"]


def test_malformed_yaml_without_earlier_context(fixture_data):
    fixture_data.write("cities/130100.yaml", "code: '130100'\nname: x\n  slug: y\n")
    assert messages(fixture_data) == [
        "data/cities/130100.yaml:3: YAML 语法错误：mapping values are not allowed here"
        "（提示：检查这一行和上一行的缩进、冒号和引号）"
    ]
    assert loaded_cities(fixture_data) == ["130200"]


def test_unknown_key_with_a_close_match(fixture_data):
    fixture_data.write("cities/130100.yaml", CITY_130100.replace(
        "slug: shijiazhuang\n", "slug: shijiazhuang\nagnecy: 石家庄市医疗保障局\n"))
    assert messages(fixture_data) == [
        "data/cities/130100.yaml:7 agnecy: 未知字段 agnecy（提示：是否应为 agency？）"
    ]
    assert loaded_cities(fixture_data) == ["130200"]


def test_unknown_key_lists_the_allowed_fields(fixture_data):
    fixture_data.write("cities/130200.yaml", CITY_130200 + "hotline: '12393'\n")
    assert messages(fixture_data) == [
        "data/cities/130200.yaml:8 hotline: 未知字段 hotline（提示：允许的字段：code、name、"
        "short_name、province、kind、slug、agency、facts）"
    ]
    assert loaded_cities(fixture_data) == ["130100"]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("code: '130100'", "code: 130100",
         "data/cities/130100.yaml:1 code: 应为文本，实际为整数 130100"
         "（提示：GB/T 2260 六位代码，写成带引号的文本，如 '130100'）"),
        ("    text: 测试用的地方事实。\n", "    text: 测试用的地方事实。\n    value: [1, 2]\n",
         "data/cities/130100.yaml:10 facts.0.value: 类型不符：实际为列表 [1, 2]"
         "（提示：应为整数、小数或文本）"),
        ("checked_on: 2026-11-23", "checked_on: 上个月",
         "data/cities/130100.yaml:14 facts.0.source.checked_on: 应为日期 YYYY-MM-DD，实际为 '上个月'"),
        ("grade: L", "grade: X",
         "data/cities/130100.yaml:13 facts.0.source.grade: 取值 'X' 无效，应为 P、R、N、NL、L、S 之一"
         "（提示：P 法律原文，R 官方文件的转载，N 全国性主流媒体报道，NL 地方媒体报道，L 地方政府或医保部门页面，"
         "S 二手网站）"),
        ("url: https://example.org/fact", "url: example.org",
         "data/cities/130100.yaml:12 facts.0.source.url: 不是有效的网址：'example.org'"
         "（提示：以 http:// 或 https:// 开头的完整网址）"),
        ("slug: shijiazhuang", "slug: Shi Jia",
         "data/cities/130100.yaml:6 slug: 格式不符：'Shi Jia' 不符合 ^[a-z][a-z0-9-]*$"
         "（提示：只用小写拼音字母、数字和连字符，如 shijiazhuang）"),
        ("kind: city", "kind: town",
         "data/cities/130100.yaml:5 kind: 取值 'town' 无效，应为 city、autonomous_prefecture、"
         "league、prefecture、municipality 之一"),
    ],
)
def test_wrong_type_or_value(fixture_data, old, new, expected):
    assert old in CITY_130100
    fixture_data.write("cities/130100.yaml", CITY_130100.replace(old, new))
    assert messages(fixture_data) == [expected]
    assert loaded_cities(fixture_data) == ["130200"]


SOURCE_BLOCK = """\
    source:
      document: 测试文件
      url: https://example.org/fact
      grade: L
      checked_on: 2026-11-23
"""


def test_missing_source(fixture_data):
    assert SOURCE_BLOCK in CITY_130100
    fixture_data.write("cities/130100.yaml", CITY_130100.replace(SOURCE_BLOCK, ""))
    assert messages(fixture_data) == [
        "data/cities/130100.yaml:8 facts.0.source: 缺少来源 (source)"
        "（提示：地方事实必须注明来源，至少写 document、url、grade、checked_on）"
    ]
    assert loaded_cities(fixture_data) == ["130200"]


def test_misspelt_source_gives_both_problems(fixture_data):
    fixture_data.write("cities/130100.yaml", CITY_130100.replace("    source:", "    sorce:"))
    assert messages(fixture_data) == [
        "data/cities/130100.yaml:8 facts.0.source: 缺少来源 (source)"
        "（提示：地方事实必须注明来源，至少写 document、url、grade、checked_on）",
        "data/cities/130100.yaml:10 facts.0.sorce: 未知字段 sorce（提示：是否应为 source？）",
    ]


def test_missing_required_field(fixture_data):
    fixture_data.write("cities/130100.yaml", CITY_130100.replace("name: 石家庄市\n", ""))
    assert messages(fixture_data) == ["data/cities/130100.yaml:1 name: 缺少必填字段 name"]
    assert loaded_cities(fixture_data) == ["130200"]


def test_duplicate_code(fixture_data):
    fixture_data.write("cities/130199.yaml", CITY_130100.replace("slug: shijiazhuang", "slug: sjz"))
    assert messages(fixture_data) == [
        "data/cities/130199.yaml:1 code: 文件名 130199.yaml 与代码 130100 不一致"
        "（提示：文件应命名为 130100.yaml）",
        "data/cities/130199.yaml:1 code: 代码 130100 重复：data/cities/130100.yaml 已使用",
    ]
    assert loaded_cities(fixture_data) == ["130100", "130200"]


def test_unknown_province(fixture_data):
    fixture_data.write("cities/130200.yaml", CITY_130200.replace("province: '130000'",
                                                                 "province: '140000'"))
    assert messages(fixture_data) == [
        "data/cities/130200.yaml:4 province: 未知的省级单位 140000"
        "（提示：data/provinces/ 下没有 140000.yaml）"
    ]
    assert loaded_cities(fixture_data) == ["130100"]


def test_filename_code_mismatch(fixture_data):
    fixture_data.write("cities/130300.yaml", CITY_130200.replace("'130200'", "'130400'")
                       .replace("slug: tangshan", "slug: xingtai"))
    assert messages(fixture_data) == [
        "data/cities/130300.yaml:1 code: 文件名 130300.yaml 与代码 130400 不一致"
        "（提示：文件应命名为 130400.yaml）"
    ]
    assert loaded_cities(fixture_data) == ["130100", "130200"]


def test_duplicate_slug(fixture_data):
    fixture_data.write("cities/130300.yaml", CITY_130200.replace("'130200'", "'130300'"))
    assert messages(fixture_data) == [
        "data/cities/130300.yaml:6 slug: slug tangshan 重复：data/cities/130200.yaml 已使用"
        "（提示：重名时每个单位都加省份后缀，见 sitegen/data/slugs.py）"
    ]
    assert loaded_cities(fixture_data) == ["130100", "130200"]


def test_city_code_outside_its_province(fixture_data):
    fixture_data.write("provinces/140000.yaml", "code: '140000'\nname: 山西省\nshort_name: 山西\n"
                                                "kind: province\nslug: shanxi\n")
    fixture_data.write("cities/130200.yaml", CITY_130200.replace("province: '130000'",
                                                                 "province: '140000'"))
    assert messages(fixture_data) == [
        "data/cities/130200.yaml:1 code: 城市代码 130200 不属于省级单位 140000"
        "（提示：城市代码的前两位与所属省级代码相同）"
    ]


def test_cities_of_a_bad_province_are_left_out_without_extra_problems(fixture_data):
    fixture_data.write("provinces/130000.yaml", "code: '130000'\nname: 河北省\n")
    result = load_dataset(fixture_data.root)
    assert [str(p) for p in result.problems] == [
        "data/provinces/130000.yaml:1 kind: 缺少必填字段 kind",
        "data/provinces/130000.yaml:1 short_name: 缺少必填字段 short_name",
        "data/provinces/130000.yaml:1 slug: 缺少必填字段 slug",
    ]
    assert result.dataset.cities == {}
    assert list(result.bad_files) == ["data/provinces/130000.yaml"]


def test_duplicate_key_in_one_mapping(fixture_data):
    fixture_data.write("cities/130200.yaml", CITY_130200 + "slug: ts\n")
    assert messages(fixture_data) == [
        "data/cities/130200.yaml:8 slug: 字段重复，第 6 行已经写过（提示：同一层的字段只能写一次）"
    ]
    assert loaded_cities(fixture_data) == ["130100"]


def test_empty_file_and_non_mapping(fixture_data):
    fixture_data.write("cities/130100.yaml", "")
    fixture_data.write("cities/130200.yaml", "- 唐山\n")
    assert messages(fixture_data) == [
        "data/cities/130100.yaml: 文件为空",
        "data/cities/130200.yaml:1: 顶层应为字段映射，实际为列表",
    ]
    assert loaded_cities(fixture_data) == []


def test_forbidden_scraped_wording(fixture_data):
    fixture_data.write("cities/130100.yaml",
                       CITY_130100.replace("测试用的地方事实。", "请拨打12333咨询，以当地法规为准。"))
    assert messages(fixture_data) == [
        "data/cities/130100.yaml:9 facts.0.text: 含有抓取页面的错误写法「法规」（E2）"
        "（提示：伪原创把“规定”换成了“法规”；写“规定”（“法律法规”“行政法规”“地方性法规”除外））",
        "data/cities/130100.yaml:9 facts.0.text: 含有抓取页面的错误写法「请拨打12333」（E6）"
        "（提示：12333 是人力资源社会保障服务热线，不是医保热线；医保服务热线见 data/national.yaml 的 hotline）",
    ]
    assert loaded_cities(fixture_data) == ["130200"]


def test_yml_extension_is_reported(fixture_data):
    fixture_data.write("cities/130300.yml", "code: '130300'\n")
    assert messages(fixture_data) == ["data/cities/130300.yml: 扩展名应为 .yaml，此文件未读取"]


def test_bad_national_rule_keeps_the_good_parts(fixture_data):
    second_rule = """\
  - id: transfer_in_workdays
    title: 转入地的办理时限
    text: 转入地 5 个工作日内办结。
    value: 5
    constant: TRANSFER_IN_WORKDAYS
    sources: []
"""
    fixture_data.write("national.yaml", NATIONAL + second_rule)
    result = load_dataset(fixture_data.root)
    assert [str(p) for p in result.problems] == [
        "data/national.yaml:26 rules.1.sources: 至少需要 1 项（提示：每条规则至少注明一个来源）"
    ]
    assert [r.id for r in result.dataset.national.rules] == ["transfer_out_workdays"]
    assert result.dataset.national.hotline.number == "12393"
    assert list(result.dataset.cities) == ["130100", "130200"]


def test_rule_constant_needs_a_number_and_ids_are_unique(fixture_data):
    fixture_data.write("national.yaml", NATIONAL.replace("value: 10", "value: 十")
                       + NATIONAL[NATIONAL.index("  - id:"):])
    assert messages(fixture_data) == [
        "data/national.yaml:14 rules.0.value: 规则设置了 constant TRANSFER_OUT_WORKDAYS，value 应为数字"
        "（提示：计算器从 calculators/rules.py 读取这个数值）",
        "data/national.yaml:21 rules.1.id: 规则 id transfer_out_workdays 重复：rules.0 已使用",
        "data/national.yaml:25 rules.1.constant: 常量 TRANSFER_OUT_WORKDAYS 重复："
        "rules.0（transfer_out_workdays）已使用",
    ]


def test_missing_national_file(fixture_data):
    (fixture_data.root / "national.yaml").unlink()
    assert messages(fixture_data) == ["data/national.yaml: 缺少全国规则文件"]
    assert loaded_cities(fixture_data) == ["130100", "130200"]


def test_all_problems_at_once_and_bad_files(fixture_data):
    fixture_data.write("cities/130100.yaml", CITY_130100.replace("code: '130100'", "code: 130100"))
    fixture_data.write("cities/130200.yaml", CITY_130200.replace("kind: city", "kind: town"))
    result = load_dataset(fixture_data.root)
    assert [(p.file, p.line, p.field) for p in result.problems] == [
        ("data/cities/130100.yaml", 1, "code"),
        ("data/cities/130200.yaml", 5, "kind"),
    ]
    assert sorted(result.bad_files) == ["data/cities/130100.yaml", "data/cities/130200.yaml"]
    assert list(result.dataset.provinces) == ["130000"]


def test_strict_raises_with_every_problem_one_per_line(fixture_data):
    fixture_data.write("cities/130100.yaml", CITY_130100.replace("code: '130100'", "code: 130100"))
    fixture_data.write("cities/130200.yaml", CITY_130200.replace("kind: city", "kind: town"))
    with pytest.raises(DatasetError) as info:
        load_dataset_strict(fixture_data.root)
    assert len(info.value.problems) == 2
    assert str(info.value).splitlines() == [str(p) for p in info.value.problems]


def test_strict_returns_the_dataset_when_clean(fixture_data):
    dataset = load_dataset_strict(fixture_data.root)
    assert dataset.cities["130100"].facts[0].source.grade == "L"


@pytest.mark.parametrize(
    ("problem", "text"),
    [
        (Problem("data/a.yaml", 3, "facts.0.source", "缺少来源 (source)", "写上来源"),
         "data/a.yaml:3 facts.0.source: 缺少来源 (source)（提示：写上来源）"),
        (Problem("data/a.yaml", None, "code", "代码有误"), "data/a.yaml code: 代码有误"),
        (Problem("data/a.yaml", 2, None, "YAML 语法错误"), "data/a.yaml:2: YAML 语法错误"),
    ],
)
def test_problem_str(problem, text):
    assert str(problem) == text
