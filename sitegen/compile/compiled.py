"""What the modules compiled from data/ into the calculators package share (calendar_data.py,
places_data.py): a digest of the YAML files they came from, written into the module as
`SOURCE_DIGEST = "…"`, so that an edge can tell cheaply whether to compile again; and writing the
file only when its text changed."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

DIGEST_LINE = re.compile(r'^SOURCE_DIGEST = "([0-9a-f]{64})"$', re.MULTILINE)


def digest_of(root: Path, paths: Iterable[Path]) -> str:
    """sha256 over each existing file's path (relative to `root`) and bytes, in the order given."""
    h = hashlib.sha256()
    for path in paths:
        if not path.is_file():
            continue
        h.update(path.relative_to(root).as_posix().encode())
        h.update(b"\0")
        h.update(path.read_bytes())
        h.update(b"\0")
    return h.hexdigest()


def compiled_digest(target: Path) -> str | None:
    """The SOURCE_DIGEST a compiled module records, or None (no file, or no digest line)."""
    if not target.is_file():
        return None
    found = DIGEST_LINE.search(target.read_text(encoding="utf-8"))
    return found.group(1) if found else None


def write_if_changed(target: Path, text: str) -> bool:
    """Write `text` to `target` unless it already holds exactly that; True when written."""
    if target.is_file() and target.read_text(encoding="utf-8") == text:
        return False
    target.write_text(text, encoding="utf-8")
    return True
