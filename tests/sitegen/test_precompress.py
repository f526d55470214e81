"""sitegen.site.precompress: .gz and .br copies of the compressible files that gain from them; the
runtime's ready-made copies are kept as they are."""

from __future__ import annotations

import gzip
import os

import brotli

from sitegen.site.precompress import MIN_SIZE, precompress


def test_copies_for_text_that_gains_none_for_small_images_or_incompressible(tmp_path):
    page = tmp_path / "cities" / "zhongshan" / "index.html"
    page.parent.mkdir(parents=True)
    html = ("<p>医保关系转移接续</p>\n" * 200).encode()
    page.write_bytes(html)
    (tmp_path / "tiny.css").write_bytes(b"a{}" * 10)  # under MIN_SIZE
    (tmp_path / "logo.png").write_bytes(os.urandom(4096))  # not a compressible kind
    (tmp_path / "noise.js").write_bytes(os.urandom(4096))  # compresses to nothing smaller
    totals = precompress(tmp_path)
    assert gzip.decompress((page.parent / "index.html.gz").read_bytes()) == html
    assert brotli.decompress((page.parent / "index.html.br").read_bytes()) == html
    made = sorted(p.name for p in tmp_path.rglob("*") if p.suffix in (".gz", ".br"))
    assert made == ["index.html.br", "index.html.gz"]
    assert totals["files"] == 2 and totals["original"] == len(html) + 4096  # the page and noise.js were tried
    assert len(b"a{}" * 10) < MIN_SIZE


def test_copies_made_already_are_not_made_again(tmp_path):
    wasm = tmp_path / "runtime" / "pyodide.asm.wasm"
    wasm.parent.mkdir()
    wasm.write_bytes(b"\0asm" + b"\1" * 5000)
    for suffix, data in ((".br", b"densest brotli"), (".gz", b"densest gzip")):
        copy = wasm.with_name(wasm.name + suffix)
        copy.write_bytes(data)
        os.utime(copy, (wasm.stat().st_mtime + 1,) * 2)
    assert precompress(tmp_path)["files"] == 0
    assert wasm.with_name(wasm.name + ".br").read_bytes() == b"densest brotli"
    # An older copy than its file is stale: made again.
    os.utime(wasm, (wasm.stat().st_mtime + 10,) * 2)
    assert precompress(tmp_path)["files"] == 1
    assert brotli.decompress(wasm.with_name(wasm.name + ".br").read_bytes()) == wasm.read_bytes()
