"""Build what the browser and the Pyodide test run load: build/pyodide/.

- runtime/: the npm package `pyodide` (node_modules/pyodide), with python_stdlib.zip trimmed to
  the modules Pyodide's start-up and the calculators import, traced while every vector runs
  (sitegen/runtime/pyodide_stdlib.py, tools/trace_stdlib.mjs), compiled on the host's Python 3.13 (same
  minor as Pyodide 0.29), and pyodide.asm.wasm without the exports Pyodide's JavaScript never
  calls, pyodide.asm.js without the statements that copied them (sitegen/runtime/pyodide_wasm.py,
  tools/slim_wasm.mjs).
- wheels/: the calculators package as a wheel of its own (its calendar_data.py and places_data.py
  compiled from data/ first when the YAML changed), and its dependency wheels,
  py-compiled by `pyodide py-compile`, stored uncompressed (they are sent compressed).
- `<file>.br` and `<file>.gz` beside every runtime file and wheel where that is smaller
  (sitegen/runtime/runtime_compress.py), for nginx's brotli_static/gzip_static.
- manifest.json: file names, sizes, sha256 and compressed sizes of everything above, the traced
  stdlib entries, plus a hash of the inputs so a re-run with unchanged inputs does nothing.

The output is byte-for-byte reproducible: the same inputs give the same files on any machine and
at any time (SOURCE_DATE_EPOCH for pip and py_compile, fixed dates in every zip). The site names
its asset folder after these hashes, so a rebuild that changes nothing keeps the readers' cached
copy of the runtime valid.

Run: python tools/build_wheels.py [--force] (or python -m sitegen.runtime.pyodide_build); `mkdocs serve`
rebuilds through the hook when calculators/ changed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import os
import tempfile
import zipfile
from pathlib import Path

from sitegen.runtime import pyodide_stdlib
from sitegen.runtime import pyodide_wasm
from sitegen.runtime import runtime_compress

ROOT = Path(__file__).resolve().parents[2]

OUT = ROOT / "build" / "pyodide"
NPM_PYODIDE = ROOT / "node_modules" / "pyodide"
CALCULATORS = ROOT / "calculators"
CALC_DIST = "yibao_calculators"
CALC_VERSION = "0.1.0"
TRACE_INPUTS = [Path(pyodide_stdlib.__file__), pyodide_stdlib.TRACER, pyodide_stdlib.WHEEL_MOUNT,
                Path(runtime_compress.__file__), Path(pyodide_wasm.__file__), pyodide_wasm.SLIMMER,
                pyodide_wasm.BINARYEN]
RUNTIME_FILES = [
    "pyodide.asm.js",
    "pyodide.asm.wasm",
    "pyodide.mjs",
    "pyodide.js",
    "pyodide-lock.json",
    "python_stdlib.zip",
    "package.json",
]

# 1980-01-01, the earliest date a zip entry can hold. With SOURCE_DATE_EPOCH set, py_compile writes
# hash-based .pyc headers instead of the source file's mtime.
SOURCE_DATE_EPOCH = "315532800"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)

PYPROJECT = f"""\
[build-system]
requires = ["setuptools>=68"]
build-backend = "setuptools.build_meta"

[project]
name = "{CALC_DIST}"
version = "{CALC_VERSION}"
description = "医保转移指南 calculators (browser build)"
requires-python = ">=3.13"
dependencies = []

[tool.setuptools]
packages = ["calculators", "calculators.registry"]
"""


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def input_hash() -> str:
    h = hashlib.sha256()
    h.update(PYPROJECT.encode())
    h.update(sys.version.split()[0].encode())
    for path in sorted(CALCULATORS.rglob("*.py")):
        h.update(str(path.relative_to(ROOT)).encode())
        h.update(path.read_bytes())
    h.update((NPM_PYODIDE / "package.json").read_bytes())
    for path in [Path(__file__), *TRACE_INPUTS, *sorted(pyodide_stdlib.VECTORS.iterdir())]:
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def run(*cmd: str | Path, cwd: Path | None = None) -> None:
    # PYTHONNODEBUGRANGES: the .pyc files keep line numbers but no column ranges (as the trimmed
    # stdlib, sitegen.runtime.pyodide_stdlib): fewer bytes for a phone, tracebacks still name the line.
    env = {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, "PYTHONNODEBUGRANGES": "1"}
    subprocess.run([str(c) for c in cmd], check=True, cwd=cwd, env=env)


def normalise_zip(path: Path, compression: int | None = None) -> None:
    """Rewrite a zip with every entry dated ZIP_DATE (`pyodide py-compile` dates the entries it
    writes with the current time), keeping the entries' order and permissions, and their
    compression unless `compression` is given."""
    tmp = path.with_name(path.name + ".tmp")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(tmp, "w") as out:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            fixed.compress_type = info.compress_type if compression is None else compression
            fixed.external_attr = info.external_attr
            out.writestr(fixed, source.read(info))
    tmp.replace(path)


def pyodide_cli() -> Path:
    return Path(sys.executable).parent / "pyodide"


def build_calculators_wheel(dest: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "src"
        shutil.copytree(CALCULATORS, src / "calculators", ignore=shutil.ignore_patterns("__pycache__"))
        (src / "pyproject.toml").write_text(PYPROJECT)
        run(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
            "-w", dest, src)


class StaleModules(RuntimeError):
    """A module compiled from data/ is older than the data: the wheel would carry old answers."""


def check_compiled() -> None:
    """The wheel packs calculators/ as it is: its modules generated from data/ must be current
    (`python -m sitegen compile`, which make and the preview hook run first)."""
    from sitegen.compile import compile_all

    stale = [o.target.name for o in compile_all(ROOT / "data", CALCULATORS, write=False) if not o.current]
    if stale:
        raise StaleModules(f"calculators/ 中由 data/ 生成的 {'、'.join(stale)} 不是最新的：先运行 python -m sitegen compile")


def copy_runtime(dest: Path) -> None:
    dest.mkdir(parents=True)
    for name in RUNTIME_FILES:
        shutil.copy2(NPM_PYODIDE / name, dest / name)
    trim_lock(dest / "pyodide-lock.json")


def trim_lock(path: Path) -> None:
    """Keep the lock file's `info` (loadPyodide checks its ABI version) and no packages: the
    calculators load none (their wheels are imported as zip files), and the package entries would
    cost a phone their bytes and their parsing before Python starts."""
    lock = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps({"info": lock["info"], "packages": {}}, separators=(",", ":")) + "\n", encoding="utf-8")


ENCODED = (".br", ".gz")


def describe(folder: Path) -> list[dict]:
    out = []
    for p in sorted(folder.iterdir()):
        if not p.is_file() or p.suffix in ENCODED:
            continue
        entry = {"name": p.name, "size": p.stat().st_size, "sha256": sha256(p)}
        for kind in ("br", "gz"):
            copy = p.with_name(f"{p.name}.{kind}")
            if copy.exists():
                entry[kind] = copy.stat().st_size
        out.append(entry)
    return out


def build(force: bool = False) -> Path:
    check_compiled()
    manifest_path = OUT / "manifest.json"
    digest = input_hash()
    if not force and manifest_path.exists():
        if json.loads(manifest_path.read_text()).get("inputs") == digest:
            print(f"build/pyodide is up to date ({digest[:12]})")
            return OUT
    if sys.version_info[:2] != (3, 13):
        sys.exit("pyodide py-compile needs the host's Python 3.13 (Pyodide 0.29 runs CPython 3.13)")
    tmp_out = OUT.with_name("pyodide.tmp")
    shutil.rmtree(tmp_out, ignore_errors=True)
    wheels = tmp_out / "wheels"
    wheels.mkdir(parents=True)
    build_calculators_wheel(wheels)
    run(pyodide_cli(), "py-compile", "--silent", wheels)
    for archive in wheels.glob("*.whl"):
        normalise_zip(archive, zipfile.ZIP_STORED)
    copy_runtime(tmp_out / "runtime")
    wasm = pyodide_wasm.slim(tmp_out / "runtime")
    stdlib = pyodide_stdlib.trace(wheels)
    pyodide_stdlib.write_trimmed(stdlib, tmp_out / "runtime" / "python_stdlib.zip")
    for path in [*wheels.glob("*.whl"), *(tmp_out / "runtime").iterdir()]:
        if path.name in ("package.json", "pyodide.mjs"):
            continue
        runtime_compress.encode(path)
    pyodide_version = json.loads((NPM_PYODIDE / "package.json").read_text())["version"]
    manifest = {
        "inputs": digest,
        "pyodide": pyodide_version,
        "wheels": describe(wheels),
        "runtime": describe(tmp_out / "runtime"),
        "stdlib": stdlib,
        "wasm": wasm,
    }
    (tmp_out / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
    shutil.rmtree(OUT, ignore_errors=True)
    tmp_out.rename(OUT)
    names = ", ".join(w["name"] for w in manifest["wheels"])
    print(f"built build/pyodide (pyodide {pyodide_version}): {names}")
    return OUT


def forget_calculators() -> None:
    """Under `mkdocs serve`, drop imported calculator modules so an edited calculator is re-read."""
    for name in [m for m in sys.modules if m == "calculators" or m.startswith("calculators.")]:
        del sys.modules[name]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="rebuild even if inputs are unchanged")
    build(force=parser.parse_args(argv).force)
    # The memory snapshot of this build too (Node), so that rendering pages never runs Node.
    from sitegen.runtime.runtime_assets import ensure_snapshot, snapshot_enabled

    if snapshot_enabled():
        ensure_snapshot()


if __name__ == "__main__":
    main()
