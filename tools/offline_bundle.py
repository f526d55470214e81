"""Make the offline bundle: a zip that works when unzipped anywhere and opened from disk (file://).

    python tools/offline_bundle.py SITE_DIR [--out dist/yibao-offline.zip] [--keep-binaries]

`make offline` runs it on `OFFLINE=true mkdocs build --strict -d build/offline-site`.

SITE_DIR must be a `mkdocs build` made with Material's `offline` plugin enabled (search works from
file://, pages link to …/index.html); sitegen/site/hook.py swaps the plugin's third-party iframe-worker
script for the npm package's copy, so no asset from another host is left (step 4 checks).
This tool then:

1. copies SITE_DIR to a temporary folder (SITE_DIR itself is not changed; two runs at once,
   e.g. `make offline` during the tests, do not share a staging folder);
2. makes sure the calculators' runtime is there (`copy_runtime`) and writes the embed scripts
   (`write_offline_embed`): the wasm, the standard library, the lock file and the wheels as
   base64, pyodide.asm.js and pyodide.js as text — classic scripts, the only thing a file:// page
   can load. calc.js uses them when it sees `location.protocol === "file:"`;
3. leaves out what file:// never reads: the raw runtime binaries (their embedded copies replace
   them; `--keep-binaries` keeps them so the folder also works over HTTP) and the .gz/.br copies
   of tools/precompress;
4. refuses to continue if any HTML page still loads a script, stylesheet, image or font from
   another host;
5. writes a reproducible zip (sorted entries, fixed timestamps) with one top folder,
   `yibao-offline/`, whose index.html is the entry page.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path

from sitegen.runtime.runtime_assets import ASSETS, asset_version, copy_runtime, write_offline_embed

ROOT = Path(__file__).resolve().parent.parent

STAGE = ROOT / "build" / "offline"
TOP = "yibao-offline"
DEFAULT_OUT = ROOT / "dist" / "yibao-offline.zip"
ZIP_TIME = (2026, 1, 1, 0, 0, 0)
# A resource the page loads (not a link the reader may follow) with an absolute http(s) URL.
_EXTERNAL = re.compile(
    r"<(?:script|img|iframe|source|audio|video)\b[^>]*\ssrc=[\"']?(?:https?:)?//"
    r"|<link\b[^>]*\srel=[\"']?(?:stylesheet|preload|modulepreload|icon|manifest)[^>]*\shref=[\"']?(?:https?:)?//"
    r"|<link\b[^>]*\shref=[\"']?(?:https?:)?//[^>]*\srel=[\"']?(?:stylesheet|preload|modulepreload|icon|manifest)"
    r"|url\([\"']?(?:https?:)?//",
    re.IGNORECASE,
)


class BundleError(RuntimeError):
    pass


def external_resources(site: Path) -> list[str]:
    """`file: snippet` for every resource an HTML or CSS file would fetch from another host."""
    found = []
    for path in sorted(site.rglob("*")):
        if path.suffix not in (".html", ".css") or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for match in _EXTERNAL.finditer(text):
            snippet = text[match.start(): match.start() + 120].split("\n")[0]
            found.append(f"{path.relative_to(site)}: {snippet}")
    return found


def calculator_versions(site: Path) -> set[str]:
    """The asset versions the site's pages ask for (render_calculators writes data-calc-version)."""
    versions = set()
    for path in site.rglob("*.html"):
        versions.update(re.findall(r'data-calc-version="([0-9a-f]+)"', path.read_text(encoding="utf-8", errors="replace")))
    return versions


def stage(site: Path, target: Path = STAGE / TOP, keep_binaries: bool = False) -> Path:
    """Copy the site into `target` and add the offline embed; return `target`."""
    if not (site / "index.html").is_file():
        raise BundleError(f"{site}/index.html not found: pass the folder written by `mkdocs build`")
    stale = calculator_versions(site) - {asset_version()}
    if stale:
        raise BundleError(
            f"{site}: pages use calculator assets {sorted(stale)}, not the current {asset_version()}; "
            "rebuild the site after `make wheels`"
        )
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(site, target, ignore=shutil.ignore_patterns("*.gz", "*.br"))
    copy_runtime(target)
    write_offline_embed(target)
    if not keep_binaries:
        calc = target / ASSETS / asset_version()
        shutil.rmtree(calc / "runtime")
        shutil.rmtree(calc / "wheels")
    problems = external_resources(target)
    if problems:
        listing = "\n  ".join(problems)
        raise BundleError(f"the offline bundle would load files from other hosts:\n  {listing}")
    return target


def write_zip(folder: Path, out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                info = zipfile.ZipInfo(f"{TOP}/{path.relative_to(folder).as_posix()}", ZIP_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, path.read_bytes(), compresslevel=9)
    tmp.replace(out)
    return out


def build(site: Path, out: Path = DEFAULT_OUT, keep_binaries: bool = False) -> Path:
    """Stage `site` in a temporary folder and write the zip to `out`; return `out`."""
    with tempfile.TemporaryDirectory(prefix="yibao-offline-") as work:
        return write_zip(stage(site, Path(work) / TOP, keep_binaries), out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="a site folder built with the offline plugin")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--keep-binaries", action="store_true", help="keep the raw runtime files too")
    args = parser.parse_args()
    try:
        out = build(args.site, args.out, args.keep_binaries)
    except BundleError as error:
        sys.exit(f"offline bundle: {error}")
    size = out.stat().st_size
    print(f"wrote {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out} ({size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
