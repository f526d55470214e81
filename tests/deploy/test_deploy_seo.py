"""What search engines read (Baidu, Sogou, 360 and Bing included): <html lang="zh-CN"> on every
page; a title and a meta description per city page, from the data and unique; a canonical URL on
the production origin (mkdocs.yml site_url) for every page; sitemap.xml listing every page,
every city included; robots.txt allowing all and naming the sitemap — served by nginx."""

from __future__ import annotations

import html
import re
import urllib.request
from urllib.parse import urljoin

import pytest

from sitegen.data.load import load_dataset
from sitegen.site.seo import robots_txt, sitemap_locations
from sitegen.data.settings import read_mkdocs_yml
from site_build import ROOT

SITE_URL = read_mkdocs_yml(ROOT / "mkdocs.yml")["site_url"]


def _head(text: str) -> str:
    return text.split("</head>", 1)[0]


def _meta(text: str, pattern: str) -> list[str]:
    return [html.unescape(m) for m in re.findall(pattern, _head(text))]


@pytest.fixture(scope="module")
def cities():
    return load_dataset().dataset.cities


@pytest.fixture(scope="module")
def city_heads(public_site, cities) -> dict[str, str]:
    return {c.slug: (public_site / "cities" / c.slug / "index.html").read_text(encoding="utf-8")
            for c in cities.values()}


def test_every_page_is_declared_simplified_chinese(public_site):
    pages = sorted(public_site.rglob("*.html"))
    assert len(pages) > 300
    wrong = [str(p.relative_to(public_site)) for p in pages
             if not re.search(r'<html lang="zh-CN"[ >]', p.read_text(encoding="utf-8")[:300])]
    assert wrong == []


def test_each_city_has_its_own_title_and_description_from_the_data(cities, city_heads):
    titles, descriptions = {}, {}
    for city in cities.values():
        text = city_heads[city.slug]
        [title] = _meta(text, r"<title>([^<]*)</title>")
        [description] = _meta(text, r'<meta name="description" content="([^"]*)"')
        assert city.name in title and city.name in description, city.slug
        titles[city.slug], descriptions[city.slug] = title, description
    assert len(set(titles.values())) == len(cities)
    assert len(set(descriptions.values())) == len(cities)


def test_every_page_names_its_canonical_url_on_the_production_origin(public_site):
    assert SITE_URL.startswith("https://") and SITE_URL.endswith("/")
    for path in sorted(public_site.rglob("index.html")):
        expected = urljoin(SITE_URL, path.parent.relative_to(public_site).as_posix() + "/")
        found = _meta(path.read_text(encoding="utf-8"), r'<link rel="canonical" href="([^"]*)"')
        assert found == [expected], path


def test_sitemap_lists_every_page_and_every_city(public_site, cities):
    locations = sitemap_locations(public_site)
    assert len(locations) == len(set(locations))
    for city in cities.values():
        assert urljoin(SITE_URL, f"cities/{city.slug}/") in locations, city.slug
    pages = {urljoin(SITE_URL, p.parent.relative_to(public_site).as_posix() + "/")
             for p in public_site.rglob("index.html")}
    assert set(locations) == pages


def test_robots_txt_allows_all_and_names_the_sitemap(nginx):
    with urllib.request.urlopen(nginx + "/robots.txt", timeout=10) as resp:
        assert resp.headers["Content-Type"].startswith("text/plain")
        text = resp.read().decode("utf-8")
    assert text == robots_txt(SITE_URL)
    assert re.search(r"^User-agent: \*$", text, re.M) and re.search(r"^Allow: /$", text, re.M)
    assert not re.search(r"^Disallow: *\S", text, re.M)
    assert re.search(r"^Sitemap: https://\S+/sitemap\.xml$", text, re.M)
    with urllib.request.urlopen(nginx + "/sitemap.xml", timeout=10) as resp:
        assert resp.status == 200 and "xml" in resp.headers["Content-Type"]


def test_robots_txt_without_an_origin_names_no_sitemap():
    assert "Sitemap" not in robots_txt(None)
    assert robots_txt("https://a.example/sub/").endswith("Sitemap: https://a.example/sub/sitemap.xml\n")
