"""Fixtures of the site checks: the generated Markdown pages of the real dataset (no MkDocs).
The built site (`built_site`) is a session fixture of tests/conftest.py, shared with the
browser and deploy tests."""

from __future__ import annotations

import pytest

from sitegen.data.load import load_dataset
from sitegen.pages.pages import Site, build_pages
from sitegen.data.settings import load_settings


@pytest.fixture(scope="session")
def real_site() -> Site:
    result = load_dataset()
    assert not result.problems, "\n".join(str(p) for p in result.problems)
    return build_pages(result, load_settings())


@pytest.fixture(scope="session")
def real_pages(real_site) -> dict[str, str]:
    return {page.src_uri: page.content for page in real_site.pages}
