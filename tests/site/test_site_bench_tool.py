"""tools/bench_site.py: the synthetic dataset is valid and the table reports the ratios."""

from __future__ import annotations

from sitegen.data.load import load_dataset
from tools import bench_site


def test_synthetic_dataset_clones_every_city_with_valid_codes(tmp_path):
    data = tmp_path / "data"
    provinces, cities = bench_site.synthetic_data(data, 2)
    real = load_dataset().dataset
    result = load_dataset(data)
    assert result.problems == []
    assert cities == len(result.dataset.cities) == 2 * len(real.cities)
    assert provinces == len(result.dataset.provinces) > len(real.provinces)
    assert max(sum(c.province == p for c in result.dataset.cities.values())
               for p in result.dataset.provinces) <= bench_site.CITIES_PER_PROVINCE


def test_table_gives_ratio_and_growth():
    rows = [{"dataset": "337 cities", "pages": 400, "ours": 12.0, "plain": 10.0,
             "stages": {"pages": 1.5, "runtime copy": 0.25, "precompress": 2.0}},
            {"dataset": "3,370 cities", "pages": 4000, "ours": 120.0, "plain": 100.0}]
    text = bench_site.table(rows)
    assert "| 337 cities | 400 | 12.0 | 10.0 | 1.20× | 2.0 | 1.00× |" in text
    assert "| 3,370 cities | 4,000 | 120.0 | 100.0 | 1.20× | 0.0 | 1.20× |" in text
    assert "stages of ours, 337 cities: pages 1.50 s, runtime copy 0.25 s, precompress 2.00 s" in text
    assert "stages of ours, 3,370 cities: none reported" in text
    assert "growth for 10.0× the pages: ours 10.0×, plain 10.0×" in text
