"""The offline zip of tools/offline_bundle.py, unzipped and opened from file:// in Chromium: the
calculators work without the raw runtime files and without any network request."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from browser_helpers import LOCAL_SCHEMES, compute, open_page

from tools import offline_bundle

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def unzipped(test_site, tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("offline")
    folder = offline_bundle.stage(test_site, work / "stage" / offline_bundle.TOP)
    archive = offline_bundle.write_zip(folder, work / "yibao-offline.zip")
    with zipfile.ZipFile(archive) as z:
        names = z.namelist()
        assert all(name.startswith(offline_bundle.TOP + "/") for name in names)
        z.extractall(work / "unzipped")
    return work / "unzipped" / offline_bundle.TOP


def test_bundle_leaves_out_what_file_urls_never_read(unzipped):
    calc = next((unzipped / "assets" / "calc").iterdir())
    assert not (calc / "runtime").exists() and not (calc / "wheels").exists()
    assert (calc / "embed" / "pyodide.asm.wasm.js").is_file()
    assert not list(unzipped.rglob("*.br")) and not list(unzipped.rglob("*.gz"))


def test_unzipped_bundle_computes_from_disk(browser, unzipped):
    page, recorder = open_page(browser, (unzipped / "index.html").as_uri())
    try:
        detail = compute(page, "transfer-deadline", {"accepted": "2026-09-24"})  # Example 5
        assert detail["payload"]["raw"]["transfer_in_due"] == "2026-10-22"
        assert page.locator('form[data-calculator="transfer-deadline"] [data-result] time[datetime="2026-10-15"]').count() == 1
        schemes = {url.split(":", 1)[0] for url in recorder.urls}
        assert schemes <= LOCAL_SCHEMES, recorder.urls
        recorder.assert_clean()
    finally:
        page.context.close()
