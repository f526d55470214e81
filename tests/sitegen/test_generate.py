"""sitegen.site.generate: what the hook's on_config builds, and how a data problem ends `mkdocs build`
(the whole list, no site) or shows under `mkdocs serve` (a warning, the rest of the site built)."""

from __future__ import annotations

import datetime
import logging
import shutil
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from sitegen.site.generate import generate, templates_of
from sitegen.pages.render import TEMPLATES

ROOT = Path(__file__).resolve().parents[2]
EXTRA = {"yibao": {"example_accepted": datetime.date(2026, 9, 24)}}
TODAY = datetime.date(2026, 11, 30)


@pytest.fixture(scope="module")
def broken(tmp_path_factory) -> Path:
    """A project whose data has one unreadable city file."""
    root = tmp_path_factory.mktemp("project")
    shutil.copytree(ROOT / "data", root / "data")
    (root / "data" / "cities" / "110000.yaml").write_text("name: [\n", encoding="utf-8")
    return root


def test_templates_beside_mkdocs_yml_come_first(tmp_path):
    assert templates_of(tmp_path) == TEMPLATES
    (tmp_path / "templates").mkdir()
    assert templates_of(tmp_path) == tmp_path / "templates"


def test_bad_settings_stop_the_build(tmp_path):
    with pytest.raises(PluginError):
        generate(tmp_path, {"yibao": {"example_accepted": "not a date"}}, serving=False, today=TODAY)


def test_a_data_problem_stops_the_build(broken):
    with pytest.raises(PluginError, match="数据有 1 个问题，站点未生成") as error:
        generate(broken, EXTRA, serving=False, today=TODAY)
    assert "110000.yaml" in str(error.value)


def test_a_data_problem_is_a_warning_under_serve(broken, caplog):
    with caplog.at_level(logging.INFO, logger="mkdocs.hooks.sitegen"):
        site = generate(broken, EXTRA, serving=True, today=TODAY)
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any("110000.yaml" in message for message in warnings)
    assert len(site.pages) > 300 and site.provinces
