"""The model back to plan-file data: `plan_to_data(plan)` gives a dict that is a valid plan file.

The inverse of `build_plan`: loading the result gives the same model, field for field (the
property tests check this on generated plans and on the bundled ones). Downloads (JSON) and
tools that write plan files start from here. Values that equal what loading would fill in
anyway (defaults, the plan's progress date on an update, dates the words already give) are
left out, as an officer would leave them out.
"""

from __future__ import annotations

from typing import Any

import yaml

from actionplan.model.dates import FuzzyDate, fuzzy_date_from_data, parse_fuzzy_date
from actionplan.model.entities import (
    Action, Activity, Budget, Group, Lead, Level, Measure, MeasurePoint, Note, Organisation, Plan,
    Source, Status, StrandScheme, Update, UpdateItem,
)

SCHEMA_VERSION = 1


def plan_to_data(plan: Plan) -> dict[str, Any]:
    """Plain data (dicts, lists, text, numbers) in the plan-file format, ready for JSON or YAML."""
    if plan.is_flat:  # a plan with no groups: its actions at the top level
        return {"schema_version": SCHEMA_VERSION, "plan": _plan_info(plan),
                "actions": [_action(a) for a in plan.actions]}
    return {"schema_version": SCHEMA_VERSION, "plan": _plan_info(plan),
            "groups": [_group(g) for g in plan.groups]}


def plan_to_yaml(data: dict[str, Any]) -> str:
    """Plan data as YAML text that `actionplan` reads back unchanged (no anchors or aliases)."""
    return yaml.dump(data, Dumper=_PlanDumper, allow_unicode=True, sort_keys=False, width=100)


class _PlanDumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:  # plan files refuse aliases: write values out
        return True


def _plan_info(plan: Plan) -> dict[str, Any]:
    return _compact({
        "id": plan.id,
        "previous_ids": list(plan.previous_ids),
        "title": plan.title,
        "short_title": plan.short_title,
        "title_as_printed": plan.title_as_printed,
        "label": plan.label,
        "document_status": _compact({"code": plan.document_status.code,
                                     "text": plan.document_status.text})
        if plan.document_status else None,
        "organisation": _organisation(plan.organisation),
        "period": _date(plan.period),
        "document_date": _date(plan.document_date),
        "progress_as_at": _date(plan.progress_as_at),
        "parent_strategy": plan.parent_strategy,
        "summary": plan.summary,
        "introduction": plan.introduction,
        "update_cadence": plan.update_cadence,
        "footnotes": [{"mark": f.mark, "text": f.text} for f in plan.footnotes],
        "abbreviations": [_compact({"term": a.term, "meaning": a.meaning,
                                    "basis": _unless(a.basis, "stated")})
                          for a in plan.abbreviations],
        "strand_scheme": _strand_scheme(plan.strand_scheme),
        "levels": [_level(level) for level in plan.levels],
        "labels": dict(plan.labels),
        "source": _source(plan.source),
        "notes": [_note(n) for n in plan.notes],
    })


def _organisation(org: Organisation) -> dict[str, Any]:
    # The name is required even when null: null says the plan does not name the organisation.
    return {"name": org.name, **_compact({"as_written": org.as_written, "kind": org.kind,
                                          "basis": org.basis, "evidence": org.evidence,
                                          "partners": list(org.partners)})}


def _strand_scheme(scheme: StrandScheme | None) -> dict[str, Any] | None:
    if scheme is None:
        return None
    return _compact({"label": scheme.label, "title": scheme.title, "key_text": scheme.key_text,
                     "codes": [{"code": c.code, "label": c.label, "maps_to": list(c.maps_to)}
                               for c in scheme.codes]})


def _level(level: Level) -> dict[str, Any]:
    return _compact({"kind": level.kind, "label": level.label, "label_long": level.label_long,
                     "plural": level.plural})


def _group(group: Group) -> dict[str, Any]:
    return _compact({
        "id": group.id, "previous_ids": list(group.previous_ids), "number": group.number,
        "title": group.title, "theme": group.theme, "description": group.description,
        "summary": group.summary,
        "equality_groups": _compact({"codes": list(group.equality_groups.codes),
                                     "words": group.equality_groups.words})
        if group.equality_groups else None,
        "source": _source(group.source),
        "notes": [_note(n) for n in group.notes],
        "groups": [_group(g) for g in group.groups],
        "actions": [_action(a) for a in group.actions],
    })


def _action(action: Action) -> dict[str, Any]:
    return _compact({
        "id": action.id,
        "previous_ids": list(action.previous_ids),
        "number": action.number,
        "title": action.title,
        "description": action.description,
        "activities": [_activity(a) for a in action.activities],
        "outcome": action.outcome,
        "psed": [_compact({"aim": p.aim, "phrase": p.phrase, "basis": _unless(p.basis, "stated")})
                 for p in action.psed],
        "measures": [_measure(m) for m in action.measures],
        "leads": [_lead(x) for x in action.leads],
        "monitored_by": list(action.monitored_by),
        "due": [_date(d) for d in action.due],
        "strands": _compact({"text": action.strands.text, "codes": list(action.strands.codes)})
        if action.strands else None,
        "related_documents": list(action.related_documents),
        "footnotes": list(action.footnotes),
        "progress": [_update(u, i) for i, u in enumerate(action.progress)],
        "withdrawn": {"date": action.withdrawn.date.isoformat(),
                      "reason": action.withdrawn.reason} if action.withdrawn else None,
        "rag": action.rag,
        "budget": _budget(action.budget),
        "source": _source(action.source),
        "notes": [_note(n) for n in action.notes],
    })


def _activity(activity: Activity) -> dict[str, Any]:
    return _compact({"id": activity.id, "text": activity.text,
                     "due": [_date(d) for d in activity.due],
                     "leads": [_lead(x) for x in activity.leads]})


def _measure(measure: Measure) -> str | dict[str, Any]:
    if (measure.id is None and measure.activity is None and not measure.placeholder
            and measure.unit is None and not measure.has_figures):
        return measure.text
    return _compact({"id": measure.id, "text": measure.text, "activity": measure.activity,
                     "placeholder": measure.placeholder or None, "unit": measure.unit,
                     "baseline": _point(measure.baseline), "target": _point(measure.target),
                     "values": [_compact({"date": _date(v.date), "value": v.value,
                                          "note": v.note}) for v in measure.values]})


def _point(point: MeasurePoint | None) -> dict[str, Any] | None:
    return _compact({"value": point.value, "date": _date(point.date)}) if point else None


def _budget(budget: Budget | None) -> dict[str, Any] | None:
    if budget is None:
        return None
    return _compact({"amount": budget.amount, "currency": _unless(budget.currency, "GBP"),
                     "period": budget.period, "note": budget.note})


def _lead(lead: Lead) -> str | dict[str, Any]:
    if lead.organisation is None and lead.directorate is None and lead.unit is None:
        return lead.text
    return _compact({"text": lead.text, "organisation": lead.organisation,
                     "directorate": lead.directorate, "unit": lead.unit})


def _update(update: Update, index: int) -> dict[str, Any]:
    return _compact({
        "id": _unless(update.id, str(index + 1)),
        # An update without a date of its own shows the plan's progress date: leave it out.
        "date": None if update.date_is_default else _date(update.date),
        "label": update.label,
        "status": _status(update.status),
        "revised_due": _date(update.revised_due),
        "rag": update.rag,
        "percent_complete": update.percent_complete,
        "text": update.text,
        "items": [_item(i) for i in update.items],
        "next_steps": update.next_steps,
        "impact": update.impact,
        "reason": update.reason,
        "footnotes": list(update.footnotes),
        "notes": [_note(n) for n in update.notes],
    })


def _item(item: UpdateItem) -> dict[str, Any]:
    return _compact({"activity": item.activity, "measure": item.measure, "text": item.text,
                     "status": _status(item.status)})


def _status(status: Status | None) -> str | dict[str, Any] | None:
    if status is None:
        return None
    if status.text is None and status.basis == "stated":
        return status.code
    return _compact({"code": status.code, "text": status.text,
                     "basis": _unless(status.basis, "stated")})


def _note(note: Note) -> dict[str, Any]:
    return _compact({"kind": note.kind, "field": note.field, "text": note.text,
                     "public": note.public or None})


def _source(source: Source | None) -> dict[str, Any] | None:
    if source is None:
        return None
    return _compact({"file": source.file, "format": source.format,
                     "lines": list(source.lines) if source.lines else None}) or None


def _date(value: FuzzyDate | None) -> str | dict[str, Any] | None:
    """The words alone when they give the same date; otherwise the long form that does."""
    if value is None:
        return None
    # Words the grammar cannot place keep their kind written out: it says the editor knows
    # (the validator warns about such words given alone).
    if parse_fuzzy_date(value.text) == value and value.placed:
        return value.text
    for candidate in _long_forms(value):
        if fuzzy_date_from_data(candidate) == value:
            return candidate
    raise ValueError(f"the date {value!r} has no plan-file form")


def _long_forms(value: FuzzyDate) -> list[dict[str, Any]]:
    # Loading fills in what the long form leaves out (from the words, or "stated" when a
    # start or end is given): try the fuller forms first, then the ones that rely on that.
    span = {"start": value.start.isoformat() if value.start else None,
            "end": value.end.isoformat() if value.end else None}
    full = _compact({"text": value.text, "kind": value.kind, **span,
                     "recurrence": value.recurrence, "basis": value.basis,
                     "evidence": value.evidence})
    without_basis = {k: v for k, v in full.items() if k != "basis"}
    return [full, without_basis]


def _unless(value: Any, default: Any) -> Any:
    return None if value == default else value


def _compact(data: dict[str, Any]) -> dict[str, Any]:
    """Leave out what is not there: None and empty lists or mappings."""
    return {k: v for k, v in data.items() if v is not None and v != [] and v != {}}
