// Benchmark helper for tools/bench_calculators.py: Pyodide start-up under Node.js, bare npm
// package vs our runtime with the compiled wheels loaded and imported, and the cost of one
// calculator call inside Pyodide. Prints one JSON object.
//   node tools/bench_pyodide_node.mjs bare|ours  CALLS_JSON  REPEAT
import { readFileSync } from "node:fs";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { mountWheels } from "../web/wheels.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const [mode, callsJson = "[]", repeat = "200"] = process.argv.slice(2);

const t0 = performance.now();
let pyodide;
if (mode === "bare") {
  const { loadPyodide } = await import(join(root, "node_modules", "pyodide", "pyodide.mjs"));
  pyodide = await loadPyodide();
  pyodide.runPython("import json");
} else {
  const build = join(root, "build", "pyodide");
  const { loadPyodide } = await import(join(build, "runtime", "pyodide.mjs"));
  const manifest = JSON.parse(readFileSync(join(build, "manifest.json"), "utf8"));
  pyodide = await loadPyodide({ indexURL: join(build, "runtime") + "/" });
  // As the browser's worker installs them (web/wheels.mjs): zip files on sys.path.
  mountWheels(pyodide, join(build, "wheels"), manifest.wheels.map((w) => w.name));
  pyodide.runPython("import json, calculators.cli");
}
const startup_ms = performance.now() - t0;

const per_call_us = {};
if (mode !== "bare") {
  pyodide.globals.set("CALLS", callsJson);
  pyodide.globals.set("REPEAT", Number(repeat));
  const out = pyodide.runPython(`
import json, time
from calculators.cli import run
res = {}
for name, argv in json.loads(CALLS):
    run(argv)
    t = time.perf_counter()
    for _ in range(REPEAT):
        run(argv)
    res[name] = (time.perf_counter() - t) / REPEAT * 1e6
json.dumps(res)
`);
  Object.assign(per_call_us, JSON.parse(out));
}
console.log(JSON.stringify({ mode, startup_ms, per_call_us }));
