"""sitegen.pages.forms (the calculators' HTML block) and sitegen.runtime.runtime_assets (the runtime copy and the
offline embed)."""

from __future__ import annotations

import base64
import gzip
import json
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import brotli
import markdown
import pytest

from calculators import rules
from calculators.registry import BY_NAME
from sitegen.pages import forms
from sitegen.runtime import runtime_assets as ra

ROOT = Path(__file__).resolve().parents[2]


class _Collect(HTMLParser):
    """Tags with their attributes, and the form each input belongs to."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.form: str | None = None
        self.fields: dict[str, list[str]] = {}

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag == "form":
            self.form = attributes["data-calculator"]
            self.fields[self.form] = []
        if tag in ("input", "select", "textarea") and self.form:
            self.fields[self.form].append(attributes["name"])

    def handle_endtag(self, tag):
        if tag == "form":
            self.form = None


@pytest.fixture(scope="module")
def block() -> str:
    return forms.render_calculators({"place": "石家庄市", "local-max-wait": "4", "local-rate": "380"}, "../../assets/calc/")


@pytest.fixture(scope="module")
def parsed(block) -> _Collect:
    collector = _Collect()
    collector.feed(block)
    return collector


def test_block_is_one_raw_html_block(block):
    assert "\n\n" not in block
    assert all(line == line.strip() and line.startswith("<") for line in block.splitlines())
    assert block.startswith('<div class="yb-calculators"') and block.endswith("</div>")


def test_markdown_passes_the_block_through(block):
    html = markdown.markdown("# 石家庄市\n\n正文。\n\n" + block + "\n\n后文。\n", extensions=["attr_list", "tables", "admonition"])
    assert block in html


def test_form_fields_are_the_cli_options(parsed):
    assert list(parsed.fields) == [calc.name for calc in forms.forms_in(("calculators", "fees"))]
    for name, fields in parsed.fields.items():
        spec = BY_NAME[name].spec()
        assert sorted(fields) == sorted(spec.names()), name


def test_inputs_are_labelled_and_described(parsed):
    ids = [attrs["id"] for _, attrs in parsed.tags if "id" in attrs]
    assert len(ids) == len(set(ids))
    labels = {attrs["for"] for tag, attrs in parsed.tags if tag == "label"}
    for tag, attrs in parsed.tags:
        if tag in ("input", "select", "textarea"):
            assert attrs["id"] in labels
            described = attrs["aria-describedby"].split()
            assert attrs["id"] + "-error" in described
            assert set(described) <= set(ids)


def test_dom_contract(parsed):
    forms = [attrs for tag, attrs in parsed.tags if tag == "form"]
    assert all("novalidate" in attrs for attrs in forms)
    for marker in ("data-result", "data-error", "data-status", "data-retry"):
        assert sum(marker in attrs for _, attrs in parsed.tags) == len(parsed.fields), marker
    alerts = [attrs for _, attrs in parsed.tags if "data-error" in attrs]
    assert all(attrs["role"] == "alert" for attrs in alerts)
    submits = [attrs for tag, attrs in parsed.tags if tag == "button" and attrs.get("type") == "submit"]
    assert len(submits) == len(parsed.fields)


def test_prefill_and_place(block, parsed):
    values = {attrs["name"]: attrs.get("value") for tag, attrs in parsed.tags if tag == "input"}
    assert values["local-max-wait"] == "4"
    assert values["local-rate"] == "380"
    assert values["accepted"] == ""
    assert block.count("已按石家庄市的数据预填") == 2


def test_no_inline_script_or_style(parsed):
    # The site's Content-Security-Policy allows neither.
    for tag, attrs in parsed.tags:
        assert "style" not in attrs
        assert not any(name.startswith("on") for name in attrs)
        if tag == "script":
            assert "src" in attrs


def test_assets_are_versioned(block):
    version = ra.asset_version()
    assert re.fullmatch(r"[0-9a-f]{12}", version)
    assert f'src="../../assets/calc/{version}/calc.js"' in block
    assert f'href="../../assets/calc/{version}/calc.css"' in block


@pytest.mark.parametrize(
    ("dest_uri", "url"),
    [("index.html", "assets/calc/"), ("cities/130100/index.html", "../../assets/calc/"), ("cities/130100.html", "../assets/calc/")],
)
def test_assets_url_for(dest_uri, url):
    assert ra.assets_url_for(dest_uri) == url


def test_prefill_is_escaped():
    html = forms.render_calculators({"place": "<b>x</b>", "today": '"><script>'}, "/assets/calc/")
    assert "<b>x</b>" not in html and "&lt;b&gt;" in html
    assert '"><script>' not in html


def test_unknown_prefill_key_is_an_error():
    with pytest.raises(ValueError, match="local-max-wiat"):
        forms.render_calculators({"local-max-wiat": "6"}, "/assets/calc/")


def test_templates_take_rule_values_from_calculators_rules():
    text = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "web" / "forms").glob("*.html"))
    for value, unit in [
        (rules.TRANSFER_OUT_WORKDAYS, "个工作日"),
        (rules.TRANSFER_IN_WORKDAYS, "个工作日"),
        (rules.EMPLOYEE_WAIT_MAX_MONTHS, "个月"),
        (rules.GAP_RETROACTIVE_MAX_MONTHS, "个月"),
        (rules.RESIDENT_FIXED_WAIT_MONTHS, "个月"),
    ]:
        assert not re.search(rf"(?<![0-9]){value}\s*{unit}", text), f"{value} {unit} is hard-coded in web/forms"


def test_copy_runtime(tmp_path):
    stale = tmp_path / "assets" / "calc" / "000000000000"
    stale.mkdir(parents=True)
    dest = ra.copy_runtime(tmp_path)
    assert not stale.exists()
    assert dest == tmp_path / "assets" / "calc" / ra.asset_version()
    manifest = ra.load_manifest()
    for entry in manifest["runtime"]:
        if entry["name"] in ra.RUNTIME_FILES:
            assert (dest / "runtime" / entry["name"]).stat().st_size == entry["size"]
    for wheel in manifest["wheels"]:
        assert (dest / "wheels" / wheel["name"]).stat().st_size == wheel["size"]
    snapshot = dest / "runtime" / ra.SNAPSHOT_NAME
    assert snapshot.read_bytes()[:2] == ra.GZIP_MAGIC
    first = (dest / "calc.js").read_text(encoding="utf-8").splitlines()[0]
    config = json.loads(first.removeprefix("self.__ybCalcConfig = ").removesuffix(";"))
    assert config == ra.browser_config(manifest, snapshot.stat().st_size)
    assert config["snapshot"] == "runtime/" + ra.SNAPSHOT_NAME
    assert not any("snapshot" in name for name in config["embed"])  # the offline bundle has none
    # Every binary the worker fetches has its brotli and gzip copies beside it, holding the same
    # bytes, and the sizes the page states are those of the brotli copies.
    for folder, name in [("runtime", "pyodide.asm.wasm"), ("runtime", "python_stdlib.zip")] + [
            ("wheels", w) for w in config["wheels"]]:
        original = (dest / folder / name).read_bytes()
        packed = (dest / folder / (name + ".br")).read_bytes()
        assert brotli.decompress(packed) == original
        assert gzip.decompress((dest / folder / (name + ".gz")).read_bytes()) == original
        assert config["wire"][name] == len(packed) < len(original)
    assert (dest / "runtime" / "pyodide-lock.json").stat().st_size < 300  # its info, no packages
    assert ra.download_bytes(manifest) == sum(v for k, v in config["wire"].items() if k != ra.SNAPSHOT_NAME)
    assert (dest / "worker.js").read_bytes() == (ROOT / "web" / "worker.js").read_bytes()
    assert ra.copy_runtime(tmp_path) == dest  # a second run keeps the same folder


def test_copy_runtime_without_snapshot(tmp_path, monkeypatch):
    monkeypatch.setenv("YB_SNAPSHOT", "0")
    dest = ra.copy_runtime(tmp_path)
    assert not (dest / "runtime" / ra.SNAPSHOT_NAME).exists()
    first = (dest / "calc.js").read_text(encoding="utf-8").splitlines()[0]
    config = json.loads(first.removeprefix("self.__ybCalcConfig = ").removesuffix(";"))
    assert config == ra.browser_config(ra.load_manifest())
    assert config["snapshot"] is None
    monkeypatch.delenv("YB_SNAPSHOT")
    assert ra.asset_version() != dest.name  # the two builds never share a folder


def test_offline_embed_round_trips(tmp_path):
    scripts = ra.write_offline_embed(tmp_path)
    dest = tmp_path / "assets" / "calc" / ra.asset_version()
    config = ra.browser_config(ra.load_manifest())
    assert [str(p.relative_to(dest)) for p in scripts] == config["embed"]
    pattern = re.compile(r'\(self\.__ybEmbed = self\.__ybEmbed \|\| \{\}\)\[("[^"]+")\] = (.*);\n', re.S)
    for script in scripts:
        match = pattern.fullmatch(script.read_text(encoding="ascii"))
        assert match, script.name
        name = json.loads(match.group(1))
        folder = "wheels" if name.endswith(".whl") else "runtime"
        original = (dest / folder / name).read_bytes()
        if name in ra.RUNTIME_SCRIPTS:
            text = json.loads(match.group(2))
            assert "sourceMappingURL" not in text
            assert text == "\n".join(
                line for line in original.decode().split("\n") if not line.startswith("//# sourceMappingURL=")
            )
        else:
            data = base64.b64decode(json.loads(match.group(2)))
            assert data[:2] == ra.GZIP_MAGIC  # every binary travels gzip-compressed
            if original[:2] != ra.GZIP_MAGIC:
                data = gzip.decompress(data)
            assert data == original


def test_snapshot_is_cached_by_its_inputs():
    first = ra.ensure_snapshot()
    assert first.name == ra.snapshot_key() + ".bin"
    mtime = first.stat().st_mtime_ns
    assert ra.ensure_snapshot() == first and first.stat().st_mtime_ns == mtime


def test_an_older_snapshot_is_removed_only_once_the_new_one_is_written(tmp_path, monkeypatch):
    monkeypatch.setattr(ra, "SNAPSHOTS", tmp_path)
    monkeypatch.setattr(ra, "snapshot_key", lambda build=ra.PYODIDE_BUILD: "fresh")
    stale = tmp_path / "older.bin"
    stale.write_bytes(b"older build")
    seen = []

    def maker(cmd, **kwargs):  # stands in for `node web/make_snapshot.mjs BUILD OUT`
        seen.append(stale.exists())
        Path(cmd[-1]).write_bytes(b"new snapshot")
        return subprocess.CompletedProcess(cmd, 0, "", "")

    monkeypatch.setattr(ra.subprocess, "run", maker)
    made = ra.ensure_snapshot()
    assert seen == [True]  # still there while the new one was being made
    assert made == tmp_path / "fresh.bin" and made.read_bytes() == b"new snapshot"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fresh.bin"]


def test_asset_version_follows_the_snapshot_inputs(monkeypatch):
    before = ra.asset_version()
    monkeypatch.setattr(ra, "snapshot_key", lambda build=ra.PYODIDE_BUILD: "another-runtime")
    assert ra.asset_version() != before


def test_missing_build_names_the_command(tmp_path):
    with pytest.raises(ra.RuntimeNotBuilt, match="make wheels"):
        ra.load_manifest(tmp_path)
