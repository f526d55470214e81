"""What search engines read besides the pages: robots.txt, and the check that sitemap.xml names
every page (MkDocs writes sitemap.xml from `site_url`; city pages are not in the nav but are
pages all the same).

Baidu, Sogou, 360 and Bing read robots.txt at the site root and follow its `Sitemap:` line
(the sitemaps.org protocol wants absolute URLs there).
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

SITEMAP = "sitemap.xml"


def robots_txt(site_url: str | None) -> str:
    """Allow every crawler everywhere; name the sitemap when the site's origin is known."""
    lines = ["# 医保转移指南: every page may be crawled.", "User-agent: *", "Allow: /"]
    if site_url:
        lines += ["", f"Sitemap: {urljoin(site_url, SITEMAP)}"]
    return "\n".join(lines) + "\n"


def sitemap_locations(site: Path) -> list[str]:
    """The <loc> URLs of the built site's sitemap.xml, in order."""
    text = (site / SITEMAP).read_text(encoding="utf-8")
    return [loc.strip() for loc in re.findall(r"<loc>([^<]*)</loc>", text)]
