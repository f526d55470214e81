"""The trimmed standard library of the browser runtime: only the modules that Pyodide's own
start-up and the calculators import (found by tools/trace_stdlib.mjs, which runs every vector).

`trace(wheel_dir)` lists the zip entries ("json/__init__.pyc", …) that were imported while
Pyodide, from the unmodified npm package, ran the calculators' wheels and vectors under Node.
`write_trimmed(entries, out)` compiles those modules from the npm package's sources into `out`:
  - with optimize=2 (no docstrings, no asserts: the .pyc files are 16% smaller), as unchecked
    hash-based .pyc files, so the bytes depend on the sources only;
  - without column ranges (`python -X no_debug_ranges`, in a child process: the compiler reads the
    option from the interpreter's start-up): tracebacks keep their line numbers and lose only the
    ^^^ markers, and the zip sends fewer bytes over the wire;
  - stored uncompressed with fixed dates, so the whole file compresses as one stream
    (brotli over the wire does better on one stream than on files deflated one by one).
A module the trace missed is an ImportError in the browser; tests/pyodide runs the whole vector
set from this zip and fails then.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from sitegen.runtime import node

ROOT = Path(__file__).resolve().parents[2]
NPM_PYODIDE = ROOT / "node_modules" / "pyodide"
TRACER = ROOT / "tools" / "trace_stdlib.mjs"
WHEEL_MOUNT = ROOT / "web" / "wheels.mjs"  # how the tracer (and the snapshot maker) place the wheels
VECTORS = ROOT / "tests" / "vectors"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def trace(wheel_dir: Path, vectors: Path = VECTORS) -> list[str]:
    entries = node.run_json(TRACER, NPM_PYODIDE, wheel_dir, vectors)["entries"]
    # The npm package holds sources: "json/__init__.py" is shipped as "json/__init__.pyc".
    return sorted(e + "c" if e.endswith(".py") else e for e in entries)


# Compiles in a fresh interpreter (-I -S: no site, no environment): marshal marks a constant
# as shared when its reference count is above one, so the same source compiled in a process
# that imported other modules (pytest, MkDocs) can give other bytes (asyncio/events.pyc did).
_COMPILE = """
import importlib.util, json, sys, zipfile
from importlib._bootstrap_external import _code_to_hash_pyc
source, out, entries, date = json.loads(sys.stdin.read())
assert "no_debug_ranges" in sys._xoptions  # line numbers only: no column ranges
with zipfile.ZipFile(source) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as dest:
    for entry in entries:
        name = entry[:-1]  # the .py source
        text = src.read(name)
        code = compile(text, name, "exec", optimize=2, dont_inherit=True)
        data = _code_to_hash_pyc(code, importlib.util.source_hash(text), checked=False)
        info = zipfile.ZipInfo(entry, date_time=tuple(date))
        info.external_attr = 0o644 << 16
        dest.writestr(info, bytes(data))
"""


def write_trimmed(entries: list[str], out: Path, source: Path = NPM_PYODIDE / "python_stdlib.zip") -> None:
    """Compile `entries` from the sources in `source` into the zip `out`, in a fresh interpreter
    started with -X no_debug_ranges (the compiler reads that option at start-up)."""
    subprocess.run([sys.executable, "-I", "-S", "-X", "no_debug_ranges", "-c", _COMPILE],
                   input=json.dumps([str(source), str(out), entries, ZIP_DATE]), text=True, check=True, timeout=300)
