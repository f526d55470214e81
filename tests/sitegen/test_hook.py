"""sitegen/site/hook.py only wires: loaded by path as MkDocs loads it, it finds `sitegen` as the
installed package and defines the MkDocs events it delegates. The builds are tested in tests/site,
tests/e2e and tests/deploy."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HOOK = ROOT / "sitegen" / "site" / "hook.py"
EVENTS = {"on_startup", "on_config", "on_pre_build", "on_files", "on_env", "on_page_content", "on_post_page",
          "on_post_build", "on_build_error", "on_serve"}


def _load():
    spec = importlib.util.spec_from_file_location("sitegen/site/hook.py", HOOK)  # as mkdocs.config does
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_hook_defines_the_events_it_wires():
    hook = _load()
    assert EVENTS <= {name for name in vars(hook) if name.startswith("on_")}
    assert not hook.state.dirty and hook.preview.builds == 0


def test_the_hook_stays_a_table():
    assert len(HOOK.read_text(encoding="utf-8").splitlines()) <= 150


def test_nothing_edits_the_import_path():
    for folder in ("sitegen", "calculators"):
        for path in (ROOT / folder).rglob("*.py"):
            assert "sys.path" not in path.read_text(encoding="utf-8"), path
    # The tests and the tools import the installed packages (tools/ is one, see pyproject.toml).
    edit = "sys.path." + "insert("  # spelled apart, or this file would find itself
    for folder in ("tests", "tools"):
        for path in (ROOT / folder).rglob("*.py"):
            assert edit not in path.read_text(encoding="utf-8"), path
