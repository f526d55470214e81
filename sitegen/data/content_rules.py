"""Patterns of the scraped pages' errors that our text must never contain.

One list, `FORBIDDEN`, shared by the data check (`sitegen.data.load`, every text field of data/) and
the page check over the built site. Each entry is (compiled pattern, error class, explanation);
the classes are those of reference/scraped-errors.md (E1 pension text, E2 spun words, E3 garbled
words, E6 wrong facts, E7 SEO noise, E8 anecdotes). Classes E4, E5 and E9 (repeated headings,
heading/content mismatch, arithmetic) cannot be found by a pattern; the templates and the
calculators prevent them.

A page that quotes a wrong claim on purpose (the page of corrections) must quote it in a way
these patterns allow, or be checked with that entry's class left out.

The patterns hold the wrong values (they are what is searched for); the current rule values in
the explanations come from calculators/rules.py (generated from data/national.yaml), so no
current rule value is typed here (tests/site/test_site_no_hardcoded_numbers.py checks it).
"""

from __future__ import annotations

import re

from calculators import rules

_SENTENCE = r"(?:^|(?<=[。！？；\n]))"
_NO_HRSS_IN_SENTENCE = r"(?![^。！？；\n]*(?:人社|人力资源|不是))"

FORBIDDEN: list[tuple[re.Pattern[str], str, str]] = [
    (re.compile(r"养老金|低保|养老保险待遇调整"), "E1",
     "养老金、低保等养老保险用语不属于医保页面（抓取页面误贴的段落）"),
    (re.compile(r"(?<![律政性办])法规"), "E2",
     "伪原创把“规定”换成了“法规”；写“规定”（“法律法规”“行政法规”“地方性法规”除外）"),
    (re.compile(r"(?<!实施|改革)方案"), "E2", "伪原创把“政策”换成了“方案”；写“政策”"),
    (re.compile(r"清0"), "E2", "伪原创写法“清0”；写“清零”"),
    (re.compile(r"数据仅供参考|数据源于网络|本数据"), "E2", "伪原创把“信息”换成了“数据”；写“信息”"),
    (re.compile(r"所导致"), "E2", "伪原创写法“所导致”；写“导致”"),
    (re.compile(r"断交"), "E3", "错别字：应为“断缴”"),
    (re.compile(r"夸省"), "E3", "错别字：应为“跨省”"),
    (re.compile(r"介绍原参保地"), "E3", "抓取页面的乱码短语；应为“结清原参保地欠费”等"),
    (re.compile(_SENTENCE + _NO_HRSS_IN_SENTENCE + r"[^。！？；\n]*(?<![0-9A-Za-z.])12333(?![0-9])"),
     "E6", "12333 是人力资源社会保障服务热线，不是医保热线；医保服务热线见 data/national.yaml 的 hotline"),
    (re.compile(r"初始密码|123456"), "E6", "不要告诉读者使用默认密码"),
    (re.compile(r"补缴后次月恢复"), "E6",
     f"中断不超过 {rules.GAP_RETROACTIVE_MAX_MONTHS} 个月的，补缴后自缴费当月起享受待遇，不是次月"),
    (re.compile(r"(?<![0-9])(?:30|45)\s*个工作日"), "E6",
     "30 或 45 个工作日是 2022 年以前的旧时限；现行为转出地 "
     f"{rules.TRANSFER_OUT_WORKDAYS} 个、转入地 {rules.TRANSFER_IN_WORKDAYS} 个工作日"),
    (re.compile(r"小编"), "E7", "SEO 套话（“随小编一起了解”）"),
    (re.compile(r"社保网声明|投诉删除"), "E7", "抓取站点的声明文字"),
    (re.compile(r"[（(]\d{2}(?:/\d{2}){1,2}[）)]"), "E7", "标题里的伪更新日期，如“(05/31)”"),
    (re.compile(r"用户反馈"), "E8", "把个别用户的说法当作规定；只写有来源的规定"),
]


def find_forbidden(text: str) -> list[tuple[str, str, str]]:
    """Every forbidden pattern in `text`: [(matched text, class, explanation)], in list order."""
    found = []
    for pattern, error_class, explanation in FORBIDDEN:
        for match in pattern.finditer(text):
            found.append((match.group(0), error_class, explanation))
    return found
