"""Editor preview benchmark (`make bench` runs it through tools/bench.py).

On a copy of the project (mkdocs.yml, docs/, data/, templates/, overrides/), in one run:

  full build      `mkdocs build --strict` (what the public site costs; includes the .gz/.br copies)
  serve, full     `mkdocs serve --livereload`: the rebuild after a one-city edit (every page again)
  serve, dirty    `mkdocs serve --dirty --livereload` (`make serve`): the rebuild after the same
                  edit (only pages whose text changed), and after a template edit (every city)

Rebuild times are those the hook logs for the build the edit caused (sitegen.site.preview.BUILD_LOG,
from its on_config to the end of the build, with the number of pages rendered); "seen" is the wall
time from writing the file until the page served over HTTP shows the edit.
Each edit is repeated `--repeat` times (median reported).

Usage: python tools/bench_preview.py [--repeat N] [--tiny]
--tiny: one edit each, on a copy holding only the cities of one province (河北, 11: a check that
the benchmark runs, not a measurement; tests/tools/test_bench_tiny.py).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from sitegen.site.preview import Build, builds_in
from tools.bench_site import TINY_PROVINCE, only_province
from tools.servers import free_port

ROOT = Path(__file__).resolve().parent.parent

COPIED = ("docs", "data", "templates", "overrides")
MKDOCS_ENV = {"NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
CITY_FILE = Path("data") / "cities" / "130100.yaml"
CITY_URL = "cities/shijiazhuang/"
OTHER_URL = "cities/baoding/"
TIMEOUT_S = 300


def copy_project(target: Path, province: str | None = None) -> Path:
    """mkdocs.yml and what it reads, with the hook named by its absolute path; `province`: only
    that province's cities in the copy's data/."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    hook = ROOT / "sitegen" / "site" / "hook.py"
    config, n = re.subn(r"(?m)^(\s*-\s*)sitegen/site/hook\.py\s*$", lambda m: f"{m.group(1)}{hook}", config)
    if n != 1:
        raise SystemExit("mkdocs.yml no longer names sitegen/site/hook.py under hooks:")
    target.mkdir(parents=True)
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    for name in COPIED:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    if province:
        only_province(target / "data", province)
    return target


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


class Server:
    def __init__(self, root: Path, options: tuple[str, ...]):
        self.root, self.port = root, free_port()
        self.log = root.parent / f"serve-{self.port}.log"
        with open(self.log, "w", encoding="utf-8") as out:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "mkdocs", "serve", *options, "-a", f"127.0.0.1:{self.port}"],
                cwd=root, env={**os.environ, **MKDOCS_ENV}, stdout=out, stderr=subprocess.STDOUT,
                start_new_session=True)
        self.base = f"http://127.0.0.1:{self.port}/"

    def builds(self) -> list[Build]:
        return builds_in(self.log.read_text(encoding="utf-8", errors="replace"))

    def wait(self, path: str, text: str, builds_at_least: int) -> float:
        """Seconds until `path` shows `text` and the log has `builds_at_least` builds."""
        started = time.perf_counter()
        while time.perf_counter() - started < TIMEOUT_S:
            if self.proc.poll() is not None:
                raise SystemExit(f"mkdocs serve died:\n{self.log.read_text()[-2000:]}")
            if len(self.builds()) >= builds_at_least and text in _get(self.base + path):
                return time.perf_counter() - started
            time.sleep(0.1)
        raise SystemExit(f"{path} did not show {text!r} within {TIMEOUT_S} s")

    def stop(self) -> None:
        stop(self.proc)


def stop(proc: subprocess.Popen) -> None:
    """Stop `mkdocs serve` as Ctrl+C does (it then removes its temporary folders), or kill it."""
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGINT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=20)


@contextmanager
def serving(root: Path, options: tuple[str, ...]):
    server = Server(root, options)
    try:
        server.wait(CITY_URL, "石家庄", 1)
        yield server
    finally:
        server.stop()


def edit_and_time(server: Server, path: Path, old: str, new: str, url: str, marker: str) -> tuple[Build, float]:
    """Replace `old` by `new` in `path`; return (the build it caused, seconds until `url` shows
    `marker`). The file is restored afterwards, and that rebuild awaited."""
    original = path.read_text(encoding="utf-8")
    assert old in original, f"{old!r} not in {path}"
    count = len(server.builds())
    started = time.perf_counter()
    path.write_text(original.replace(old, new, 1), encoding="utf-8")
    server.wait(url, marker, count + 1)
    seen = time.perf_counter() - started
    rebuild = server.builds()[count]
    path.write_text(original, encoding="utf-8")
    server.wait(url, "", count + 2)
    return rebuild, seen


def _city_edit(server: Server, n: int) -> tuple[Build, float]:
    city = server.root / CITY_FILE
    agency = re.search(r"(?m)^agency: (.+)$", city.read_text(encoding="utf-8")).group(1).strip()
    marker = f"{agency}（第{n}次）"
    return edit_and_time(server, city, f"agency: {agency}", f"agency: {marker}", CITY_URL, marker)


def _template_edit(server: Server, n: int) -> tuple[Build, float]:
    template = server.root / "templates" / "city.md.j2"
    text = template.read_text(encoding="utf-8")
    marker = f"<!-- bench-{n} -->"
    return edit_and_time(server, template, text, text + "\n" + marker + "\n", OTHER_URL, marker)


def _median(pairs: list[tuple[Build, float]]) -> tuple[float, float, int]:
    """Median rebuild seconds, median seconds until seen, most pages rendered."""
    return (statistics.median(b.seconds for b, _ in pairs), statistics.median(s for _, s in pairs),
            max(b.rendered for b, _ in pairs))


def summary(repeat: int, full_build: float, plain: tuple, dirty: tuple, template: tuple) -> list[str]:
    """The report: each of plain/dirty/template is a `_median` result."""
    def row(label: str, m: tuple) -> str:
        return f"{label:<44}{m[0]:6.1f} s, {m[2]:3d} pages rendered (seen after {m[1]:.1f} s)"

    return [
        f"median of {repeat} edits each",
        f"{'full `mkdocs build --strict`:':<44}{full_build:6.1f} s (wall time, subprocess)",
        row("serve, one-city edit (no --dirty):", plain),
        row("serve --dirty (make serve), one-city edit:", dirty),
        row("serve --dirty, template edit:", template),
        f"one-city edit under make serve vs full build: {dirty[0] / full_build:.2f}x; "
        f"vs the non-incremental serve rebuild: {dirty[0] / plain[0]:.2f}x",
    ]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--tiny", action="store_true", help="one province, one edit each: does it run?")
    args = parser.parse_args(argv)
    if args.tiny:
        args.repeat = 1
    with tempfile.TemporaryDirectory(prefix="bench-preview-") as tmp:
        root = copy_project(Path(tmp) / "project", TINY_PROVINCE if args.tiny else None)
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(Path(tmp) / "site")],
                       cwd=root, env={**os.environ, **MKDOCS_ENV}, check=True)
        full_build = time.perf_counter() - started

        with serving(root, ("--livereload",)) as server:
            plain = _median([_city_edit(server, n) for n in range(args.repeat)])
        with serving(root, ("--dirty", "--livereload")) as server:
            dirty = _median([_city_edit(server, n) for n in range(args.repeat)])
            template = _median([_template_edit(server, n) for n in range(args.repeat)])

    for line in summary(args.repeat, full_build, plain, dirty, template):
        print(line)


if __name__ == "__main__":
    main(sys.argv[1:])
