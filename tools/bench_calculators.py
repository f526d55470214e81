"""Benchmark of the calculators: one call of each calculator on CPython and inside
Pyodide (Node.js), and Pyodide start-up for the bare npm package vs our runtime with the
compiled wheels loaded and imported. Runs side by side in one run; prints ratios.

Usage: python tools/bench_calculators.py [--tiny]
--tiny: 3 calls per calculator and one start-up of each (a check that the benchmark runs, not a
measurement; tests/tools/test_bench_tiny.py).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import timeit
from pathlib import Path

from calculators.cli import run
from calculators.registry import FORMS
from sitegen.runtime.node import run_json

ROOT = Path(__file__).resolve().parent.parent
NODE_BENCH = ROOT / "tools" / "bench_pyodide_node.mjs"

# Each form's calculator on its sample (calculators.registry), as a command line.
CALLS = [(calc.name, calc.argv(calc.sample)) for calc in FORMS]
# The planner's modules in the calculators' wheel: what it adds to the browser's download.
PLANNER = ("calculators/plan.py", "calculators/plan_json.py", "calculators/plan_rules.py", "calculators/places.py",
           "calculators/places_data.py", "calculators/registry/plan.py")
REPEAT = 200
STARTS = 3
TINY = {"repeat": 3, "starts": 1}


def cpython_per_call_us(repeat: int = REPEAT) -> dict[str, float]:
    out = {}
    for name, argv in CALLS:
        run(argv)
        out[name] = min(timeit.repeat(lambda: run(argv), number=repeat, repeat=3)) / repeat * 1e6
    return out


def node(mode: str, repeat: int = REPEAT) -> dict:
    return run_json(NODE_BENCH, mode, json.dumps(CALLS), repeat)


def planner_bytes() -> int:
    """Brotli size of the planner's compiled modules as the wheel carries them."""
    import zipfile

    import brotli

    wheel = next((ROOT / "build" / "pyodide" / "wheels").glob("yibao_calculators-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        names = [n for n in archive.namelist() if n.rsplit(".", 1)[0] in {p.rsplit(".", 1)[0] for p in PLANNER}]
        return sum(len(brotli.compress(archive.read(n))) for n in names)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tiny", action="store_true", help="3 calls and one start-up each: does it run?")
    args = parser.parse_args(argv)
    repeat, starts = (TINY["repeat"], TINY["starts"]) if args.tiny else (REPEAT, STARTS)
    cpy = cpython_per_call_us(repeat)
    bare, ours = [], []
    for _ in range(starts):  # interleaved, so machine noise hits both alike
        bare.append(node("bare", repeat)["startup_ms"])
        last = node("ours", repeat)
        ours.append(last["startup_ms"])
    print(f"## Calculators: one call (µs, best of 3 × {repeat})")
    print(f"{'calculator':<20}{'CPython':>10}{'Pyodide':>10}{'ratio':>8}")
    for name, _ in CALLS:
        p = last["per_call_us"][name]
        print(f"{name:<20}{cpy[name]:>10.1f}{p:>10.1f}{p / cpy[name]:>7.1f}×")
    print(f"\nthe planner adds {planner_bytes() / 1000:.1f} KB (brotli) to the calculators' wheel")
    b, o = statistics.median(bare), statistics.median(ours)
    print(f"\n## Pyodide start-up in Node (median of {starts}, interleaved)")
    print(f"bare npm loadPyodide():                    {b:8.0f} ms")
    print(f"ours + compiled wheels loaded and imported: {o:8.0f} ms  ({o / b:.2f}× bare)")


if __name__ == "__main__":
    main(sys.argv[1:])
