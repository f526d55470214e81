// Runs the calculators' vector files inside real Pyodide (the npm package, under Node.js),
// loading exactly the py-compiled wheels of build/pyodide/wheels and the trimmed standard
// library of build/pyodide/runtime (a module missing from it fails the run).
//
//   node tests/pyodide/run_vectors.mjs [VECTOR_DIR] [CALENDARS_JSON]
//
// CALENDARS_JSON: the named calendars rows may assume ({name: {year: entry}}, written by the test
// from tests/calendar_fixture.py).
// Prints one JSON line {"results": [{file, name, error}], "versions": {...}} on stdout,
// then "N passed, M failed". Exit code 1 when any row fails.
import { readFileSync, readdirSync } from "node:fs";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { mountWheels } from "../../web/wheels.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const build = join(root, "build", "pyodide");
const vectorDir = resolve(process.argv[2] ?? join(root, "tests", "vectors"));
const calendarsFile = process.argv[3];

const { loadPyodide } = await import(join(build, "runtime", "pyodide.mjs"));
const manifest = JSON.parse(readFileSync(join(build, "manifest.json"), "utf8"));
const pyodide = await loadPyodide({ indexURL: join(build, "runtime") + "/" });
// Installed as the browser's worker does (web/wheels.mjs).
mountWheels(pyodide, join(build, "wheels"), manifest.wheels.map((w) => w.name));

// The vector files and their checker go into Pyodide's file system unchanged.
pyodide.FS.mkdirTree("/vectors");
for (const name of readdirSync(vectorDir)) {
  if (name.endsWith(".json") || name === "check.py") {
    pyodide.FS.writeFile(`/vectors/${name}`, readFileSync(join(vectorDir, name)));
  }
}
pyodide.FS.writeFile("/calendars.json", calendarsFile ? readFileSync(calendarsFile) : "{}");
const out = pyodide.runPython(`
import json, sys
sys.path.insert(0, "/vectors")
import check, calculators
with open("/calendars.json", encoding="utf-8") as handle:
    calendars = check.calendars_from_json(json.load(handle))
results = []
for file, row in check.load_vectors("/vectors"):
    results.append({"file": file, "name": row["name"], "error": check.check_row(row, calendars)})
json.dumps({
    "results": results,
    "versions": {
        "python": sys.version.split()[0],
        "platform": sys.platform,
        "calculators": calculators.__file__,
    },
}, ensure_ascii=False)
`);
console.log(out);
const results = JSON.parse(out).results;
const failed = results.filter((r) => r.error !== null);
for (const r of failed) console.error(`FAIL ${r.file} ${r.name}: ${r.error}`);
console.log(`${results.length - failed.length} passed, ${failed.length} failed`);
process.exit(failed.length ? 1 : 0);
