"""tools/shared_share.py: what counts as a city page's main text, how a shared sentence is
counted, and the goal on the real pages (median shared share ≤ 0.6)."""

from __future__ import annotations

import statistics

from tools import shared_share

PAGE = """---
title: "甲市医保关系转移接续"
---

# 甲市医保关系转移接续

- **要多久**：甲市承诺 3 个工作日〔1〕。详见[办理时限](../topics/limits.md)。

<div class="yb-calculators" data-calc-version="x">
<p>表单</p>
<script src="calc.js" defer></script>
</div>

1. [某文件](https://example.org/a)。可信度：二手网站。
"""


def test_main_text_drops_front_matter_forms_sources_marks_and_link_targets():
    text = shared_share.main_text(PAGE)
    assert "表单" not in text and "某文件" not in text and "title" not in text
    assert "〔1〕" not in text and "../topics" not in text
    assert shared_share.sentences(text) == ["甲市医保关系转移接续", "要多久：甲市承诺 3 个工作日", "详见办理时限"]


def test_a_sentence_is_shared_when_it_is_on_enough_pages():
    pages = {"a": ["同一句", "甲的话"], "b": ["同一句", "乙的话"], "c": ["同一句", "丙"]}
    found = shared_share.shares(pages, 0.9)
    assert (found["a"].shared, found["a"].chars) == (3, 6)
    assert found["c"].share == 3 / 4
    # at a threshold of two pages out of three, nothing else is shared either
    assert shared_share.shares(pages, 0.6)["a"].shared == 3


def test_the_median_city_page_is_mostly_its_own():
    found = shared_share.shares(shared_share.city_sentences(names=False), 0.9)
    assert statistics.median(s.share for s in found.values()) <= 0.6
