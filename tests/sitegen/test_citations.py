"""sitegen.pages.citations: one number per source on a page, in order of first citation, and the mark
for a statement that rests on secondary websites only."""

from __future__ import annotations

import datetime

from sitegen.pages.citations import Citations, only_secondary, secondary_only_rules
from sitegen.data.model import LocalFact, Rule, Source

CHECKED = datetime.date(2026, 11, 1)


def source(document: str, grade: str = "P", article: str | None = None, url: str = "https://example.gov.cn/a") -> Source:
    return Source(document=document, article=article, url=url, grade=grade, checked_on=CHECKED)


LAW = source("《中华人民共和国社会保险法》", article="第八十六条")
NOTICE = source("医保办发〔2021〕43号", grade="R", url="https://example.gov.cn/b")
BLOG = source("某网站文章", grade="S", url="https://example.com/c")


def test_a_source_cited_twice_keeps_its_first_number():
    cites = Citations()
    assert cites.cite([LAW, NOTICE]) == (1, 2)
    assert cites.cite([NOTICE, BLOG, LAW]) == (2, 3, 1)
    assert cites.sources == [LAW, NOTICE, BLOG]


def test_equal_document_article_and_url_are_one_source_whatever_the_grade_or_date():
    cites = Citations()
    same = Source(document=LAW.document, article=LAW.article, url=str(LAW.url), grade="R",
                  checked_on=datetime.date(2025, 1, 1))
    assert cites.cite([LAW, same]) == (1,)
    other_article = source(LAW.document, article="第八十五条")
    assert cites.cite([other_article]) == (2,)


def test_only_secondary_means_every_source_is_grade_s():
    assert only_secondary([BLOG])
    assert not only_secondary([BLOG, NOTICE])
    assert not only_secondary([LAW])


def test_a_rule_and_a_fact_as_the_page_prints_them():
    cites = Citations()
    rule = Rule(id="late_fee_daily_rate", title="滞纳金", text="每日加收万分之五", value="0.0005", sources=[LAW])
    printed = cites.rule(rule)
    assert (printed.level, printed.place, printed.refs, printed.weak, printed.kind) == (
        "national", None, (1,), False, "late_fee_daily_rate")
    fact = LocalFact(kind="transfer_time_limit", text="转入手续当场办结", value=1, unit="个工作日", source=BLOG)
    local = cites.fact(fact, "city", "中山市")
    assert (local.level, local.place, local.refs, local.weak, local.value) == ("city", "中山市", (2,), True, 1)


def _quoted(document: str, quote: str, grade: str = "L") -> Source:
    return Source(document=document, url="https://example.gov.cn/q", grade=grade, checked_on=CHECKED, quote=quote)


def test_each_distinct_sentence_read_on_a_source_is_kept_with_its_number():
    cites = Citations()
    first, second = _quoted("某市医保局答复", "第一句。"), _quoted("某市医保局答复", "第二句。")
    assert cites.cite([first, LAW]) == (1, 2)
    assert cites.cite([second, first]) == (1,)
    assert cites.quotes == [["第一句。", "第二句。"], []]


def test_secondary_only_rules_lists_rules_whose_sources_are_all_s():
    strong = Rule(id="a", title="甲", text="甲。", sources=[BLOG, NOTICE])
    weak = Rule(id="b", title="乙", text="乙。", sources=[BLOG])
    assert secondary_only_rules([strong, weak]) == ["b"]


# The national rules that must rest on more than secondary websites: the working-day
# limits, the account balance and the waiting periods.
MUST_NOT_BE_S_ONLY = {
    "transfer_out_workdays", "transfer_in_workdays", "personal_account",
    "resident_fixed_wait_months", "resident_months_per_lapsed_year", "employee_wait_max_months",
    "resident_long_lapse_years", "resident_long_lapse_floor_months",
}


def test_real_data_has_at_most_eight_s_only_national_rules_and_none_of_the_key_ones():
    from sitegen.data.load import load_dataset_strict

    weak = secondary_only_rules(load_dataset_strict().national.rules)
    assert len(weak) <= 8, weak
    assert not MUST_NOT_BE_S_ONLY & set(weak)
