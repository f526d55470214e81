"""The second city page a reader opens costs no runtime bytes: behind the production nginx
configuration the versioned runtime is cached for a year (immutable), so the worker of the second
page gets every file from the browser's HTTP cache (Resource Timing's transferSize is 0)."""

from __future__ import annotations

import pytest
from browser_helpers import compute, open_page

pytestmark = pytest.mark.browser


def test_second_city_page_downloads_no_runtime(chromium, nginx):
    page, recorder = open_page(chromium, nginx + "/cities/shijiazhuang/")
    try:
        detail = compute(page, "late-fee", {"owed": "10000.00", "days": "30"})
        assert detail["payload"]["raw"]["fee"] == "150.00"  # worked example 1 (《社会保险法》第八十六条)
        first = page.evaluate("() => window.__ybCalcMetrics.timings.transfer")
        assert first["pyodide.asm.wasm"] > 1_000_000 and first["python_stdlib.zip"] > 100_000
        page.goto(nginx + "/cities/baoding/")
        detail = compute(page, "late-fee", {"owed": "3650.00", "days": "45"})
        assert detail["payload"]["raw"]["fee"] == "82.13"  # Example 2
        second = page.evaluate("() => window.__ybCalcMetrics.timings.transfer")
        assert set(second) >= {"pyodide.asm.wasm", "python_stdlib.zip", "pyodide.asm.js", "worker.js"}
        assert {name: n for name, n in second.items() if n} == {}, (first, second)
        recorder.assert_clean()
    finally:
        page.context.close()
