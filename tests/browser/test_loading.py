"""When and how the Python runtime loads: never on page load or scrolling, on focus or input in a
calculator's field (not with the data saver on), with a Chinese progress indicator in megabytes;
on failure a Chinese message and a 重试 button that works once the network is back. Plus
keyboard use and a phone layout."""

from __future__ import annotations

import re

import pytest

from browser_helpers import (FAST_RATE, choose_snapshot, compute, fill, form, status_texts, status_texts_recorder, submit,
                             wait_ready)

from sitegen.pages.forms import CALCULATOR_SECTIONS, forms_in

pytestmark = pytest.mark.browser

STEPS = ["下载运行环境", "启动 Python", "加载计算器"]


def _step_order(texts: list[dict]) -> list[str]:
    order = []
    for entry in texts:
        for step in STEPS:
            if step in entry["text"] and (not order or order[-1] != step):
                order.append(step)
    return order


def test_nothing_loads_on_page_load(fresh_page):
    page, recorder = fresh_page()
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(1000)
    assert not recorder.loaded("pyodide.asm.wasm")
    assert not recorder.loaded("pyodide.js")
    assert not recorder.loaded("worker.js")
    assert not any(url.startswith("blob:") for url in recorder.urls)
    assert page.evaluate("() => window.__ybCalcMetrics.requested") is None
    assert page.locator("[data-status]:visible").count() == 0
    recorder.assert_clean()


def test_first_interaction_loads_with_progress_steps(fresh_page):
    page, recorder = fresh_page()
    status_texts_recorder(page)
    form(page, "transfer-deadline").locator('[name="accepted"]').focus()
    metrics = wait_ready(page)
    assert recorder.loaded("pyodide.asm.wasm")
    texts = status_texts(page)
    assert _step_order(texts) == STEPS
    assert any(entry["progress"] and not entry["hidden"] for entry in texts)
    # Every calculator of the page shares the runtime and shows the same status.
    assert page.locator("[data-status]").count() == len(forms_in(CALCULATOR_SECTIONS))
    assert page.locator("[data-status]:visible").count() == 0  # hidden again once ready
    assert metrics["ready"] > metrics["requested"]
    recorder.assert_clean()


RUNTIME = ("worker.js", "pyodide.js", "pyodide.asm.js", "pyodide.asm.wasm", "python_stdlib.zip",
           "pyodide-lock.json", "pyodide-snapshot.bin")


def _runtime_requests(recorder) -> list[str]:
    return [url for url in recorder.urls
            if url.startswith("blob:") or url.endswith(".whl") or url.rsplit("/", 1)[-1] in RUNTIME]


def test_reading_and_scrolling_load_no_runtime(fresh_page):
    """A reader who scrolls past the calculators and clicks their text and buttons' surroundings,
    but never a field, downloads none of the runtime."""
    page, recorder = fresh_page()
    page.mouse.wheel(0, 4000)
    page.wait_for_timeout(300)
    target = form(page, "transfer-deadline")
    target.scroll_into_view_if_needed()
    target.locator("h3, h2, p").first.click()
    page.locator(".yb-privacy").click()
    page.mouse.wheel(0, -4000)
    page.wait_for_timeout(1500)
    assert page.evaluate("() => window.__ybCalcMetrics.requested") is None
    assert _runtime_requests(recorder) == []
    # Focus in a field is intent: now it loads.
    target.locator('[name="accepted"]').focus()
    wait_ready(page)
    assert recorder.loaded("pyodide.asm.wasm")
    recorder.assert_clean()


def test_input_starts_loading(fresh_page):
    page, recorder = fresh_page()
    form(page, "late-fee").locator('[name="owed"]').evaluate(
        "e => { e.value = '12'; e.dispatchEvent(new Event('input', {bubbles: true})); }")
    page.wait_for_function("() => window.__ybCalcMetrics.requested !== null", timeout=5000)
    wait_ready(page)
    recorder.assert_clean()


SAVE_DATA = "Object.defineProperty(Navigator.prototype, 'connection', {get() { return {saveData: true}; }});"


def test_data_saver_waits_for_the_submit(fresh_page):
    """With navigator.connection.saveData, focus and input do not download; 计算 does."""
    page, recorder = fresh_page()
    page.add_init_script(SAVE_DATA)
    page.reload()
    assert page.evaluate("() => navigator.connection.saveData") is True
    target = form(page, "transfer-deadline")
    target.locator('[name="accepted"]').fill("2026-02-10")
    page.wait_for_timeout(1500)
    assert page.evaluate("() => window.__ybCalcMetrics.requested") is None
    assert _runtime_requests(recorder) == []
    detail = submit(page, "transfer-deadline")
    assert detail["payload"]["raw"]["transfer_out_due"] == "2026-03-02"
    assert page.evaluate("() => window.__ybCalcMetrics.snapshot") is False  # saving data: no snapshot
    assert not recorder.loaded("pyodide-snapshot.bin")
    recorder.assert_clean()


def test_progress_in_megabytes_and_no_snapshot_on_a_slow_link(fresh_page):
    """Over a 30 Mbit/s link with a short round trip (home wifi) the page arrives quickly, but
    the snapshot would cost more than it saves: it is not fetched. The progress shows the
    megabytes done and the total, which is the size the page states."""
    page, recorder = fresh_page()
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions",
             {"offline": False, "latency": 20, "downloadThroughput": 30e6 / 8, "uploadThroughput": 10e6 / 8})
    page.reload()
    page.evaluate(
        """() => { window.__ybBytes = [];
            const el = document.querySelector('[data-status-bytes]');
            new MutationObserver(() => window.__ybBytes.push(el.textContent))
                .observe(el, {subtree: true, childList: true, characterData: true}); }"""
    )
    detail = compute(page, "transfer-deadline", {"accepted": "2026-02-10"})
    assert detail["payload"]["raw"]["transfer_out_due"] == "2026-03-02"
    metrics = page.evaluate("() => window.__ybCalcMetrics")
    assert metrics["rate"] < FAST_RATE and metrics["snapshot"] is False
    assert not recorder.loaded("pyodide-snapshot.bin")
    stated = re.search(r"下载约 (\d+\.\d) MB", page.locator(".yb-privacy").text_content()).group(1)
    shown = [re.fullmatch(r"已下载 (\d+\.\d) MB，共 (\d+\.\d) MB", t) for t in page.evaluate("() => window.__ybBytes") if t]
    assert shown and all(shown), page.evaluate("() => window.__ybBytes")
    assert {m.group(2) for m in shown} == {stated}
    done = [float(m.group(1)) for m in shown]
    assert done == sorted(done) and done[0] < done[-1]
    recorder.assert_clean()


@pytest.mark.parametrize("how", ["http-503", "network-abort"])
def test_failure_shows_message_and_retry_works(fresh_page, server, how):
    page, recorder = fresh_page()
    if how == "http-503":
        server.failing.add("pyodide.asm.wasm")
    else:
        page.route("**/pyodide.asm.wasm", lambda route: route.abort("connectionreset"))
    try:
        fill(page, "transfer-deadline", {"accepted": "2026-02-10"})
        target = form(page, "transfer-deadline")
        target.locator('button[type="submit"]').click()
        retry = target.locator("[data-retry]")
        retry.wait_for(state="visible", timeout=30_000)
        assert retry.text_content() == "重试"
        message = target.locator("[data-status-text]").text_content()
        assert message.startswith("计算器未能加载")
        assert "重试" in message
        assert target.locator("[data-result]").is_hidden()
        assert page.evaluate("() => window.__ybCalcMetrics.ready") is None
    finally:
        server.failing.clear()
        page.unroute("**/pyodide.asm.wasm")
    retry.click()
    wait_ready(page)
    # The submission made before the failure is answered once the runtime is there.
    target.locator('[data-result] time[datetime="2026-03-02"]').wait_for(timeout=30_000)
    assert retry.is_hidden()
    detail = compute(page, "transfer-deadline", {"accepted": "2026-04-28"})  # Example 6
    assert detail["payload"]["raw"]["transfer_in_due"] == "2026-05-21"
    assert [url for url in recorder.urls if url.endswith("/pyodide.asm.wasm")] != []
    recorder.assert_clean()


def test_keyboard_only(fresh_page):
    page, recorder = fresh_page()
    owed = form(page, "late-fee").locator('[name="owed"]')
    owed.focus()
    page.keyboard.type("3650.00")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.name") == "payer"
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.name") == "days"
    page.keyboard.type("45")
    page.evaluate(
        "() => { window.__ybLast = null; document.querySelector('form[data-calculator=\"late-fee\"]')"
        ".addEventListener('yb:result', e => { window.__ybLast = e.detail; }, {once: true}); }"
    )
    page.keyboard.press("Enter")  # implicit submission from a text field
    page.wait_for_function("() => window.__ybLast !== null", timeout=60_000)
    detail = page.evaluate("() => window.__ybLast")
    assert detail["payload"]["raw"]["fee"] == "82.13"  # worked example 2 (《社会保险法》第八十六条) (half up)
    recorder.assert_clean()


def test_phone_layout(fresh_page):
    page, recorder = fresh_page(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    widths = page.evaluate(
        """() => [...document.querySelectorAll('form[data-calculator] input:not([type=checkbox]), form[data-calculator] select')]
            .map(e => [e.name, e.getBoundingClientRect().width, e.closest('form').getBoundingClientRect().width])"""
    )
    for name, width, form_width in widths:
        assert width >= 0.95 * form_width, f"{name} is {width}px in a {form_width}px form"
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    modes = page.evaluate(
        "() => Object.fromEntries([...document.querySelectorAll('form[data-calculator] input')].map(e => [e.id, e.inputMode || e.type]))"
    )
    assert modes["yb-late-fee-owed"] == "decimal"
    assert modes["yb-late-fee-days"] == "numeric"
    assert modes["yb-transfer-deadline-accepted"] == "date"
    assert modes["yb-employee-gap-last-paid"] == "month"
    target = form(page, "transfer-deadline")
    target.locator('[name="accepted"]').tap()
    fill(page, "transfer-deadline", {"accepted": "2026-09-24"})
    detail = submit(page, "transfer-deadline")  # Example 5
    assert detail["payload"]["raw"]["transfer_out_due"] == "2026-10-15"
    # Every <input> has a visible label.
    unlabelled = page.evaluate(
        "() => [...document.querySelectorAll('form[data-calculator] input, form[data-calculator] select')]"
        ".filter(e => !e.labels || e.labels.length === 0).map(e => e.name)"
    )
    assert unlabelled == []
    recorder.assert_clean()


@pytest.mark.parametrize("how", ["garbage", "missing"])
def test_unusable_snapshot_falls_back_to_ordinary_start(fresh_page, server, how):
    if how == "garbage":
        server.replaced["pyodide-snapshot.bin"] = b"not a memory snapshot"
    else:
        server.failing.add("pyodide-snapshot.bin")
    try:
        page, recorder = fresh_page()
        choose_snapshot(page, fast=True)
        page.reload()
        detail = compute(page, "transfer-deadline", {"accepted": "2026-02-10"})
    finally:
        server.replaced.clear()
        server.failing.clear()
    assert detail["payload"]["raw"]["transfer_out_due"] == "2026-03-02"
    timings = page.evaluate("() => window.__ybCalcMetrics.timings")
    assert isinstance(timings["snapshot"], str)
    assert ("magic" if how == "garbage" else "HTTP 503") in timings["snapshot"]
    assert recorder.loaded("yibao_calculators-0.1.0-cp313-none-any.whl")
    recorder.assert_clean()
