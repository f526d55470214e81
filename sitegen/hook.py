"""MkDocs hook (mkdocs.yml `hooks:`): loads the dataset once per build and adds the generated
pages with MkDocs' own `File.generated`. It only wires; the pages are built by `sitegen.pages`.

- `mkdocs build`: any data problem fails the build, listing every problem at once.
- `mkdocs serve`: a bad city or province file becomes an error page naming file, line and field
  (plus a log warning); the rest of the site is served. `data/`, `templates/` and `calculators/`
  are watched.
"""

from __future__ import annotations

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
from sitegen.settings import SettingsError, SiteSettings  # noqa: E402

log = logging.getLogger("mkdocs.hooks.sitegen")

WATCHED = ("data", "templates", "calculators")

_state: dict[str, object] = {"command": "build", "pages": []}


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def _forget_calculators() -> None:
    """Under `mkdocs serve`, drop imported calculator modules so an edited calculator is re-read."""
    for name in [m for m in sys.modules if m == "calculators" or m.startswith("calculators.")]:
        del sys.modules[name]


def on_startup(command: str, dirty: bool) -> None:
    _state["command"] = command


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    from sitegen.load import load_dataset  # imported here so `serve` re-reads nothing stale

    _importable()
    serving = _state["command"] == "serve"
    if serving:
        _forget_calculators()
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
    return files


def on_serve(server, config: MkDocsConfig, builder):
    root = _root(config)
    for name in WATCHED:
        if (root / name).is_dir():
            server.watch(str(root / name))
    return server

