"""`make bench`: every benchmark of the project, one after another, in one run.

Usage: python tools/bench.py [--tiny] [--site DIR] [--offline DIR --zip FILE]
--tiny runs each benchmark in its tiny mode (one round, a few cities: it checks that they run,
it measures nothing); --site/--offline/--zip go to bench_browser.py (already built site and
offline bundle). tests/tools/test_bench_tiny.py runs each benchmark's tiny mode.
"""

import argparse
import runpy
import sys
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
BENCHES = ["bench_calculators.py", "bench_site.py", "bench_browser.py", "bench_preview.py"]


def bench_argv(name: str, args: argparse.Namespace) -> list[str]:
    """sys.argv for one benchmark: its path, --tiny, and the builds bench_browser.py reuses."""
    argv = [str(TOOLS / name)] + (["--tiny"] if args.tiny else [])
    if name == "bench_browser.py":
        for option in ("site", "offline", "zip"):
            if getattr(args, option):
                argv += [f"--{option}", str(getattr(args, option))]
    return argv


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tiny", action="store_true", help="each benchmark in its tiny mode")
    parser.add_argument("--site", type=Path, help="bench_browser.py: an already built public site")
    parser.add_argument("--offline", type=Path, help="bench_browser.py: an unzipped offline bundle folder")
    parser.add_argument("--zip", type=Path, help="bench_browser.py: the offline zip")
    args = parser.parse_args(argv)
    for name in BENCHES:
        print(f"\n# {name}\n", flush=True)
        sys.argv = bench_argv(name, args)
        runpy.run_path(sys.argv[0], run_name="__main__")


if __name__ == "__main__":
    main(sys.argv[1:])
