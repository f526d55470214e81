"""tools/bench_preview.py: the project copy it serves, and its report (the servers themselves are
exercised by tests/e2e/test_preview_server.py, which uses the same copy and stop)."""

from __future__ import annotations

from pathlib import Path

from sitegen.site.preview import Build
from tools import bench_preview

ROOT = Path(__file__).resolve().parents[2]


def test_copy_names_the_hook_by_absolute_path(tmp_path):
    root = bench_preview.copy_project(tmp_path / "project")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    assert f"- {ROOT / 'sitegen' / 'site' / 'hook.py'}" in config
    assert (root / bench_preview.CITY_FILE).is_file()
    assert (root / "templates" / "city.md.j2").is_file()


def test_median_and_report():
    plain = bench_preview._median([(Build(2, 373, 13.0), 13.4), (Build(3, 373, 14.0), 14.2), (Build(4, 373, 12.0), 12.5)])
    dirty = bench_preview._median([(Build(2, 1, 1.8), 2.2), (Build(3, 2, 2.0), 2.4), (Build(4, 1, 1.6), 2.0)])
    assert plain == (13.0, 13.4, 373) and dirty == (1.8, 2.2, 2)
    lines = bench_preview.summary(3, 24.0, plain, dirty, (12.0, 12.5, 337))
    assert lines[0] == "median of 3 edits each"
    assert "1.8 s,   2 pages rendered (seen after 2.2 s)" in lines[3]
    assert lines[-1] == ("one-city edit under make serve vs full build: 0.07x; "
                         "vs the non-incremental serve rebuild: 0.14x")
