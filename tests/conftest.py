"""Options and the fixtures shared by the whole suite: the real site, built once per session
with `mkdocs build --strict` (site, browser, deploy and e2e tests all read it) and served on
127.0.0.1; the offline bundle, made once as `make offline` makes it (e2e tests and the tiny
benchmarks); both built in the background from the session's start (tests/site_build.py); and
one Debian Chromium for every browser test (Playwright's sync API allows one instance per
process). Other fixtures belong next to their tests."""

from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright
from site_build import REPORT, Builds, BuiltSite, OfflineBundle

from tools.servers import Served, serve_folder


def pytest_collection_modifyitems(items):
    """Tests marked `measures` run last: by then the background jobs (tests/site_build.py) are done
    and their verdict does not wait for, or compete with, a build. A test that uses a background
    build or a browser is marked `slow`, which `make check` leaves out."""
    slow_fixtures = PUBLIC_FIXTURES | OFFLINE_FIXTURES | BENCHMARK_FIXTURES | PROJECT_FIXTURES | {"chromium", "site_server"}
    for item in items:
        if slow_fixtures & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)
    last = [item for item in items if item.get_closest_marker("measures")]
    if last:
        items[:] = [item for item in items if not item.get_closest_marker("measures")] + last


def pytest_addoption(parser):
    parser.addoption(
        "--update-goldens",
        action="store_true",
        default=False,
        help="rewrite the golden files (tests/site/golden/) from the current output instead of comparing",
    )


PUBLIC_FIXTURES = {"built_site", "public_site"}
OFFLINE_FIXTURES = {"offline_bundle"}
BENCHMARK_FIXTURES = {"tiny_benchmarks"}
PROJECT_FIXTURES = {"project_copy"}


@pytest.fixture(scope="session", autouse=True)
def site_builds(request, tmp_path_factory) -> Builds:
    """Starts, when the session begins, the background jobs its selected tests will ask for."""
    wanted = set().union(*(item.fixturenames for item in request.session.items))
    builds = Builds(tmp_path_factory.mktemp("builds"), public=bool(wanted & PUBLIC_FIXTURES),
                    offline=bool(wanted & OFFLINE_FIXTURES), benchmarks=bool(wanted & BENCHMARK_FIXTURES),
                    project=bool(wanted & PROJECT_FIXTURES))
    yield builds
    builds.stop()


@pytest.fixture(scope="session")
def built_site(site_builds) -> BuiltSite:
    site = site_builds.site()
    REPORT["build"] = f"site build (mkdocs build --strict, all pages, in the background): {site.seconds:.1f} s"
    return site


@pytest.fixture(scope="session")
def public_site(built_site) -> Path:
    """The folder of the built public site (with its .gz/.br copies)."""
    return built_site.path


@pytest.fixture(scope="session")
def offline_bundle(site_builds) -> OfflineBundle:
    """The offline zip made as `make offline` makes it, unzipped in a temporary folder."""
    bundle = site_builds.offline()
    REPORT["offline"] = (
        f"offline bundle: {bundle.zip_bytes / 1e6:.1f} MB zip ({bundle.zip_bytes} bytes); "
        f"OFFLINE=true mkdocs build {bundle.build_seconds:.1f} s, offline_bundle.py {bundle.bundle_seconds:.1f} s"
    )
    return bundle


@pytest.fixture(scope="session")
def tiny_benchmarks(site_builds) -> dict[str, str]:
    """What each benchmark of `make bench` printed in its tiny mode, by file name (run in the
    background after the two builds, whose results bench_browser.py reuses)."""
    return site_builds.benchmarks()


@pytest.fixture(scope="session")
def project_copy(site_builds) -> Path:
    """A copy of the repository (河北's cities) with its Pyodide build made, for a test that edits
    it under `mkdocs serve` (tests/e2e/test_calendar_edit.py)."""
    return site_builds.project()


@pytest.fixture(scope="session")
def site_server(public_site) -> Served:
    """The public site served by Python's static server on 127.0.0.1 (tools/servers.py); `seen`
    lists the paths requested. (nginx with the production configuration: tests/deploy.)"""
    with serve_folder(public_site) as served:
        yield served


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


def pytest_terminal_summary(terminalreporter):
    if REPORT:
        terminalreporter.section("site")
        for line in REPORT.values():
            terminalreporter.write_line(line)
