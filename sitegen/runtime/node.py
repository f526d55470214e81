"""Running the project's Node.js helpers (tools/*.mjs, tests' inline scripts) from Python: each
prints one JSON object as its last line of output."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_json(script: Path, *args: object, timeout: int = 300) -> dict:
    """`node script args…` from the project root, and the JSON object on its last line of output.
    A non-zero exit raises RuntimeError with everything the script printed."""
    proc = subprocess.run(["node", str(script), *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, cwd=ROOT)
    name = script.relative_to(ROOT) if script.is_relative_to(ROOT) else script.name
    if proc.returncode != 0:
        raise RuntimeError(f"{name} failed:\n{proc.stdout}\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])
