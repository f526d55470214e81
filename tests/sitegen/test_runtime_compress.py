"""sitegen.runtime.runtime_compress: brotli and gzip copies of the runtime's files, cached by content."""

from __future__ import annotations

import gzip
import os

import brotli

from sitegen.runtime import runtime_compress


def test_copies_are_written_beside_the_file_and_cached(tmp_path, monkeypatch):
    monkeypatch.setattr(runtime_compress, "CACHE", tmp_path / "cache")
    path = tmp_path / "pyodide.asm.js"
    data = ("var pyodide = 1;\n" * 2000).encode()
    path.write_bytes(data)
    os.utime(path, (1_000_000, 1_000_000))
    sizes = runtime_compress.encode(path)
    assert set(sizes) == {"br", "gz"}
    assert brotli.decompress((tmp_path / "pyodide.asm.js.br").read_bytes()) == data
    assert gzip.decompress((tmp_path / "pyodide.asm.js.gz").read_bytes()) == data
    assert (tmp_path / "pyodide.asm.js.br").stat().st_mtime == 1_000_000  # the file's own mtime
    assert len(list((tmp_path / "cache").iterdir())) == 2
    cached = {p.name: p.read_bytes() for p in (tmp_path / "cache").iterdir()}
    assert runtime_compress.encode(path) == sizes
    assert {p.name: p.read_bytes() for p in (tmp_path / "cache").iterdir()} == cached


def test_no_copy_when_it_would_not_be_smaller(tmp_path, monkeypatch):
    monkeypatch.setattr(runtime_compress, "CACHE", tmp_path / "cache")
    path = tmp_path / "random.wasm"
    path.write_bytes(os.urandom(4096))
    assert runtime_compress.encode(path) == {}
    assert not (tmp_path / "random.wasm.br").exists() and not (tmp_path / "random.wasm.gz").exists()
