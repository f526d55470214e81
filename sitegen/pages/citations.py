"""Numbered citations for one page: each rule or fact printed carries 〔n〕 marks that point to
the n-th entry of the page's source list, so every statement shows where it comes from.

A source cited twice on a page gets one number (sources are equal when document, article and
URL are equal).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sitegen.data.model import LocalFact, Rule, Source


def only_secondary(sources: Iterable[Source]) -> bool:
    """True when every source is grade S: no official text, faithful copy or media report."""
    return all(source.grade == "S" for source in sources)


def secondary_only_rules(rules: Iterable[Rule]) -> list[str]:
    """The ids of the rules that rest on secondary websites only (every source grade S), in
    data order: the count the project keeps low (`python -m sitegen.pages.citations` prints them)."""
    return [rule.id for rule in rules if only_secondary(rule.sources)]


def _key(source: Source) -> tuple[str, str | None, str]:
    return (source.document, source.article, str(source.url))


@dataclass(frozen=True)
class Cited:
    """A rule or local fact as a page prints it.

    `level` says whose rule it is: "national", "province" or "city"; `place` names the province
    or city for local facts. `refs` are the page's source numbers; `weak` is true when every
    source is a secondary website (grade S), which the page then says next to the statement.
    """

    title: str | None
    text: str
    value: object
    unit: str | None
    kind: str
    level: str
    place: str | None
    refs: tuple[int, ...]
    weak: bool = False


class Citations:
    """Collects the sources of one page in the order they are first cited."""

    def __init__(self) -> None:
        self._numbers: dict[tuple[str, str | None, str], int] = {}
        self.sources: list[Source] = []
        # quotes[n - 1]: the sentences read on source n, one per distinct `quote` cited here
        self.quotes: list[list[str]] = []

    def cite(self, sources: Iterable[Source]) -> tuple[int, ...]:
        refs = []
        for source in sources:
            key = _key(source)
            if key not in self._numbers:
                self.sources.append(source)
                self.quotes.append([])
                self._numbers[key] = len(self.sources)
            number = self._numbers[key]
            if source.quote and source.quote not in self.quotes[number - 1]:
                self.quotes[number - 1].append(source.quote)
            refs.append(number)
        return tuple(dict.fromkeys(refs))

    def rule(self, rule: Rule) -> Cited:
        return Cited(rule.title, rule.text, rule.value, rule.unit, rule.id, "national", None,
                     self.cite(rule.sources), only_secondary(rule.sources))

    def fact(self, fact: LocalFact, level: str, place: str) -> Cited:
        return Cited(None, fact.text, fact.value, fact.unit, fact.kind, level, place,
                     self.cite([fact.source]), only_secondary([fact.source]))


if __name__ == "__main__":  # python -m sitegen.pages.citations: the national rules resting on S only
    from sitegen.data.load import load_dataset_strict

    rules = load_dataset_strict().national.rules
    weak = secondary_only_rules(rules)
    print(f"{len(weak)} / {len(rules)} 条全国规则只有二手网站来源（S）：" + "、".join(weak))
