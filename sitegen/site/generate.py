"""The generated pages of one build, as the hook's on_config asks for them: settings from
mkdocs.yml's `extra`, the dataset from data/, the pages from sitegen.pages.pages.

- `mkdocs build`: any data problem fails the build, listing every problem at once.
- `mkdocs serve`: problems are logged as warnings (the pages show them, sitegen.pages.pages), and the
  rest of the site is built.
Notes on the data (worth a look, not a failure) and the calendar's pending notice are logged at
INFO; the logger is the hook's, under "mkdocs." so MkDocs shows it and `--strict` counts warnings.
"""

from __future__ import annotations

import datetime
import logging
from pathlib import Path

from jinja2 import TemplateError
from mkdocs.exceptions import PluginError

from sitegen.pages.calendar_status import pending_notice
from sitegen.pages.city_page import UnplacedFactKind
from sitegen.pages.contexts import MissingRules
from sitegen.pages.example import ExampleError
from sitegen.pages.pages import build_pages
from sitegen.pages.render import TEMPLATES
from sitegen.data.settings import SettingsError, SiteSettings

log = logging.getLogger("mkdocs.hooks.sitegen")


def templates_of(root: Path) -> Path:
    """templates/ beside mkdocs.yml (the folder `mkdocs serve` watches), else the repository's."""
    folder = root / "templates"
    return folder if folder.is_dir() else TEMPLATES


def generate(root: Path, extra: dict, serving: bool, today: datetime.date):
    """The pages of the project at `root` (the folder of mkdocs.yml): sitegen.pages.pages' result."""
    from sitegen.data.load import load_dataset  # imported here so `serve` re-reads nothing stale

    try:
        settings = SiteSettings.from_extra(extra)
    except SettingsError as error:
        raise PluginError(str(error)) from None
    result = load_dataset(root / "data")
    if result.problems and not serving:
        listing = "\n".join(f"  {problem}" for problem in result.problems)
        raise PluginError(f"数据有 {len(result.problems)} 个问题，站点未生成：\n{listing}")
    for problem in result.problems:
        log.warning(str(problem))
    for note in result.warnings:  # worth a look, not a failure (`--strict` fails on warnings)
        log.info("数据提示：%s", note)
    notice = pending_notice(result.dataset.calendar, today)
    if notice:
        log.info("节假日安排：%s", notice)
    try:
        return build_pages(result, settings, root=root, templates=templates_of(root), today=today)
    except (MissingRules, UnplacedFactKind, ExampleError, TemplateError) as error:
        raise PluginError(f"页面未生成：{error}") from error
