"""Reading built HTML pages for the site checks: the article's headings and text (one line per
block, so sentence-based patterns see block ends), the <title>, and every URL the page would
load (scripts, stylesheets, icons, images, media, frames). A module with a unique name."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "div", "ol", "ul", "table", "tr", "br",
          "details", "summary", "blockquote", "pre", "dt", "dd"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
LOADED = {("script", "src"), ("link", "href"), ("img", "src"), ("img", "srcset"), ("source", "src"),
          ("source", "srcset"), ("iframe", "src"), ("video", "src"), ("video", "poster"), ("audio", "src"),
          ("embed", "src"), ("object", "data"), ("input", "src")}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class PageView:
    title: str = ""
    headings: list[tuple[int, str]] = field(default_factory=list)  # (level, text) inside <article>
    text: str = ""  # article text, one block per line
    loads: list[str] = field(default_factory=list)  # URLs of resources the browser would fetch
    links: list[str] = field(default_factory=list)  # <a href> anywhere on the page


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.view = PageView()
        self.stack: list[str] = []
        self.article_depth: int | None = None
        self.heading: list[str] | None = None
        self.heading_level = 0
        self.in_title = False
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name, value in attrs:
            if (tag, name) in LOADED and value:
                if tag == "link" and attributes.get("rel") in ("canonical", "alternate", "prev", "next"):
                    continue
                self.view.loads.extend(u.strip().split(" ")[0] for u in value.split(",") if u.strip())
        if tag == "a" and attributes.get("href"):
            self.view.links.append(attributes["href"])
        if tag == "title":
            self.in_title = True
        if tag in VOID:
            if tag == "br" and self.article_depth is not None:
                self.parts.append("\n")
            return
        self.stack.append(tag)
        if tag == "article" and self.article_depth is None:
            self.article_depth = len(self.stack)
        if self.article_depth is not None:
            if tag in BLOCKS:
                self.parts.append("\n")
            if tag in HEADINGS:
                self.heading, self.heading_level = [], int(tag[1])

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        if tag in VOID or tag not in self.stack:
            return
        while self.stack:
            closed = self.stack.pop()
            if self.article_depth is not None:
                if closed in HEADINGS and self.heading is not None:
                    self.view.headings.append((self.heading_level, "".join(self.heading).strip()))
                    self.heading = None
                if closed in BLOCKS:
                    self.parts.append("\n")
                if len(self.stack) < self.article_depth:
                    self.article_depth = None
            if closed == tag:
                break

    def handle_data(self, data):
        if self.in_title:
            self.view.title += data
        if self.article_depth is not None:
            self.parts.append(data)
            if self.heading is not None:
                self.heading.append(data)


def read_page(path: Path) -> PageView:
    reader = _Reader()
    reader.feed(path.read_text(encoding="utf-8"))
    reader.close()
    view = reader.view
    view.text = re.sub(r"\n\s*\n+", "\n", "".join(reader.parts)).strip()
    view.title = view.title.strip()
    return view


def css_urls(text: str) -> list[str]:
    """url(...) and @import targets of a stylesheet."""
    found = re.findall(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)", text)
    found += re.findall(r"@import\s+['\"]([^'\"]+)['\"]", text)
    return found
