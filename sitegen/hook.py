"""MkDocs hook (mkdocs.yml `hooks:`): loads the dataset once per build and adds the generated
pages with MkDocs' own `File.generated`. It only wires; the pages are built by `sitegen.pages`.

- `mkdocs build`: any data problem fails the build, listing every problem at once.
- `mkdocs serve`: a bad city or province file becomes an error page naming file, line and field
  (plus a log warning); the rest of the site is served. `data/`, `templates/`, `calculators/` and
  `web/` are watched; the Pyodide wheels are rebuilt when the calculators change.
- `mkdocs serve --dirty` (`make serve`): only the pages whose text changed are rendered again,
  unless the nav or the theme changed (sitegen.preview); the search index stays whole.
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

import atexit
import datetime
import hashlib
import json
import logging
import shutil
import sys
import tempfile
import time
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
from mkdocs.utils import clean_directory  # noqa: E402

from jinja2 import TemplateError  # noqa: E402

from sitegen.calendar_status import pending_notice  # noqa: E402
from sitegen.contexts import MissingRules  # noqa: E402
from sitegen.example import ExampleError  # noqa: E402
from sitegen.pages import build_pages, province_nav  # noqa: E402
from sitegen.precompress import precompress  # noqa: E402
from sitegen.render import TEMPLATES  # noqa: E402
from sitegen.preview import BUILD_LOG, PageSources, layout_fingerprint, merge_search_index, page_url  # noqa: E402
from sitegen.runtime_assets import PLAN_PAGE, PLAN_TOKEN, RuntimeNotBuilt, SnapshotError, copy_runtime, resolve_assets  # noqa: E402
from sitegen.seo import robots_txt  # noqa: E402
from sitegen.settings import SettingsError, SiteSettings  # noqa: E402

log = logging.getLogger("mkdocs.hooks.sitegen")

WATCHED = ("data", "templates", "calculators", "web", "overrides")

_state: dict[str, object] = {"command": "build", "dirty": False, "pages": [], "assets": {}}
# Across the rebuilds of one `mkdocs serve --dirty` (MkDocs loads this module once per process).
_preview: dict[str, object] = {"sources": None, "layout": None, "full": True, "rendered": set(), "urls": set(),
                               "search": None, "builds": 0, "started": 0.0}

OVERRIDES = Path(_REPO) / "overrides"
# Files of overrides/ published under content-hashed names: Material's head script as a file
# (overrides/partials/javascripts/base.html loads it) and the site's stylesheet (main.html).
THEME_ASSETS = ("assets/javascripts/yb-head.js", "assets/stylesheets/yb-site.css")


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def _templates(config: MkDocsConfig) -> Path:
    """templates/ beside mkdocs.yml (the folder `mkdocs serve` watches), else the repository's."""
    folder = _root(config) / "templates"
    return folder if folder.is_dir() else TEMPLATES


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
    _state["dirty"] = command == "serve" and dirty
    if _state["dirty"]:
        # MkDocs warns on every dirty build that the nav may go stale; this hook prevents that.
        logging.getLogger("mkdocs.commands.build").addFilter(_DirtyWarningFilter())


class _DirtyWarningFilter(logging.Filter):
    """Drops MkDocs' warning that a dirty build may leave navigation inaccurate: under
    `make serve` the hook renders every page again whenever the layout changes."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


def _page_sources() -> PageSources:
    if _preview["sources"] is None:
        folder = Path(tempfile.mkdtemp(prefix="yibao-preview-"))
        atexit.register(shutil.rmtree, folder, True)
        _preview["sources"] = PageSources(folder)
    return _preview["sources"]


def _layout_files(config: MkDocsConfig) -> list[Path]:
    return [Path(config.config_file_path), *(p for p in OVERRIDES.rglob("*") if p.is_file())]


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

    _preview["started"] = time.monotonic()
    _preview["rendered"] = set()
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
    for note in result.warnings:  # worth a look, not a failure (`--strict` fails on warnings)
        log.info("数据提示：%s", note)
    today = datetime.date.today()  # the build date: the one place the site reads the clock
    notice = pending_notice(result.dataset.calendar, today)
    if notice:
        log.info("节假日安排：%s", notice)
    try:
        site = build_pages(result, settings, root=_root(config), templates=_templates(config), today=today)
    except (MissingRules, ExampleError, TemplateError) as error:
        raise PluginError(f"页面未生成：{error}") from error
    _state["pages"] = site.pages
    config.nav = province_nav(config.nav, site.provinces, site.topics)
    if _state["dirty"]:
        written = _page_sources().write((page.src_uri, page.content) for page in site.pages)
        layout = layout_fingerprint(config.nav, [page.src_uri for page in site.pages], _layout_files(config))
        _preview["full"] = layout != _preview["layout"]
        _preview["layout"] = layout
        log.info("预览：%d 个生成页面的内容有变化%s", len(written), "；布局有变化，全部页面重新生成" if _preview["full"] else "")
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    if not _state["dirty"]:
        return
    if _preview["full"]:
        clean_directory(config.site_dir)
    search = config.plugins.get("material/search")
    if search is not None and hasattr(search, "search_index_prev"):
        search.search_index_prev = None  # merge_search_index (on_post_build) does the merging


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for page in _state["pages"]:
        inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
        if _state["dirty"]:  # a file whose mtime tells MkDocs whether to render the page again
            source = str(_page_sources().path(page.src_uri))
            files.append(File.generated(config, page.src_uri, abs_src_path=source, inclusion=inclusion))
        else:
            files.append(File.generated(config, page.src_uri, content=page.content, inclusion=inclusion))
    _publish_hashed(files, config)
    files.append(File.generated(config, "robots.txt", content=robots_txt(config.site_url)))
    _preview["urls"] = {page_url(file.url) for file in files.documentation_pages()}
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
    plan = files.get_file_from_path(PLAN_PAGE)
    if plan is not None:
        html = html.replace(PLAN_TOKEN, plan.url_relative_to(page.file))
    return resolve_assets(html, page.file.dest_uri)


def on_post_page(output: str, page, config: MkDocsConfig) -> str:
    _preview["rendered"].add(page.url)
    return output


def _merge_search_index(config: MkDocsConfig) -> None:
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.is_file():
        return
    current = json.loads(path.read_text(encoding="utf-8"))
    previous = None if _preview["full"] else _preview.get("search")
    merged = merge_search_index(previous, current, _preview["rendered"], _preview["urls"])
    if merged is not current:
        path.write_text(json.dumps(merged, separators=(",", ":")), encoding="utf-8")
    _preview["search"] = merged


def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    if _state["dirty"]:
        _merge_search_index(config)
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
    if _state["command"] == "serve":
        # One line per build, numbered: MkDocs drops a repeated "Documentation built in …" line.
        _preview["builds"] += 1
        log.info(BUILD_LOG, _preview["builds"], len(_preview["rendered"]), time.monotonic() - _preview["started"])


def on_build_error(error: Exception) -> None:
    _preview["layout"] = None  # after a failed build the next one renders every page


def on_serve(server, config: MkDocsConfig, builder):
    root = _root(config)
    for name in WATCHED:
        if (root / name).is_dir():
            server.watch(str(root / name))
    return server

