"""A problem found in data/: file, line, field, message and an optional hint."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    file: str  # path relative to the repo root, e.g. "data/cities/130100.yaml"
    line: int | None
    field: str | None  # dotted path, e.g. "facts.0.source"
    message: str
    hint: str | None = None

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        text = f"{where} {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        return f"{text}（提示：{self.hint}）" if self.hint else text

    def sort_key(self) -> tuple[str, int, str]:
        return (self.file, self.line or 0, self.field or "")


class DatasetError(Exception):
    """The dataset has problems; `problems` lists all of them, `str()` one per line."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def dotted(path: Iterable[str | int]) -> str | None:
    """("facts", 0, "source") → "facts.0.source"; the empty path → None."""
    return ".".join(str(part) for part in path) or None
