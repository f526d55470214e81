"""Options and the fixtures shared by the whole suite: the real site, built once per session
with `mkdocs build --strict` (site, browser and deploy tests all read it), and one Debian
Chromium for every browser test (Playwright's sync API allows one instance per process).
Other fixtures belong next to their tests."""

import time
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright
from site_build import REPORT, BuiltSite, mkdocs_build

from sitegen.calendar_module import refresh_if_stale
from sitegen.places_module import refresh_if_stale as refresh_places_if_stale

# The calculators read the calendar compiled from data/calendar/ (and the planner the places
# compiled from data/); an edit is compiled before any test imports them (a problem in the data
# is reported by tests/data).
refresh_if_stale()
refresh_places_if_stale()


def pytest_addoption(parser):
    parser.addoption(
        "--update-goldens",
        action="store_true",
        default=False,
        help="rewrite the golden files (tests/site/golden/) from the current output instead of comparing",
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> BuiltSite:
    site = tmp_path_factory.mktemp("site")
    start = time.perf_counter()
    proc = mkdocs_build(site)
    seconds = time.perf_counter() - start
    assert proc.returncode == 0, f"mkdocs build --strict failed:\n{proc.stdout}\n{proc.stderr}"
    REPORT["build"] = f"site build (mkdocs build --strict, all pages): {seconds:.1f} s"
    return BuiltSite(site, seconds)


@pytest.fixture(scope="session")
def public_site(built_site) -> Path:
    """The folder of the built public site (with its .gz/.br copies)."""
    return built_site.path


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # Nothing but the local server can be reached, whatever a page asks for.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


@pytest.fixture(scope="session")
def chromium() -> Browser:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
