"""Fixtures of tests/data: `fixture_data`, a small valid dataset in tmp_path/data."""

from __future__ import annotations

from pathlib import Path

import pytest
from dataset_fixture_files import FixtureData


@pytest.fixture
def fixture_data(tmp_path: Path) -> FixtureData:
    return FixtureData(tmp_path / "data")
