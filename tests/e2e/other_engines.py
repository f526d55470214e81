"""Driving the calculators in three engines with one in-page script: Chromium (Playwright),
Firefox ESR (puppeteer-core over WebDriver BiDi, tests/e2e/firefox_page.mjs) and WebKitGTK
(WebKitWebDriver + MiniBrowser under xvfb-run, through Selenium). Debian packages only, no
browser download. Firefox's and WebKit's every request goes through tests/e2e/recording_proxy.py;
Chromium's are recorded by Playwright.

`SCENARIO` answers the transfer-deadline form (2026-02-10) and then sends the late-fee form with
an invalid amount, the way a reader does (focus, type, press 计算); it returns what each form
received from Python and what it shows.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path

from tools.servers import free_port

ROOT = Path(__file__).resolve().parents[2]
FIREFOX_PAGE = Path(__file__).with_name("firefox_page.mjs")
WEBKIT_DRIVER = "/usr/bin/WebKitWebDriver"
MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser"
CHROMIUM = "/usr/bin/chromium"
TIMEOUT_S = 150

SCENARIO = r"""async () => {
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  async function until(test, ms) {
    const end = Date.now() + ms;
    while (Date.now() < end) { const v = test(); if (v) return v; await sleep(50); }
    return null;
  }
  const failure = () => {
    const el = document.querySelector("[data-status].yb-status-failed");
    return el && !el.hidden ? el.querySelector("[data-status-text]").textContent : null;
  };
  async function compute(name, fields) {
    const f = document.querySelector(`form[data-calculator="${name}"]`);
    f.reset();
    let detail = null;
    f.addEventListener("yb:result", (e) => { detail = e.detail; }, { once: true });
    for (const [k, v] of Object.entries(fields)) {
      const el = f.elements[k];
      el.focus();
      el.value = v;
      el.dispatchEvent(new Event("input", { bubbles: true }));
    }
    f.querySelector('button[type="submit"]').click();
    await until(() => detail || failure(), 120000);
    if (!detail) return { failed: failure() || "no answer within 120 s" };
    const result = f.querySelector("[data-result]");
    const error = f.querySelector("[data-error]");
    return {
      fields: detail.fields, payload: detail.payload,
      shown: result.hidden ? null : result.textContent,
      error: error.hidden ? null : error.textContent,
      invalid: [...f.querySelectorAll('[aria-invalid="true"]')].map((e) => e.name),
      times: [...result.querySelectorAll("time")].map((t) => t.getAttribute("datetime")),
    };
  }
  const answer = await compute("transfer-deadline", { accepted: "2026-02-10" });
  const fieldError = answer.failed ? null : await compute("late-fee", { owed: "abc", days: "1" });
  const m = window.__ybCalcMetrics;
  return { answer, fieldError, href: location.href,
           metrics: m && { snapshot: m.snapshot, rate: m.rate, timings: m.timings } };
}"""


def run_chromium(browser_type, url: str, script: str = SCENARIO) -> dict:
    """Chromium records the requests of the page and its workers itself (Playwright), and reaches
    no host but 127.0.0.1 (--host-resolver-rules), as in the rest of the suite; its own background
    traffic is not the page's, so it does not go through the proxy."""
    browser = browser_type.launch(
        executable_path=CHROMIUM, headless=True,
        args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
              "--disable-sync", "--no-first-run", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"],
    )
    errors: list[str] = []
    requests: list[str] = []
    try:
        context = browser.new_context(locale="zh-CN")
        context.on("request", lambda r: requests.append(r.url))
        page = context.new_page()
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(url)
        value = page.evaluate(script)
    finally:
        browser.close()
    return {"value": value, "errors": errors, "requests": requests}


def run_firefox(url: str, proxy: str, script: str = SCENARIO) -> dict:
    arg = json.dumps({"url": url, "proxy": proxy, "script": script, "timeout": TIMEOUT_S * 1000})
    proc = subprocess.run(["node", str(FIREFOX_PAGE), arg], capture_output=True, text=True, timeout=TIMEOUT_S + 60,
                          cwd=ROOT)
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    assert lines, f"firefox_page.mjs failed:\n{proc.stdout}\n{proc.stderr}"
    return json.loads(lines[-1])


@contextmanager
def webkit_driver(proxy: str):
    """A Selenium session of MiniBrowser (WebKitGTK) on a virtual X display."""
    from selenium import webdriver
    from selenium.webdriver.common.proxy import Proxy, ProxyType
    from selenium.webdriver.remote.client_config import ClientConfig
    from selenium.webdriver.remote.remote_connection import RemoteConnection
    from selenium.webdriver.webkitgtk.options import Options

    port = free_port()
    proc = subprocess.Popen(["xvfb-run", "-a", WEBKIT_DRIVER, f"--port={port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.05)
        options = Options()
        options.binary_location = MINIBROWSER
        options.add_argument("--automation")
        options.proxy = Proxy({"proxyType": ProxyType.MANUAL, "httpProxy": proxy, "sslProxy": proxy, "noProxy": []})
        connection = RemoteConnection(client_config=ClientConfig(remote_server_addr=f"http://127.0.0.1:{port}"))
        driver = webdriver.Remote(command_executor=connection, options=options)
        try:
            driver.set_script_timeout(TIMEOUT_S)
            yield driver
        finally:
            driver.quit()
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=20)


def run_webkit(driver, url: str, script: str = SCENARIO) -> dict:
    driver.get(url)
    out = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "window.__ybErrors = [];"
        f"({script})().then((value) => done({{value}}), (err) => done({{value: null, errors: [String(err)]}}));"
    )
    out.setdefault("errors", [])
    return out
