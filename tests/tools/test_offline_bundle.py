"""tools/offline_bundle.py without a browser: what it refuses to bundle, and the zip's layout.
(The unzipped bundle is opened from file:// in tests/browser/test_offline_zip.py.)"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from tools import offline_bundle

ROOT = Path(__file__).resolve().parents[2]


def test_missing_index_is_refused(tmp_path):
    with pytest.raises(offline_bundle.BundleError, match="index.html not found"):
        offline_bundle.stage(tmp_path, tmp_path / "out")


def test_external_resources_are_refused(tmp_path):
    (tmp_path / "index.html").write_text('<link rel="stylesheet" href="https://cdn.example.com/x.css">', encoding="utf-8")
    with pytest.raises(offline_bundle.BundleError, match="other hosts"):
        offline_bundle.stage(tmp_path, tmp_path / "out")


def test_stale_calculator_version_is_refused(tmp_path):
    (tmp_path / "index.html").write_text('<div class="yb-calculators" data-calc-version="0123456789ab"></div>', encoding="utf-8")
    with pytest.raises(offline_bundle.BundleError, match="0123456789ab"):
        offline_bundle.stage(tmp_path, tmp_path / "out")


@pytest.mark.parametrize(
    "html",
    [
        '<script src="https://cdn.example.com/a.js"></script>',
        '<img src="//example.com/a.png">',
        '<link href="https://fonts.example.com/css" rel="stylesheet">',
    ],
)
def test_external_resource_patterns(tmp_path, html):
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    assert len(offline_bundle.external_resources(tmp_path)) == 1


def test_links_the_reader_follows_are_allowed(tmp_path):
    (tmp_path / "page.html").write_text('<a href="https://www.nhsa.gov.cn/">国家医保局</a>', encoding="utf-8")
    assert offline_bundle.external_resources(tmp_path) == []


def test_zip_has_one_top_folder_and_fixed_times(tmp_path):
    folder = tmp_path / "site"
    (folder / "sub").mkdir(parents=True)
    (folder / "index.html").write_text("首页", encoding="utf-8")
    (folder / "sub" / "a.txt").write_text("a", encoding="utf-8")
    first = offline_bundle.write_zip(folder, tmp_path / "one.zip").read_bytes()
    second = offline_bundle.write_zip(folder, tmp_path / "two.zip").read_bytes()
    assert first == second
    with zipfile.ZipFile(tmp_path / "one.zip") as archive:
        assert archive.namelist() == ["yibao-offline/index.html", "yibao-offline/sub/a.txt"]
