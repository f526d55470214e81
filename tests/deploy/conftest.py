"""Fixtures of the deploy checks: the built site (tests/conftest.py) served by Debian's nginx
with the production configuration, once for the whole session; and the audit lines (Lighthouse,
axe-core) added to pytest's terminal summary."""

from __future__ import annotations

import pytest
from deploy_checks import AUDITS

from tools.servers import nginx_serving


@pytest.fixture(scope="session")
def nginx(public_site, tmp_path_factory) -> str:
    """Base URL (http://127.0.0.1:<port>) of nginx serving the built site."""
    with nginx_serving(public_site, tmp_path_factory.mktemp("nginx")) as base:
        yield base


def pytest_terminal_summary(terminalreporter):
    if AUDITS:
        terminalreporter.section("audits")
        for key in sorted(AUDITS):
            terminalreporter.write_line(AUDITS[key])
