"""Building the site in a subprocess, shared by the site fixtures, tests and nothing else; and
the lines the site checks add to pytest's terminal summary. (A module with a unique name: every
test folder has its own conftest.py.)"""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import threading
from contextlib import contextmanager
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MKDOCS = [sys.executable, "-m", "mkdocs"]
REPORT: dict[str, str] = {}  # lines for the terminal summary (build time, largest page)


@dataclass(frozen=True)
class BuiltSite:
    path: Path
    seconds: float


def mkdocs_build(site_dir: Path, config: Path = ROOT / "mkdocs.yml") -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [*MKDOCS, "build", "--strict", "-f", str(config), "-d", str(site_dir)],
        cwd=config.parent, env=env, capture_output=True, text=True, timeout=600,
    )




class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextmanager
def serving(folder: Path):
    """Yield the base URL of a plain static server for `folder` on 127.0.0.1 (a free port)."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=folder))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()
