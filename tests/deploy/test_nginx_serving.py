"""The built site served by Debian's nginx with deploy/nginx.conf: precompressed files, MIME
types, cache lifetimes and security headers."""

from __future__ import annotations

import gzip
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from pathlib import Path

import brotli
import pytest

ROOT = Path(__file__).resolve().parents[2]

CSP_FORBIDDEN = ("'unsafe-eval'", "'unsafe-inline'")


@dataclass(frozen=True)
class Response:
    status: int
    headers: Message
    body: bytes

    def read(self) -> bytes:
        return self.body


def get(url: str, encoding: str = "", method: str = "GET") -> Response:
    req = urllib.request.Request(url, method=method, headers={"Accept-Encoding": encoding} if encoding else {})
    try:
        resp = urllib.request.urlopen(req, timeout=10)
    except urllib.error.HTTPError as err:
        resp = err
    with resp:
        return Response(resp.status, resp.headers, resp.read())


def first(site, pattern: str) -> str:
    path = next(iter(sorted(site.glob(pattern))))
    return "/" + path.relative_to(site).as_posix()


def test_html_is_served_brotli_then_gzip_then_plain(nginx, public_site):
    page = (public_site / "cities" / "shijiazhuang" / "index.html").read_bytes()
    br = get(nginx + "/cities/shijiazhuang/", "br, gzip")
    assert br.status == 200 and br.headers["Content-Encoding"] == "br"
    assert br.headers["Content-Type"] == "text/html; charset=utf-8"
    assert br.headers["Vary"] == "Accept-Encoding"
    gz = get(nginx + "/cities/shijiazhuang/", "gzip")
    assert gz.headers["Content-Encoding"] == "gzip"
    plain = get(nginx + "/cities/shijiazhuang/")
    assert plain.headers.get("Content-Encoding") is None
    assert plain.read() == page
    assert len(br.read()) < len(page) / 3


def test_wasm_has_its_mime_type_and_a_long_lifetime(nginx, public_site):
    wasm = first(public_site, "assets/calc/**/pyodide.asm.wasm")
    resp = get(nginx + wasm, "br")
    assert resp.status == 200
    assert resp.headers["Content-Type"] == "application/wasm"
    assert resp.headers["Content-Encoding"] == "br"
    assert "immutable" in resp.headers["Cache-Control"]
    assert "max-age=31536000" in resp.headers["Cache-Control"]


def test_theme_assets_are_cached_long_and_html_short(nginx, public_site):
    bundle = first(public_site, "assets/javascripts/bundle.*.min.js")
    assert "max-age=31536000" in get(nginx + bundle).headers["Cache-Control"]
    html = get(nginx + "/").headers["Cache-Control"]
    assert "max-age=300" in html and "immutable" not in html


@pytest.mark.parametrize("path", ["/", "/cities/shijiazhuang/", "/sitemap.xml", "/no-such-page/"])
def test_security_headers_on_every_response(nginx, path):
    resp = get(nginx + path)
    csp = resp.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self' 'wasm-unsafe-eval'" in csp
    assert not any(token in csp for token in CSP_FORBIDDEN)
    assert resp.headers["X-Content-Type-Options"] == "nosniff"
    assert resp.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in resp.headers["Permissions-Policy"]
    assert "geolocation=()" in resp.headers["Permissions-Policy"]


def test_missing_page_gets_the_sites_404_page(nginx):
    resp = get(nginx + "/no-such-page/")
    assert resp.status == 404
    assert "医保" in resp.read().decode()


def test_only_reads_are_allowed(nginx):
    assert get(nginx + "/", method="POST").status == 405


@pytest.mark.parametrize("name", ["pyodide.asm.wasm", "python_stdlib.zip", "pyodide.asm.js", "*.whl"])
def test_runtime_binaries_are_sent_precompressed(nginx, public_site, name):
    """Every large file the calculators' worker fetches comes brotli-compressed when the browser
    accepts it (the copies tools/build_wheels.py made), gzip otherwise, and is the same file once
    decoded. (The lock file is about 100 bytes: sitegen.runtime.pyodide_build.trim_lock.)"""
    folder = "wheels" if name.endswith(".whl") else "runtime"
    path = first(public_site, f"assets/calc/*/{folder}/{name}")
    original = (public_site / path.lstrip("/")).read_bytes()
    br = get(nginx + path, "br, gzip")
    assert br.headers["Content-Encoding"] == "br" and br.headers["Vary"] == "Accept-Encoding"
    assert brotli.decompress(br.read()) == original
    assert len(br.read()) < 0.6 * len(original)
    assert "immutable" in br.headers["Cache-Control"]
    gz = get(nginx + path, "gzip")
    assert gz.headers["Content-Encoding"] == "gzip" and gzip.decompress(gz.read()) == original
    assert get(nginx + path).read() == original


def test_upgrade_insecure_requests_only_over_https(nginx):
    """Over plain http (make serve-public) the CSP must not ask the browser to upgrade the page's
    requests to https: WebKit does, and loses the calculators. Over https it is sent (the
    directive comes from the same map; nginx -T shows it for the https scheme)."""
    csp = get(nginx + "/cities/shijiazhuang/").headers["Content-Security-Policy"]
    assert "upgrade-insecure-requests" not in csp
    assert csp.rstrip().endswith("frame-ancestors 'none'")
    conf = (ROOT / "deploy" / "site.conf").read_text()
    assert 'https   "; upgrade-insecure-requests";' in conf
