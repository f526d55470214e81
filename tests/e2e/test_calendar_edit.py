"""The editor's path when the State Council publishes next year's holidays, end to end on a copy
of the whole project (never the real data/; the cities of one province, 河北, so that each build
renders a tenth of the pages; its calendar as before the 2027 notice): `make serve` is running, the
editor writes data/calendar/2027.yaml with an official year (a made-up notice,
tests/calendar_fixture.py), and

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
from browser_helpers import compute
from calendar_fixture import ACCEPTED, IN_DUE, OFFICIAL_2027, OUT_DUE
from e2e_support import REPORT, ROOT, recording_context

from sitegen.site.preview import builds_in
from tools.bench_preview import stop
from tools.servers import free_port

pytestmark = pytest.mark.browser

CITY_URL = "cities/shijiazhuang/"
START_TIMEOUT_S = 300
CHANGE_TIMEOUT_S = 240


def python_env(root: Path) -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(root)}


@pytest.fixture(scope="module")
def project(project_copy) -> Path:
    """The copy of the repository (tests/site_build.py: 河北's cities, its own Pyodide build made
    in the background)."""
    return project_copy


def _deadlines(page) -> dict:
    raw = compute(page, "transfer-deadline", {"accepted": ACCEPTED})["payload"]["raw"]
    return {key: raw[key] for key in ("transfer_out_due", "transfer_in_due", "transfer_out_estimate")}


def wait_quiet(proc, log: Path, deadline: float, quiet_s: float = 1.5) -> None:
    """Until every build the server started has finished and nothing changed for `quiet_s`."""
    last, since = None, time.monotonic()
    while True:
        text = log.read_text(encoding="utf-8", errors="replace")
        state = (text.count("Building documentation"), text.count("Documentation built in"))
        if state != last:
            last, since = state, time.monotonic()
        elif state[0] == state[1] and time.monotonic() - since >= quiet_s:
            return
        assert proc.poll() is None and time.monotonic() < deadline, text[-3000:]
        time.sleep(0.1)


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
        # The recompiled calendar is itself a change under calculators/, so one more (empty)
        # build follows, and each build reloads the open tab: the answer is read in a new tab
        # once the server is quiet, never in one that a reload could navigate meanwhile.
        wait_quiet(proc, log, deadline)
        page.close()
        page = session.new_page()
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
    assert "已重新生成 calculators/calendar_data.py" in after_edit and "built build/pyodide" in after_edit
    REPORT["calendar"] = (f"calendar edit under make serve: rebuild {rebuild:.1f} s; "
                          f"edit → new answer in the browser {seconds:.1f} s")

    # The command line from the copy uses the edited year, with no command in between.
    cli = subprocess.run([sys.executable, "-m", "calculators", "transfer-deadline", "--accepted", ACCEPTED],
                         cwd=project, env=python_env(project), capture_output=True, text=True, check=True, timeout=120)
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
