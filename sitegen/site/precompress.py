"""Write .gz and .br copies of the built site's compressible files, for nginx's gzip_static and
brotli_static (deploy/site.conf). Already-compressed formats (png, woff2) are skipped, and so is any
file whose compressed copy would not be at least 5% smaller (the runtime's stdlib zip and wheels
are stored uncompressed inside, so they gain). The runtime's copies come made (_made_already).
Each copy comes from the content-addressed cache of build/precompressed/ (sitegen.runtime.runtime_compress),
so a build compresses only the files whose content changed since any earlier build.

Run: python -m sitegen.site.precompress site/
"""

from __future__ import annotations

import sys
from pathlib import Path

from sitegen.runtime.runtime_compress import cached

COMPRESSIBLE = {".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".txt", ".wasm", ".map", ".zip", ".whl"}
MIN_SIZE = 512  # bytes; smaller files are not worth a second copy
MIN_SAVING = 0.05
# Brotli levels: 10 is much faster than 11 for slightly larger pages; for multi-MB files level 6
# is close to level 9 at a fraction of the time.
LARGE = 256 * 1024
BROTLI_SMALL = 10
BROTLI_LARGE = 6


def _made_already(path: Path) -> bool:
    """The runtime's copies come made, at brotli's densest (sitegen/runtime/runtime_compress.py, copied with
    the file's own mtime by sitegen/runtime/runtime_assets.py): not made again, not made worse."""
    copies = [path.with_name(path.name + s) for s in (".br", ".gz")]
    return all(c.exists() and c.stat().st_mtime >= path.stat().st_mtime for c in copies)


def precompress(site: Path) -> dict[str, int]:
    """Compress every eligible file under `site`; return totals in bytes."""
    totals = {"files": 0, "original": 0, "gzip": 0, "brotli": 0}
    for path in sorted(site.rglob("*")):
        if not path.is_file() or path.suffix not in COMPRESSIBLE:
            continue
        if _made_already(path):
            continue
        data = path.read_bytes()
        if len(data) < MIN_SIZE:
            continue
        gz = cached(data, "gz")
        br = cached(data, "br", BROTLI_SMALL if len(data) < LARGE else BROTLI_LARGE)
        limit = len(data) * (1 - MIN_SAVING)
        totals["files"] += 1
        totals["original"] += len(data)
        if len(gz) < limit:
            path.with_name(path.name + ".gz").write_bytes(gz)
            totals["gzip"] += len(gz)
        if len(br) < limit:
            path.with_name(path.name + ".br").write_bytes(br)
            totals["brotli"] += len(br)
    return totals


def main() -> None:
    site = Path(sys.argv[1] if len(sys.argv) > 1 else "site")
    t = precompress(site)
    print(f"precompressed {t['files']} files: {t['original']:,} B → gzip {t['gzip']:,} B, brotli {t['brotli']:,} B")


if __name__ == "__main__":
    main()
