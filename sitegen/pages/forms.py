"""The calculators' forms on a page: one raw-HTML block drawn from calculators.registry by the
templates of web/forms/, with the runtime's figures (asset version, download size) read from
build/pyodide/ as it was built (sitegen.runtime.runtime_assets): no Node, no build.

- `render_calculators(prefill, base_url)`: the forms of a section as one HTML block without blank
  lines, so Markdown passes it through as raw HTML.
- ASSETS_TOKEN and PLAN_TOKEN stand in a page for the URLs MkDocs knows only later; the hook
  replaces them (`resolve_assets`, and the planner page's URL).
- `calculators_now()`: the registry as imported now, so the preview's edits reach the next build.
"""

from __future__ import annotations

import functools
import importlib

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from calculators.fields import CHECKED
from sitegen.runtime.runtime_assets import (
    FORMS,
    PLACES_DATA,
    PYODIDE_BUILD,
    SNAPSHOT_MAKER,
    WEB,
    WEB_FILES,
    asset_version,
    assets_url_for,
    built_snapshot,
    download_bytes,
    load_manifest,
    snapshot_enabled,
)


def calculators_now(module: str = "registry"):
    """calculators.<module> as imported now, never a name bound when this module was imported: the
    preview forgets the calculators after an edit (sitegen.site.preview.refresh_calculators), so an edited
    field label, prefill or calendar reaches the next build."""
    return importlib.import_module(f"calculators.{module}")


@functools.lru_cache(maxsize=1)
def _environment() -> Environment:
    # auto_reload (the default) re-reads a template whose file changed, e.g. under `mkdocs serve`.
    return Environment(loader=FileSystemLoader(str(FORMS)), autoescape=True, undefined=StrictUndefined)


def _stamp() -> tuple:
    """Size and mtime of every input of the block's fixed part, to know when to recompute it."""
    paths = [PYODIDE_BUILD / "manifest.json", SNAPSHOT_MAKER, PLACES_DATA] + [WEB / name for name in WEB_FILES]
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in paths if p.exists()) + (snapshot_enabled(),)


@functools.lru_cache(maxsize=4)
def _fixed_context(stamp: tuple) -> dict:
    """What every page's block shares: asset version and download size."""
    manifest = load_manifest()
    download = download_bytes(manifest)
    snapshot = built_snapshot().stat().st_size if snapshot_enabled() else None
    return {
        "version": asset_version(),
        "download_mb": f"{download / 1_000_000:.1f}",
        "snapshot_mb": f"{snapshot / 1_000_000:.1f}" if snapshot else None,
        "checked": CHECKED,
    }


def layout(fields) -> list[tuple[str | None, list]]:
    """A form's fields in order, consecutive fields of one group together: [(legend or None, fields)]."""
    out: list[tuple[str | None, list]] = []
    for field in fields:
        if out and field.group is not None and out[-1][0] == field.group:
            out[-1][1].append(field)
        else:
            out.append((field.group, [field]))
    return out


# The forms a city page and the calculators page show; the planner has a page of its own.
CALCULATOR_SECTIONS = ("calculators",)


def forms_in(section: str | tuple[str, ...]) -> list:
    """The forms placed in a section, or in any of several (calculators.registry)."""
    sections = (section,) if isinstance(section, str) else section
    return [calc for calc in calculators_now().FORMS if calc.section in sections]


# Pages are rendered before MkDocs knows where each is written; the hook replaces this token in
# the page's HTML with `assets_url_for(page.file.dest_uri)` (see `resolve_assets`).
ASSETS_TOKEN = "@@yb-calc-assets@@"
# The planner's page, as a raw-HTML link target (a Markdown link would have its "#from=…" checked
# as an anchor); the hook replaces it with the page's URL relative to the linking page.
PLAN_TOKEN = "@@yb-plan@@"
PLAN_PAGE = "plan.md"


def resolve_assets(html: str, page_dest_uri: str) -> str:
    """Replace ASSETS_TOKEN in a page's HTML with the assets URL relative to the page."""
    return html.replace(ASSETS_TOKEN + "/", assets_url_for(page_dest_uri))




def render_calculators(prefill: dict, base_url: str, heading: int = 3, calendar_notice: str | None = None,
                       section: str | tuple[str, ...] = CALCULATOR_SECTIONS, assets: bool = True) -> str:
    """A block of calculators' forms, as one raw-HTML block for a Markdown page.

    `prefill`: values for the form fields, keyed by field name (e.g. {"local-max-wait": "3"}),
    plus optionally "place" (the city's name, shown next to prefilled fields).
    `base_url`: URL of the site's assets/calc/ folder as seen from the page (e.g. "../../assets/calc/").
    `heading`: the level of each calculator's heading (h3 by default).
    `calendar_notice`: one line saying the next year's holidays are not out yet (sitegen.pages.calendar_status).
    `section`: the forms placed in this section, or these sections (calculators.registry).
    `assets`: False for a second block on a page, which the first block's stylesheet and script serve.
    """
    unknown = sorted(set(prefill) - calculators_now().prefill_keys())
    if unknown:
        raise ValueError(f"render_calculators: unknown prefill key(s) {unknown}; expected form field names")
    fixed = _fixed_context(_stamp())
    html = _environment().get_template("calculators.html").render(
        **fixed,
        forms=[(calc, layout(calc.fields)) for calc in forms_in(section)],
        prefill={key: str(value) for key, value in prefill.items()},
        assets=base_url.rstrip("/") + "/" + fixed["version"] + "/" if assets else None,
        heading=heading,
        calendar_notice=calendar_notice,
    )
    return "\n".join(line.strip() for line in html.splitlines() if line.strip())
