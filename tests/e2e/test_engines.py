"""The calculators in Chromium, Firefox ESR and WebKitGTK: over HTTP from the real
site behind the production nginx configuration (CSP and brotli included), and the offline bundle
from file:// in every engine where README.md says it works. One correct answer and one field
error each, compared with what CPython's calculators answer; every request goes through a
recording proxy and one to any host but the local server fails the test."""

from __future__ import annotations

import pytest
from other_engines import run_chromium, run_firefox, run_webkit, webkit_driver
from recording_proxy import foreign, recording_proxy

from calculators.web import handle
from tools.servers import nginx_serving

pytestmark = pytest.mark.browser

CITY_HTTP = "cities/shijiazhuang/"
CITY_FILE = "cities/shijiazhuang.html"
ENGINES = ["chromium", "firefox", "webkit"]
# Engines the offline bundle is claimed to work in from file:// (README.md): all three (WebKit
# since the worker stopped reading a Blob's stream, which WebKit refuses from file://).
OFFLINE_ENGINES = ENGINES


@pytest.fixture(scope="module")
def nginx_site(public_site, tmp_path_factory):
    with nginx_serving(public_site, tmp_path_factory.mktemp("engines-nginx")) as base:
        yield base + "/"


def _run(engine: str, url: str, proxy: str, chromium) -> dict:
    if engine == "chromium":
        # Playwright's sync API allows one instance per process: launch through the session's.
        return run_chromium(chromium.browser_type, url)
    if engine == "firefox":
        return run_firefox(url, proxy)
    with webkit_driver(proxy) as driver:
        return run_webkit(driver, url)


def _check(out: dict) -> None:
    assert out["errors"] == [], out["errors"]
    value = out["value"]
    answer, error = value["answer"], value["fieldError"]
    assert "failed" not in answer, answer
    assert answer["payload"] == handle("transfer-deadline", answer["fields"])
    assert answer["payload"]["raw"]["transfer_out_due"] == "2026-03-02"  # worked example 4 (医保办发〔2021〕43号)
    assert "2026-03-02" in answer["times"] and answer["error"] is None
    assert error["payload"] == handle("late-fee", error["fields"])
    assert error["payload"]["error"]["field"] == "owed"
    assert error["error"] == error["payload"]["error"]["message"] and error["invalid"] == ["owed"]
    assert error["shown"] is None


@pytest.mark.parametrize("engine", ENGINES)
def test_over_http_behind_nginx(engine, nginx_site, chromium):
    with recording_proxy(nginx_site) as (proxy, seen):
        out = _run(engine, nginx_site + CITY_HTTP, proxy, chromium)
    _check(out)
    assert out["value"]["href"].startswith(nginx_site)  # not upgraded to https
    seen = seen + [u for u in out.get("requests", []) if not u.startswith(("blob:", "data:"))]
    assert foreign(seen, nginx_site) == [], sorted(set(foreign(seen, nginx_site)))
    assert any(url.endswith("/runtime/pyodide.asm.wasm") for url in seen)


@pytest.mark.parametrize("engine", OFFLINE_ENGINES)
def test_offline_bundle_from_disk(engine, offline_bundle, chromium):
    url = (offline_bundle.folder / CITY_FILE).as_uri()
    with recording_proxy("") as (proxy, seen):
        out = _run(engine, url, proxy, chromium)
    _check(out)
    assert out["value"]["metrics"]["snapshot"] is None or out["value"]["metrics"]["snapshot"] is False
    seen = seen + [u for u in out.get("requests", []) if not u.startswith(("blob:", "data:", "file:"))]
    assert seen == []  # from disk, nothing at all goes to the network


# The city chooser in every engine. The reader types into the planner's 转入地 (input
# events, as a keyboard sends them), the list box opens with its offers, ArrowDown highlights the
# first (aria-activedescendant) and Enter takes it.
CHOOSER = r"""async () => {
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  async function until(test, ms) {
    const end = Date.now() + ms;
    while (Date.now() < end) { const v = test(); if (v) return v; await sleep(50); }
    return null;
  }
  const input = await until(() => document.querySelector('form[data-calculator="plan"] [name="to"][role="combobox"]'), 20000);
  if (!input) return { failed: "no combobox" };
  const list = document.getElementById(input.getAttribute("aria-controls"));
  const key = (k) => input.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true, cancelable: true }));
  async function pick(text) {
    input.focus();
    input.value = text;
    input.dispatchEvent(new Event("input", { bubbles: true }));
    if (!await until(() => !list.hidden && list.children.length, 20000)) return { failed: "no offers for " + text };
    const offered = [...list.querySelectorAll('[role="option"]')].map((o) => o.querySelector(".yb-chooser-name").textContent);
    const expanded = input.getAttribute("aria-expanded");
    key("ArrowDown");
    const active = document.getElementById(input.getAttribute("aria-activedescendant") || "-");
    const highlighted = active ? active.querySelector(".yb-chooser-name").textContent : null;
    key("Enter");
    const out = { offered, expanded, highlighted, value: input.value, closed: list.hidden,
                  after: input.getAttribute("aria-expanded") };
    input.blur();
    return out;
  }
  return { bj: await pick("bj"), beijing: await pick("beijing"), chongqing: await pick("chongqing"),
           dali: await pick("大理州"), role: input.getAttribute("role"), listRole: list.getAttribute("role") };
}"""


def _run_script(engine: str, url: str, proxy: str, chromium, script: str) -> dict:
    if engine == "chromium":
        return run_chromium(chromium.browser_type, url, script)
    if engine == "firefox":
        return run_firefox(url, proxy, script)
    with webkit_driver(proxy) as driver:
        return run_webkit(driver, url, script)


def _check_chooser(out: dict) -> None:
    assert out["errors"] == [], out["errors"]
    value = out["value"]
    assert value["role"] == "combobox" and value["listRole"] == "listbox", value
    for typed in ("bj", "beijing"):
        picked = value[typed]
        assert "failed" not in picked, picked
        assert picked["offered"][0] == "北京市" and picked["expanded"] == "true", (typed, picked)
        assert picked["highlighted"] == "北京市" and picked["value"] == "北京市", (typed, picked)
        assert picked["closed"] and picked["after"] == "false", (typed, picked)
    assert value["beijing"]["offered"] == ["北京市"]
    assert value["chongqing"]["value"] == "重庆市"  # 重 read as in the place name, chóng
    assert value["dali"]["value"] == "大理白族自治州"  # 州 typed or not


@pytest.mark.parametrize("engine", ENGINES)
def test_the_city_chooser_understands_pinyin_in_every_engine(engine, nginx_site, chromium):
    with recording_proxy(nginx_site) as (proxy, seen):
        out = _run_script(engine, nginx_site + "plan/", proxy, chromium, CHOOSER)
    _check_chooser(out)
    seen = seen + [u for u in out.get("requests", []) if not u.startswith(("blob:", "data:"))]
    assert foreign(seen, nginx_site) == [], sorted(set(foreign(seen, nginx_site)))
    assert any(url.endswith("/places.js") for url in seen)


@pytest.mark.parametrize("engine", OFFLINE_ENGINES)
def test_the_city_chooser_works_from_disk(engine, offline_bundle, chromium):
    url = (offline_bundle.folder / "plan.html").as_uri()
    with recording_proxy("") as (proxy, seen):
        out = _run_script(engine, url, proxy, chromium, CHOOSER)
    _check_chooser(out)
    seen = seen + [u for u in out.get("requests", []) if not u.startswith(("blob:", "data:", "file:"))]
    assert seen == []


def test_the_city_chooser_takes_real_keys_in_webkit(nginx_site):
    """WebKitGTK with WebDriver's own key presses (not events made by a script): typing 'beijing',
    ArrowDown and Enter take 北京市, and that Enter does not send the form."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    with recording_proxy(nginx_site) as (proxy, seen), webkit_driver(proxy) as driver:
        driver.get(nginx_site + "plan/")
        selector = 'form[data-calculator="plan"] [name="to"]'
        WebDriverWait(driver, 30).until(
            lambda d: d.find_element(By.CSS_SELECTOR, selector).get_attribute("role") == "combobox")
        field = driver.find_element(By.CSS_SELECTOR, selector)
        field.send_keys("beijing")
        listbox = driver.find_element(By.ID, field.get_attribute("aria-controls"))
        WebDriverWait(driver, 30).until(lambda d: listbox.is_displayed())
        offered = [o.text for o in listbox.find_elements(By.CSS_SELECTOR, '[role="option"] .yb-chooser-name')]
        field.send_keys(Keys.ARROW_DOWN)
        highlighted = field.get_attribute("aria-activedescendant")
        field.send_keys(Keys.ENTER)
        value, expanded = field.get_attribute("value"), field.get_attribute("aria-expanded")
        sent = driver.execute_script("return location.hash")
    assert offered == ["北京市"] and highlighted and value == "北京市" and expanded == "false"
    assert sent == ""  # Enter took the offer; the form was not sent
    assert foreign(seen, nginx_site) == []
