"""The content check (reference/scraped-errors.md): no built page and no text field of the data
falls into a detectable error class; headings are unique per page and numbered continuously;
titles name the topic and the place once, without date stamps."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from pydantic import BaseModel
from site_html import read_page

from sitegen.data.content_rules import find_forbidden
from sitegen.data.load import load_dataset

NOT_TEXT = {"url", "slug", "code", "province", "id", "constant", "kind", "grade", "number"}


@pytest.fixture(scope="module")
def views(built_site):
    pages = sorted(built_site.path.rglob("*.html"))
    assert len(pages) > 337
    return {p.relative_to(built_site.path).as_posix(): read_page(p) for p in pages}


@pytest.fixture(scope="module")
def dataset():
    return load_dataset().dataset


def _texts(value, path=()):
    """(dotted path, text) for every string field of a record, recursively."""
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            if name not in NOT_TEXT:
                yield from _texts(getattr(value, name), (*path, name))
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _texts(item, (*path, str(index)))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, (*path, str(key)))
    elif isinstance(value, str):
        yield ".".join(path), value


def test_no_built_page_contains_a_scraped_error_class(views):
    found = []
    for page, view in views.items():
        for text in (view.title, view.text):
            for matched, error_class, explanation in find_forbidden(text):
                found.append(f"{page}: 「{matched}」 {error_class} {explanation}")
    assert not found, "\n".join(found)


def test_no_text_field_of_the_data_contains_a_scraped_error_class(dataset):
    records = [("data/national.yaml", dataset.national)]
    records += [(f"data/provinces/{c}.yaml", p) for c, p in dataset.provinces.items()]
    records += [(f"data/cities/{c}.yaml", city) for c, city in dataset.cities.items()]
    found, count = [], 0
    for file, record in records:
        for field, text in _texts(record):
            count += 1
            found += [f"{file} {field}: 「{m}」 {c}" for m, c, _ in find_forbidden(text)]
    assert count > 3 * len(records)  # names, short names and rule texts were all looked at
    assert not found, "\n".join(found)


def test_no_heading_appears_twice_on_a_page(views):
    repeated = {}
    for page, view in views.items():
        counts = Counter(text for _, text in view.headings)
        twice = [text for text, n in counts.items() if n > 1]
        if twice:
            repeated[page] = twice
    assert not repeated


def test_numbered_headings_are_continuous(views):
    checked, broken = 0, {}
    for page, view in views.items():
        by_level: dict[int, list[int]] = {}
        for level, text in view.headings:
            match = re.match(r"(\d+)[.、．]\s*", text)
            if match:
                by_level.setdefault(level, []).append(int(match.group(1)))
        for level, numbers in by_level.items():
            checked += 1
            if numbers != list(range(1, len(numbers) + 1)):
                broken[f"{page} h{level}"] = numbers
    assert checked >= 337  # every city page numbers its sections
    assert not broken


def test_city_titles_name_topic_and_place_once_without_date_stamps(views, dataset):
    for city in dataset.cities.values():
        view = views[f"cities/{city.slug}/index.html"]
        assert view.title.count(city.name) == 1, view.title
        assert "转移接续" in view.title
        assert not re.search(r"\d", view.title), f"date-like stamp in {view.title}"
        assert [text for level, text in view.headings if level == 1] == [f"{city.name}医保关系转移接续"]


def test_every_city_page_gives_the_hotline_from_the_data(views, dataset):
    number = dataset.national.hotline.number
    missing = [c.slug for c in dataset.cities.values() if number not in views[f"cities/{c.slug}/index.html"].text]
    assert not missing
