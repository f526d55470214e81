"""calculators.registry: every calculator declared once, and reachable one at a time."""

import json
import subprocess
import sys

import pytest

from calculators import registry, web
from calculators.cli import run
from calculators.registry import CALCULATORS


@pytest.mark.parametrize("name", registry.NAMES)
def test_each_name_leads_to_the_module_that_declares_it(name):
    calc = registry.entry(name)
    assert calc.name == name
    assert calc is registry.BY_NAME[name]


def test_the_lists_follow_the_order_of_names():
    assert tuple(c.name for c in registry.CALCULATORS) == registry.NAMES
    assert [c.name for c in registry.FORMS] == [n for n in registry.NAMES if registry.entry(n).has_form]


def test_an_unknown_name_has_no_entry():
    assert registry.entry("no-such-calculator") is None
    assert registry.entry("late_fee") is None  # the module's spelling is not a calculator's name
    with pytest.raises(AttributeError):
        registry.NO_SUCH_LIST  # noqa: B018


# What the browser's first answer imports: one form's calculator, not the others, and not the
# command line's parser. Run in a fresh interpreter, as the Web Worker starts one.
PROBE = """
import json, sys
import calculators.web as web
answer = web.handle(sys.argv[1], json.loads(sys.argv[2]))
assert "rows" in answer, answer
print(json.dumps(sorted(m for m in sys.modules if m.startswith("calculators"))))
"""


@pytest.mark.parametrize("name, fields, absent", [
    ("late-fee", {"owed": "10000.00", "days": "30"},
     {"calculators.plan", "calculators.workdays", "calculators.holiday_calendar", "calculators.places_data",
      "calculators.back_payment", "calculators.argv"}),
    ("transfer-deadline", {"accepted": "2026-03-02"},
     {"calculators.plan", "calculators.places_data", "calculators.late_fee", "calculators.argv"}),
])
def test_a_form_imports_its_own_calculator_only(name, fields, absent):
    out = subprocess.run([sys.executable, "-c", PROBE, name, json.dumps(fields)],
                         capture_output=True, text=True, timeout=60, check=True)
    loaded = set(json.loads(out.stdout))
    assert f"calculators.registry.{name.replace('-', '_')}" in loaded
    assert loaded & absent == set()


def test_the_calendar_needs_no_stdlib_calendar_module():
    out = subprocess.run([sys.executable, "-c", "import sys, calculators.workdays, calculators.plan; "
                          "print('calendar' in sys.modules, 'locale' in sys.modules)"],
                         capture_output=True, text=True, timeout=60, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_prefill_is_derived_from_the_forms_in_a_fresh_interpreter():
    # prefill_keys reads the forms from inside the module, before anything else asked for them.
    out = subprocess.run([sys.executable, "-c", "from calculators import registry; "
                          "print(sorted(registry.prefill_keys())[:3], sorted(registry.prefill_facts().items())[:1])"],
                         capture_output=True, text=True, timeout=60, check=True)
    assert out.stdout.strip() == f"{sorted(registry.prefill_keys())[:3]} {sorted(registry.prefill_facts().items())[:1]}"
    assert "place" in registry.prefill_keys() and registry.prefill_facts()


def test_every_calculator_declares_a_sample_that_answers_and_an_input_that_names_its_field():
    """The samples the browser tests, the deploy checks, the snapshot maker and the benchmarks use."""
    for calc in CALCULATORS:
        assert calc.sample and calc.invalid, calc.name
        code, out = run(calc.argv(calc.sample))
        assert code == 0 and "error" not in out, (calc.name, out)
        code, out = run(calc.argv(calc.invalid[0]))
        assert code == 2 and out["error"]["field"] == calc.invalid[1], (calc.name, out)
        if calc.has_form:
            assert "error" not in web.handle(calc.name, calc.sample)
            assert web.handle(calc.name, calc.invalid[0])["error"]["field"] == calc.invalid[1]
