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
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
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
