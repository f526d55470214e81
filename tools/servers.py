"""Serving a folder on 127.0.0.1 for the tests and the benchmarks: the one place that starts a
local web server on a built site.

- `serve_folder(folder)`: Python's threaded static server (http.server) on a free port; it
  records the paths it was asked for, can add headers to every response (the production CSP),
  and can answer chosen file names with 503 or with other bytes (the loading tests' failures).
- `nginx_serving(site, workdir)`: Debian's nginx with deploy/nginx.conf and deploy/site.conf as
  they are (only the listen port and the site folder substituted), so what is tested or
  measured is exactly what production serves (brotli, cache headers, CSP).
"""

from __future__ import annotations

import functools
import http.server
import os
import pwd
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, proc: subprocess.Popen | None = None, timeout_s: float = 10.0) -> None:
    """Until something accepts connections on 127.0.0.1:`port` (or `proc` exits: RuntimeError)."""
    deadline = time.monotonic() + timeout_s
    while True:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"the server exited with status {proc.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


@dataclass
class Served:
    """A running static server: `base` is "http://127.0.0.1:PORT/"; `seen` the request paths
    it received; `failing` file names it answers with 503; `replaced` file names it answers with
    other bytes (both may be changed while it runs)."""

    base: str
    seen: list[str] = field(default_factory=list)
    failing: set[str] = field(default_factory=set)
    replaced: dict[str, bytes] = field(default_factory=dict)

    def url(self, path: str = "") -> str:
        return self.base + path.lstrip("/")


class _Handler(http.server.SimpleHTTPRequestHandler):
    served: Served
    headers_added: dict[str, str]

    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        pass

    def end_headers(self):
        for name, value in self.headers_added.items():
            self.send_header(name, value)
        super().end_headers()

    def do_GET(self):
        self.served.seen.append(self.path)
        name = Path(urlsplit(self.path).path).name
        if name in self.served.failing:
            self.send_error(503, "unavailable (test)")
            return
        if name in self.served.replaced:
            body = self.served.replaced[name]
            self.send_response(200)
            self.send_header("Content-Type", "application/octet-stream")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()


@contextmanager
def serve_folder(folder: Path, headers: dict[str, str] | None = None) -> Iterator[Served]:
    """Python's threaded static server for `folder` on 127.0.0.1 (a free port), adding `headers`
    to every response."""
    served = Served("")
    handler = type("Handler", (_Handler,), {"served": served, "headers_added": dict(headers or {})})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    served.base = f"http://127.0.0.1:{httpd.server_port}/"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield served
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


@contextmanager
def nginx_serving(site: Path, workdir: Path) -> Iterator[str]:
    """Yield the base URL (http://127.0.0.1:PORT, no trailing slash) of nginx serving `site`
    with the production configuration; its log is `workdir`/nginx.log."""
    port = free_port()
    prefix = workdir / "nginx-prefix"
    (prefix / "deploy").mkdir(parents=True)
    (prefix / "build" / "nginx").mkdir(parents=True)
    (prefix / "site").symlink_to(site.resolve())
    for name in ("nginx.conf", "security-headers.conf"):
        shutil.copy(DEPLOY / name, prefix / "deploy" / name)
    conf = (DEPLOY / "site.conf").read_text()
    assert "listen 127.0.0.1:8080;" in conf
    (prefix / "deploy" / "site.conf").write_text(conf.replace("127.0.0.1:8080", f"127.0.0.1:{port}"))
    # Test folders are private to the user running the suite, so the workers run as that user
    # (production workers run as the distribution's unprivileged user and read a public root).
    user = f"user {pwd.getpwuid(os.geteuid()).pw_name};" if os.geteuid() == 0 else ""
    log = (workdir / "nginx.log").open("wb")
    proc = subprocess.Popen(
        ["nginx", "-p", f"{prefix}/", "-c", "deploy/nginx.conf", "-g", f"daemon off; {user}"],
        stdout=log, stderr=subprocess.STDOUT,
    )
    try:
        try:
            wait_for_port(port, proc)
        except RuntimeError:
            raise RuntimeError(f"nginx exited: {(workdir / 'nginx.log').read_text()}") from None
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        log.close()
