"""Brotli and gzip copies of the runtime's files, made once per content and kept in a cache.

Brotli at its densest (quality 11, 16 MB window) is slow on pyodide.asm.wasm and gives clearly
fewer bytes than the site-wide level for large files (sitegen/site/precompress.py, quality 6); the
runtime never changes between builds, so the copies are cached by the sha256 of their source.
`encode(path)` writes `path.br` and `path.gz` beside `path` (when smaller) and returns their sizes.
`cached(data, kind, quality)` is the cache itself; the site's own files use it too
(sitegen/site/precompress.py), so a build compresses only the files whose content changed.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import shutil
from pathlib import Path

import brotli

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / "build" / "precompressed"


DENSEST = 11  # brotli's quality for the runtime (with a 16 MB window); gzip is always level 9


def cached(data: bytes, kind: str, quality: int = DENSEST) -> bytes:
    """`data` compressed as `kind` ("br" at `quality`, or "gz"), made once per content and level."""
    level = "" if kind == "gz" or quality == DENSEST else f"-q{quality}"
    path = CACHE / f"{hashlib.sha256(data).hexdigest()}{level}.{kind}"
    if path.exists():
        return path.read_bytes()
    if kind == "br":
        out = brotli.compress(data, quality=quality, lgwin=24 if quality == DENSEST else 22)
    else:
        out = gzip.compress(data, compresslevel=9, mtime=0)
    CACHE.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(out)
    tmp.replace(path)
    return out


def encode(path: Path) -> dict[str, int]:
    data = path.read_bytes()
    sizes = {}
    for kind in ("br", "gz"):
        out = cached(data, kind)
        copy = path.with_name(f"{path.name}.{kind}")
        if len(out) < len(data) * 0.95:
            copy.write_bytes(out)
            shutil.copystat(path, copy)
            sizes[kind] = len(out)
    return sizes
