"""How much of a city page is the same on (almost) every city page.

    python tools/shared_share.py [--threshold 0.9] [--city zhongshan --city beijing ...]

A city page's main text is its Markdown without the front matter, the calculators' forms and
the list of sources, with markup, links' targets and the 〔n〕 citation marks removed. The text
is cut into sentences (at 。！？； and line ends). A sentence is *shared* when the same sentence
appears on at least `threshold` of all city pages; the page's shared share is the number of
characters in shared sentences over all its characters.

Two readings are printed. `exact` compares sentences as printed. `names` first replaces the
city's and its province's names with placeholders, so a sentence that differs from page to page
only by the place name counts as shared too: the stricter of the two.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
from collections import Counter
from dataclasses import dataclass

# Parts of a city page that are not its main text: the forms (a <div class="yb-calculators">
# block) and the numbered source list, which sit between these markers.
_CALCULATORS = re.compile(r'<div class="yb-calculators".*?</script>\s*</div>', re.S)
_SOURCES = re.compile(r"^1\. \[.*?$", re.M)
_FRONT = re.compile(r"\A---\n.*?\n---\n", re.S)
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"<[^>]+>|\{[^}]*\}|[*#>`|]|〔\d+〕")
_SPLIT = re.compile(r"[。！？；\n]")


def main_text(page: str) -> str:
    text = _FRONT.sub("", page)
    text = _CALCULATORS.sub("", text)
    text = _SOURCES.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = re.sub(r"^\s*(?:[-*]|\d+\.)\s+", "", text, flags=re.M)
    return _MARKUP.sub("", text)


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SPLIT.split(text) if s.strip()]


@dataclass(frozen=True)
class Share:
    slug: str
    chars: int
    shared: int

    @property
    def share(self) -> float:
        return self.shared / self.chars if self.chars else 0.0


def shares(pages: dict[str, list[str]], threshold: float) -> dict[str, Share]:
    """`pages`: slug -> the page's sentences. Returns each page's Share."""
    seen = Counter(s for found in pages.values() for s in set(found))
    needed = threshold * len(pages)
    result = {}
    for slug, found in pages.items():
        total = sum(len(s) for s in found)
        shared = sum(len(s) for s in found if seen[s] >= needed)
        result[slug] = Share(slug, total, shared)
    return result


def city_sentences(names: bool) -> dict[str, list[str]]:
    from sitegen.data.load import load_dataset
    from sitegen.pages.pages import build_pages
    from sitegen.data.settings import load_settings

    result = load_dataset()
    site = build_pages(result, load_settings())
    by_slug = {c.slug: c for c in result.dataset.cities.values()}
    out = {}
    for page in site.pages:
        if not page.src_uri.startswith("cities/"):
            continue
        slug = page.src_uri.removeprefix("cities/").removesuffix(".md")
        text = main_text(page.content)
        if names:
            city = by_slug[slug]
            province = result.dataset.provinces[city.province]
            for name, mark in ((city.name, "〈市〉"), (province.name, "〈省〉"),
                               (city.short_name, "〈市〉"), (province.short_name, "〈省〉")):
                text = text.replace(name, mark)
        out[slug] = sentences(text)
    return out


def report(threshold: float, cities: list[str]) -> str:
    lines = []
    for reading, names in (("exact", False), ("names", True)):
        found = shares(city_sentences(names), threshold)
        values = [s.share for s in found.values()]
        chars = [s.chars for s in found.values()]
        lines.append(f"{reading}: median shared share {statistics.median(values):.2f} over {len(values)} "
                     f"city pages (threshold {threshold:.0%}); median main text {statistics.median(chars):,.0f} characters")
        for slug in cities:
            s = found[slug]
            lines.append(f"  {slug}: {s.share:.2f} ({s.shared:,} of {s.chars:,} characters)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=float, default=0.9)
    parser.add_argument("--city", action="append", default=None)
    args = parser.parse_args(argv)
    print(report(args.threshold, args.city or ["zhongshan", "beijing", "enshi"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
