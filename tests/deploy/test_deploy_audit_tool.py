"""tools/audit.py without a browser: the median of the runs, the run that is kept, the findings
listed when a score is low, and which failures of Lighthouse are run again (only those where
Lighthouse asks for it; never a completed run)."""

from __future__ import annotations

import pytest

from tools import audit


def _report(performance: float, tbt_score: float = 1.0, url: str = "http://127.0.0.1:1/x/") -> dict:
    scores = {"performance": performance, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
    return {
        "finalDisplayedUrl": url,
        "environment": {"benchmarkIndex": 2000.0},
        "categories": {name: {"score": score, "auditRefs": [{"id": "total-blocking-time", "weight": 30}]
                              if name == "performance" else []} for name, score in scores.items()},
        "audits": {"total-blocking-time": {"score": tbt_score, "displayValue": "310 ms",
                                           "title": "Total Blocking Time"}},
    }


def test_median_of_three_runs_and_the_median_run_is_kept(monkeypatch):
    reports = iter([_report(0.99), _report(0.90, tbt_score=0.7), _report(0.96)])
    monkeypatch.setattr(audit, "lighthouse", lambda url: next(reports))
    result = audit.audit_page("http://127.0.0.1:1/x/", runs=3)
    assert result.scores["performance"] == 0.96
    assert [run["performance"] for run in result.runs] == [0.99, 0.90, 0.96]
    assert result.report["categories"]["performance"]["score"] == 0.96
    assert result.below() == {}
    assert "median of 3 runs" in audit.line("x", result) and "0.99, 0.90, 0.96" in audit.line("x", result)


@pytest.mark.parametrize(("performances", "made"), [
    ([0.99, 0.97, 0.10], 2),  # two at or above 0.95: the median of three is too, whatever the third
    ([0.90, 0.80, 0.99], 2),  # two below: the median of three is below
    ([0.99, 0.90, 0.96], 3),  # they disagree: the third decides
    ([0.90, 0.99, 0.80], 3),
])
def test_runs_stop_once_the_verdict_on_the_median_is_decided(monkeypatch, performances, made):
    reports = iter([_report(p) for p in performances])
    monkeypatch.setattr(audit, "lighthouse", lambda url: next(reports))
    result = audit.audit_page("http://127.0.0.1:1/x/", runs=3, minimum=audit.MIN_SCORE)
    assert [run["performance"] for run in result.runs] == performances[:made]
    full = sorted(performances)[1]  # the median of all three runs
    assert bool(result.below()) is (full < audit.MIN_SCORE)


def test_the_verdict_waits_for_every_category():
    good, bad_seo = {c: 1.0 for c in audit.CATEGORIES}, {**{c: 1.0 for c in audit.CATEGORIES}, "seo": 0.5}
    assert audit.decided([good, good], 3, 0.95)
    assert not audit.decided([good, bad_seo], 3, 0.95)
    assert audit.decided([bad_seo, bad_seo], 3, 0.95)
    assert not audit.decided([good], 3, 0.95) and not audit.decided([], 3, 0.95)
    assert audit.decided([good, good, good], 5, 0.95) and not audit.decided([good, good], 5, 0.95)


def test_a_low_score_lists_what_cost_the_points():
    result = audit.PageAudit("u", {"performance": 0.9}, [{"performance": 0.9}], _report(0.9, tbt_score=0.7))
    assert result.below() == {"performance": 0.9}
    assert result.findings() == ["total-blocking-time 0.70 (310 ms): Total Blocking Time"]


def test_a_broken_trace_is_run_again_but_nothing_else(monkeypatch):
    calls = []

    def flaky(url, timeout):
        calls.append(url)
        if len(calls) < 3:
            raise audit._RunAgain("NO_NAVSTART ... " + audit.RUN_AGAIN)
        return _report(1.0)

    monkeypatch.setattr(audit, "_run_once", flaky)
    assert audit.lighthouse("http://127.0.0.1:1/x/")["categories"]["seo"]["score"] == 1.0
    assert len(calls) == 3

    calls.clear()

    def refused(url, timeout):
        calls.append(url)
        raise audit.AuditError("CHROME_INTERSTITIAL_ERROR")

    monkeypatch.setattr(audit, "_run_once", refused)
    with pytest.raises(audit.AuditError, match="CHROME_INTERSTITIAL_ERROR"):
        audit.lighthouse("http://127.0.0.1:1/x/")
    assert len(calls) == 1


def test_a_trace_that_stays_broken_fails_after_the_last_attempt(monkeypatch):
    def broken(url, timeout):
        raise audit._RunAgain(audit.RUN_AGAIN)

    monkeypatch.setattr(audit, "_run_once", broken)
    with pytest.raises(audit.AuditError, match="3 attempts"):
        audit.lighthouse("http://127.0.0.1:1/x/")
