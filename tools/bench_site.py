"""Site build benchmark (`make bench` runs it through tools/bench.py).

In one run, for the real dataset (337 cities) and for a synthetic one ten times larger (3,370
cities), it times:

  ours   `mkdocs build --strict` of the project: the hook loads data/, renders every page with
         Jinja and the calculator, and MkDocs builds them;
  plain  `mkdocs build --strict` of the same pages written out beforehand as Markdown files, with
         the same theme configuration and no hook.

It also reports the seconds of each stage the hook runs in the "ours" build (YB_STAGE_TIMES:
pages = load and render the dataset, runtime copy, precompress), and the ratio without the
precompression, which a plain build does not do at all: its .gz/.br copies come from a cache by
content (build/precompressed/), so a file is compressed once, the first time its content is seen.

Each build runs in its own subprocess. The synthetic dataset is generated in a temporary folder
by cloning every city nine times with new codes and slugs; clones are spread over synthetic
provinces (a GB/T 2260 province holds at most 99 prefecture codes).

Usage: python tools/bench_site.py [--scale N] [--repeat N] [--keep DIR] [--tiny]
--tiny: the cities of one province (河北, 11) as the "real" dataset, ×2, one build each (a check
that the benchmark runs, not a measurement; tests/tools/test_bench_tiny.py).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from sitegen.data.load import load_dataset
from sitegen.pages.pages import build_pages, province_nav
from sitegen.data.settings import SiteSettings

ROOT = Path(__file__).resolve().parent.parent

CITIES_PER_PROVINCE = 99  # codes PP0100 … PP9900
TINY_PROVINCE = "13"  # 河北: 石家庄 and 保定, the cities the benchmarks open, are among its 11


def only_province(data: Path, province: str) -> int:
    """Remove from data/cities/ every city outside `province` (the first two digits of its
    code); return how many are left. The national rules and every province stay."""
    for path in (data / "cities").glob("*.yaml"):
        if not path.name.startswith(province):
            path.unlink()
    return len(list((data / "cities").glob("*.yaml")))


def _dump(path: Path, record) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = record.model_dump(mode="json", exclude_defaults=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def synthetic_data(target: Path, scale: int, source: Path = ROOT / "data") -> tuple[int, int]:
    """Write data/ with every record of `source` plus (scale - 1) clones of each city. Returns
    (provinces, cities)."""
    dataset = load_dataset(source).dataset
    for sub in ("provinces", "cities"):
        (target / sub).mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source / "national.yaml", target / "national.yaml")
    provinces = list(dataset.provinces.values())
    for province in provinces:
        _dump(target / "provinces" / f"{province.code}.yaml", province)
    for city in dataset.cities.values():
        _dump(target / "cities" / f"{city.code}.yaml", city)
    used = {p.code[:2] for p in provinces}
    free = [f"{n:02d}" for n in range(10, 100) if f"{n:02d}" not in used]
    count, slot, prefix = len(dataset.cities), CITIES_PER_PROVINCE, None
    extra_provinces = 0
    for copy in range(1, scale):
        for city in dataset.cities.values():
            if slot == CITIES_PER_PROVINCE:
                prefix, slot = free.pop(0), 0
                model = provinces[extra_provinces % len(provinces)]
                extra_provinces += 1
                clone_p = model.model_copy(update={
                    "code": f"{prefix}0000", "name": f"{model.name}（合成{prefix}）",
                    "short_name": f"{model.short_name}{prefix}", "kind": "province",
                    "slug": f"{model.slug}-s{prefix}"})
                _dump(target / "provinces" / f"{prefix}0000.yaml", clone_p)
            slot += 1
            code = f"{prefix}{slot:02d}00"
            clone = city.model_copy(update={
                "code": code, "province": f"{prefix}0000", "slug": f"{city.slug}-c{copy}",
                "kind": "city" if city.kind == "municipality" else city.kind})
            _dump(target / "cities" / f"{code}.yaml", clone)
            count += 1
    return len(provinces) + extra_provinces, count


def _config() -> dict:
    """mkdocs.yml read the way MkDocs reads it (`!ENV` tags resolved), as a plain dict."""
    from mkdocs.utils.yaml import yaml_load

    return yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))


def project_ours(folder: Path, data: Path) -> Path:
    """The project as it is, around the given data/ (the hook reads <config dir>/data)."""
    config = _config()
    config["hooks"] = [str(ROOT / "sitegen" / "site" / "hook.py")]
    shutil.copytree(ROOT / "docs", folder / "docs")
    if data.resolve() != (folder / "data").resolve():
        shutil.copytree(data, folder / "data")
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return folder / "mkdocs.yml"


def project_plain(folder: Path, data: Path) -> tuple[Path, int]:
    """The same pages pre-rendered to Markdown files; the same config without the hook."""
    config = _config()
    settings = SiteSettings.from_extra(config["extra"])
    result = load_dataset(data)
    if result.problems:
        raise SystemExit("\n".join(str(p) for p in result.problems))
    site = build_pages(result, settings, root=data.parent)
    shutil.copytree(ROOT / "docs", folder / "docs")
    for page in site.pages:
        path = folder / "docs" / page.src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page.content, encoding="utf-8")
    del config["hooks"]
    config["nav"] = province_nav(config["nav"], site.provinces)
    config["not_in_nav"] = "/cities/\n"  # what the hook marks with InclusionLevel.NOT_IN_NAV
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return folder / "mkdocs.yml", len(site.pages) + len(list((ROOT / "docs").rglob("*.md")))


def timed_build(config: Path, repeat: int) -> tuple[float, dict[str, float]]:
    """Best wall-clock seconds of `repeat` builds, each in a fresh subprocess, and the hook's stage
    times of that build (empty without the hook)."""
    times_file = config.parent / "stage-times.json"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT), "YB_STAGE_TIMES": str(times_file)}
    best, stages = float("inf"), {}
    for _ in range(repeat):
        times_file.unlink(missing_ok=True)
        site = config.parent / "site"
        shutil.rmtree(site, ignore_errors=True)
        start = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q",
                               "-f", str(config), "-d", str(site)],
                              cwd=config.parent, env=env, capture_output=True, text=True)
        seconds = time.perf_counter() - start
        if proc.returncode != 0:
            raise SystemExit(f"build of {config} failed:\n{proc.stdout}\n{proc.stderr}")
        if seconds < best:
            best = seconds
            stages = json.loads(times_file.read_text(encoding="utf-8")) if times_file.exists() else {}
    return best, stages


def bench(work: Path, scale: int, repeat: int, province: str | None = None) -> list[dict]:
    """Rows of the table; `province`: the real dataset cut to that province's cities."""
    rows = []
    real = work / "real" / "ours" / "data"
    for label, factor in (("real", 1), (f"×{scale}", scale)):
        base = work / label
        data = base / "ours" / "data"
        if factor == 1:
            shutil.copytree(ROOT / "data", data)
            cities = only_province(data, province) if province else len(list(data.glob("cities/*.yaml")))
        else:
            _, cities = synthetic_data(data, factor, source=real)
        ours_config = project_ours(base / "ours", data)
        plain_config, pages = project_plain(base / "plain", data)
        ours, stages = timed_build(ours_config, repeat)
        plain, _ = timed_build(plain_config, repeat)
        rows.append({"dataset": f"{cities:,} cities", "pages": pages, "ours": ours, "plain": plain, "stages": stages})
        print(f"  {label}: {cities:,} cities, ours {ours:.1f} s, plain {plain:.1f} s; stages: {_stages(stages)}",
              flush=True)
    return rows


def _stages(stages: dict[str, float]) -> str:
    return ", ".join(f"{name} {seconds:.2f} s" for name, seconds in stages.items()) or "none reported"


def table(rows: list[dict]) -> str:
    lines = ["| dataset | pages | ours (s) | plain mkdocs (s) | ours / plain | precompress (s) | ours without it / plain |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        squeeze = r.get("stages", {}).get("precompress", 0.0)
        lines.append(f"| {r['dataset']} | {r['pages']:,} | {r['ours']:.1f} | {r['plain']:.1f} | "
                     f"{r['ours'] / r['plain']:.2f}× | {squeeze:.1f} | {(r['ours'] - squeeze) / r['plain']:.2f}× |")
    lines.append("")
    lines += [f"stages of ours, {r['dataset']}: {_stages(r.get('stages', {}))}" for r in rows]
    if len(rows) == 2:
        small, big = rows
        lines.append("")
        lines.append(f"growth for {big['pages'] / small['pages']:.1f}× the pages: ours "
                     f"{big['ours'] / small['ours']:.1f}×, plain {big['plain'] / small['plain']:.1f}×")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=10, help="size of the synthetic dataset (× real)")
    parser.add_argument("--repeat", type=int, default=1, help="builds per measurement; the best counts")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it")
    parser.add_argument("--tiny", action="store_true", help="one province, ×2, one build each: does it run?")
    args = parser.parse_args(argv)
    province = TINY_PROVINCE if args.tiny else None
    if args.tiny:
        args.scale, args.repeat = 2, 1
    print(f"site build: ours (hook) vs plain mkdocs of pre-rendered Markdown; scale ×{args.scale}"
          + (f"; tiny: the cities of province {province}" if province else ""), flush=True)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        rows = bench(args.keep, args.scale, args.repeat, province)
    else:
        with tempfile.TemporaryDirectory(prefix="bench-site-") as work:
            rows = bench(Path(work), args.scale, args.repeat, province)
    print()
    print(table(rows))


if __name__ == "__main__":
    main(sys.argv[1:])  # tools/bench.py sets sys.argv for each benchmark it runs
