"""sitegen/runtime/pyodide_wasm.py: which exports of pyodide.asm.wasm stay, and what the built runtime's
wasm keeps of the npm package's (tests/pyodide runs every vector on it, tests/e2e the browsers)."""

import json
import subprocess

import pytest

from sitegen.runtime import pyodide_build
from sitegen.runtime import pyodide_wasm

COPY = 'var _PyFoo_Bar=Module["_PyFoo_Bar"]=wasmExports["PyFoo_Bar"];'


def test_an_export_only_copied_into_a_variable_is_not_kept():
    assert "PyFoo_Bar" not in pyodide_wasm.kept_exports([COPY + "var x=1;"])


@pytest.mark.parametrize("use", ["_PyFoo_Bar(p)", "Module._PyFoo_Bar(p)", 'ccall("PyFoo_Bar")',
                                 'wasmExports["PyFoo_Bar"]', "wasmExports.PyFoo_Bar"])
def test_an_export_named_anywhere_else_is_kept(use):
    assert "PyFoo_Bar" in pyodide_wasm.kept_exports([COPY + use])


def test_names_from_every_file_of_the_glue_count():
    kept = pyodide_wasm.kept_exports([COPY, "API.call(_PyFoo_Bar)"])
    assert "PyFoo_Bar" in kept


def _sections(data: bytes) -> list[tuple[int, bytes]]:
    """(id, body) of each section of a wasm binary."""
    out, i = [], 8
    while i < len(data):
        sid, i = data[i], i + 1
        size = shift = 0
        while True:
            byte, i = data[i], i + 1
            size |= (byte & 0x7F) << shift
            shift += 7
            if byte < 0x80:
                break
        out.append((sid, data[i:i + size]))
        i += size
    return out


NODE_EXPORTS = """
const fs = require("fs");
const m = new WebAssembly.Module(fs.readFileSync(process.argv[1]));
console.log(JSON.stringify({
  exports: WebAssembly.Module.exports(m).map((e) => e.name),
  got: WebAssembly.Module.imports(m).filter((i) => i.module.startsWith("GOT.")).map((i) => i.name),
  dylink: WebAssembly.Module.customSections(m, "dylink.0").length,
}));
"""


@pytest.fixture(scope="module")
def built():
    out = pyodide_build.build()  # a no-op when build/pyodide is up to date
    slim, npm = out / "runtime" / "pyodide.asm.wasm", pyodide_build.NPM_PYODIDE / "pyodide.asm.wasm"

    def describe(path):
        proc = subprocess.run(["node", "-e", NODE_EXPORTS, str(path)], capture_output=True, text=True, check=True)
        return json.loads(proc.stdout)

    return {"slim": slim, "npm": npm, "slim_info": describe(slim), "npm_info": describe(npm),
            "manifest": json.loads((out / "manifest.json").read_text())}


def test_the_built_wasm_is_smaller_and_the_manifest_says_by_how_much(built):
    slim, npm = built["slim"].stat().st_size, built["npm"].stat().st_size
    assert slim < 0.92 * npm  # 7.59 MB of 8.65 MB with Pyodide 0.29.5
    assert built["manifest"]["wasm"]["bytes"] == [npm, slim]
    assert len(built["slim_info"]["exports"]) < len(built["npm_info"]["exports"]) / 5  # 530 of 9,708


def test_every_export_the_glue_names_or_the_loader_links_is_still_there(built):
    runtime = built["slim"].parent
    named = set(pyodide_wasm.kept_exports([(runtime / n).read_text(encoding="utf-8") for n in pyodide_wasm.GLUE]))
    before, after = set(built["npm_info"]["exports"]), set(built["slim_info"]["exports"])
    assert (before & named) <= after
    # What the loader fills the global offset table from (the rest, __heap_base…, it makes itself).
    assert set(built["slim_info"]["got"]) & before <= after
    # binaryen drops the table entries no remaining code reads (280 of 283 GOT imports go).
    assert set(built["slim_info"]["got"]) <= set(built["npm_info"]["got"])
    for name in ("__main_argc_argv", "malloc", "free", "__wasm_call_ctors", "__wasm_apply_data_relocs"):
        assert name in after


def test_memory_layout_and_the_linking_section_are_unchanged(built):
    slim, npm = _sections(built["slim"].read_bytes()), _sections(built["npm"].read_bytes())
    data = 11
    assert [body for sid, body in slim if sid == data] == [body for sid, body in npm if sid == data]
    assert slim[0][0] == 0 and slim[0][1].startswith(b"\x08dylink.0")  # Pyodide reads it first
    assert built["slim_info"]["dylink"] == 1


def test_the_glue_copies_only_exports_that_exist_and_lost_nothing_else(built):
    runtime = built["slim"].parent
    slim = (runtime / "pyodide.asm.js").read_text(encoding="utf-8")
    npm = (pyodide_build.NPM_PYODIDE / "pyodide.asm.js").read_text(encoding="utf-8")
    copied = [m.group(2) for m in pyodide_wasm._COPY.finditer(slim)]
    assert copied and set(copied) <= set(built["slim_info"]["exports"])
    # Only whole copy statements went: without them, the two files are the same text.
    assert pyodide_wasm._COPY.sub("", slim) == pyodide_wasm._COPY.sub("", npm)
    assert len(list(pyodide_wasm._COPY.finditer(npm))) - len(copied) > 3000
    assert built["manifest"]["wasm"]["glue_bytes"] == [len(npm.encode()), len(slim.encode())]
