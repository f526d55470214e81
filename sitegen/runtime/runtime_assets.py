"""The in-browser calculators' files in the built site.

- `copy_runtime(site_dir)`: copies the Pyodide runtime (with its trimmed standard library) and
  the py-compiled wheels of build/pyodide/ (tools/build_wheels.py) with their brotli and gzip
  copies, and web/calc.js, worker.js, calc.css into `site_dir/assets/calc/<version>/`. The
  version is a hash of all of them, so the folder can be cached for a year (deploy/site.conf);
  calc.js gets the file names and sizes (decoded and as sent) prepended.
- `ensure_snapshot()`: build/pyodide-snapshot/<key>.bin, Pyodide's memory snapshot with the
  calculators imported (web/make_snapshot.mjs, run by Node, by `make wheels`), gzip-compressed.
  It is more bytes than the rest of the runtime together, so it pays only on a fast link: calc.js
  fetches it only when the page's own bytes arrived fast enough (see `snapshotPays` there;
  `make bench` measures both ways), and the offline bundle leaves it out.
  YB_SNAPSHOT=0 builds a site without it.
- `write_offline_embed(site_dir)`: the offline bundle's extra files, `assets/calc/<version>/embed/`:
  classic scripts holding the runtime's binaries (gzip, then base64) and pyodide.asm.js /
  pyodide.js as text, because a page opened from file:// can load <script src> but cannot fetch().
- `places_script()`: places.js, every city's name, province and search keys (full pinyin with
  the readings of sitegen.slugs.PINYIN_OVERRIDES, initials) for web/chooser.js, the city chooser;
  compiled here so the browser needs no pinyin dictionary. A classic script, so it loads from
  file:// too; chooser.js fetches it when a reader first focuses a chooser.
- `assets_url_for(dest_uri)`: where a page finds the copied files. The forms that load them are
  the pages' business (sitegen.pages.forms).
"""

from __future__ import annotations

import base64
import functools
import gzip
import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path

from sitegen.runtime.pyodide_stdlib import WHEEL_MOUNT

ROOT = Path(__file__).resolve().parents[2]
PYODIDE_BUILD = ROOT / "build" / "pyodide"
SNAPSHOTS = ROOT / "build" / "pyodide-snapshot"
WEB = ROOT / "web"
FORMS = WEB / "forms"
ASSETS = Path("assets") / "calc"

WEB_FILES = ("calc.js", "worker.js", "calc.css", "chooser.js")
PLACES_SCRIPT = "places.js"
PLACES_DATA = ROOT / "calculators" / "places_data.py"
# What the browser loads from the runtime (pyodide.mjs and package.json are not needed).
RUNTIME_FILES = ("pyodide.js", "pyodide.asm.js", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
# Loaded as scripts over HTTP; embedded as text (not base64) for file://.
RUNTIME_SCRIPTS = ("pyodide.js", "pyodide.asm.js")
SNAPSHOT_NAME = "pyodide-snapshot.bin"  # gzip data; the worker inflates it
SNAPSHOT_MAKER = WEB / "make_snapshot.mjs"


class RuntimeNotBuilt(RuntimeError):
    """build/pyodide is missing: the wheels and runtime must be built first."""


def load_manifest(build: Path = PYODIDE_BUILD) -> dict:
    path = build / "manifest.json"
    if not path.exists():
        raise RuntimeNotBuilt(f"{path} is missing: run `make wheels` (python tools/build_wheels.py) first")
    return json.loads(path.read_text(encoding="utf-8"))


def snapshot_key(build: Path = PYODIDE_BUILD) -> str:
    """What the snapshot depends on: every runtime file and wheel, and the scripts making it."""
    manifest = load_manifest(build)
    h = hashlib.sha256()
    for entry in manifest["runtime"] + manifest["wheels"]:
        h.update(f"{entry['name']}:{entry['sha256']}\n".encode())
    h.update(SNAPSHOT_MAKER.read_bytes())
    h.update(WHEEL_MOUNT.read_bytes())
    return h.hexdigest()[:16]


class SnapshotError(RuntimeError):
    """web/make_snapshot.mjs failed; the message carries Node's output."""


def snapshot_path(build: Path = PYODIDE_BUILD) -> Path:
    return SNAPSHOTS / f"{snapshot_key(build)}.bin"


def built_snapshot(build: Path = PYODIDE_BUILD) -> Path:
    """The snapshot of this build as `make wheels` made it, never made here (no Node)."""
    path = snapshot_path(build)
    if not path.exists():
        raise RuntimeNotBuilt(f"{path} is missing: run `make wheels` (python tools/build_wheels.py) first")
    return path


def ensure_snapshot(build: Path = PYODIDE_BUILD) -> Path:
    """build/pyodide-snapshot/<key>.bin (made by Node on first use; cached by key)."""
    path = snapshot_path(build)
    if path.exists():
        return path
    SNAPSHOTS.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    try:
        proc = subprocess.run(
            ["node", str(SNAPSHOT_MAKER), str(build), str(tmp)], capture_output=True, text=True, timeout=300
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise SnapshotError(f"{SNAPSHOT_MAKER.relative_to(ROOT)}: could not run node: {error}") from None
    if proc.returncode != 0:
        raise SnapshotError(f"{SNAPSHOT_MAKER.relative_to(ROOT)} failed:\n{proc.stderr.strip()}")
    tmp.replace(path)
    # Older snapshots go only now: a process still using one (another build) keeps it until a
    # new one is there.
    for stale in SNAPSHOTS.glob("*.bin"):
        if stale != path:
            stale.unlink(missing_ok=True)
    return path


def asset_version(build: Path = PYODIDE_BUILD) -> str:
    """12 hex digits naming the asset folder: the runtime's and wheels' sha256, the snapshot's
    inputs and the web/ files."""
    h = hashlib.sha256(snapshot_key(build).encode() + (b"" if snapshot_enabled() else b"-no-snapshot"))
    for name in WEB_FILES:
        h.update(name.encode())
        h.update((WEB / name).read_bytes())
    h.update(places_script().encode())
    return h.hexdigest()[:12]


def _places_stamp() -> tuple:
    stat = PLACES_DATA.stat()
    return (stat.st_mtime_ns, stat.st_size)


def places_script() -> str:
    """places.js: `self.__ybPlaces = [[code, name, short name, province, initials, pinyin], ...]`."""
    return _places_script(_places_stamp())


@functools.lru_cache(maxsize=2)
def _places_script(stamp: tuple) -> str:
    from calculators.places import DEFAULT_PLACES
    from sitegen.compile.places_module import pinyin_syllables

    rows = []
    for code in DEFAULT_PLACES.codes():
        city = DEFAULT_PLACES.city(code)
        rows.append([city.code, city.name, city.short_name, city.province_name, city.initials,
                     "".join(pinyin_syllables(city.short_name))])
    return "self.__ybPlaces = " + json.dumps(rows, ensure_ascii=False, separators=(",", ":")) + ";\n"


def snapshot_enabled() -> bool:
    """YB_SNAPSHOT=0 builds the site without the memory snapshot (see the module's docstring)."""
    return os.environ.get("YB_SNAPSHOT", "") != "0"


def embed_names(manifest: dict) -> list[str]:
    """The files the offline embed carries, in the order calc.js loads them (no snapshot)."""
    wheels = [w["name"] for w in manifest["wheels"]]
    return list(RUNTIME_FILES) + wheels


def _downloaded(manifest: dict) -> list[dict]:
    return [e for e in manifest["runtime"] if e["name"] in RUNTIME_FILES] + manifest["wheels"]


def browser_config(manifest: dict, snapshot_size: int | None = None) -> dict:
    """What calc.js needs to know: where the runtime, snapshot (if any) and wheels are, and their
    sizes: `sizes` decoded, `wire` as sent by a server with the brotli copies (deploy/). The
    snapshot (fetched only on a fast link) is gzip data of its own, counted as it is."""
    files = _downloaded(manifest)
    sizes = {e["name"]: e["size"] for e in files}
    wire = {e["name"]: e.get("br", e["size"]) for e in files}
    if snapshot_size is not None:
        sizes[SNAPSHOT_NAME] = wire[SNAPSHOT_NAME] = snapshot_size
    return {
        "pyodide": manifest["pyodide"],
        "runtime": "runtime/",
        "wheelDir": "wheels/",
        "wheels": [w["name"] for w in manifest["wheels"]],
        "snapshot": "runtime/" + SNAPSHOT_NAME if snapshot_size is not None else None,
        "sizes": sizes,
        "wire": wire,
        "embed": [f"embed/{name}.js" for name in embed_names(manifest)],
    }


def download_bytes(manifest: dict) -> int:
    """What a reader's browser downloads for the calculators, as sent (brotli), without the
    snapshot (which only a fast link fetches)."""
    return sum(browser_config(manifest)["wire"].values())


def _copy(src: Path, dest: Path) -> None:
    """Copy unless an identical-looking copy (same size and mtime) is already there (serve rebuilds)."""
    if dest.exists():
        s, d = src.stat(), dest.stat()
        if s.st_size == d.st_size and int(s.st_mtime) == int(d.st_mtime):
            return
    shutil.copy2(src, dest)


def copy_runtime(site_dir: Path, build: Path = PYODIDE_BUILD) -> Path:
    """Copy runtime, wheels and web files into site_dir/assets/calc/<version>/; return that folder.

    Other versions in assets/calc/ are removed, so a long-lived site folder does not grow."""
    manifest = load_manifest(build)
    version = asset_version(build)
    base = Path(site_dir) / ASSETS
    dest = base / version
    if base.is_dir():
        for old in base.iterdir():
            if old.name != version:
                shutil.rmtree(old) if old.is_dir() else old.unlink()
    (dest / "runtime").mkdir(parents=True, exist_ok=True)
    (dest / "wheels").mkdir(parents=True, exist_ok=True)
    files = [("runtime", name) for name in RUNTIME_FILES] + [("wheels", w["name"]) for w in manifest["wheels"]]
    for folder, name in files:
        for suffix in ("", ".br", ".gz"):  # the copies for nginx's brotli_static/gzip_static
            if suffix == "" or (build / folder / (name + suffix)).exists():
                _copy(build / folder / (name + suffix), dest / folder / (name + suffix))
    snapshot_size = None
    if snapshot_enabled():
        snapshot = ensure_snapshot(build)
        _copy(snapshot, dest / "runtime" / SNAPSHOT_NAME)
        snapshot_size = snapshot.stat().st_size
    for name in ("worker.js", "calc.css", "chooser.js"):
        _copy(WEB / name, dest / name)
    places = dest / PLACES_SCRIPT
    text = places_script()
    if not places.exists() or places.read_text(encoding="utf-8") != text:
        places.write_text(text, encoding="utf-8")
    config = json.dumps(browser_config(manifest, snapshot_size), ensure_ascii=False, sort_keys=True)
    calc = f"self.__ybCalcConfig = {config};\n" + (WEB / "calc.js").read_text(encoding="utf-8")
    (dest / "calc.js").write_text(calc, encoding="utf-8")
    return dest


GZIP_MAGIC = b"\x1f\x8b"


def _embed_script(name: str, data: bytes) -> str:
    if name in RUNTIME_SCRIPTS:
        text = data.decode("utf-8")
        # A source-map comment would only make a browser's developer tools ask for a missing file.
        text = "\n".join(line for line in text.split("\n") if not line.startswith("//# sourceMappingURL="))
        literal = json.dumps(text, ensure_ascii=True)
    else:
        if data[:2] != GZIP_MAGIC:  # the snapshot is gzip already; the worker checks the magic
            data = gzip.compress(data, compresslevel=9, mtime=0)
        literal = '"' + base64.b64encode(data).decode("ascii") + '"'
    return f"(self.__ybEmbed = self.__ybEmbed || {{}})[{json.dumps(name)}] = {literal};\n"


def write_offline_embed(site_dir: Path, build: Path = PYODIDE_BUILD) -> list[Path]:
    """Write assets/calc/<version>/embed/<file>.js for every runtime file and wheel; return them.

    Runs copy_runtime first if the site has no copy of this version yet."""
    manifest = load_manifest(build)
    dest = Path(site_dir) / ASSETS / asset_version(build)
    if not (dest / "calc.js").exists():
        copy_runtime(site_dir, build)
    (dest / "embed").mkdir(exist_ok=True)
    written = []
    for name in embed_names(manifest):
        folder = "wheels" if name.endswith(".whl") else "runtime"
        out = dest / "embed" / f"{name}.js"
        out.write_text(_embed_script(name, (dest / folder / name).read_bytes()), encoding="ascii")
        written.append(out)
    return written


def assets_url_for(page_dest_uri: str) -> str:
    """URL of the site's assets/calc/ folder relative to a page written at `page_dest_uri`
    (MkDocs' `File.dest_uri`): "cities/130100/index.html" → "../../assets/calc/",
    "cities/130100.html" (offline build, no directory URLs) → "../assets/calc/"."""
    return "../" * page_dest_uri.count("/") + ASSETS.as_posix() + "/"
