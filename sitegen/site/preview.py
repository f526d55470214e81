"""The incremental editor preview: what `mkdocs serve --dirty` (`make serve`) rebuilds.

MkDocs' dirty mode renders only the pages whose source file is newer than their output. The
hook makes that hold for the generated pages and makes the result complete:

- `PageSources` writes each generated page's Markdown to a folder of its own and rewrites a file
  only when its text changed, so an edit to one city leaves every other page's mtime alone.
- `layout_fingerprint` covers what every page shows besides its own text (the nav, the set of
  pages, mkdocs.yml, the theme overrides). When it changes the hook empties the site folder and
  every page is rendered again, so no page keeps a stale nav.
- `merge_search_index` keeps the search index whole: Material's own merge under dirty builds
  assumes a single rebuilt page, and a city edit also rebuilds its province page and the overview.
- `BuildState` is what the hook keeps between MkDocs events of one build, `PreviewState` what it
  keeps across the rebuilds of one `mkdocs serve` (MkDocs loads the hook once per process).
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import json
import logging
import os
import re
import shutil
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

# The hook logs this after every build under `mkdocs serve`, numbered (MkDocs itself drops a
# "Documentation built in …" line that repeats an earlier one word for word).
BUILD_LOG = "预览：第 %d 次生成完成，渲染 %d 个页面，用时 %.2f 秒"
_BUILD_LINE = re.compile(r"预览：第 (\d+) 次生成完成，渲染 (\d+) 个页面，用时 ([0-9.]+) 秒")


@dataclass(frozen=True)
class Build:
    number: int
    rendered: int  # pages rendered by this build
    seconds: float  # from the hook's on_config to the end of on_post_build


def builds_in(log_text: str) -> list[Build]:
    """The builds a `mkdocs serve` log reports, in order."""
    return [Build(int(n), int(r), float(t)) for n, r, t in _BUILD_LINE.findall(log_text)]


class PageSources:
    """Generated pages as files under `folder` (mtimes change only when the text does)."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)

    def path(self, src_uri: str) -> Path:
        return self.folder / src_uri

    def write(self, pages: Iterable[tuple[str, str]]) -> list[str]:
        """Write (src_uri, markdown) pairs; delete files of pages that are gone. Returns the
        src_uris whose file was written (new or changed text), in the given order."""
        written, keep = [], set()
        for src_uri, markdown in pages:
            keep.add(src_uri)
            path = self.path(src_uri)
            data = markdown.encode("utf-8")
            try:
                if path.read_bytes() == data:
                    continue
            except FileNotFoundError:
                path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            written.append(src_uri)
        if self.folder.is_dir():
            for path in self.folder.rglob("*.md"):
                if path.relative_to(self.folder).as_posix() not in keep:
                    path.unlink()
        return written


def layout_fingerprint(nav: object, src_uris: Iterable[str], files: Iterable[Path]) -> str:
    """A digest of what is shared by every page: the nav (titles and targets), the set of pages,
    and the bytes of `files` (mkdocs.yml, theme overrides). Missing files count as empty."""
    h = hashlib.sha256()
    h.update(json.dumps(nav, ensure_ascii=False, sort_keys=True, default=str).encode())
    for uri in sorted(src_uris):
        h.update(b"\0page\0" + uri.encode())
    for path in sorted(Path(p) for p in files):
        h.update(b"\0file\0" + str(path).encode() + b"\0")
        if path.is_file():
            h.update(path.read_bytes())
    return h.hexdigest()


def page_of(location: str) -> str:
    """The page URL of a search entry's location: "cities/x/#anchor" → "cities/x/"."""
    return location.split("#", 1)[0]


def page_url(file_url: str) -> str:
    """A page's URL as search entries give it, from MkDocs' `File.url` (the home page's is "./",
    its entries' location is "")."""
    return "" if file_url in (".", "./") else file_url


def merge_search_index(previous: dict | None, current: dict, rebuilt: set[str], pages: set[str]) -> dict:
    """The whole search index after a dirty build, as Material's search_index.json data.

    `previous`: the index written after the last build (None: this build rendered every page).
    `current`: what Material wrote now, holding only the entries of the pages rendered now (the
    hook turns Material's own merge off); `rebuilt`: those pages' URLs.
    `pages`: the URLs of every page the site has now (entries of other pages are dropped).
    Order: unchanged pages as before, then the rebuilt pages."""
    if previous is None:
        return current
    kept = [d for d in previous.get("docs", [])
            if page_of(d["location"]) in pages and page_of(d["location"]) not in rebuilt]
    return {**current, "docs": kept + current.get("docs", [])}


@dataclass
class BuildState:
    """The hook's state within one build: the command, the generated pages (on_config → on_files)
    and the hashed theme asset names (on_files → on_env)."""

    command: str = "build"
    dirty: bool = False  # `mkdocs serve --dirty`
    pages: list = field(default_factory=list)
    assets: dict[str, str] = field(default_factory=dict)
    times: dict[str, float] = field(default_factory=dict)  # seconds of each stage the hook runs

    def start(self, command: str, dirty: bool) -> None:
        self.command = command
        self.times = {}
        self.dirty = command == "serve" and dirty
        if self.dirty:
            # MkDocs warns on every dirty build that the nav may go stale; the hook prevents that.
            logging.getLogger("mkdocs.commands.build").addFilter(DirtyWarningFilter())

    @property
    def serving(self) -> bool:
        return self.command == "serve"

    @contextlib.contextmanager
    def timed(self, stage: str):
        """Adds the seconds of the `with` block to `times[stage]`."""
        start = time.perf_counter()
        try:
            yield
        finally:
            self.times[stage] = self.times.get(stage, 0.0) + time.perf_counter() - start

    def report_times(self) -> None:
        """With YB_STAGE_TIMES=<file> (tools/bench_site.py), the stage times go to that JSON file."""
        target = os.environ.get("YB_STAGE_TIMES")
        if target:
            Path(target).write_text(json.dumps(self.times, sort_keys=True), encoding="utf-8")


class DirtyWarningFilter(logging.Filter):
    """Drops MkDocs' warning that a dirty build may leave navigation inaccurate: under
    `make serve` the hook renders every page again whenever the layout changes."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


@dataclass
class PreviewState:
    """Across the rebuilds of one `mkdocs serve` (--dirty for the page sources, the layout and
    the search index)."""

    sources: PageSources | None = None  # made on first use, removed at exit
    layout: str | None = None  # layout_fingerprint of the last build (None: render every page)
    full: bool = True  # this build renders every page
    rendered: set[str] = field(default_factory=set)  # URLs of the pages rendered by this build
    urls: set[str] = field(default_factory=set)  # URLs of every page of this build
    search: dict | None = None  # the merged search index written by the last build
    builds: int = 0
    started: float = 0.0

    def begin(self) -> None:
        """A build starts (on_config)."""
        self.started = time.monotonic()
        self.rendered = set()

    def page_sources(self) -> PageSources:
        if self.sources is None:
            folder = Path(tempfile.mkdtemp(prefix="yibao-preview-"))
            atexit.register(shutil.rmtree, folder, True)
            self.sources = PageSources(folder)
        return self.sources

    def write_pages(self, pages: Iterable, nav: object, layout_files: Iterable[Path]) -> list[str]:
        """Write the generated pages' sources (objects with src_uri and content) and decide
        whether every page must be rendered again; returns the src_uris whose text changed."""
        pages = list(pages)
        written = self.page_sources().write((page.src_uri, page.content) for page in pages)
        layout = layout_fingerprint(nav, [page.src_uri for page in pages], layout_files)
        self.full = layout != self.layout
        self.layout = layout
        return written

    def merge_search(self, site_dir: Path) -> None:
        """Rewrite site_dir/search/search_index.json whole (merge_search_index)."""
        path = Path(site_dir) / "search" / "search_index.json"
        if not path.is_file():
            return
        current = json.loads(path.read_text(encoding="utf-8"))
        previous = None if self.full else self.search
        merged = merge_search_index(previous, current, self.rendered, self.urls)
        if merged is not current:
            path.write_text(json.dumps(merged, separators=(",", ":")), encoding="utf-8")
        self.search = merged

    def finished(self) -> tuple[int, int, float]:
        """A build ended: BUILD_LOG's arguments (build number, pages rendered, seconds)."""
        self.builds += 1
        return self.builds, len(self.rendered), time.monotonic() - self.started

    def failed(self) -> None:
        """After a failed build the next one renders every page."""
        self.layout = None


def refresh_calculators(project: Path, log: logging.Logger) -> None:
    """Under `mkdocs serve`, before the pages: data/ compiled into the project's calculators/
    (sitegen.compile; a warning per problem that kept a module as it was), the imported calculator
    modules forgotten so the pages read the edited ones, and the wheel rebuilt when calculators/
    changed (sitegen.runtime.pyodide_build)."""
    from sitegen import compile as compile_stage
    from sitegen.runtime import pyodide_build, runtime_assets

    written, problems = compile_stage.recompile(project)
    for line in written:
        log.info(line)
    for line in problems:
        log.warning(line)
    pyodide_build.forget_calculators()
    pyodide_build.build()  # a no-op unless calculators/ changed
    if runtime_assets.snapshot_enabled():
        runtime_assets.ensure_snapshot()
