"""The built runtime (its wasm without the exports Pyodide's JavaScript never names,
sitegen/runtime/pyodide_wasm.py) under Node: beyond the calculators' vectors, the parts of Pyodide's API
that cross between JavaScript and Python still work, an error included."""

from __future__ import annotations

import json
import subprocess

import pytest

from sitegen.runtime import pyodide_build

pytestmark = pytest.mark.pyodide

SCRIPT = r"""
const [build] = process.argv.slice(2);
const { loadPyodide } = await import(build + "/runtime/pyodide.mjs");
const pyodide = await loadPyodide({ indexURL: build + "/runtime/" });
const out = {};
try {
  pyodide.runPython("def f():\n    raise ValueError('坏的输入')\nf()");
} catch (err) {
  out.error = { type: err.type, message: err.message };
}
out.toJs = pyodide.runPython("{'a': [1, 2.5, None], 'b': '计算'}").toJs({ dict_converter: Object.fromEntries });
pyodide.globals.set("fromJs", pyodide.toPy({ n: 3, list: [1, 2] }));
out.fromJs = pyodide.runPython("fromJs['n'] + sum(fromJs['list'])");
out.jsCall = pyodide.runPython("import js; js.Math.max(3, 9)");
globalThis.later = () => new Promise((resolve) => setTimeout(() => resolve(41), 5));
out.awaited = await pyodide.runPythonAsync("import js\n(await js.later()) + 1");
pyodide.FS.writeFile("/tmp/x.txt", "你好");
out.file = pyodide.runPython("open('/tmp/x.txt', encoding='utf-8').read()");
out.bigint = pyodide.runPython("2 ** 70").toString();
out.buffer = Array.from(pyodide.runPython("b'\\x01\\x02\\xff'").toJs());
console.log(JSON.stringify(out));
"""


def test_pyodide_api_round_trips_on_the_slim_runtime(tmp_path):
    build = pyodide_build.build()  # a no-op when build/pyodide is up to date
    script = tmp_path / "api.mjs"
    script.write_text(SCRIPT, encoding="utf-8")
    proc = subprocess.run(["node", str(script), str(build)], capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert out["error"]["type"] == "ValueError"
    assert "坏的输入" in out["error"]["message"] and 'line 2, in f' in out["error"]["message"]
    assert out["toJs"] == {"a": [1, 2.5, None], "b": "计算"}
    assert out["fromJs"] == 6
    assert out["jsCall"] == 9
    assert out["awaited"] == 42
    assert out["file"] == "你好"
    assert out["bigint"] == str(2 ** 70)
    assert out["buffer"] == [1, 2, 255]
