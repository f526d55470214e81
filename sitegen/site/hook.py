"""MkDocs hook (mkdocs.yml `hooks:`): a table of MkDocs events and what each hands over to.

| event           | delegates to                                                                  |
|-----------------|-------------------------------------------------------------------------------|
| on_startup      | preview.BuildState (command, --dirty, MkDocs' dirty-build warning filtered)   |
| on_config       | theme_assets; under serve, refresh_calculators (compile, wheels); generate    |
|                 | (data, pages); pages.province_nav; under --dirty, PreviewState.write_pages    |
| on_pre_build    | under --dirty: empty the site when the layout changed, search merge is ours   |
| on_files        | the generated pages (File.generated), theme_assets.publish_hashed, seo.robots |
| on_env          | the hashed theme asset names as the `yb_assets` global                        |
| on_page_content | pages.forms (the planner link for PLAN_TOKEN, the runtime's asset paths)      |
| on_post_page    | preview: the page was rendered                                                |
| on_post_build   | merge_search (--dirty), copy_polyfills (offline), copy_runtime, precompress   |
|                 | (public build), the stage times (YB_STAGE_TIMES), the build's log line        |
| on_build_error  | preview: the next build renders every page                                    |
| on_serve        | watch data/, templates/, calculators/, web/, overrides/                       |

- `mkdocs build`: any data problem fails the build, listing every problem at once. `mkdocs serve`: a
  bad file becomes an error page naming file, line and field (and a warning); the rest is served.
- `mkdocs serve --dirty` (`make serve`): only the pages whose text changed are rendered again,
  unless the nav or the theme changed (sitegen.site.preview); the search index stays whole.
- robots.txt comes from sitegen.site.seo; sitemap.xml is MkDocs' own (site_url is set). MkDocs loads
  this file by path; `sitegen` is the installed package (`make setup` installs the repository
  editable; a copy elsewhere sets PYTHONPATH to itself).
"""

from __future__ import annotations

import datetime
import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.utils import clean_directory

from sitegen.site import theme_assets
from sitegen.site.generate import generate
from sitegen.pages.pages import province_nav
from sitegen.site.precompress import precompress
from sitegen.site.preview import BUILD_LOG, BuildState, PreviewState, page_url, refresh_calculators
from sitegen.pages.forms import PLAN_PAGE, PLAN_TOKEN, resolve_assets
from sitegen.runtime.runtime_assets import RuntimeNotBuilt, SnapshotError, copy_runtime
from sitegen.site.seo import robots_txt

log = logging.getLogger("mkdocs.hooks.sitegen")

WATCHED = ("data", "templates", "calculators", "web", "overrides")

state = BuildState()
preview = PreviewState()  # across the rebuilds of one `mkdocs serve` (one module per process)


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def on_startup(command: str, dirty: bool) -> None:
    state.start(command, dirty)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    preview.begin()
    theme_assets.local_polyfills(config)
    theme_assets.add_overrides(config)
    if state.serving:  # an edit of data/ reaches the calculators: compile, then rebuild the wheel
        with state.timed("compile+wheel"):
            refresh_calculators(_root(config), log)
    today = datetime.date.today()  # the build date: the one place the site reads the clock
    with state.timed("pages"):
        site = generate(_root(config), config.extra, serving=state.serving, today=today)
    state.pages = site.pages
    config.nav = province_nav(config.nav, site.provinces, site.topics, {page.src_uri for page in site.pages})
    if state.dirty:
        written = preview.write_pages(site.pages, config.nav, theme_assets.layout_files(config))
        log.info("预览：%d 个生成页面的内容有变化%s", len(written), "；布局有变化，全部页面重新生成" if preview.full else "")
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    if not state.dirty:
        return
    if preview.full:
        clean_directory(config.site_dir)
    search = config.plugins.get("material/search")
    if search is not None and hasattr(search, "search_index_prev"):
        search.search_index_prev = None  # preview.merge_search (on_post_build) does the merging


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for page in state.pages:
        inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
        if state.dirty:  # a file whose mtime tells MkDocs whether to render the page again
            source = str(preview.page_sources().path(page.src_uri))
            files.append(File.generated(config, page.src_uri, abs_src_path=source, inclusion=inclusion))
        else:
            files.append(File.generated(config, page.src_uri, content=page.content, inclusion=inclusion))
    state.assets = theme_assets.publish_hashed(files, config)
    files.append(File.generated(config, "robots.txt", content=robots_txt(config.site_url)))
    preview.urls = {page_url(file.url) for file in files.documentation_pages()}
    return files


def on_env(env, config: MkDocsConfig, files: Files):
    env.globals["yb_assets"] = state.assets  # the hashed theme asset names
    return env


def on_page_content(html: str, page, config: MkDocsConfig, files: Files) -> str:
    plan = files.get_file_from_path(PLAN_PAGE)
    if plan is not None:
        html = html.replace(PLAN_TOKEN, plan.url_relative_to(page.file))
    return resolve_assets(html, page.file.dest_uri)


def on_post_page(output: str, page, config: MkDocsConfig) -> str:
    preview.rendered.add(page.url)
    return output


def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    if state.dirty:
        preview.merge_search(site)
    offline = theme_assets.is_offline(config)
    if offline:
        theme_assets.copy_polyfills(site)
    try:
        with state.timed("runtime copy"):
            copy_runtime(site)
    except (RuntimeNotBuilt, SnapshotError) as error:
        raise PluginError(f"计算器运行环境未复制：{error}") from error
    if state.command == "build" and not offline:  # the offline bundle leaves .gz/.br out
        with state.timed("precompress"):
            precompress(site)
    state.report_times()
    if state.serving:  # one line per build, numbered: MkDocs drops a repeated "Documentation built in …"
        log.info(BUILD_LOG, *preview.finished())


def on_build_error(error: Exception) -> None:
    preview.failed()


def on_serve(server, config: MkDocsConfig, builder):
    for folder in (_root(config) / name for name in WATCHED):
        if folder.is_dir():
            server.watch(str(folder))
    return server
