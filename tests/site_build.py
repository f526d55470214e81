"""The session's two builds of the real site, and the lines the site checks add to pytest's
terminal summary. (A module with a unique name: every test folder has its own conftest.py.)

- the public site: `mkdocs build --strict`, as `make build` (fixture `built_site`);
- the offline bundle: `OFFLINE=true mkdocs build --strict`, then tools/offline_bundle.py, as
  `make offline`, unzipped (fixture `offline_bundle`);
- a copy of the repository with its own Pyodide build, for the editor's path (`project_copy`).

They run in subprocesses, one after the other, then the tiny benchmarks (tools/bench.py's, each
with --tiny; tests/tools/test_bench_tiny.py reads what they print), started in the background
as soon as the session knows a selected test needs them (tests/conftest.py): they use the second
core while the tests that need none of them run. A fixture that needs a job waits for it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MKDOCS = [sys.executable, "-m", "mkdocs"]
MKDOCS_ENV = {"NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
REPORT: dict[str, str] = {}  # lines for the terminal summary (build time, largest page)
TIMEOUT_S = 600


@dataclass(frozen=True)
class BuiltSite:
    path: Path
    seconds: float


@dataclass(frozen=True)
class OfflineBundle:
    zip_path: Path
    folder: Path  # the unzipped top folder (holds index.html)
    build_seconds: float  # OFFLINE=true mkdocs build --strict
    bundle_seconds: float  # tools/offline_bundle.py

    @property
    def zip_bytes(self) -> int:
        return self.zip_path.stat().st_size


def mkdocs_build(site_dir: Path, config: Path = ROOT / "mkdocs.yml") -> subprocess.CompletedProcess:
    env = {**os.environ, **MKDOCS_ENV}
    return subprocess.run(
        [*MKDOCS, "build", "--strict", "-f", str(config), "-d", str(site_dir)],
        cwd=config.parent, env=env, capture_output=True, text=True, timeout=TIMEOUT_S,
    )


# What `make wheels` and the session's builds left in build/: the Pyodide build (its inputs hash
# says whether a copy must rebuild it), the memory snapshots and the compressed copies, both
# cached by content. A clone where `make serve` ran before holds them too; without them a copy's
# first preview build spends some 40 s remaking what did not change.
BUILD_CACHES = ("pyodide", "pyodide-snapshot", "precompressed")


def copy_repository(target: Path, province: str | None = None) -> Path:
    """Every file git knows of (tracked, or new and not ignored), the build caches, and
    node_modules as a link; `province`: only that province's cities in the copy's data/."""
    from tools.bench_site import only_province

    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT,
                            check=True, capture_output=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    for name in BUILD_CACHES:
        if (ROOT / "build" / name).is_dir():
            shutil.copytree(ROOT / "build" / name, target / "build" / name)
    (target / "node_modules").symlink_to(ROOT / "node_modules")
    if province:
        only_province(target / "data", province)
    return target


class Builds:
    """The public site, the offline bundle and then the tiny benchmarks, run one after the other
    in a background thread (each a subprocess); `site()`, `offline()` and `benchmarks()` wait for
    theirs and fail as it did. Only the jobs some selected test asks for run."""

    JOBS = ("public", "offline", "project", "benchmarks")

    def __init__(self, work: Path, public: bool, offline: bool, benchmarks: bool = False, project: bool = False):
        self.work = work
        # The benchmarks' browser round reuses both builds.
        self.wanted = {"public": public or benchmarks, "offline": offline or benchmarks, "project": project,
                       "benchmarks": benchmarks}
        self.results: dict[str, object] = {}
        self.done = {name: threading.Event() for name in self.JOBS}
        self.procs: list[subprocess.Popen] = []
        self.stopped = False
        self.thread = threading.Thread(target=self._run, name="site builds", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        for name in self.JOBS:
            if self.wanted[name]:
                try:
                    self.results[name] = getattr(self, f"_{name}")()
                except BaseException as error:  # noqa: BLE001 - handed to the fixture that waits
                    self.results[name] = error
            self.done[name].set()

    def _step(self, argv: list[str], env: dict[str, str], what: str, cwd: Path = ROOT) -> tuple[float, str]:
        """Run `argv` in `cwd`; (seconds, stdout). A failure raises with its output."""
        if self.stopped:
            raise RuntimeError("the session ended before the build")
        start = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.procs.append(proc)
        out, err = proc.communicate(timeout=TIMEOUT_S)
        assert proc.returncode == 0, f"{what} failed ({proc.returncode}):\n{out[-4000:]}\n{err[-4000:]}"
        return time.perf_counter() - start, out

    def _public(self) -> BuiltSite:
        site = self.work / "site"
        seconds, _ = self._step([*MKDOCS, "build", "--strict", "-d", str(site)], {**os.environ, **MKDOCS_ENV},
                                "mkdocs build --strict")
        return BuiltSite(site, seconds)

    def _offline(self) -> OfflineBundle:
        """`OFFLINE=true mkdocs build --strict -d …` then `tools/offline_bundle.py … --out …`
        (the Makefile's `offline` recipe), then unzip."""
        work = self.work / "offline-bundle"
        site, archive = work / "offline-site", work / "dist" / "yibao-offline.zip"
        env = {**os.environ, **MKDOCS_ENV, "OFFLINE": "true"}
        built, _ = self._step([*MKDOCS, "build", "--strict", "-d", str(site)], env, "OFFLINE=true mkdocs build --strict")
        bundled, _ = self._step([sys.executable, str(ROOT / "tools" / "offline_bundle.py"), str(site),
                                 "--out", str(archive)], env, "tools/offline_bundle.py")
        with zipfile.ZipFile(archive) as z:
            z.extractall(work / "unzipped")
        return OfflineBundle(archive, work / "unzipped" / "yibao-offline", built, bundled)

    def _project(self) -> Path:
        """A copy of the repository for the editor's path (tests/e2e/test_calendar_edit.py) with
        河北's cities only (each build renders a tenth of the pages), the calendar as it stood before
        the 2027 notice (the years up to 2026; 2027 estimated from the law), and its own compiled
        modules, Pyodide build and memory snapshot made already."""
        from tools.bench_site import TINY_PROVINCE

        root = copy_repository(self.work / "project-copy" / "project", TINY_PROVINCE)
        for path in (root / "data" / "calendar").glob("*.yaml"):
            if int(path.stem) > 2026:
                path.unlink()
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(root)}
        # `make compile`, `make wheels` and `make build` in the copy: its wheel, and the memory snapshot made of it.
        self._step([sys.executable, "-m", "sitegen", "compile"], env, "the copy's sitegen compile", cwd=root)
        self._step([sys.executable, str(root / "tools" / "build_wheels.py")], env, "the copy's build_wheels.py", cwd=root)
        self._step([*MKDOCS, "build", "--strict", "-d", str(root.parent / "site")], env, "the copy's mkdocs build",
                   cwd=root)
        return root

    def _benchmarks(self) -> dict[str, str]:
        """Each benchmark of tools/bench.py in its tiny mode, one after the other (stdout by
        file name); bench_browser.py on this session's two builds. A failing one fails them all."""
        from tools.bench import BENCHES

        site, offline = self.site(), self.offline()
        outputs = {}
        for name in BENCHES:
            argv = [sys.executable, str(ROOT / "tools" / name), "--tiny"]
            if name == "bench_browser.py":
                argv += ["--site", str(site.path), "--offline", str(offline.folder), "--zip", str(offline.zip_path)]
            _, outputs[name] = self._step(argv, {**os.environ, **MKDOCS_ENV}, f"tools/{name} --tiny")
        return outputs

    def _result(self, name: str):
        assert self.wanted[name], f"no test of this session asked for the {name} job"
        self.done[name].wait()
        result = self.results[name]
        if isinstance(result, BaseException):
            raise result
        return result

    def site(self) -> BuiltSite:
        return self._result("public")

    def offline(self) -> OfflineBundle:
        return self._result("offline")

    def benchmarks(self) -> dict[str, str]:
        return self._result("benchmarks")

    def project(self) -> Path:
        return self._result("project")

    def wait(self) -> None:
        """Until no job runs (a test that measures, such as Lighthouse, runs alone)."""
        for event in self.done.values():
            event.wait()

    def stop(self) -> None:
        self.stopped = True
        for proc in self.procs:
            if proc.poll() is None:
                proc.kill()
        self.thread.join(timeout=30)
