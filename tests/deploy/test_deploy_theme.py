"""The theme overrides the CSP needs (overrides/, wired by sitegen/site/hook.py): Material's inline
head script is a content-hashed file loaded with `defer` before Material's deferred bundle, and
it gives Material the same storage scope (the site root) on every kind of page."""

from __future__ import annotations

import hashlib
import re

import pytest

from site_build import ROOT

pytestmark = pytest.mark.browser

OVERRIDES = ROOT / "overrides"
THEME_FILES = ["assets/javascripts/yb-head.js", "assets/stylesheets/yb-site.css"]


@pytest.mark.parametrize("source", THEME_FILES)
def test_theme_files_are_published_under_their_content_hash(public_site, source):
    digest = hashlib.sha256((OVERRIDES / source).read_bytes()).hexdigest()[:8]
    stem, ext = source.rsplit(".", 1)
    folder = public_site / source.rsplit("/", 1)[0]
    name = stem.rsplit("/", 1)[1]
    published = sorted(p.name for p in folder.glob(f"{name}*.{ext}"))
    assert published == [f"{name}.{digest}.{ext}"]  # no copy under the plain name: cached for a year
    page = (public_site / "cities" / "shijiazhuang" / "index.html").read_text(encoding="utf-8")
    assert f"{stem}.{digest}.{ext}" in page


def test_head_script_runs_before_the_deferred_bundle(public_site):
    page = (public_site / "cities" / "shijiazhuang" / "index.html").read_text(encoding="utf-8")
    scripts = re.findall(r"<script src=\"([^\"]+)\"([^>]*)>", page)
    names = [src.rsplit("/", 1)[-1] for src, _ in scripts]
    head = next(i for i, n in enumerate(names) if n.startswith("yb-head."))
    bundle = next(i for i, n in enumerate(names) if n.startswith("bundle."))
    assert head < bundle
    assert all("defer" in attributes for _, attributes in scripts), scripts


@pytest.mark.parametrize("path", ["/", "/cities/shijiazhuang/", "/no/such/page/"])
def test_material_storage_scope_is_the_site_root(chromium, nginx, path):
    context = chromium.new_context()
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto(nginx + path)
        page.wait_for_function("() => document.documentElement.classList.contains('js')")  # Material ran
        assert page.evaluate("() => __md_scope.href") == nginx + "/"
        page.evaluate("() => __md_set('__yb_test', {a: 1})")
        assert page.evaluate("() => __md_get('__yb_test')") == {"a": 1}
        assert page.evaluate("() => localStorage.getItem('/.__yb_test')") == '{"a":1}'
        assert errors == []
    finally:
        context.close()
