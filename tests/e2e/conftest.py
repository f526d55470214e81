"""Fixtures of the end-to-end tests, which drive the real site in Chromium:

- `site_server`: the public site (`public_site`, built once per session by tests/conftest.py)
  served by a local HTTP server on 127.0.0.1;
- `offline_bundle`: the offline zip made once per session the way `make offline` makes it
  (OFFLINE=true mkdocs build --strict, then tools/offline_bundle.py), unzipped in a temporary
  folder.

The preview server of tests/e2e/test_preview_server.py has its own fixture there.
"""

from __future__ import annotations

import pytest
from e2e_support import REPORT, OfflineBundle, Served, make_offline_bundle, serve_folder


@pytest.fixture(scope="session")
def site_server(public_site) -> Served:
    with serve_folder(public_site) as served:
        yield served


@pytest.fixture(scope="session")
def offline_bundle(tmp_path_factory) -> OfflineBundle:
    bundle = make_offline_bundle(tmp_path_factory.mktemp("offline-bundle"))
    REPORT["offline"] = (
        f"offline bundle: {bundle.zip_bytes / 1e6:.1f} MB zip ({bundle.zip_bytes} bytes); "
        f"OFFLINE=true mkdocs build {bundle.build_seconds:.1f} s, offline_bundle.py {bundle.bundle_seconds:.1f} s"
    )
    return bundle


def pytest_terminal_summary(terminalreporter):
    if REPORT:
        terminalreporter.section("end-to-end")
        for line in REPORT.values():
            terminalreporter.write_line(line)
