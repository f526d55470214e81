"""Generate calculators/rules.py from the rules of data/national.yaml that carry a `constant`.

Each constant gets one comment line `# <rule id>: <document> <article>` taken from the rule's
first source that names a document by its 文号, else its first source (a local page reporting the
rule is often listed first); `(article number unconfirmed)` when the article is not known; the
document cited short — its 文号 (医保办发〔2021〕43号) or its name without 《》 and 中华人民共和国 — then
`NAME = value`; Decimal values are written `Decimal("0.0005")`. `python -m sitegen rules` writes
the file; tests/data/test_data_rules_module.py regenerates it in memory and fails on any drift.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from sitegen.data.model import National

RULES_PATH = Path(__file__).resolve().parents[2] / "calculators" / "rules.py"

HEADER = '''"""National rule values used by the calculators.

GENERATED from data/national.yaml by `python -m sitegen rules`; do not edit by hand.
Each constant is one rule of the dataset; its document and article are in the comment.
A drift test regenerates this file and fails if it differs.
"""

from decimal import Decimal
'''


_NUMBER = re.compile(r"（([^（）]*〔\d{4}〕\d+号)）")  # （医保办发〔2021〕43号）


def short_citation(document: str) -> str:
    """《…》（医保办发〔2021〕43号） → 医保办发〔2021〕43号; 《中华人民共和国社会保险法》 → 社会保险法."""
    number = _NUMBER.search(document)
    if number:
        return number.group(1)
    return document.strip("《》").removeprefix("中华人民共和国")


def _literal(value: object) -> str:
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise TypeError(f"a rule constant must be an int or a Decimal, got {value!r}")
    return f'Decimal("{value}")' if isinstance(value, Decimal) else str(value)


def render_rules_module(national: National) -> str:
    """The text of calculators/rules.py for these rules."""
    lines = [HEADER]
    for rule in national.rules:
        if rule.constant is None:
            continue
        source = next((s for s in rule.sources if _NUMBER.search(s.document)), rule.sources[0])
        article = source.article or "(article number unconfirmed)"
        lines.append(f"# {rule.id}: {short_citation(source.document)} {article}")
        lines.append(f"{rule.constant} = {_literal(rule.value)}")
    return "\n".join(lines) + "\n"
