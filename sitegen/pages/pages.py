"""Every generated page of the site, as Markdown, from one load of the dataset.

`build_pages(result, settings)` returns the pages to add to MkDocs (`sitegen.site.hook` adds them with
`File.generated`); it needs no MkDocs, so tests call it directly. A file listed in
`result.bad_files` becomes an error page at the URL its record would have had (the slug read from
the raw YAML when it can be, else the code), naming file, line and field of every problem.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from jinja2 import Environment

from sitegen.pages import city_page
from sitegen.pages import contexts
from sitegen.pages.coverage import coverage_context
from sitegen.data import questions
from sitegen.pages.calendar_status import pending_notice
from sitegen.pages.example import Compute, example_deadline
from sitegen.data.load import LoadResult, Problem
from sitegen.pages.render import TEMPLATES, make_environment, render
from sitegen.data.settings import SiteSettings

ROOT = Path(__file__).resolve().parents[2]
NAV_PROVINCES = "provinces/"  # the nav entry of mkdocs.yml that expands to the province pages
NAV_TOPICS = "topics/"  # ... and the one that expands to the topic pages


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str  # e.g. "cities/shijiazhuang.md"
    content: str  # Markdown with front matter
    in_nav: bool = True


@dataclass(frozen=True)
class Site:
    pages: list[GeneratedPage]
    provinces: list[tuple[str, str]]  # (nav title, src_uri) in code order
    topics: list[tuple[str, str]] = ()  # (nav title, src_uri) in the order of data/national.yaml


def _raw_slug(root: Path, file: str) -> str | None:
    """The `slug` of a file that failed validation, if the YAML still parses and has a valid one."""
    try:
        text = (root / file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        # Broken YAML: a top-level `slug:` line still keeps the error at the page's usual URL,
        # so an editor's open tab reloads onto the error instead of a 404.
        found = re.search(r"^slug:\s*['\"]?([a-z][a-z0-9-]*)['\"]?\s*$", text, flags=re.M)
        return found.group(1) if found else None
    slug = data.get("slug") if isinstance(data, dict) else None
    if isinstance(slug, str) and slug.replace("-", "").isalnum() and slug.isascii() and slug[:1].isalpha():
        return slug.lower()
    return None


def error_page(env: Environment, file: str, problems: list[Problem]) -> str:
    return render(env, "error.md.j2", {"file": file, "problems": [str(p) for p in problems]})


def _error_pages(env: Environment, result: LoadResult, root: Path, taken: set[str]) -> list[GeneratedPage]:
    pages = []
    for file, problems in sorted(result.bad_files.items()):
        folder, _, name = file.rpartition("/")
        kind = folder.rsplit("/", 1)[-1]
        if kind not in ("cities", "provinces"):
            continue
        slug = _raw_slug(root, file) or Path(name).stem
        src_uri = f"{kind}/{slug}.md"
        if src_uri in taken:  # the slug belongs to a good record; keep the error at the code
            src_uri = f"{kind}/{Path(name).stem}.md"
        taken.add(src_uri)
        pages.append(GeneratedPage(src_uri, error_page(env, file, problems), in_nav=False))
    return pages


def _national_usable(result: LoadResult) -> bool:
    national = result.dataset.national
    return not any(p.file.endswith("national.yaml") for p in result.problems) and national.hotline is not None


def build_pages(
    result: LoadResult,
    settings: SiteSettings,
    *,
    compute: Compute | None = None,
    templates: Path = TEMPLATES,
    root: Path = ROOT,
    today: datetime.date | None = None,
) -> Site:
    """All pages. `compute` replaces the transfer-deadline calculator in tests; `root` is the folder that holds
    data/ (the problems' file names are relative to it); `today`, the build date, decides whether
    the calculators say that next year's holidays are not out yet (sitegen.pages.calendar_status)."""
    env = make_environment(templates)
    if not _national_usable(result):
        # Nothing can be rendered without the national rules: one page lists the problems.
        content = render(env, "error.md.j2", {"file": "data/national.yaml",
                                              "problems": [str(p) for p in result.problems]})
        return Site([GeneratedPage("index.md", content)], [])
    dataset = result.dataset
    contexts.check_rules(dataset)
    city_page.check_fact_kinds()
    example = example_deadline(settings.example_accepted, *([compute] if compute else []))
    calendar_notice = pending_notice(dataset.calendar, today)
    grouped = contexts.cities_by_province(dataset)
    pages: list[GeneratedPage] = []
    provinces: list[tuple[str, str]] = []
    for code in sorted(dataset.provinces):
        province = dataset.provinces[code]
        cities = grouped.get(code, [])
        uri = f"provinces/{province.slug}.md"
        pages.append(GeneratedPage(uri, render(env, "province.md.j2",
                                               contexts.province_context(dataset, province, cities))))
        provinces.append((province.name, uri))
        for city in cities:
            ctx = city_page.city_context(dataset, city, example, cities, calendar_notice)
            pages.append(GeneratedPage(f"cities/{city.slug}.md", render(env, "city.md.j2", ctx), in_nav=False))
    pages += _error_pages(env, result, root, {p.src_uri for p in pages})
    notice = [str(p) for p in result.problems]
    index = contexts.index_context(dataset, grouped, notice)
    pages.append(GeneratedPage("index.md", render(env, "index.md.j2", index)))
    topics = []
    for topic in dataset.national.topics:
        uri = f"topics/{topic.id}.md"
        pages.append(GeneratedPage(uri, render(env, "topic.md.j2", contexts.topic_context(dataset, topic))))
        topics.append((topic.title, uri))
    pages.append(GeneratedPage("corrections.md", render(env, "corrections.md.j2",
                                                         contexts.corrections_context(dataset))))
    pages.append(GeneratedPage("sources.md", render(env, "sources.md.j2", contexts.sources_context(dataset))))
    pages.append(GeneratedPage("coverage.md", render(env, "coverage.md.j2", coverage_context(dataset))))
    pages.append(GeneratedPage("calculators.md", render(env, "calculators.md.j2", contexts.calculators_context(calendar_notice))))
    pages.append(GeneratedPage("plan.md", render(env, "plan.md.j2", contexts.plan_context(calendar_notice))))
    if dataset.questions is not None:
        pages.append(GeneratedPage(questions.PAGE, render(env, "questions.md.j2", questions.context(dataset))))
    return Site(pages, provinces, topics)


def _names(value: object, pages: set[str]) -> bool:
    return isinstance(value, str) and value in pages


def province_nav(nav: list | None, provinces: list[tuple[str, str]],
                 topics: list[tuple[str, str]] = (), pages: set[str] | None = None) -> list | None:
    """mkdocs.yml `nav` with the entry whose target is `provinces/` replaced by the province pages
    (and `topics/` by the topic pages); given the generated `pages`, without the entry of an
    optional page the data does not make (the 「常见问题」 page needs data/questions.yaml)."""
    if nav is None:
        return None
    absent = {questions.PAGE} - (pages or set()) if pages is not None else set()

    def expand(item: object) -> object:
        if isinstance(item, dict):
            return {key: expand(value) for key, value in item.items() if not _names(value, absent)}
        if isinstance(item, list):
            return [expand(value) for value in item
                    if not (isinstance(value, dict) and all(_names(v, absent) for v in value.values()))]
        if item == NAV_PROVINCES:
            return [{title: uri} for title, uri in provinces]
        if item == NAV_TOPICS:
            return [{title: uri} for title, uri in topics]
        return item

    return expand(nav)

