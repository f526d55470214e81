"""sitegen.site.preview: the pieces of the incremental editor preview (`mkdocs serve --dirty`).
The running server is tested in tests/e2e/test_preview_server.py."""

from __future__ import annotations

import json
import logging
import os
from types import SimpleNamespace

from sitegen.site.preview import (BUILD_LOG, Build, BuildState, DirtyWarningFilter, PageSources, PreviewState, builds_in,
                             layout_fingerprint, merge_search_index, page_url)

NAV = [{"全国规则概览": "index.md"}, {"各省": [{"河北省": "provinces/hebei.md"}]}]
URIS = ["index.md", "provinces/hebei.md", "cities/shijiazhuang.md"]


def _age(path, seconds=100):
    """Set a file's mtime `seconds` into the past, so a rewrite would be visible."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns - seconds * 10**9))
    return path.stat().st_mtime_ns


def test_only_changed_pages_are_rewritten(tmp_path):
    sources = PageSources(tmp_path / "src")
    first = sources.write([("index.md", "# 首页\n"), ("cities/a.md", "# A\n"), ("cities/b.md", "# B\n")])
    assert first == ["index.md", "cities/a.md", "cities/b.md"]
    assert sources.path("cities/a.md").read_text(encoding="utf-8") == "# A\n"
    before = {uri: _age(sources.path(uri)) for uri in first}

    again = sources.write([("index.md", "# 首页\n"), ("cities/a.md", "# A 改\n"), ("cities/b.md", "# B\n")])

    assert again == ["cities/a.md"]
    assert sources.path("cities/a.md").read_text(encoding="utf-8") == "# A 改\n"
    assert sources.path("cities/a.md").stat().st_mtime_ns > before["cities/a.md"]
    assert sources.path("index.md").stat().st_mtime_ns == before["index.md"]
    assert sources.path("cities/b.md").stat().st_mtime_ns == before["cities/b.md"]


def test_pages_that_are_gone_are_deleted(tmp_path):
    sources = PageSources(tmp_path / "src")
    sources.write([("index.md", "x"), ("cities/a.md", "a"), ("cities/b.md", "b")])
    assert sources.write([("index.md", "x"), ("cities/b.md", "b")]) == []
    assert not sources.path("cities/a.md").exists()
    assert sources.path("cities/b.md").is_file()


def test_layout_fingerprint_follows_nav_pages_and_files(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: a\n", encoding="utf-8")
    base = layout_fingerprint(NAV, URIS, [config])
    assert layout_fingerprint(NAV, list(reversed(URIS)), [config]) == base  # page order is not layout

    renamed = [NAV[0], {"各省": [{"河北省（改）": "provinces/hebei.md"}]}]
    assert layout_fingerprint(renamed, URIS, [config]) != base
    assert layout_fingerprint(NAV, [*URIS, "cities/baoding.md"], [config]) != base
    config.write_text("site_name: b\n", encoding="utf-8")
    assert layout_fingerprint(NAV, URIS, [config]) != base
    config.unlink()
    assert layout_fingerprint(NAV, URIS, [config]) != base  # a missing file counts as empty


def _entries(*locations):
    return [{"location": loc, "title": loc or "home", "text": ""} for loc in locations]


def test_search_index_after_a_full_build_is_what_material_wrote():
    current = {"config": {"lang": ["zh"]}, "docs": _entries("", "cities/a/", "cities/a/#_1")}
    assert merge_search_index(None, current, {"", "cities/a/"}, {"", "cities/a/"}) == current


def test_search_index_keeps_unchanged_pages_and_replaces_rebuilt_ones():
    previous = {"config": {"lang": ["zh"]},
                "docs": _entries("", "#_2", "provinces/hebei/", "cities/a/", "cities/a/#_1", "cities/a/#_2",
                                 "cities/b/", "cities/b/#_1")}
    # cities/a/ lost a section and provinces/hebei/ was rendered again; nothing else was.
    current = {"config": {"lang": ["zh"]}, "docs": _entries("provinces/hebei/", "cities/a/", "cities/a/#_1")}
    pages = {"", "provinces/hebei/", "cities/a/", "cities/b/"}

    merged = merge_search_index(previous, current, {"provinces/hebei/", "cities/a/"}, pages)

    assert [d["location"] for d in merged["docs"]] == [
        "", "#_2", "cities/b/", "cities/b/#_1", "provinces/hebei/", "cities/a/", "cities/a/#_1"]
    assert merged["config"] == current["config"]


def test_search_index_drops_pages_the_site_no_longer_has():
    previous = {"config": {}, "docs": _entries("", "cities/a/", "cities/gone/", "cities/gone/#_1")}
    current = {"config": {}, "docs": _entries("")}
    merged = merge_search_index(previous, current, {""}, {"", "cities/a/"})
    assert [d["location"] for d in merged["docs"]] == ["cities/a/", ""]


def test_home_page_url_matches_its_search_location():
    assert page_url("./") == "" and page_url(".") == ""
    assert page_url("cities/a/") == "cities/a/"


def test_the_build_line_is_read_back():
    text = "\n".join("INFO    -  " + BUILD_LOG % args for args in [(1, 373, 13.5), (2, 1, 1.8), (3, 1, 1.8)])
    assert builds_in(text) == [Build(1, 373, 13.5), Build(2, 1, 1.8), Build(3, 1, 1.8)]


def _page(uri, text):
    return SimpleNamespace(src_uri=uri, content=text)


def test_build_state_is_dirty_only_under_serve():
    assert not BuildState().dirty and not BuildState().serving
    state = BuildState()
    state.start("build", True)
    assert not state.dirty and not state.serving
    state.start("serve", False)
    assert state.serving and not state.dirty


def test_the_dirty_build_warning_is_filtered():
    def record(message):
        return logging.LogRecord("mkdocs.commands.build", logging.WARNING, __file__, 1, message, None, None)

    dirty = DirtyWarningFilter()
    assert not dirty.filter(record("A 'dirty' build is being performed, this will likely lead to inaccurate navigation"))
    assert dirty.filter(record("Documentation built in 1.00 seconds"))


def test_preview_renders_everything_when_the_layout_changes(tmp_path):
    preview = PreviewState(sources=PageSources(tmp_path / "src"))
    layout = tmp_path / "mkdocs.yml"
    layout.write_text("site_name: a\n")
    pages = [_page("index.md", "# 首页\n"), _page("cities/a.md", "# A\n")]
    assert preview.write_pages(pages, NAV, [layout]) == ["index.md", "cities/a.md"]
    assert preview.full  # the first build
    assert preview.write_pages([pages[0], _page("cities/a.md", "# A 改\n")], NAV, [layout]) == ["cities/a.md"]
    assert not preview.full  # text only
    layout.write_text("site_name: b\n")
    assert preview.write_pages(pages, NAV, [layout]) == ["cities/a.md"]
    assert preview.full
    preview.write_pages(pages, NAV, [layout])
    assert not preview.full
    preview.failed()
    preview.write_pages(pages, NAV, [layout])
    assert preview.full  # after a failed build


def test_preview_page_sources_are_made_once(tmp_path):
    preview = PreviewState()
    sources = preview.page_sources()
    assert sources is preview.page_sources() and sources.folder.is_dir()


def test_preview_merges_the_written_search_index(tmp_path):
    path = tmp_path / "search" / "search_index.json"
    path.parent.mkdir()
    preview = PreviewState(urls={"", "cities/a/", "cities/b/"})
    preview.begin()
    preview.rendered = {"", "cities/a/", "cities/b/"}
    path.write_text(json.dumps({"docs": _entries("", "cities/a/", "cities/b/")}), encoding="utf-8")
    preview.merge_search(tmp_path)  # a full build: as written
    assert preview.search == {"docs": _entries("", "cities/a/", "cities/b/")}
    preview.full, preview.rendered = False, {"cities/a/"}
    path.write_text(json.dumps({"config": {}, "docs": _entries("cities/a/#x")}), encoding="utf-8")
    preview.merge_search(tmp_path)
    merged = json.loads(path.read_text(encoding="utf-8"))
    assert [d["location"] for d in merged["docs"]] == ["", "cities/b/", "cities/a/#x"]
    preview.merge_search(tmp_path / "nothing")  # no index written: nothing to do


def test_preview_counts_its_builds():
    preview = PreviewState()
    preview.begin()
    preview.rendered.add("cities/a/")
    number, rendered, seconds = preview.finished()
    assert (number, rendered) == (1, 1) and seconds >= 0
    assert builds_in(BUILD_LOG % preview.finished())[0].number == 2
