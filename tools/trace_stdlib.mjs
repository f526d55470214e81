// Which files of Python's standard library the calculators actually use in Pyodide.
//
//   node tools/trace_stdlib.mjs RUNTIME_DIR WHEEL_DIR VECTOR_DIR
//
// RUNTIME_DIR holds the untrimmed runtime (the npm package). Under Node this starts Pyodide the
// way the browser's worker does (web/worker.js): puts the wheels in /lib/wheels/ on sys.path
// (imported as zip files), imports calculators.web, answers one form of every
// calculator plus an unknown one, runs every row of every vector file (tests/vectors/check.py)
// (their answers are not judged here) and lets an exception cross into JavaScript (Pyodide formats it with `traceback`).
// It prints, as JSON, the entries of python_stdlib.zip that hold a module imported by then:
// {"entries": ["json/__init__.pyc", …], "modules": N}.
import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { mountWheels } from "../web/wheels.mjs";

const [runtimeArg, wheelArg, vectorArg] = process.argv.slice(2);
if (!runtimeArg || !wheelArg || !vectorArg) {
  console.error("usage: node tools/trace_stdlib.mjs RUNTIME_DIR WHEEL_DIR VECTOR_DIR");
  process.exit(2);
}
const runtime = resolve(runtimeArg);
const wheelDir = resolve(wheelArg);
const vectorDir = resolve(vectorArg);
const { loadPyodide } = await import(join(runtime, "pyodide.mjs"));
const wheels = readdirSync(wheelDir).filter((n) => n.endsWith(".whl")).sort();

const pyodide = await loadPyodide({ indexURL: runtime + "/", stdout: () => {}, stderr: (l) => console.error(l) });
mountWheels(pyodide, wheelDir, wheels);
pyodide.FS.mkdirTree("/vectors");
for (const name of readdirSync(vectorDir)) {
  if (name.endsWith(".json") || name === "check.py") {
    pyodide.FS.writeFile(`/vectors/${name}`, readFileSync(join(vectorDir, name)));
  }
}
try {
  pyodide.runPython("raise ValueError('traced')");
} catch (err) {
  if (!String(err).includes("traced")) throw err;
}
const out = pyodide.runPython(`
def _yb_trace():
    import json, sys
    import calculators.web
    import calculators.registry
    for calc in calculators.registry.FORMS:  # each form's sample and its field error (the registry)
        calculators.web.handle_json(calc.name, json.dumps(calc.sample))
        calculators.web.handle_json(calc.name, json.dumps(calc.invalid[0]))
    calculators.web.handle_json("no-such-calculator", "{}")
    sys.path.insert(0, "/vectors")
    import check
    # Every row runs (that is what imports the modules); whether its answer matches is the tests'
    # business (tests/pyodide), not the build's: an editor's new holiday year changes answers. A row
    # that names a test calendar runs on the project's data here (the build has no test calendars).
    for file, row in check.load_vectors("/vectors"):
        check.check_row({key: value for key, value in row.items() if key != "calendar"})
    stdlib = next(p for p in sys.path if p.endswith(".zip"))
    entries = set()
    for module in list(sys.modules.values()):
        origin = getattr(getattr(module, "__spec__", None), "origin", None) or getattr(module, "__file__", None)
        if origin and origin.startswith(stdlib + "/"):
            entries.add(origin[len(stdlib) + 1:])
    return json.dumps({"entries": sorted(entries), "modules": len(sys.modules)})
_yb_trace()
`);
console.log(out);
