"""The editor's path when the State Council publishes next year's holidays, end to end on a copy
of the whole project (never the real data/; the cities of one province, 河北, so that each build
renders a tenth of the pages): `make serve` is running, the editor replaces
data/calendar/2027.yaml with an official year (a made-up notice, tests/calendar_fixture.py), and

- the open city page, after its live reload, answers with official dates where it gave estimates
  (the preview recompiled the calendar and rebuilt the calculators' wheel by itself);
- `python -m calculators` run from the copy answers the same, with no command in between;
- the copy's wheel, in real Pyodide under Node, answers the same.

The seconds from the edit to the new answer in the browser go to the terminal summary.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from calendar_fixture import ACCEPTED, IN_DUE, OFFICIAL_2027, OUT_DUE
from browser_helpers import compute
from e2e_support import REPORT, ROOT, recording_context

from sitegen.preview import builds_in
from tools.bench_preview import stop
from tools.bench_site import TINY_PROVINCE, only_province
from tools.servers import free_port

pytestmark = pytest.mark.browser

CITY_URL = "cities/shijiazhuang/"
START_TIMEOUT_S = 300
CHANGE_TIMEOUT_S = 240


# What `make wheels` and the session's builds left in build/: the Pyodide build (its inputs hash
# says whether the copy must rebuild it), the memory snapshots and the compressed copies, both
# cached by content. A clone where `make serve` ran before holds them too; without them the
# first preview build spends some 40 s remaking what did not change.
BUILD_CACHES = ("pyodide", "pyodide-snapshot", "precompressed")


def copy_repository(target: Path) -> Path:
    """Every file git knows of (tracked, or new and not ignored), the build caches, and
    node_modules as a link."""
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
    return target


def python_env(root: Path) -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(root)}


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = copy_repository(tmp_path_factory.mktemp("calendar-edit") / "project")
    # 河北's cities only (石家庄 among them): every build renders a tenth of the pages; the copy
    # compiles its planner's places from them, as it compiles its calendar.
    only_province(root / "data", TINY_PROVINCE)
    return root


def _deadlines(page) -> dict:
    raw = compute(page, "transfer-deadline", {"accepted": ACCEPTED})["payload"]["raw"]
    return {key: raw[key] for key in ("transfer_out_due", "transfer_in_due", "transfer_out_estimate")}


def test_publishing_a_year_turns_estimates_into_official_dates(project, chromium):
    port = free_port()
    log = project.parent / "serve.log"
    with open(log, "w", encoding="utf-8") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--livereload", "-a", f"127.0.0.1:{port}"],
            cwd=project, env=python_env(project), stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}/"
    session = recording_context(chromium)
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while not builds_in(log.read_text(encoding="utf-8", errors="replace")):
            assert proc.poll() is None and time.monotonic() < deadline, log.read_text()[-3000:]
            time.sleep(0.5)
        page = session.new_page()
        page.goto(base + CITY_URL)
        before = _deadlines(page)
        assert before["transfer_out_due"] is None and before["transfer_out_estimate"]["date"] == OUT_DUE

        # The editor's one step: the year's file, as the notice has it.
        before_edit = log.read_text(encoding="utf-8")
        builds = len(builds_in(before_edit))
        started = time.perf_counter()
        (project / "data" / "calendar" / "2027.yaml").write_text(OFFICIAL_2027, encoding="utf-8")
        deadline = time.monotonic() + CHANGE_TIMEOUT_S
        while len(builds_in(log.read_text(encoding="utf-8"))) <= builds:
            assert proc.poll() is None and time.monotonic() < deadline, log.read_text()[-3000:]
            time.sleep(0.25)
        page.goto(base + CITY_URL)
        after = _deadlines(page)
        seconds = time.perf_counter() - started
        assert after == {"transfer_out_due": OUT_DUE, "transfer_in_due": IN_DUE, "transfer_out_estimate": None}
        session.recorder.assert_clean()
    finally:
        session.close()
        stop(proc)
    rebuild = builds_in(log.read_text(encoding="utf-8"))[builds].seconds
    # The preview itself recompiled the calendar and rebuilt the wheel after the edit.
    after_edit = log.read_text(encoding="utf-8")[len(before_edit):]
    assert "calculators/calendar_data.py recompiled" in after_edit and "built build/pyodide" in after_edit
    REPORT["calendar"] = (f"calendar edit under make serve: rebuild {rebuild:.1f} s; "
                          f"edit → new answer in the browser {seconds:.1f} s")

    # The command line from the copy uses the edited year, with no command in between.
    cli = subprocess.run([sys.executable, "-m", "calculators", "transfer-deadline", "--accepted", ACCEPTED],
                         cwd=project, env=python_env(project), capture_output=True, text=True, check=True)
    answer = json.loads(cli.stdout)
    assert (answer["transfer_out_due"], answer["transfer_in_due"]) == (OUT_DUE, IN_DUE)
    assert answer["problems"] == [] and answer["calendar_years"][1] == 2027

    # The wheel the preview rebuilt answers the same inside Pyodide.
    vectors = project.parent / "vectors"
    vectors.mkdir()
    shutil.copy2(project / "tests" / "vectors" / "check.py", vectors / "check.py")
    row = {"name": "official-2027", "source": "tests/calendar_fixture.py (made up)",
           "args": ["transfer-deadline", "--accepted", ACCEPTED],
           "expect": {"transfer_out_due": OUT_DUE, "transfer_in_due": IN_DUE,
                      "transfer_out_estimate": None, "transfer_in_estimate": None, "problems": []}}
    (vectors / "official_2027.json").write_text(json.dumps({"calculator": "transfer-deadline", "about": "fixture",
                                                            "rows": [row]}), encoding="utf-8")
    node = subprocess.run(["node", str(project / "tests" / "pyodide" / "run_vectors.mjs"), str(vectors)],
                          capture_output=True, text=True, timeout=300)
    assert node.returncode == 0, node.stdout[-2000:] + node.stderr[-2000:]
    assert "1 passed, 0 failed" in node.stdout
