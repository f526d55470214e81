"""The theme's own files, as the hook adds them to a build.

- overrides/ goes in front of Material's templates (`add_overrides`, as a custom_dir would, so a
  copy of mkdocs.yml elsewhere still finds them): <html lang="zh-CN">, Material's inline scripts
  as a file (the site's Content-Security-Policy runs no inline script), a name for the search
  dialog, and a small stylesheet.
- `publish_hashed`: the files of THEME_ASSETS under content-hashed names (everything under
  assets/ is cached for a year, deploy/site.conf); the templates find the names in `yb_assets`.
- Polyfills of the offline build: the offline plugin adds Material's iframe-worker shim from a
  third-party host; `local_polyfills` swaps in the npm package's copy, preceded by
  web/native-worker.js (see that file), and `copy_polyfills` writes both into the site.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parents[2]
OVERRIDES = ROOT / "overrides"
# Files of overrides/ published under content-hashed names: Material's head script as a file
# (overrides/partials/javascripts/base.html loads it) and the site's stylesheet (main.html).
THEME_ASSETS = ("assets/javascripts/yb-head.js", "assets/stylesheets/yb-site.css")

SHIM_SOURCE = ROOT / "node_modules" / "iframe-worker" / "shim" / "index.js"
POLYFILLS = {
    "assets/javascripts/vendor/native-worker.js": ROOT / "web" / "native-worker.js",
    "assets/javascripts/vendor/iframe-worker-shim.js": SHIM_SOURCE,
}


def add_overrides(config: MkDocsConfig) -> None:
    if str(OVERRIDES) not in config.theme.dirs:
        config.theme.dirs.insert(0, str(OVERRIDES))


def layout_files(config: MkDocsConfig) -> list[Path]:
    """What every page's layout is made of besides the nav: mkdocs.yml and the overrides."""
    return [Path(config.config_file_path), *(p for p in OVERRIDES.rglob("*") if p.is_file())]


def hashed_name(path: str, data: bytes) -> str:
    """"assets/x/yb-site.css" → "assets/x/yb-site.<8 hex digits of sha256>.css"."""
    stem, ext = path.rsplit(".", 1)
    return f"{stem}.{hashlib.sha256(data).hexdigest()[:8]}.{ext}"


def publish_hashed(files: Files, config: MkDocsConfig, overrides: Path = OVERRIDES) -> dict[str, str]:
    """Publish each file of THEME_ASSETS as <name>.<hash>.<ext> in place of the theme's copy
    under the plain name; returns {plain name: hashed name} (the `yb_assets` global)."""
    names = {}
    for path in THEME_ASSETS:
        source = overrides / path
        names[path] = hashed_name(path, source.read_bytes())
        unhashed = files.get_file_from_path(path)
        if unhashed is not None:
            files.remove(unhashed)
        files.append(File.generated(config, names[path], abs_src_path=str(source)))
    return names


def local_polyfills(config: MkDocsConfig) -> None:
    """Replace the offline plugin's third-party iframe-worker URL by POLYFILLS (same order)."""
    polyfills = config.extra.get("polyfills") or []
    if any("iframe-worker" in str(url) for url in polyfills):
        config.extra["polyfills"] = [*POLYFILLS, *(u for u in polyfills if "iframe-worker" not in str(u))]


def is_offline(config: MkDocsConfig) -> bool:
    """The offline build: the one whose polyfills are ours (local_polyfills swapped them in)."""
    return any(str(url) in POLYFILLS for url in config.extra.get("polyfills") or [])


def copy_polyfills(site: Path) -> None:
    for dest, source in POLYFILLS.items():
        (site / dest).parent.mkdir(parents=True, exist_ok=True)
        (site / dest).write_bytes(source.read_bytes())
