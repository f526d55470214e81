"""The planner's answer as the command line prints it (calculators.plan computes it)."""

from __future__ import annotations

import datetime

from calculators.inputs import format_month
from calculators.places import DEFAULT_PLACES, Place, Places
from calculators.plan import HOTLINE, Cited, Plan
from calculators.plan_waiting import readings_json, sources_json
from calculators.transfer import Estimate


def _iso(value: datetime.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _month(value: datetime.date | None) -> str | None:
    return None if value is None else format_month(value)


def _estimate(estimate: Estimate | None) -> dict | None:
    if estimate is None:
        return None
    return {"date": estimate.date.isoformat(), "earliest": estimate.earliest.isoformat(),
            "latest": estimate.latest.isoformat()}


def _end(place: Place, scheme: str) -> dict:
    return {"code": place.code, "name": place.name, "province": place.province_name, "agency": place.agency,
            "scheme": scheme}


def _source(source) -> dict:
    return {"document": source.document, "article": source.article, "url": source.url, "grade": source.grade}


def _items(items: tuple[Cited, ...]) -> list[dict]:
    return [{"code": i.code, "message": i.message, "cites": list(i.cites)} for i in items]


def _sources(result: Plan, places: Places) -> list[dict]:
    facts = {fact.id: fact for _, fact in result.local_facts}
    out = []
    for cite in result.sources:
        if cite in places.rules:
            rule = places.rules[cite]
            out.append({"id": cite, "title": rule.title, **_source(rule.source)})
        elif sources_json(cite) is not None:
            out.append(sources_json(cite))
        elif cite == HOTLINE:
            number, name, source = places.hotline
            out.append({"id": cite, "title": f"{name} {number}", **_source(source)})
        else:
            fact = facts[cite]
            out.append({"id": cite, "title": f"{fact.place_name}的规定", **_source(fact.source)})
    return out


def plan_json(result: Plan, places: Places = DEFAULT_PLACES) -> dict:
    """The plan as the command line prints it (see the issue's contract)."""
    transfer = result.transfer
    return {
        "route": {"from": _end(result.origin, result.from_scheme), "to": _end(result.destination, result.to_scheme),
                  "cross_province": result.cross_province},
        "eligible": result.eligible,
        "reason": result.reason,
        "account_balance": result.account_balance,
        "resume_by": _month(result.resume_by),
        "gap_months": result.gap_months,
        "retroactive": result.retroactive,
        "max_waiting_months": result.max_waiting_months,
        "benefits_from_latest": _month(result.benefits_from_latest),
        "useful_repair_years": result.useful_repair_years,
        "transfer_out_due": _iso(transfer.transfer_out_due) if transfer else None,
        "transfer_in_due": _iso(transfer.transfer_in_due) if transfer else None,
        "transfer_out_estimate": _estimate(transfer.transfer_out_estimate) if transfer else None,
        "transfer_in_estimate": _estimate(transfer.transfer_in_estimate) if transfer else None,
        "transfer_status": transfer.status if transfer else None,
        "steps": [{"code": s.code, "title": s.title, "due": _iso(s.due), "cites": list(s.cites)} for s in result.steps],
        "local_facts": [
            {"id": f.id, "place": side, "scope": f.scope, "place_code": f.place_code, "place_name": f.place_name,
             "kind": f.kind, "text": f.text, "value": f.value, "unit": f.unit, "source": _source(f.source)}
            for side, f in result.local_facts
        ],
        "sources": _sources(result, places),
        "problems": _items(result.problems),
        "notes": _items(result.notes),
        # Added later: how the 转入地 counts lapsed years (null: unknown, then both readings).
        "waiting_counting": None if result.waiting is None else result.waiting.counting,
        "waiting_readings": readings_json(result.destination, result.waiting),
    }
