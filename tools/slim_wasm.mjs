// Removes from Pyodide's pyodide.asm.wasm the exports that nothing can call, and the code only
// they reached (sitegen/runtime/pyodide_wasm.py decides which names stay; binaryen does the rest).
//
//   node tools/slim_wasm.mjs IN.wasm KEEP.json OUT.wasm
//
// KEEP.json: the export names to keep (what Pyodide's JavaScript names). Kept as well: every
// export an import of "GOT.func"/"GOT.mem" resolves to (the loader fills those from the exports
// when the module starts). Every other export is removed, then binaryen's
// remove-unused-module-elements drops the functions, globals and types no export, table entry
// or start function reaches. The data segments and the table are left as they are, so memory
// addresses and function pointers do not move (a memory snapshot of this module stays valid
// for it). Prints one JSON line: {"exports": [before, after], "functions": [before, after],
// "bytes": [before, after], "kept": [the exports' names]}.
import { readFileSync, writeFileSync } from "node:fs";
import binaryen from "binaryen";

const [input, keepFile, output] = process.argv.slice(2);
if (!input || !keepFile || !output) {
  console.error("usage: node tools/slim_wasm.mjs IN.wasm KEEP.json OUT.wasm");
  process.exit(2);
}
// The features Pyodide 0.29's module uses (legacy exception handling, bulk memory, …). Not
// binaryen's "all": that would let it write encodings of proposals browsers do not read.
const F = binaryen.Features;
const FEATURES = F.MVP | F.MutableGlobals | F.SignExt | F.NontrappingFPToInt | F.BulkMemory |
  F.BulkMemoryOpt | F.ReferenceTypes | F.ExceptionHandling | F.Multivalue;

const data = readFileSync(input);
const keep = new Set(JSON.parse(readFileSync(keepFile, "utf8")));
const mod = binaryen.readBinary(data, FEATURES); // (binaryen.js takes the features as a second argument)

for (let i = 0; i < mod.getNumGlobals(); i++) {
  const info = binaryen.getGlobalInfo(mod.getGlobalByIndex(i));
  if (info.module === "GOT.func" || info.module === "GOT.mem") keep.add(info.base);
}
const exportsBefore = mod.getNumExports();
const functionsBefore = mod.getNumFunctions();
const drop = [];
for (let i = 0; i < exportsBefore; i++) {
  const name = binaryen.getExportInfo(mod.getExportByIndex(i)).name;
  if (!keep.has(name)) drop.push(name);
}
drop.forEach((name) => mod.removeExport(name));
mod.runPasses(["remove-unused-module-elements"]);
if (!mod.validate()) {
  console.error("slim_wasm: the module does not validate after removing exports");
  process.exit(1);
}
const out = mod.emitBinary();
writeFileSync(output, out);
const kept = [];
for (let i = 0; i < mod.getNumExports(); i++) kept.push(binaryen.getExportInfo(mod.getExportByIndex(i)).name);
console.log(JSON.stringify({
  exports: [exportsBefore, kept.length],
  functions: [functionsBefore, mod.getNumFunctions()],
  bytes: [data.length, out.length],
  kept: kept.sort(),
}));
mod.dispose();
