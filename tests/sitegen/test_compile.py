"""sitegen.compile: every generated module of calculators/ from one command, and nothing else
writes them."""

import re
import subprocess
import sys
from pathlib import Path

from sitegen import compile as compile_stage

ROOT = Path(__file__).resolve().parents[2]


def test_every_generated_module_matches_the_data():
    """The drift test of all of them: `python -m sitegen compile` would change nothing."""
    outcomes = compile_stage.compile_all(ROOT / "data", write=False)
    assert [o.target.name for o in outcomes] == ["rules.py", "calendar_data.py", "places_data.py"]
    assert [(o.target.name, o.problems) for o in outcomes if not o.current or o.problems] == []


def test_calculators_never_import_sitegen():
    imports = re.compile(r"^\s*(from|import)\s+sitegen\b", re.MULTILINE)
    offenders = [p.relative_to(ROOT).as_posix() for p in (ROOT / "calculators").rglob("*.py")
                 if imports.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_a_data_edit_is_compiled_into_a_copy(tmp_path):
    """An edited calendar year reaches calendar_data.py; the other modules are left as they were."""
    data = tmp_path / "data"
    subprocess.run(["cp", "-r", str(ROOT / "data"), str(data)], check=True)
    target = tmp_path / "calculators"
    target.mkdir()
    for name in ("rules.py", "calendar_data.py", "places_data.py"):
        (target / name).write_text((ROOT / "calculators" / name).read_text(encoding="utf-8"), encoding="utf-8")
    year = data / "calendar" / "2026.yaml"
    year.write_text(year.read_text(encoding="utf-8").replace("  - 2026-10-10", "  - 2026-10-11"), encoding="utf-8")
    outcomes = {o.target.name: o for o in compile_stage.compile_all(data, target)}
    assert [name for name, o in outcomes.items() if not o.current] == ["calendar_data.py"]
    assert "'2026-10-11'" in (target / "calendar_data.py").read_text(encoding="utf-8")


def test_a_problem_keeps_the_last_good_module_and_names_the_line(tmp_path, capsys):
    data = tmp_path / "data"
    subprocess.run(["cp", "-r", str(ROOT / "data"), str(data)], check=True)
    (data / "calendar" / "2026.yaml").write_text("year: 2026\nstatus: nonsense\n", encoding="utf-8")
    code = compile_stage.main(data, only_check=True)
    out = capsys.readouterr().out
    assert code == 1
    assert "data/calendar/2026.yaml:2" in out and "calculators/calendar_data.py（工作日日历）未重新生成" in out


def test_the_command_answers_help():
    proc = subprocess.run([sys.executable, "-m", "sitegen", "compile", "--help"], capture_output=True, text=True,
                          cwd=ROOT, timeout=60)
    assert proc.returncode == 0 and "--check" in proc.stdout
