"""sitegen.site.seo: robots.txt names the sitemap by its absolute URL when the site's origin is known,
and the sitemap's locations are read in order (the built site's check is in tests/deploy)."""

from __future__ import annotations

from sitegen.site.seo import robots_txt, sitemap_locations


def test_robots_allows_everything_and_names_the_absolute_sitemap():
    text = robots_txt("https://yibao.example.cn/guide/")
    assert text.splitlines()[1:3] == ["User-agent: *", "Allow: /"]
    assert text.endswith("Sitemap: https://yibao.example.cn/guide/sitemap.xml\n")


def test_without_a_site_url_there_is_no_sitemap_line():
    text = robots_txt(None)
    assert "Sitemap" not in text and "Allow: /" in text and text.endswith("\n")


def test_sitemap_locations_in_order(tmp_path):
    (tmp_path / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<urlset>\n'
        "<url><loc> https://a.example/ </loc></url>\n<url><loc>https://a.example/cities/zhongshan/</loc></url>\n"
        "</urlset>\n", encoding="utf-8")
    assert sitemap_locations(tmp_path) == ["https://a.example/", "https://a.example/cities/zhongshan/"]
