"""The built site (`mkdocs build --strict`): page weight, nothing loaded from another host,
navigation grouped by province; and the hook's two behaviours on bad data — `mkdocs build`
fails listing every problem, `mkdocs serve` renders an error page and keeps the rest."""

from __future__ import annotations

import json
import logging
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

from site_build import REPORT, ROOT, mkdocs_build
from site_fixture_data import write_dataset
from site_html import css_urls, read_page

from sitegen.data.load import load_dataset
from sitegen.data.settings import read_mkdocs_yml

MAX_CITY_PAGE = 60_000  # bytes of index.html


def _site_host() -> str | None:
    site_url = read_mkdocs_yml(ROOT / "mkdocs.yml").get("site_url")
    return urlsplit(site_url).hostname if site_url else None


def _external(url: str, site_host: str | None) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob") or (not parts.scheme and not url.startswith("//")):
        return False
    return parts.hostname != site_host


def test_every_city_page_is_under_60_kb(built_site):
    sizes = {p.parent.name: p.stat().st_size for p in (built_site.path / "cities").glob("*/index.html")}
    assert len(sizes) == len(load_dataset().dataset.cities)
    largest = max(sizes, key=sizes.get)
    REPORT["weight"] = f"largest city page: cities/{largest}/index.html, {sizes[largest]:,} bytes"
    heavy = {slug: size for slug, size in sizes.items() if size >= MAX_CITY_PAGE}
    assert not heavy, f"city pages of {MAX_CITY_PAGE:,} bytes or more: {heavy}"


MAX_SEARCH_INDEX = 1_000_000  # bytes of search/search_index.json, which every page loads


def test_search_finds_each_city_by_name_and_indexes_only_what_is_local(built_site):
    """Text repeated on every city page stays out of search_index.json (Material's search
    worker builds its index from it on every page load): a city page is indexed by its title,
    and by a section only when that section has something of its own."""
    path = built_site.path / "search" / "search_index.json"
    docs = json.loads(path.read_text(encoding="utf-8"))["docs"]
    by_page: dict[str, list[dict]] = {}
    for doc in docs:
        by_page.setdefault(doc["location"].split("#")[0], []).append(doc)
    dataset = load_dataset().dataset
    for city in dataset.cities.values():
        entries = by_page[f"cities/{city.slug}/"]
        assert city.name in entries[0]["title"].replace("\u200b", "")
        if not city.facts and not dataset.provinces[city.province].facts:
            sections = [d["title"].replace("\u200b", "") for d in entries[1:]]
            assert sections == [], city.slug
    zhongshan = [d["title"].replace("\u200b", "") for d in by_page["cities/zhongshan/"][1:]]
    assert zhongshan == ["1. 先看这几条", "2. 中山和广东自己的规定"]
    assert not [d["location"] for d in docs if d["location"].startswith("cities/")
                and "全文和来源见各专题页" in d["text"].replace("\u200b", "")]
    assert {f"topics/{t.id}/" for t in dataset.national.topics} <= set(by_page)
    size = path.stat().st_size
    REPORT["search"] = f"search_index.json: {size:,} bytes, {len(docs)} entries"
    assert size < MAX_SEARCH_INDEX


def test_nothing_is_loaded_from_another_host(built_site):
    host = _site_host()
    found = []
    for page in built_site.path.rglob("*.html"):
        found += [f"{page.relative_to(built_site.path)}: {u}" for u in read_page(page).loads if _external(u, host)]
    for sheet in built_site.path.rglob("*.css"):
        text = sheet.read_text(encoding="utf-8")
        found += [f"{sheet.relative_to(built_site.path)}: {u}" for u in css_urls(text) if _external(u, host)]
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text
    assert not found, "\n".join(found)


def test_the_check_for_other_hosts_is_not_blind():
    assert _external("https://fonts.googleapis.com/css?family=Roboto", None)
    assert _external("//cdn.example.org/x.js", None)
    assert not _external("../assets/stylesheets/main.css", None)
    assert not _external("data:image/svg+xml,%3Csvg%3E", None)


def test_nav_lists_the_provinces_and_a_city_page_does_not_carry_every_city(built_site):
    dataset = load_dataset().dataset
    index = read_page(built_site.path / "index.html")
    provinces = {f"provinces/{p.slug}/" for p in dataset.provinces.values()}
    assert provinces <= {link.lstrip("./") for link in index.links}
    city = read_page(built_site.path / "cities" / "shijiazhuang" / "index.html")
    city_links = [link for link in city.links if re.search(r"(^|/)cities/|^\.\./[a-z-]+/$", link)]
    assert len(city.links) < 200, f"{len(city.links)} links on one city page"
    assert len(city_links) < 40  # the cities of 河北 only, not all of them


def test_province_page_links_each_of_its_cities(built_site):
    dataset = load_dataset().dataset
    hebei = read_page(built_site.path / "provinces" / "hebei" / "index.html")
    expected = {f"../../cities/{c.slug}/" for c in dataset.cities.values() if c.province == "130000"}
    assert len(expected) == 11
    assert expected <= set(hebei.links)


def _project(tmp_path: Path) -> Path:
    """A copy of the MkDocs project around a copy of data/, using this repository's hook."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("- sitegen/site/hook.py", f"- {ROOT / 'sitegen' / 'site' / 'hook.py'}")
    assert str(ROOT / "sitegen" / "site" / "hook.py") in config
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    return tmp_path


def test_build_with_bad_data_fails_listing_every_problem(tmp_path):
    project = _project(tmp_path)
    shutil.copytree(ROOT / "data", project / "data")
    city = project / "data" / "cities" / "130100.yaml"
    city.write_text(city.read_text(encoding="utf-8") + "hotline: '12345'\n", encoding="utf-8")
    line = city.read_text(encoding="utf-8").count("\n")
    province = project / "data" / "provinces" / "420000.yaml"
    province.write_text(province.read_text(encoding="utf-8").replace("kind: province", "kind: state"),
                        encoding="utf-8")
    proc = mkdocs_build(tmp_path / "site", project / "mkdocs.yml")
    output = proc.stdout + proc.stderr
    assert proc.returncode != 0
    assert "数据有 2 个问题，站点未生成" in output
    assert f"data/cities/130100.yaml:{line} hotline: 未知字段 hotline" in output
    assert re.search(r"data/provinces/420000\.yaml:\d+ kind: ", output)
    assert not (tmp_path / "site" / "index.html").exists()


def test_serve_renders_an_error_page_and_the_rest(tmp_path, caplog):
    from mkdocs.config import load_config
    from mkdocs.structure.files import Files, InclusionLevel

    project = _project(write_dataset(tmp_path))
    city = project / "data" / "cities" / "440300.yaml"
    line = city.read_text(encoding="utf-8").count("\n") + 1
    city.write_text(city.read_text(encoding="utf-8") + "hotline: '12345'\n", encoding="utf-8")
    config = load_config(str(project / "mkdocs.yml"))
    config.plugins.on_startup(command="serve", dirty=False)  # what `mkdocs serve` does first
    try:
        with caplog.at_level(logging.WARNING, logger="mkdocs.hooks.sitegen"):
            config = config.plugins.on_config(config)
            files = config.plugins.on_files(Files([]), config=config)
    finally:
        config.plugins.on_startup(command="build", dirty=False)
    assert f"data/cities/440300.yaml:{line} hotline: 未知字段 hotline" in caplog.text
    by_uri = {f.src_uri: f for f in files}
    error = by_uri["cities/shenzhen.md"]
    assert error.inclusion == InclusionLevel.NOT_IN_NAV
    assert f"data/cities/440300.yaml:{line} hotline: 未知字段 hotline" in error.content_string
    assert "# 广州市医保关系转移接续" in by_uri["cities/guangzhou.md"].content_string
    nav_provinces = next(item for item in config.nav if "各省、自治区、直辖市" in item)
    assert nav_provinces["各省、自治区、直辖市"] == [
        {"北京市": "provinces/beijing.md"}, {"广东省": "provinces/guangdong.md"}]


def test_serve_watches_data_templates_calculators_and_web():
    from mkdocs.config import load_config

    class Server:
        watched: list[str] = []

        def watch(self, path):
            self.watched.append(path)

    config = load_config(str(ROOT / "mkdocs.yml"))
    server = config.plugins.on_serve(Server(), config=config, builder=None)
    assert server.watched == [str(ROOT / name) for name in ("data", "templates", "calculators", "web", "overrides")]
