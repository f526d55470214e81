// The calculators' wheels in a Pyodide started by Node, placed as the browser's worker places them
// (web/worker.js, writeWheels/mountWheels): the files in /lib/wheels/, each put on sys.path in name
// order and imported from the zip itself. Used by the snapshot maker, the stdlib tracer, the Node
// benchmark and the Pyodide vector runner, so all four run the calculators the way readers do.
import { readFileSync } from "node:fs";
import { join } from "node:path";

export const WHEELS = "/lib/wheels/";

export function mountWheels(pyodide, wheelDir, names) {
  pyodide.FS.mkdirTree(WHEELS);
  for (const name of names) pyodide.FS.writeFile(WHEELS + name, readFileSync(join(wheelDir, name)));
  pyodide.runPython(
    "import os as _os, sys as _sys\n" +
    `_sys.path[:0] = sorted(${JSON.stringify(WHEELS)} + _n for _n in _os.listdir(${JSON.stringify(WHEELS)}))\n` +
    "del _os, _sys\n"
  );
}
