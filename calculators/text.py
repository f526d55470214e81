"""Helpers for reading user-typed text: normalisation and safe echoing in messages."""

from __future__ import annotations

import unicodedata

from calculators.limits import MAX_ECHO_CHARS


def normalise(text: str) -> str:
    """NFKC (full-width digits such as "２０２６" become ASCII) and surrounding spaces removed."""
    return unicodedata.normalize("NFKC", text).strip()


def shown(text: str) -> str:
    """The input as quoted in a message: shortened, and always encodable as UTF-8."""
    if len(text) > MAX_ECHO_CHARS:
        text = text[:MAX_ECHO_CHARS] + "…"
    return "“" + text.encode("utf-8", "backslashreplace").decode("utf-8") + "”"
