"""Lighthouse (npm, on Debian's Chromium, default mobile settings with simulated throttling) on a
city page and the calculators page of the nginx-served site: performance, accessibility, best
practices and SEO each at least 0.95. Each category's median of three runs counts
(tools/audit.py); a page's third run is made only when the first two disagree about a category
(otherwise it could not change the verdict). The reports go to build/audit/ and the scores to
the terminal summary. It runs last (marker `measures`, tests/conftest.py), when no background
job runs any more (the simulated timings scale with the machine's speed)."""

from __future__ import annotations

import pytest
from deploy_checks import AUDITS

from tools import audit

pytestmark = [pytest.mark.browser, pytest.mark.measures]

RUNS = 3


@pytest.fixture(scope="module")
def audits(nginx, site_builds) -> dict[str, audit.PageAudit]:
    site_builds.wait()  # the offline bundle may still be building in the background
    results = {name: audit.audit_page(nginx + path, runs=RUNS, minimum=audit.MIN_SCORE)
               for name, path in audit.PAGES.items()}
    audit.write(results, audit.DEFAULT_OUT)
    for name, result in results.items():
        AUDITS[f"lighthouse-{name}"] = audit.line(name, result)
    return results


@pytest.mark.parametrize("name", list(audit.PAGES))
def test_every_category_scores_at_least_095(audits, name):
    result = audits[name]
    assert set(result.scores) == set(audit.CATEGORIES)
    assert 2 <= len(result.runs) <= RUNS
    findings = "\n".join(result.findings())
    assert result.below(audit.MIN_SCORE) == {}, f"{audit.line(name, result)}\n{findings}"


def test_the_audited_pages_are_the_served_ones(audits, nginx):
    for name, path in audit.PAGES.items():
        report = audits[name].report
        assert report["finalDisplayedUrl"] == nginx + path
        # Lighthouse's own default settings: a phone on a slow network, throttling simulated.
        assert report["configSettings"]["formFactor"] == "mobile"
        assert report["configSettings"]["throttlingMethod"] == "simulate"
        assert (audit.DEFAULT_OUT / f"lighthouse-{name}.json").is_file()
