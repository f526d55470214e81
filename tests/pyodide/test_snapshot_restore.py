"""The memory snapshot restored as the browser's worker restores it (web/worker.js): Python comes
back with the calculators imported, and once the wheels' files are written again to /lib/wheels/,
a module that the snapshot did not import (the command line's) is imported from them."""

from __future__ import annotations

import json
import subprocess

import pytest

from sitegen.runtime import pyodide_build
from sitegen.runtime import runtime_assets

pytestmark = pytest.mark.pyodide

RESTORE = r"""
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
const [build, snapshotFile] = process.argv.slice(2);
const { loadPyodide } = await import(build + "/runtime/pyodide.mjs");
const manifest = JSON.parse(readFileSync(build + "/manifest.json", "utf8"));
const pyodide = await loadPyodide({ indexURL: build + "/runtime/", _loadSnapshot: gunzipSync(readFileSync(snapshotFile)) });
const before = pyodide.runPython("import sys; str(sorted(m for m in sys.modules if m.startswith('calculators.registry.')))");
const answer = pyodide.pyimport("calculators.web").handle_json("late-fee", JSON.stringify({owed: "10000.00", days: "30"}));
pyodide.FS.mkdirTree("/lib/wheels");
for (const w of manifest.wheels) pyodide.FS.writeFile("/lib/wheels/" + w.name, readFileSync(build + "/wheels/" + w.name));
const cli = pyodide.runPython(`
import json, sys
fresh = "calculators.cli" not in sys.modules
from calculators.cli import run
json.dumps([fresh, run(["late-fee", "--owed", "3650.00", "--days", "45"])])
`);
console.log(JSON.stringify({ before, answer: JSON.parse(answer), cli: JSON.parse(cli) }));
"""


def test_a_restored_snapshot_answers_and_imports_from_the_rewritten_wheels(tmp_path):
    build = pyodide_build.build()
    # Made here rather than taken from build/pyodide-snapshot/, which the session's background
    # site build may be writing at the same time.
    snapshot = tmp_path / "snapshot.bin"
    made = subprocess.run(["node", str(runtime_assets.SNAPSHOT_MAKER), str(build), str(snapshot)],
                          capture_output=True, text=True, timeout=300)
    assert made.returncode == 0, made.stderr[-3000:]
    script = tmp_path / "restore.mjs"
    script.write_text(RESTORE, encoding="utf-8")
    proc = subprocess.run(["node", str(script), str(build), str(snapshot)], capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert "calculators.registry.transfer_deadline" in out["before"]  # every calculator came with it
    assert out["answer"]["raw"]["fee"] == "150.00"  # 10000.00 × 0.0005 × 30
    fresh, (code, answer) = out["cli"]
    assert fresh is True  # not in the snapshot: read from /lib/wheels/
    assert code == 0 and answer["fee"] == "82.13"  # 3650.00 × 0.0005 × 45 = 82.125
