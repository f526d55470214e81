"""Site settings that are not rules: declared once, in mkdocs.yml under `extra.yibao`.

| name               | meaning                                                              |
|--------------------|----------------------------------------------------------------------|
| `example_accepted` | the acceptance date of the worked example in each city's time-limit  |
|                    | section; the transfer-deadline calculator fills in the due dates, so |
|                    | it must lie in a year the official holiday calendar covers           |

Pages and goldens both read the settings from mkdocs.yml, so the example date exists in one place.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
MKDOCS_YML = ROOT / "mkdocs.yml"
EXTRA_KEY = "yibao"


class SettingsError(ValueError):
    """A setting is missing or has the wrong type; the message names `extra.yibao.<name>`."""


@dataclass(frozen=True)
class SiteSettings:
    example_accepted: datetime.date

    @classmethod
    def from_extra(cls, extra: Mapping[str, object]) -> SiteSettings:
        """Read `extra.yibao` of the MkDocs config (a mapping already parsed from YAML)."""
        block = extra.get(EXTRA_KEY)
        if not isinstance(block, Mapping):
            raise SettingsError(f"mkdocs.yml extra.{EXTRA_KEY}: 缺少站点设置（提示：见 sitegen/data/settings.py）")
        unknown = sorted(set(block) - {"example_accepted"})
        if unknown:
            raise SettingsError(f"mkdocs.yml extra.{EXTRA_KEY}.{unknown[0]}: 未知设置")
        value = block.get("example_accepted")
        if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
            raise SettingsError(
                f"mkdocs.yml extra.{EXTRA_KEY}.example_accepted: 应为日期 YYYY-MM-DD，实际为 {value!r}"
            )
        return cls(example_accepted=value)


class _ConfigLoader(yaml.SafeLoader):
    """SafeLoader that reads MkDocs' `!ENV [NAME, default]` tags as their default value."""


def _env_default(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    if isinstance(node, yaml.SequenceNode):
        values = loader.construct_sequence(node)
        return values[-1] if len(values) > 1 else None
    return None


_ConfigLoader.add_constructor("!ENV", _env_default)


def read_mkdocs_yml(path: Path = MKDOCS_YML) -> dict:
    """mkdocs.yml as a plain dict, `!ENV` tags read as their defaults (no MkDocs needed)."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader)  # noqa: S506 (SafeLoader subclass)


def load_settings(path: Path = MKDOCS_YML) -> SiteSettings:
    """Settings straight from mkdocs.yml (for tests and tools that do not run MkDocs)."""
    config = read_mkdocs_yml(path)
    return SiteSettings.from_extra(config.get("extra") or {})
