// Makes the memory snapshot the browser restores instead of booting Python from scratch.
//
//   node web/make_snapshot.mjs BUILD_DIR OUT_FILE
//
// BUILD_DIR is build/pyodide (tools/build_wheels.py). The snapshot is Pyodide's own experimental
// format (loadPyodide({_makeSnapshot}) / makeMemorySnapshot / loadPyodide({_loadSnapshot})): the
// WebAssembly memory after Python has started, with the wheels (zip files in /lib/wheels/) on
// sys.path and `calculators.web` with every calculator (and the compiled calendar) imported.
// It is tied to this exact pyodide.asm.js/wasm (Pyodide checks the BUILD_ID), this stdlib zip and
// these wheels; sitegen/runtime/runtime_assets.py names it by the hash of all of them.
//
// The wheels are put on sys.path rather than installed by loadPackage, because a snapshot may not
// hold references to JavaScript objects, which loadPackage leaves behind. The file system is not
// part of the snapshot: the browser still installs the stdlib zip and writes the wheels again.
// Output: the snapshot, gzip-compressed (the worker inflates it with DecompressionStream).
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { mountWheels } from "./wheels.mjs";

const [buildArg, outArg] = process.argv.slice(2);
if (!buildArg || !outArg) {
  console.error("usage: node web/make_snapshot.mjs BUILD_DIR OUT_FILE");
  process.exit(2);
}
const build = resolve(buildArg);
const { loadPyodide } = await import(join(build, "runtime", "pyodide.mjs"));
const manifest = JSON.parse(readFileSync(join(build, "manifest.json"), "utf8"));

const pyodide = await loadPyodide({
  indexURL: join(build, "runtime") + "/",
  _makeSnapshot: true,
  stdout: () => {},
  stderr: (line) => console.error(line),
});
// As the worker does (web/wheels.mjs): the wheels in /lib/wheels/, imported as zip files.
mountWheels(pyodide, join(build, "wheels"), manifest.wheels.map((w) => w.name));
pyodide.runPython(`
def _yb_prepare():
    import calculators.web
    import calculators.registry
    calculators.registry.CALCULATORS  # a form imports its calculator on first use: import them all
    # One call of each form's calculator on its sample (calculators.registry), so nothing is left
    # to import lazily.
    for calc in calculators.registry.FORMS:
        calculators.web.handle(calc.name, calc.sample)
_yb_prepare()
del _yb_prepare
`);
const snapshot = pyodide.makeMemorySnapshot();
writeFileSync(outArg, gzipSync(snapshot, { level: 9 }));
console.log(`snapshot: ${snapshot.length} bytes, gzip ${readFileSync(outArg).length} bytes`);
