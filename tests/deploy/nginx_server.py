"""Run Debian's nginx with deploy/nginx.conf and deploy/site.conf against a built site.

The configuration files are used as they are; only the listen port and the site folder are
substituted (the prefix folder gets a `site` link to the built site), so the tests exercise
exactly what production serves.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def nginx_serving(site: Path, workdir: Path):
    """Yield the base URL of nginx serving `site` with the production configuration."""
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
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            if proc.poll() is not None:
                raise RuntimeError(f"nginx exited: {(workdir / 'nginx.log').read_text()}")
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                time.sleep(0.05)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        log.close()
