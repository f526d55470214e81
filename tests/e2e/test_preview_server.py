"""The editor preview: `mkdocs serve --dirty --livereload` (what `make serve` runs) on a copy of
the project's configuration and data (the cities of one province, 河北: the same code paths on a
tenth of the pages), so the test never edits the real data/.

One city's YAML is edited, broken and fixed while the server runs, then a template is edited:

- edited: the page changes (polled over HTTP) and Chromium, which has the page open, reloads by
  itself (live reload); only the pages whose text changed are rendered again, and the search
  index still holds every page;
- broken: the page shows an error naming the file, the line and the field; the server stays up
  and other pages are still served;
- fixed: the page comes back;
- a template edited: every city page is rendered again, the unedited ones included.

The rebuild after the one-city edit (as the server logs it) is printed next to the full
`mkdocs build --strict` of the session (`built_site`). Every wait is bounded; the server is
stopped at the end.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
from e2e_support import REPORT, ROOT, recording_context
from playwright.sync_api import Error as PlaywrightError
from site_build import MKDOCS_ENV

from sitegen.site.preview import Build, builds_in
from tools.bench_preview import copy_project, stop  # shared with the benchmark
from tools.bench_site import TINY_PROVINCE
from tools.servers import free_port

pytestmark = pytest.mark.browser

CITY_FILE = Path("data") / "cities" / "130100.yaml"
CITY_URL = "cities/shijiazhuang/"
CODE_URL = "cities/130100/"  # where an unreadable file's error page goes (no slug to read)
OTHER_URL = "cities/baoding/"
START_TIMEOUT_S = 240
CHANGE_TIMEOUT_S = 150
SERVE_OPTIONS = ("--dirty", "--livereload")  # as in the Makefile's `serve` target (checked below)


@dataclass
class Preview:
    base: str
    root: Path  # the copy: mkdocs.yml, docs/, data/, …
    log: Path
    proc: subprocess.Popen

    def get(self, path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(self.base + path, timeout=10) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8", errors="replace")

    def alive(self) -> bool:
        return self.proc.poll() is None

    def builds(self) -> list[Build]:
        return builds_in(self.log.read_text(encoding="utf-8", errors="replace"))

    def build_after(self, count: int) -> Build:
        """The first build logged after the first `count` ones (waited for)."""
        deadline = time.monotonic() + CHANGE_TIMEOUT_S
        while len(builds := self.builds()) <= count:
            assert self.alive() and time.monotonic() < deadline, f"no build #{count + 1}:\n{self.log.read_text()[-3000:]}"
            time.sleep(0.1)
        return builds[count]

    def search_pages(self) -> set[str]:
        status, text = self.get("search/search_index.json")
        assert status == 200
        return {doc["location"].split("#")[0] for doc in json.loads(text)["docs"]}

    def wait_for(self, path: str, predicate, what: str, timeout_s: float = CHANGE_TIMEOUT_S) -> str:
        """Poll `path` until predicate(status, html) holds; return the html."""
        return self.wait_for_any((path,), predicate, what, timeout_s)[1]

    def wait_for_any(self, paths: tuple[str, ...], predicate, what: str,
                     timeout_s: float = CHANGE_TIMEOUT_S) -> tuple[str, str]:
        """Poll each of `paths` until predicate(status, html) holds for one; return (path, html)."""
        deadline = time.monotonic() + timeout_s
        last = {}
        while time.monotonic() < deadline:
            assert self.alive(), f"the preview server died:\n{self.log.read_text()[-3000:]}"
            for path in paths:
                try:
                    status, html = self.get(path)
                except OSError:
                    status, html = 0, ""
                last[path] = status
                if predicate(status, html):
                    return path, html
            time.sleep(0.25)
        raise AssertionError(f"{what}: not seen on {paths} within {timeout_s} s (last status {last})\n"
                             f"{self.log.read_text()[-3000:]}")


@pytest.fixture(scope="module")
def preview(tmp_path_factory) -> Preview:
    # 河北's cities only: the same preview on a tenth of the pages (石家庄 and 保定 among them).
    root = copy_project(tmp_path_factory.mktemp("preview") / "project", TINY_PROVINCE)
    port = free_port()
    log = root.parent / "serve.log"
    with open(log, "w", encoding="utf-8") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", *SERVE_OPTIONS, "-a", f"127.0.0.1:{port}"],
            cwd=root, env={**os.environ, **MKDOCS_ENV}, stdout=out, stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server = Preview(f"http://127.0.0.1:{port}/", root, log, proc)
    try:
        server.wait_for(CITY_URL, lambda status, html: status == 200, "the first build", START_TIMEOUT_S)
        yield server
    finally:
        stop(proc)


def goto(page, url: str) -> None:
    """Open `url`, waiting for its DOM only: waiting for every subresource can outlast a rebuild
    that empties the site folder under the page (seen timing out at 30 s). A live reload that
    navigates the tab meanwhile interrupts the navigation; it is made again."""
    for attempt in range(5):
        try:
            page.goto(url, wait_until="domcontentloaded")
            return
        except PlaywrightError as error:
            if "interrupted by another navigation" not in str(error) or attempt == 4:
                raise


def test_make_serve_runs_the_tested_command():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"(?m)^\t.*mkdocs serve " + " ".join(SERVE_OPTIONS) + r" -a 127\.0\.0\.1:8000$", makefile)


def _line_of(text: str, key: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith(f"{key}:"):
            return number
    raise AssertionError(f"no top-level {key}: in the city file")


def test_edit_break_fix(preview, chromium, built_site):
    city = preview.root / CITY_FILE
    original = city.read_text(encoding="utf-8")
    agency = re.search(r"(?m)^agency: (.+)$", original).group(1).strip()
    edited_agency = agency + "（预览测试）"
    assert edited_agency not in preview.get(CITY_URL)[1]

    session = recording_context(chromium)
    page = session.new_page()
    goto(page, preview.base + CITY_URL)
    page.evaluate("() => { window.__ybBeforeReload = true; }")
    builds_before = len(preview.builds())
    searchable = preview.search_pages()
    assert CITY_URL in searchable and OTHER_URL in searchable and "" in searchable

    # 1. An edit shows up, over HTTP and in the open browser tab (live reload).
    started = time.perf_counter()
    city.write_text(original.replace(f"agency: {agency}", f"agency: {edited_agency}"), encoding="utf-8")
    preview.wait_for(CITY_URL, lambda s, html: s == 200 and edited_agency in html, "the edited agency")
    seen_after = time.perf_counter() - started
    page.wait_for_function(
        "text => window.__ybBeforeReload === undefined && document.body.textContent.includes(text)",
        arg=edited_agency, timeout=CHANGE_TIMEOUT_S * 1000,
    )
    assert any("/livereload/" in url for url in session.recorder.urls)
    rebuild = preview.build_after(builds_before).seconds
    rendered = preview.build_after(builds_before).rendered
    assert 1 <= rendered <= 3, f"the one-city edit rendered {rendered} pages again, not only its own"
    assert preview.search_pages() == searchable

    # 2. A YAML syntax error: an error page naming file and line; the server and the rest stay up.
    # (sitegen.pages.pages reads the slug line of an unparsable file to keep the error page at the
    # city's own address; only without one does the page go to the file's code, /cities/130100/.)
    city.write_text(original.replace(f"agency: {agency}", f"agency: [{agency}"), encoding="utf-8")
    where, html = preview.wait_for_any(
        (CITY_URL, CODE_URL), lambda s, h: s == 200 and "数据错误" in h, "the syntax error page")
    assert re.search(r"data/cities/130100\.yaml:\d+", html) and "YAML 语法错误" in html
    assert preview.alive()
    status, other = preview.get(OTHER_URL)
    assert status == 200 and "保定市" in other

    # 3. A wrong value: the city page itself names file, line and field.
    line = _line_of(original, "kind")
    city.write_text(original.replace("\nkind: city\n", "\nkind: town\n"), encoding="utf-8")
    html = preview.wait_for(CITY_URL, lambda s, h: s == 200 and f"data/cities/130100.yaml:{line} kind" in h,
                            "the field error page")
    assert "数据错误" in html
    assert "town" in html
    status, other = preview.get(OTHER_URL)
    assert status == 200 and "保定市" in other
    # The tab may have reloaded onto a missing page in step 2, and live reload may still be
    # navigating it: the error page is opened in a new tab, which step 4 watches.
    page.close()
    page = session.new_page()
    goto(page, preview.base + CITY_URL)
    assert f"data/cities/130100.yaml:{line} kind" in page.locator("article").text_content()
    page.evaluate("() => { window.__ybBeforeReload = true; }")

    # 4. Fixed: the page is back (and the open tab reloads by itself), without the error.
    city.write_text(original, encoding="utf-8")
    html = preview.wait_for(CITY_URL, lambda s, h: s == 200 and "数据错误" not in h and agency in h, "the fixed page")
    assert "石家庄市医保关系转移接续" in html and edited_agency not in html
    page.wait_for_function(
        "() => window.__ybBeforeReload === undefined && !document.body.textContent.includes('数据错误')",
        timeout=CHANGE_TIMEOUT_S * 1000,
    )
    assert preview.alive()
    assert preview.search_pages() == searchable

    # 5. A template edit reaches every city page, including those whose data did not change.
    template = preview.root / "templates" / "city.md.j2"
    marker = "<!-- preview-template-edit -->"
    builds_before = len(preview.builds())
    template.write_text(template.read_text(encoding="utf-8") + "\n" + marker + "\n", encoding="utf-8")
    preview.wait_for(OTHER_URL, lambda s, h: s == 200 and marker in h, "the template edit on another city")
    assert preview.build_after(builds_before).rendered >= len([u for u in searchable if u.startswith("cities/")])
    session.recorder.assert_clean()
    session.close()

    first = preview.builds()[0].seconds
    REPORT["serve"] = (
        f"preview server (--dirty): one-city edit rebuilt in {rebuild:.1f} s, {rendered} page(s) rendered "
        f"(visible over HTTP after {seen_after:.1f} s); first serve build {first:.1f} s; "
        f"(a copy with 河北's {len([u for u in searchable if u.startswith('cities/')])} cities); "
        f"full `mkdocs build --strict` of the whole site {built_site.seconds:.1f} s; YAML syntax error page at /{where}"
    )
