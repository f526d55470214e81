"""The runtime's pyodide.asm.wasm without the exports nothing can call: less for a phone to
download and to compile (`make bench` reports the bytes as sent).

Pyodide builds pyodide.asm.wasm as an Emscripten main module: it exports about 8,600 functions so
that binary extension modules loaded later can link against the C API. The calculators load none
(their wheels are pure Python, imported as zip files; the trimmed standard library holds no .so),
so an export is needed only when Pyodide's own JavaScript names it, or when an import of the
module's global offset table ("GOT.func"/"GOT.mem") is resolved to it at start-up.

`kept_exports(glue)` lists the names Pyodide's JavaScript uses: every identifier and every string
in pyodide.asm.js and the loader (pyodide.mjs, pyodide.js), once the 3,600 statements that only
copy an export into a variable (`var _X=Module["_X"]=wasmExports["X"];`) are taken out (else
every export would name itself). That over-counts (a word like "free" keeps `free`), never under-counts a name written in
the code. `slim(runtime)` passes the list to tools/slim_wasm.mjs, which keeps those exports and
the GOT's, removes the others and lets binaryen drop the code only they reached (memory layout
and function pointers do not change); then the copy statements of the removed exports leave
pyodide.asm.js, since nothing else in it names them.

What is given up: this runtime cannot load binary packages (a wheel holding .so files, or ctypes
looking up a C function by name). If a Pyodide update writes those statements differently,
nothing matches, every export is kept and the file is simply not smaller
(tests/sitegen/test_pyodide_wasm.py fails then, as it checks the size).
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

from sitegen.runtime import node

ROOT = Path(__file__).resolve().parents[2]
SLIMMER = ROOT / "tools" / "slim_wasm.mjs"
BINARYEN = ROOT / "node_modules" / "binaryen" / "package.json"  # its version is a build input
GLUE = ("pyodide.asm.js", "pyodide.mjs", "pyodide.js")  # the JavaScript that calls into the module

_COPY = re.compile(r'var (_[\w$]+)=Module\["\1"\]=wasmExports\["([\w$]+)"\];')
_WORD = re.compile(r"[A-Za-z_$][\w$]*")


def kept_exports(glue: list[str]) -> list[str]:
    """The names a module export can be called by from this JavaScript: each word of the text
    without the statements that only copy exports, and each such word without its leading "_"
    (Emscripten names export X as `_X`)."""
    words: set[str] = set()
    for text in glue:
        words.update(_WORD.findall(_COPY.sub("", text)))
    return sorted(words | {w[1:] for w in words if w.startswith("_")})


def slim(runtime: Path) -> dict:
    """Rewrite the runtime folder's pyodide.asm.wasm with only the exports its glue (GLUE) names,
    then take out of pyodide.asm.js the statements that copied the removed exports (JavaScript a
    phone no longer downloads and parses). Returns what changed:
    exports, functions and bytes of the wasm, bytes of the JavaScript, each [before, after]."""
    wasm, glue = runtime / "pyodide.asm.wasm", runtime / GLUE[0]
    names = kept_exports([(runtime / name).read_text(encoding="utf-8") for name in GLUE])
    out = wasm.with_name(wasm.name + ".slim")
    with tempfile.TemporaryDirectory() as tmp:
        keep = Path(tmp) / "keep.json"
        keep.write_text(json.dumps(names), encoding="utf-8")
        try:
            report = node.run_json(SLIMMER, wasm, keep, out)
        except RuntimeError:
            out.unlink(missing_ok=True)
            raise
    out.replace(wasm)
    exported = set(report.pop("kept"))
    text = glue.read_text(encoding="utf-8")
    slimmer = _COPY.sub(lambda m: m.group(0) if m.group(2) in exported else "", text)
    glue.write_text(slimmer, encoding="utf-8")
    report["glue_bytes"] = [len(text.encode()), len(slimmer.encode())]
    return report
