"""Every question of data/questions.yaml is mapped to a page that exists and answers it: the
topic page is built and prints the rules named, a `page:` target is built (and its anchor is a
heading there); the 「常见问题」 page lists every question with its links and the counts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from test_site_pages import shown

from sitegen.data import questions
from sitegen.data.load import load_dataset
from sitegen.data.model import ANSWER_STATUS_LABELS


@pytest.fixture(scope="module")
def dataset():
    return load_dataset().dataset


def anchors(page: str) -> set[str]:
    """The ids a page's headings get: `{ #id }` attributes (the toc slugs of Chinese headings
    are not stable enough to point at)."""
    return set(re.findall(r"^#+ .*\{[^}]*#([A-Za-z0-9_-]+)[^}]*\}\s*$", page, flags=re.M))


def test_every_question_points_at_built_pages_that_print_its_answer(dataset, real_pages):
    rules = {r.id: r for r in dataset.national.rules}
    missing = []
    for q in dataset.questions.questions:
        for a in q.answers:
            if a.topic is not None:
                uri = f"topics/{a.topic}.md"
                if uri not in real_pages:
                    missing.append(f"{q.id}: 没有 {uri}")
                    continue
                text = shown(real_pages[uri])
                missing += [f"{q.id}: {uri} 上没有规则 {i}" for i in a.rules
                            if f"{rules[i].title}：{rules[i].text}" not in text]
            else:
                uri, _, anchor = a.page.partition("#")
                if uri not in real_pages:
                    missing.append(f"{q.id}: 没有 {uri}")
                elif anchor and anchor not in anchors(real_pages[uri]):
                    missing.append(f"{q.id}: {uri} 没有锚点 #{anchor}")
                if uri not in questions.PAGE_TITLES:
                    missing.append(f"{q.id}: {uri} 没有写在 sitegen/data/questions.py 的 PAGE_TITLES 里")
    assert missing == []


def test_a_fully_answered_question_names_the_rules_that_answer_it_or_a_calculator_page(dataset):
    vague = [q.id for q in dataset.questions.questions
             if q.status == "full" and not any(a.rules or a.page for a in q.answers)]
    assert vague == []


def test_the_questions_page_lists_every_question_with_its_status_and_links(dataset, real_pages):
    page = real_pages[questions.PAGE]
    text = shown(page)
    for q in dataset.questions.questions:
        line = next((ln for ln in page.splitlines() if f"**{q.text}**" in ln), None)
        assert line is not None, q.id
        assert f"（{ANSWER_STATUS_LABELS[q.status]}）" in line
        for a in q.answers:
            assert f"]({f'topics/{a.topic}.md' if a.topic else a.page})" in line, (q.id, a)
        if q.note:
            assert q.note in line
    counts = questions.counts(dataset.questions)
    assert (f"共 {len(dataset.questions.questions)} 个问题：已回答 {counts['full']} 个，"
            f"部分回答 {counts['partial']} 个，还没有找到来源 {counts['none']} 个") in text
    assert "](topics/hotline.md)" in page  # whom to ask, for what has no source


def test_the_questions_page_is_in_the_nav(real_site):
    page = next(p for p in real_site.pages if p.src_uri == questions.PAGE)
    assert page.in_nav

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    config = yaml.load((Path(__file__).resolve().parents[2] / "mkdocs.yml").read_text(encoding="utf-8"), Loader)
    assert {"常见问题": questions.PAGE} in config["nav"]


def test_topics_without_a_city_sentence_are_one_line_of_links_on_city_pages(dataset, real_pages):
    titles_only = [t for t in dataset.national.topics if not t.city_sentence]
    assert titles_only
    page = real_pages["cities/zhongshan.md"]
    line = next(ln for ln in page.splitlines() if ln.startswith("- **换城市时还常问**："))
    for topic in titles_only:
        assert f"[{topic.title}](../topics/{topic.id}.md)" in line
        assert topic.short not in page
