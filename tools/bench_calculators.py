"""Benchmark of the calculators (issue 2): one call of each calculator on CPython and inside
Pyodide (Node.js), and Pyodide start-up for the bare npm package vs our runtime with the
compiled wheels loaded and imported. Runs side by side in one run; prints ratios."""

from __future__ import annotations

import json
import statistics
import subprocess
import timeit
from pathlib import Path

from calculators.cli import run

ROOT = Path(__file__).resolve().parent.parent
NODE_BENCH = ROOT / "tools" / "bench_pyodide_node.mjs"

CALLS = [
    ("transfer-deadline", ["transfer-deadline", "--accepted", "2026-02-10", "--today", "2026-03-05"]),
    ("employee-gap", ["employee-gap", "--last-paid", "2026-03", "--resumed", "2026-08"]),
    ("resident-waiting", ["resident-waiting", "--lapsed-years", "5", "--repaired-years", "2",
                          "--local-rate", "400"]),
    ("late-fee", ["late-fee", "--owed", "3650.00", "--days", "45"]),
    ("back-payment", ["back-payment", "--month", "2026-01:3650.00:2026-02-15", "--month", "2026-02:3650.00:2026-03-15",
                      "--paid", "2026-04-01"]),
    ("plan", ["plan", "--from", "中山", "--to", "北京", "--last-paid", "2026-10", "--accepted", "2026-12-20"]),
]
# The planner's modules in the calculators' wheel: what it adds to the browser's download.
PLANNER = ("calculators/plan.py", "calculators/plan_json.py", "calculators/plan_rules.py", "calculators/places.py",
           "calculators/places_data.py", "calculators/registry/plan.py")
REPEAT = 200
STARTS = 3


def cpython_per_call_us() -> dict[str, float]:
    out = {}
    for name, argv in CALLS:
        run(argv)
        out[name] = min(timeit.repeat(lambda: run(argv), number=REPEAT, repeat=3)) / REPEAT * 1e6
    return out


def node(mode: str) -> dict:
    proc = subprocess.run(
        ["node", str(NODE_BENCH), mode, json.dumps(CALLS), str(REPEAT)],
        capture_output=True, text=True, check=True,
    )
    return json.loads(proc.stdout.strip().splitlines()[-1])


def planner_bytes() -> int:
    """Brotli size of the planner's compiled modules as the wheel carries them."""
    import zipfile

    import brotli

    wheel = next((ROOT / "build" / "pyodide" / "wheels").glob("yibao_calculators-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        names = [n for n in archive.namelist() if n.rsplit(".", 1)[0] in {p.rsplit(".", 1)[0] for p in PLANNER}]
        return sum(len(brotli.compress(archive.read(n))) for n in names)


def main() -> None:
    cpy = cpython_per_call_us()
    bare, ours = [], []
    for _ in range(STARTS):  # interleaved, so machine noise hits both alike
        bare.append(node("bare")["startup_ms"])
        last = node("ours")
        ours.append(last["startup_ms"])
    print("## Calculators: one call (µs, best of 3 × 200)")
    print(f"{'calculator':<20}{'CPython':>10}{'Pyodide':>10}{'ratio':>8}")
    for name, _ in CALLS:
        p = last["per_call_us"][name]
        print(f"{name:<20}{cpy[name]:>10.1f}{p:>10.1f}{p / cpy[name]:>7.1f}×")
    print(f"\nthe planner adds {planner_bytes() / 1000:.1f} KB (brotli) to the calculators' wheel")
    b, o = statistics.median(bare), statistics.median(ours)
    print(f"\n## Pyodide start-up in Node (median of {STARTS}, interleaved)")
    print(f"bare npm loadPyodide():                    {b:8.0f} ms")
    print(f"ours + compiled wheels loaded and imported: {o:8.0f} ms  ({o / b:.2f}× bare)")


if __name__ == "__main__":
    main()
