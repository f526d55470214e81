"""The Jinja environment that turns page contexts into Markdown.

Templates live in `templates/` and hold only loops, conditionals and the named filters below.
Two safety rules apply to every `{{ … }}` that prints data:

* autoescape is on: data text is HTML-escaped, so a city name containing `<script>` shows
  literally on the page (Python-Markdown passes `&lt;` through unchanged);
* plain strings are also Markdown-escaped (`finalize`), so `*`, `_`, `[` or `|` in data text
  cannot turn into emphasis, links or table cells.

Undefined names raise (`StrictUndefined`): a template that asks for a field the context lacks
fails the build instead of printing an empty string.
"""

from __future__ import annotations

import datetime
import json
import re
from decimal import Decimal
from pathlib import Path
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from calculators.text import dates_in_words
from sitegen.data.model import GRADE_LABELS

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"

# Characters that Markdown would read as markup inside running text (`|` is escapable because
# mkdocs.yml enables the `tables` extension; `<` and `>` are handled by HTML escaping).
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|#])")


def md_escape(value: object) -> object:
    """`finalize` hook: backslash-escape Markdown markup in plain strings (not in Markup)."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return _MD_SPECIAL.sub(r"\\\1", value)
    return value


def cn_date(value: datetime.date | str) -> str:
    """2026-09-24 → 2026年9月24日 (ISO strings from the calculators are accepted too)."""
    if isinstance(value, str):
        value = datetime.date.fromisoformat(value)
    return f"{value.year}年{value.month}月{value.day}日"


def number(value: int | Decimal | str | None) -> str:
    """A rule value as printed: integers plainly, decimals without trailing zeros."""
    if value is None:
        raise ValueError("number: 该规则没有数值")
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value)


def grade_label(grade: str) -> str:
    """The reader-facing label of a source grade (sitegen.data.model.GRADE_LABELS)."""
    return GRADE_LABELS[grade]


def url(value: object) -> Markup:
    """A URL for a Markdown link target: parentheses and spaces percent-encoded, HTML-escaped."""
    text = quote(str(value), safe=":/?#@!$&'*+,;=%~-._")
    return Markup(escape(text))


def front_matter(value: str) -> Markup:
    """A string for YAML front matter: HTML-escaped, then quoted as JSON (a YAML subset)."""
    return Markup(json.dumps(str(escape(value)), ensure_ascii=False))


FILTERS = {
    "cn_date": cn_date,
    "dates_in_words": dates_in_words,
    "number": number,
    "grade_label": grade_label,
    "url": url,
    "front_matter": front_matter,
}


def make_environment(templates: Path = TEMPLATES) -> Environment:
    """A fresh environment (templates are re-read on every build, so `mkdocs serve` sees edits)."""
    env = Environment(
        loader=FileSystemLoader(str(templates)),
        autoescape=True,
        undefined=StrictUndefined,
        finalize=md_escape,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters.update(FILTERS)
    return env


def render(env: Environment, template: str, context: dict[str, object]) -> str:
    """Render one template to Markdown, with runs of blank lines collapsed to one."""
    text = env.get_template(template).render(context)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
