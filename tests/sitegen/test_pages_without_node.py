"""The pages stage renders every page from the dataset and the runtime's manifest as plain data:
no Node, no build (`make wheels` made the runtime and its snapshot before)."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

RENDER = """
import json
from sitegen.data.load import load_dataset
from sitegen.data.settings import load_settings
from sitegen.pages.pages import build_pages
site = build_pages(load_dataset(), load_settings())
print(json.dumps({"pages": len(site.pages), "cities": sum(p.src_uri.startswith("cities/") for p in site.pages)}))
"""


def test_every_page_renders_with_node_absent_from_path(tmp_path):
    empty = tmp_path / "bin"
    empty.mkdir()
    env = {**os.environ, "PATH": str(empty)}
    assert shutil.which("node", path=env["PATH"]) is None
    proc = subprocess.run([sys.executable, "-c", RENDER], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    counts = json.loads(proc.stdout.strip().splitlines()[-1])
    assert counts["cities"] == len(list((ROOT / "data" / "cities").glob("*.yaml"))) and counts["pages"] > counts["cities"]
