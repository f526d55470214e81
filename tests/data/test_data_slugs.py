"""The slug rule of sitegen.data.slugs, and the slugs stored in data/."""

from __future__ import annotations

import pytest

from sitegen.data.load import load_dataset
from sitegen.data.slugs import city_slugs, collisions, pinyin_slug, province_slug


@pytest.fixture(scope="module")
def dataset():
    return load_dataset().dataset


def test_slugs_are_unique(dataset):
    city_slugs_ = [c.slug for c in dataset.cities.values()]
    province_slugs = [p.slug for p in dataset.provinces.values()]
    assert len(set(city_slugs_)) == len(city_slugs_) == 337
    assert len(set(province_slugs)) == len(province_slugs) == 31


def test_pinned_collisions(dataset):
    units = [(c.code, c.short_name, c.province) for c in dataset.cities.values()]
    assert collisions(units) == {
        "fuzhou": ["350100", "361000"],  # 福州, 抚州
        "suzhou": ["320500", "341300"],  # 苏州, 宿州
        "taizhou": ["321200", "331000"],  # 泰州, 台州
        "yichun": ["230700", "360900"],  # 伊春, 宜春
        "yulin": ["450900", "610800"],  # 玉林, 榆林
    }
    stored = {code: dataset.cities[code].slug
              for codes in collisions(units).values() for code in codes}
    assert stored == {
        "350100": "fuzhou-fujian", "361000": "fuzhou-jiangxi",
        "320500": "suzhou-jiangsu", "341300": "suzhou-anhui",
        "321200": "taizhou-jiangsu", "331000": "taizhou-zhejiang",
        "230700": "yichun-heilongjiang", "360900": "yichun-jiangxi",
        "450900": "yulin-guangxi", "610800": "yulin-shaanxi",
    }


def test_only_colliding_cities_carry_a_suffix(dataset):
    suffixed = sorted(c.code for c in dataset.cities.values() if "-" in c.slug)
    units = [(c.code, c.short_name, c.province) for c in dataset.cities.values()]
    assert suffixed == sorted(code for codes in collisions(units).values() for code in codes)


def test_stored_slugs_follow_the_rule(dataset):
    pslugs = {p.code: province_slug(p.short_name) for p in dataset.provinces.values()}
    assert pslugs == {p.code: p.slug for p in dataset.provinces.values()}
    units = [(c.code, c.short_name, c.province) for c in dataset.cities.values()]
    assert city_slugs(units, pslugs) == {c.code: c.slug for c in dataset.cities.values()}


@pytest.mark.parametrize(
    ("name", "slug"),
    [("石家庄", "shijiazhuang"), ("恩施", "enshi"), ("吕梁", "lvliang"), ("长治", "changzhi"),
     ("朝阳", "chaoyang"), ("漯河", "luohe"), ("锡林郭勒", "xilinguole"), ("昌都", "changdu"),
     ("重庆", "chongqing"), ("厦门", "xiamen"), ("蚌埠", "bengbu")],
)
def test_pinyin_slug(name, slug):
    assert pinyin_slug(name) == slug


def test_shaanxi_exception():
    assert province_slug("山西") == "shanxi"
    assert province_slug("陕西") == "shaanxi"


def test_every_colliding_city_gets_its_province():
    units = [("350100", "福州", "350000"), ("361000", "抚州", "360000"), ("130100", "石家庄", "130000")]
    slugs = city_slugs(units, {"350000": "fujian", "360000": "jiangxi", "130000": "hebei"})
    assert slugs == {"350100": "fuzhou-fujian", "361000": "fuzhou-jiangxi",
                     "130100": "shijiazhuang"}


def test_collision_inside_one_province_is_an_error():
    units = [("350100", "福州", "350000"), ("350900", "抚州", "350000")]
    with pytest.raises(ValueError, match="fuzhou-fujian"):
        city_slugs(units, {"350000": "fujian"})
