"""Each rule number is declared once, in calculators/rules.py: calculator code imports it.

Fails when a module of calculators/ spells a rule value as a literal number, or writes one into a
message ("10 个工作日"), instead of taking it from calculators.rules.
"""

import ast
import re
from pathlib import Path

import pytest

from calculators import rules

PACKAGE = Path(rules.__file__).parent
RULE_INTS = {
    value for name, value in vars(rules).items()
    if name.isupper() and isinstance(value, int) and value > 2  # 0, 1 and 2 are ordinary arithmetic
}
RULE_INTS.add(rules.TRANSFER_OUT_WORKDAYS + rules.TRANSFER_IN_WORKDAYS)
RATE_TEXT = {str(rules.LATE_FEE_DAILY_RATE), "万分之五"}
UNITS = "个工作日|个月|工作日|年"
MODULES = sorted(p for p in PACKAGE.glob("*.py") if p.name not in ("rules.py", "calendar_data.py", "places_data.py"))  # generated data


@pytest.mark.parametrize("path", MODULES, ids=[p.name for p in MODULES])
def test_no_rule_value_is_hard_coded(path):
    found = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {  # docstrings cite the rule they implement; code and messages must not
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)) and ast.get_docstring(node) is not None
    }
    for node in ast.walk(tree):
        if not isinstance(node, ast.Constant) or id(node) in docstrings:
            continue
        if isinstance(node.value, int) and not isinstance(node.value, bool) and node.value in RULE_INTS:
            found.append(f"line {node.lineno}: number {node.value}")
        if isinstance(node.value, str):
            for number in re.findall(rf"(\d+)\s*(?:{UNITS})", node.value):
                if int(number) in RULE_INTS:
                    found.append(f"line {node.lineno}: text {node.value!r}")
            if any(text in node.value for text in RATE_TEXT):
                found.append(f"line {node.lineno}: rate in text {node.value!r}")
    assert found == [], f"{path.name}: use the constant from calculators/rules.py: {found}"


def test_the_scan_sees_rule_values():
    assert {rules.TRANSFER_OUT_WORKDAYS, rules.TRANSFER_IN_WORKDAYS, rules.EMPLOYEE_WAIT_MAX_MONTHS} <= RULE_INTS
