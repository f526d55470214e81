"""tools/build_wheels.py (`make wheels`): the command line of sitegen.runtime.pyodide_build, runnable as
a script without editing sys.path (the package is installed editable by `make setup`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "tools" / "build_wheels.py"


def test_the_script_is_the_build_command_line():
    proc = subprocess.run([sys.executable, str(SCRIPT), "--help"], capture_output=True, text=True, cwd=ROOT / "tools")
    assert proc.returncode == 0, proc.stderr
    assert "--force" in proc.stdout


def test_the_script_holds_no_build_logic():
    text = SCRIPT.read_text(encoding="utf-8")
    assert "sys.path" not in text
    assert "from sitegen.runtime.pyodide_build import main" in text
