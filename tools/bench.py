"""`make bench`: every benchmark of the project, one after another, in one run."""

import runpy
import sys
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
BENCHES = ["bench_calculators.py", "bench_site.py", "bench_browser.py", "bench_preview.py"]

if __name__ == "__main__":
    sys.path.insert(0, str(TOOLS))
    for name in BENCHES:
        path = TOOLS / name
        if path.exists():
            print(f"\n# {name}\n", flush=True)
            runpy.run_path(str(path), run_name="__main__")
