"""MkDocs hook (mkdocs.yml `hooks:`): loads the dataset once per build and adds the generated
pages with MkDocs' own `File.generated`. It only wires; the pages are built by `sitegen.pages`.

- `mkdocs build`: any data problem fails the build, listing every problem at once.
- `mkdocs serve`: a bad city or province file becomes an error page naming file, line and field
  (plus a log warning); the rest of the site is served. `data/`, `templates/`, `calculators/` and
  `web/` are watched; the Pyodide wheels are rebuilt when the calculators change.
- After the build, the calculators' runtime is copied into the site (sitegen.runtime_assets) and,
  for `mkdocs build` of the public site (not the offline build), every text asset gets .gz/.br
  copies for nginx (sitegen.precompress).
- The theme is Material with the templates of overrides/ in front (added by on_config, so a copy
  of mkdocs.yml elsewhere still finds them): <html lang="zh-CN">, Material's inline scripts as a
  file (the site's Content-Security-Policy runs no inline script), a name for the search dialog,
  and a small stylesheet; the two files are published under content-hashed names.
- robots.txt comes from sitegen.seo; sitemap.xml is MkDocs' own (site_url is set), city pages included.
"""

from __future__ import annotations

import hashlib
import logging
import sys
from pathlib import Path

# MkDocs loads this file by path and restores sys.path afterwards; the repository must stay
# importable (sitegen, calculators) even without an editable install, so on_config adds it again.
_REPO = str(Path(__file__).resolve().parent.parent)


def _importable() -> None:
    if _REPO not in sys.path:
        sys.path.insert(0, _REPO)


_importable()

from mkdocs.config.defaults import MkDocsConfig  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.files import File, Files, InclusionLevel  # noqa: E402

from jinja2 import TemplateError  # noqa: E402

from sitegen.contexts import MissingRules  # noqa: E402
from sitegen.example import ExampleError  # noqa: E402
from sitegen.pages import build_pages, province_nav  # noqa: E402
from sitegen.precompress import precompress  # noqa: E402
from sitegen.runtime_assets import RuntimeNotBuilt, SnapshotError, copy_runtime, resolve_assets  # noqa: E402
from sitegen.seo import robots_txt  # noqa: E402
from sitegen.settings import SettingsError, SiteSettings  # noqa: E402

log = logging.getLogger("mkdocs.hooks.sitegen")

WATCHED = ("data", "templates", "calculators", "web", "overrides")

_state: dict[str, object] = {"command": "build", "pages": [], "assets": {}}

OVERRIDES = Path(_REPO) / "overrides"
# Files of overrides/ published under content-hashed names: Material's head script as a file
# (overrides/partials/javascripts/base.html loads it) and the site's stylesheet (main.html).
THEME_ASSETS = ("assets/javascripts/yb-head.js", "assets/stylesheets/yb-site.css")


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def _forget_calculators() -> None:
    """Under `mkdocs serve`, drop imported calculator modules so an edited calculator is re-read."""
    for name in [m for m in sys.modules if m == "calculators" or m.startswith("calculators.")]:
        del sys.modules[name]


def _rebuild_wheels() -> None:
    """Rebuild build/pyodide when calculators/ changed (a no-op otherwise)."""
    sys.path.insert(0, str(Path(_REPO) / "tools"))
    try:
        import build_wheels
    finally:
        sys.path.remove(str(Path(_REPO) / "tools"))
    build_wheels.build()


def on_startup(command: str, dirty: bool) -> None:
    _state["command"] = command


# The offline plugin adds Material's iframe-worker shim from a third-party host; the offline build
# serves the npm package's copy instead, preceded by web/native-worker.js (see that file).
SHIM_SOURCE = Path(_REPO) / "node_modules" / "iframe-worker" / "shim" / "index.js"
POLYFILLS = {
    "assets/javascripts/vendor/native-worker.js": Path(_REPO) / "web" / "native-worker.js",
    "assets/javascripts/vendor/iframe-worker-shim.js": SHIM_SOURCE,
}


def _local_polyfills(config: MkDocsConfig) -> None:
    polyfills = config.extra.get("polyfills") or []
    if any("iframe-worker" in str(url) for url in polyfills):
        config.extra["polyfills"] = [*POLYFILLS, *(u for u in polyfills if "iframe-worker" not in str(u))]


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    from sitegen.load import load_dataset  # imported here so `serve` re-reads nothing stale

    _importable()
    _local_polyfills(config)
    if str(OVERRIDES) not in config.theme.dirs:
        config.theme.dirs.insert(0, str(OVERRIDES))
    serving = _state["command"] == "serve"
    if serving:
        _forget_calculators()
        _rebuild_wheels()
    try:
        settings = SiteSettings.from_extra(config.extra)
    except SettingsError as error:
        raise PluginError(str(error)) from None
    result = load_dataset(_root(config) / "data")
    if result.problems and not serving:
        listing = "\n".join(f"  {problem}" for problem in result.problems)
        raise PluginError(f"数据有 {len(result.problems)} 个问题，站点未生成：\n{listing}")
    for problem in result.problems:
        log.warning(str(problem))
    try:
        site = build_pages(result, settings, root=_root(config))
    except (MissingRules, ExampleError, TemplateError) as error:
        raise PluginError(f"页面未生成：{error}") from error
    _state["pages"] = site.pages
    config.nav = province_nav(config.nav, site.provinces)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for page in _state["pages"]:
        inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, page.src_uri, content=page.content, inclusion=inclusion))
    _publish_hashed(files, config)
    files.append(File.generated(config, "robots.txt", content=robots_txt(config.site_url)))
    return files


def _publish_hashed(files: Files, config: MkDocsConfig) -> None:
    """Publish each file of THEME_ASSETS as <name>.<hash>.<ext>: everything under assets/ is
    cached for a year (deploy/site.conf), so a changed file needs a new name. The templates
    find the names in the `yb_assets` global (on_env)."""
    names = {}
    for path in THEME_ASSETS:
        source = OVERRIDES / path
        digest = hashlib.sha256(source.read_bytes()).hexdigest()[:8]
        stem, ext = path.rsplit(".", 1)
        names[path] = f"{stem}.{digest}.{ext}"
        unhashed = files.get_file_from_path(path)  # the theme's own copy, under the plain name
        if unhashed is not None:
            files.remove(unhashed)
        files.append(File.generated(config, names[path], abs_src_path=str(source)))
    _state["assets"] = names


def on_env(env, config: MkDocsConfig, files: Files):
    env.globals["yb_assets"] = _state["assets"]
    return env


def on_page_content(html: str, page, config: MkDocsConfig, files: Files) -> str:
    return resolve_assets(html, page.file.dest_uri)


def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    offline = any(str(url) in POLYFILLS for url in config.extra.get("polyfills") or [])
    if offline:
        for dest, source in POLYFILLS.items():
            (site / dest).parent.mkdir(parents=True, exist_ok=True)
            (site / dest).write_bytes(source.read_bytes())
    try:
        copy_runtime(site)
    except (RuntimeNotBuilt, SnapshotError) as error:
        raise PluginError(f"计算器运行环境未复制：{error}") from error
    if _state["command"] == "build" and not offline:  # the offline bundle leaves .gz/.br out
        precompress(site)


def on_serve(server, config: MkDocsConfig, builder):
    root = _root(config)
    for name in WATCHED:
        if (root / name).is_dir():
            server.watch(str(root / name))
    return server

