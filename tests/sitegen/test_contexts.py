"""sitegen.pages.contexts: the rules the pages need are checked before any page is rendered, with
every missing, unlisted or twice-listed rule named; cities are grouped by province in code order."""

from __future__ import annotations

import pytest

from sitegen.pages.contexts import CORRECTIONS, NAMED_RULES, MissingRules, check_rules, cities_by_province, required_rule_ids
from sitegen.data.load import load_dataset_strict


@pytest.fixture(scope="module")
def dataset():
    return load_dataset_strict()


def test_the_committed_data_has_every_rule_the_pages_need(dataset):
    check_rules(dataset)
    needed = required_rule_ids(dataset)
    assert set(NAMED_RULES) <= set(needed) and "hotline" not in needed
    assert {i for group in CORRECTIONS.values() for i in group if i != "hotline"} <= set(needed)
    assert {i for topic in dataset.national.topics for i in topic.rules} <= set(needed)


def _without_rule(dataset, rule_id):
    national = dataset.national.model_copy(update={"rules": [r for r in dataset.national.rules if r.id != rule_id]})
    return dataset.model_copy(update={"national": national})


def test_a_rule_the_pages_print_cannot_go_missing(dataset):
    with pytest.raises(MissingRules) as caught:
        check_rules(_without_rule(dataset, NAMED_RULES[0]))
    assert str(caught.value).startswith(f"data/national.yaml rules: 缺少页面需要的规则 {NAMED_RULES[0]}")


def test_each_rule_is_listed_by_exactly_one_topic(dataset):
    topics = list(dataset.national.topics)
    first, second = topics[0], topics[1]
    moved = first.rules[0]
    twice = [first, second.model_copy(update={"rules": [*second.rules, moved]}), *topics[2:]]
    national = dataset.national.model_copy(update={"topics": twice})
    with pytest.raises(MissingRules) as caught:
        check_rules(dataset.model_copy(update={"national": national}))
    assert str(caught.value) == f"data/national.yaml topics: 每条规则应当恰好列在一个专题的 rules 里；重复列出：{moved}"


def test_cities_grouped_by_province_in_code_order(dataset):
    grouped = cities_by_province(dataset)
    assert sum(len(c) for c in grouped.values()) == len(dataset.cities) == 337
    for province, cities in grouped.items():
        codes = [c.code for c in cities]
        assert codes == sorted(codes) and {c.province for c in cities} == {province}


def test_a_rule_no_topic_lists_is_named(dataset):
    topics = list(dataset.national.topics)
    # A rule of the first topic that nothing else needs by name: dropped from its topic's list.
    dropped = next(r for r in topics[0].rules if r not in required_rule_ids(None))
    first = topics[0].model_copy(update={"rules": [r for r in topics[0].rules if r != dropped],
                                         "short_rules": [r for r in topics[0].short_rules if r != dropped]})
    national = dataset.national.model_copy(update={"topics": [first, *topics[1:]]})
    with pytest.raises(MissingRules) as caught:
        check_rules(dataset.model_copy(update={"national": national}))
    assert str(caught.value) == f"data/national.yaml topics: 每条规则应当恰好列在一个专题的 rules 里；没有列出：{dropped}"
