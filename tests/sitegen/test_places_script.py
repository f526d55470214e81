"""sitegen.runtime.runtime_assets.places_script: the city chooser's search keys, compiled at
build time so the browser needs no pinyin dictionary."""

from __future__ import annotations

import json

from calculators.places import DEFAULT_PLACES
from sitegen.runtime.runtime_assets import places_script


def rows() -> dict[str, list[str]]:
    text = places_script()
    assert text.startswith("self.__ybPlaces = ") and text.endswith(";\n")
    return {row[1]: row for row in json.loads(text[len("self.__ybPlaces = "):-2])}


def test_every_city_with_its_characters_full_pinyin_and_initials():
    by_name = rows()
    assert len(by_name) == len(DEFAULT_PLACES.codes())
    assert by_name["北京市"] == ["110000", "北京市", "北京", "北京市", "bj", "beijing"]
    assert by_name["中山市"][3:] == ["广东省", "zs", "zhongshan"]


def test_polyphonic_characters_are_read_as_the_place_is_read():
    by_name = rows()
    assert by_name["重庆市"][4:] == ["cq", "chongqing"]
    assert by_name["长治市"][4:] == ["cz", "changzhi"]  # sitegen.slugs.PINYIN_OVERRIDES
    assert by_name["长沙市"][4:] == ["cs", "changsha"]
    assert by_name["厦门市"][4:] == ["xm", "xiamen"]
    assert by_name["蚌埠市"][4:] == ["bb", "bengbu"]


def test_prefectures_leagues_and_autonomous_prefectures_keep_their_short_names():
    by_name = rows()
    assert by_name["大理白族自治州"][2] == "大理" and by_name["大理白族自治州"][5] == "dali"
    assert by_name["阿拉善盟"][2] == "阿拉善" and by_name["大兴安岭地区"][2] == "大兴安岭"
