"""JSON downloads: a plan, every plan, one action. UTF-8, compact, stable key order.

A plan's JSON is exactly a plan file's data (see plan_data), so `load_plan_json` reads it
back through the same checks and builder as a YAML plan file.
"""

from __future__ import annotations

import json
from typing import Any

import orjson

from actionplan.api import check_document
from actionplan.export.plan_data import SCHEMA_VERSION, action_data, date_data, plan_data
from actionplan.facets.judgement import overdue_flag
from actionplan.facets.timing import Assessor
from actionplan.load import SourceDocument
from actionplan.model import build_plan
from actionplan.model.entities import Action, Group, Plan, Site
from actionplan.problems import DataError


def to_json_bytes(data: Any) -> bytes:
    """UTF-8 JSON without layout whitespace, then one line end: the same bytes as
    json.dumps(ensure_ascii=False, separators=(",", ":")), made by orjson, several times as
    fast. Compact because these files are for programs (anyone can pretty-print them): with
    a two-space indent a third of a county site's downloads and changelog.json was blanks.
    The shape (keys, order, types) is the published schema's either way."""
    try:
        return orjson.dumps(data) + b"\n"
    except orjson.JSONEncodeError:  # what orjson does not take (an integer over 64 bits)
        return (json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n").encode()


def plan_json(plan: Plan) -> bytes:
    return to_json_bytes(plan_data(plan))


def site_json(site: Site) -> bytes:
    """Every plan, each in the plan-file shape, in the site's order."""
    return to_json_bytes({"schema_version": SCHEMA_VERSION,
                          "plans": [plan_data(p) for p in site.plans]})


def action_json(plan: Plan, action: Action, groups: tuple[Group, ...], assessor: Assessor,
                page: str) -> bytes:
    """One action in the plan-file shape, with where it sits and what the site works out."""
    return to_json_bytes({
        "schema_version": SCHEMA_VERSION,
        "uid": action_uid(plan, action),
        "page": page,
        "plan": {"id": plan.id, "title": plan.title,
                 "organisation": plan.organisation.name,
                 "progress_as_at": date_data(plan.progress_as_at)},
        "groups": [{"id": g.id, "number": g.number, "title": g.title, "level": g.level.label}
                   for g in groups],
        "action": action_data(action),
        "derived": derived_data(plan, action, assessor),
    })


def derived_data(plan: Plan, action: Action, assessor: Assessor) -> dict[str, Any]:
    """What the site works out from the data (not part of the plan file)."""
    assessment = assessor(plan, action)
    reference = assessment.reference
    return {
        "status": action.status.code,
        "current_due": [date_data(d) for d in action.current_due],
        "assessed_as_of": reference.date.isoformat() if reference.date else None,
        "assessed_as_of_source": reference.source,
        "overdue": overdue_flag(assessment.verdict),
        "verdict": assessment.verdict.code,
        "verdict_label": assessment.verdict.label,
        "verdict_reason": assessment.verdict.reason,
        "no_update_since": date_data(assessment.stale_since),
        "update_cadence": assessment.cadence,
        "officer_rating": _officer_rating(action),
    }


def _officer_rating(action: Action) -> dict[str, Any] | None:
    rating = action.officer_rating
    if rating is None:
        return None
    return {"code": rating.code, "words": rating.words,
            "date": date_data(rating.update.date) if rating.update else None}


def action_uid(plan: Plan, action: Action) -> str:
    """Unique across the site and stable: plan and action ids never change once published."""
    return f"{plan.id}/{action.id}"


def load_plan_json(text: str | bytes, name: str = "plan.json") -> Plan:
    """A plan from its JSON download, through the same checks and builder as a plan file."""
    data = json.loads(text)
    problems = [p for p in check_document(SourceDocument(name, data)) if p.severity == "error"]
    if problems:
        raise DataError(problems)
    return build_plan(data, name)
