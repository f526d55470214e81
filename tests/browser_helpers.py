"""Driving a calculator form the way a reader does: fill the inputs, press the submit button,
wait for the answer Python sent back (the form's `yb:result` event)."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from playwright.sync_api import Browser, Locator, Page

from calculators.holiday_calendar import DEFAULT as CALENDAR
from calculators.web import handle

FAST_RATE = 10_000  # web/calc.js: a page whose bytes arrived this fast (bytes/ms) fetches the memory snapshot


def choose_snapshot(page: Page, fast: bool) -> None:
    """From the next navigation on, make calc.js see the page arrive fast (fetch the snapshot) or
    slow (do not): the page's timing entries are replaced, as tools/bench_browser.py does."""
    from tools.bench_browser import FORCE  # noqa: PLC0415 - only the loading tests need it

    page.add_init_script(f"({FORCE})({1 if fast else 1000})")

READY_TIMEOUT_MS = 60_000
# The built site counts on the project's calendar, which always estimates the year after its last
# official one: an acceptance late in December reaches into it, whichever notices are out.
ESTIMATED = CALENDAR.estimated_year
LATE_DECEMBER = f"{ESTIMATED - 1}-12-20"  # 10 + 5 working days from here end in the estimated year
NEW_YEAR = f"{ESTIMATED}-01-01"  # 元旦 of the estimated year, a day the law fixes
# Schemes that never leave the machine: the page itself, blob: workers, data: URLs.
LOCAL_SCHEMES = {"file", "blob", "data"}


@dataclass
class Recorder:
    """Every request a page (and its workers) made, and the page's uncaught errors."""

    urls: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def foreign(self) -> list[str]:
        out = []
        for url in self.urls:
            parts = urlsplit(url)
            if parts.scheme in LOCAL_SCHEMES:
                continue
            if parts.scheme in ("http", "https") and parts.hostname == "127.0.0.1":
                continue
            out.append(url)
        return out

    def assert_clean(self) -> None:
        assert self.foreign() == [], f"requests to other hosts: {self.foreign()}"
        assert self.errors == [], f"uncaught errors in the page: {self.errors}"

    def loaded(self, name: str) -> bool:
        return any(urlsplit(url).path.endswith("/" + name) for url in self.urls)


def open_page(browser: Browser, url: str, **context_options) -> tuple[Page, Recorder]:
    context = browser.new_context(locale="zh-CN", **context_options)
    page = context.new_page()
    recorder = Recorder()
    page.on("request", lambda request: recorder.urls.append(request.url))
    page.on("pageerror", lambda error: recorder.errors.append(str(error)))
    page.goto(url)
    return page, recorder


def form(page: Page, calculator: str) -> Locator:
    return page.locator(f'form[data-calculator="{calculator}"]')


def fill(page: Page, calculator: str, fields: dict[str, str]) -> None:
    """Reset the form to its prefilled state, then type `fields` into the named inputs."""
    target = form(page, calculator)
    target.evaluate("f => f.reset()")
    for name, value in fields.items():
        field = target.locator(f'[name="{name}"]')
        kind = field.get_attribute("type")
        if kind == "checkbox":
            field.set_checked(value == "on")
        elif field.evaluate("e => e.tagName") == "SELECT":
            field.select_option(value)
        else:
            field.fill(value)


def submit(page: Page, calculator: str) -> dict:
    """Click the submit button; return {fields, payload} of the answer rendered."""
    target = form(page, calculator)
    target.evaluate(
        "f => { window.__ybLast = null;"
        " f.addEventListener('yb:result', e => { window.__ybLast = e.detail; }, {once: true}); }"
    )
    target.locator('button[type="submit"]').click()
    page.wait_for_function("() => window.__ybLast !== null", timeout=READY_TIMEOUT_MS)
    return page.evaluate("() => window.__ybLast")


def compute(page: Page, calculator: str, fields: dict[str, str]) -> dict:
    fill(page, calculator, fields)
    return submit(page, calculator)


def rendered_rows(page: Page, calculator: str) -> list[dict]:
    """The result rows as shown: label, visible text, and the datetime of a <time> if any."""
    return form(page, calculator).locator("[data-result] .yb-row").evaluate_all(
        """rows => rows.map(r => {
            const time = r.querySelector('dd time');
            return {label: r.querySelector('dt').textContent,
                    text: r.querySelector('dd').textContent,
                    datetime: time ? time.getAttribute('datetime') : null};
        })"""
    )


def status_texts_recorder(page: Page) -> None:
    """Start recording every text the loading status shows (read back with `status_texts`)."""
    page.evaluate(
        """() => {
            window.__ybStatus = [];
            const seen = (el) => {
                const text = el.querySelector('[data-status-text]').textContent;
                const bar = el.querySelector('progress');
                const entry = {text, hidden: el.hidden, progress: !!bar && !bar.hidden};
                const last = window.__ybStatus[window.__ybStatus.length - 1];
                if (!last || last.text !== entry.text || last.hidden !== entry.hidden) window.__ybStatus.push(entry);
            };
            document.querySelectorAll('[data-status]').forEach((el) => {
                new MutationObserver(() => seen(el)).observe(el, {subtree: true, childList: true, characterData: true, attributes: true});
            });
        }"""
    )


def status_texts(page: Page) -> list[dict]:
    return page.evaluate("() => window.__ybStatus")


def wait_ready(page: Page) -> dict:
    page.wait_for_function("() => window.__ybCalcMetrics && window.__ybCalcMetrics.ready !== null", timeout=READY_TIMEOUT_MS)
    return page.evaluate("() => window.__ybCalcMetrics")


def same_as_cpython(detail: dict, calculator: str) -> dict:
    """What CPython's calculators.web.handle answers for the fields the page sent; the page
    must have received exactly that from Pyodide."""
    expected = handle(calculator, detail["fields"])
    assert detail["payload"] == expected
    return expected


def assert_rows_shown(page: Page, calculator: str, expected: dict) -> None:
    """The result rows on screen are Python's rows, dates and estimates as <time datetime>."""
    shown = rendered_rows(page, calculator)
    assert [(r["label"], r["text"], r["datetime"]) for r in shown] == [
        (r["label"], r["text"] + r.get("detail", ""), r["value"] if r["type"] in ("date", "estimate") else None)
        for r in expected["rows"]
    ]


# An ISO date or month (YYYY-MM-DD, YYYY-MM) in text a reader sees.
ISO_TEXT = r"(?<![\d/.-])(?:19|20)\d{2}-(?:0[1-9]|1[0-2])(?:-\d{2})?(?!\d)"


def iso_in_visible_text(page: Page) -> list[str]:
    """The rendered text nodes of the page holding an ISO date or month, outside code examples
    (<code>, <pre>) and URLs shown as text (.yb-url); <time datetime> keeps ISO in its attribute."""
    return page.evaluate(
        """(pattern) => {
            const iso = new RegExp(pattern);
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            const found = [];
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const parent = node.parentElement;
                if (!parent || parent.closest("script, style, code, pre, noscript, template, .yb-url")) continue;
                if (parent.checkVisibility && !parent.checkVisibility()) continue;
                if (iso.test(node.textContent)) found.push(node.textContent.trim());
            }
            return found;
        }""",
        ISO_TEXT,
    )


def assert_no_iso_in_visible_text(page: Page) -> None:
    found = iso_in_visible_text(page)
    assert found == [], found
