"""The end-to-end tests drive the real site in Chromium. Their builds and servers are
tests/conftest.py's (`site_server`, `offline_bundle`, shared with the site's search tests and the
tiny benchmarks); the preview server of tests/e2e/test_preview_server.py has its own fixture
there. Here: the lines they add to pytest's terminal summary.
"""

from __future__ import annotations

from e2e_support import REPORT


def pytest_terminal_summary(terminalreporter):
    if REPORT:
        terminalreporter.section("end-to-end")
        for line in REPORT.values():
            terminalreporter.write_line(line)
