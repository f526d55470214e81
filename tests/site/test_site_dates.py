"""One written form of a date (2027年2月3日) and a month (2027年2月) on every page. No ISO
date or month (YYYY-MM-DD, YYYY-MM) in the text a reader sees; ISO stays in <time datetime>, in
attributes and in code examples (<code>, <pre>), and inside a URL shown as text."""

from __future__ import annotations

import re
from html.parser import HTMLParser

ISO = re.compile(r"(?<![\d/.-])(?:19|20)\d{2}-(?:0[1-9]|1[0-2])(?:-\d{2})?(?![\d])")
URL = re.compile(r"https?://\S+|(?:www\.)?[\w-]+(?:\.[\w-]+)+/\S*")
SKIPPED = {"script", "style", "code", "pre", "noscript", "template", "svg"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Text(HTMLParser):
    """The text of <body> outside SKIPPED elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.body = False
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "body":
            self.body = True
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass

    def handle_data(self, data):
        if self.body and not SKIPPED & set(self.stack):
            self.parts.append(data)


def iso_in_text(html: str) -> list[str]:
    reader = _Text()
    reader.feed(html)
    text = URL.sub(" ", " ".join(reader.parts))
    return ISO.findall(text)


def test_the_check_sees_an_iso_date_and_leaves_time_attributes_code_and_urls_alone():
    assert iso_in_text("<body><p>最晚从 2027-02 起</p></body>") == ["2027-02"]
    assert iso_in_text("<body><li>预计 2027-02-03</li></body>") == ["2027-02-03"]
    assert iso_in_text('<body><time datetime="2027-02-03">2027年2月3日（星期三）</time>'
                       "<code>--accepted 2026-02-10</code><pre>2026-02-10</pre>"
                       "<a href='x'>https://example.gov.cn/2026-01/a.html</a><p>2004–2026 年</p></body>") == []


def test_no_page_writes_a_date_or_a_month_in_iso(built_site):
    found = {}
    for page in sorted(built_site.path.rglob("*.html")):
        hits = iso_in_text(page.read_text(encoding="utf-8"))
        if hits:
            found[str(page.relative_to(built_site.path))] = hits[:5]
    assert found == {}, found
