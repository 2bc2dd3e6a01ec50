"""The model back to plain data in the plan-file shape (plan-v1.schema.json).

The JSON downloads are this data, so a download validates against the published schema and
the same builder that reads plan files reads it back into an equal model. Dates are written
in full (the words plus their machine form) so that nobody has to parse "Q3 2015/16".
"""

from __future__ import annotations

from typing import Any

from actionplan.model.dates import FuzzyDate, fuzzy_date_from_data
from actionplan.model.entities import (
    Action, Activity, Budget, Group, Lead, Measure, MeasurePoint, Note, Plan, Status, Update,
    UpdateItem,
)

SCHEMA_VERSION = 1


class ExportError(Exception):
    """The model holds something the data format cannot say; a bug, never bad data."""


def _compact(**fields) -> dict[str, Any]:
    """Fields in the given order, leaving out absent ones (the format has no nulls for them)."""
    return {k: v for k, v in fields.items() if v is not None and v != () and v != [] and v != {}}


def plan_data(plan: Plan) -> dict[str, Any]:
    """One plan as the data of a plan file: {"schema_version", "plan", "groups"}, or
    "actions" in place of "groups" for a plan with no groups."""
    if plan.is_flat:
        return {"schema_version": SCHEMA_VERSION, "plan": _plan_info(plan),
                "actions": [action_data(a) for a in plan.actions]}
    return {"schema_version": SCHEMA_VERSION, "plan": _plan_info(plan),
            "groups": [group_data(g) for g in plan.groups]}


def _plan_info(plan: Plan) -> dict[str, Any]:
    org = plan.organisation
    scheme = plan.strand_scheme
    return _compact(
        id=plan.id,
        previous_ids=list(plan.previous_ids),
        title=plan.title,
        short_title=plan.short_title,
        title_as_printed=plan.title_as_printed,
        label=plan.label,
        document_status=_compact(code=plan.document_status.code, text=plan.document_status.text)
        if plan.document_status else None,
        organisation={"name": org.name, **_compact(as_written=org.as_written, kind=org.kind,
                                                   basis=org.basis, evidence=org.evidence,
                                                   partners=list(org.partners))},
        period=date_data(plan.period),
        document_date=date_data(plan.document_date),
        progress_as_at=date_data(plan.progress_as_at),
        parent_strategy=plan.parent_strategy,
        summary=plan.summary,
        introduction=plan.introduction,
        update_cadence=plan.update_cadence,
        footnotes=[{"mark": f.mark, "text": f.text} for f in plan.footnotes],
        abbreviations=[{"term": a.term, "meaning": a.meaning, "basis": a.basis}
                       for a in plan.abbreviations],
        strand_scheme=_compact(
            label=scheme.label, title=scheme.title, key_text=scheme.key_text,
            codes=[{"code": c.code, "label": c.label, "maps_to": list(c.maps_to)}
                   for c in scheme.codes]) if scheme else None,
        levels=[_compact(kind=lv.kind, label=lv.label, label_long=lv.label_long,
                         plural=lv.plural) for lv in plan.levels],
        labels=dict(plan.labels),
        source=_compact(file=plan.source.file, format=plan.source.format,
                        lines=list(plan.source.lines) if plan.source.lines else None) or None
        if plan.source else None,
        notes=_notes(plan.notes),
    )


def group_data(group: Group) -> dict[str, Any]:
    return {"id": group.id, **_compact(previous_ids=list(group.previous_ids)),
            "number": group.number, **_compact(
        title=group.title,
        theme=group.theme,
        description=group.description,
        summary=group.summary,
        equality_groups=_compact(codes=list(group.equality_groups.codes),
                                 words=group.equality_groups.words)
        if group.equality_groups else None,
        source=_source(group.source_lines),
        notes=_notes(group.notes),
        groups=[group_data(g) for g in group.groups],
        actions=[action_data(a) for a in group.actions],
    )}


def action_data(action: Action) -> dict[str, Any]:
    strands = action.strands
    return {"id": action.id, **_compact(previous_ids=list(action.previous_ids)),
            "number": action.number, "title": action.title, **_compact(
        description=action.description,
        activities=[_activity(a) for a in action.activities],
        outcome=action.outcome,
        psed=[_compact(aim=p.aim, phrase=p.phrase, basis=p.basis) for p in action.psed],
        measures=[_measure(m) for m in action.measures],
        leads=[lead_data(x) for x in action.leads],
        monitored_by=list(action.monitored_by),
        due=[date_data(d) for d in action.due],
        strands=_compact(text=strands.text, codes=list(strands.codes)) if strands else None,
        related_documents=list(action.related_documents),
        footnotes=list(action.footnotes),
        progress=[update_data(u) for u in action.progress],
        withdrawn={"date": action.withdrawn.date.isoformat(), "reason": action.withdrawn.reason}
        if action.withdrawn else None,
        rag=action.rag,
        budget=_budget(action.budget),
        source=_source(action.source_lines),
        notes=_notes(action.notes),
    )}


def update_data(update: Update) -> dict[str, Any]:
    # An update dated by default with the plan's progress_as_at is written without a date,
    # as in the plan file, so that reading it back gives the same model.
    return _compact(
        id=update.id,
        date=None if update.date_is_default else date_data(update.date),
        label=update.label,
        status=status_data(update.status),
        revised_due=date_data(update.revised_due),
        rag=update.rag,
        percent_complete=update.percent_complete,
        text=update.text,
        items=[_item(i) for i in update.items],
        next_steps=update.next_steps,
        impact=update.impact,
        reason=update.reason,
        footnotes=list(update.footnotes),
        notes=_notes(update.notes),
    )


def _item(item: UpdateItem) -> dict[str, Any]:
    return _compact(activity=item.activity, measure=item.measure, text=item.text,
                    status=status_data(item.status))


def _activity(activity: Activity) -> dict[str, Any]:
    return _compact(id=activity.id, text=activity.text,
                    due=[date_data(d) for d in activity.due],
                    leads=[lead_data(x) for x in activity.leads])


def _measure(measure: Measure) -> dict[str, Any]:
    return _compact(id=measure.id, text=measure.text, activity=measure.activity,
                    placeholder=measure.placeholder or None, unit=measure.unit,
                    baseline=_point(measure.baseline), target=_point(measure.target),
                    values=[_compact(date=date_data(v.date), value=v.value, note=v.note)
                            for v in measure.values])


def _point(point: MeasurePoint | None) -> dict[str, Any] | None:
    return _compact(value=point.value, date=date_data(point.date)) if point else None


def _budget(budget: Budget | None) -> dict[str, Any] | None:
    # The currency is written even when it is the default, so nobody has to know the default.
    return _compact(amount=budget.amount, currency=budget.currency, period=budget.period,
                    note=budget.note) if budget else None


def lead_data(lead: Lead) -> dict[str, Any]:
    return _compact(text=lead.text, organisation=lead.organisation,
                    directorate=lead.directorate, unit=lead.unit)


def status_data(status: Status | None) -> dict[str, Any] | None:
    if status is None:
        return None
    return _compact(code=status.code, text=status.text, basis=status.basis)


def _notes(notes: tuple[Note, ...]) -> list[dict[str, Any]]:
    return [_compact(kind=n.kind, field=n.field, text=n.text, public=n.public) for n in notes]


def _source(lines: tuple[int, int] | None) -> dict[str, Any] | None:
    return {"lines": list(lines)} if lines else None


def date_data(value: FuzzyDate | None) -> dict[str, Any] | None:
    """A date in full; the first written form that reads back as the same date."""
    if value is None:
        return None
    full = _compact(text=value.text, kind=value.kind,
                    start=value.start.isoformat() if value.start else None,
                    end=value.end.isoformat() if value.end else None,
                    recurrence=value.recurrence, basis=value.basis, evidence=value.evidence)
    # Without "basis", the reader resets the evidence it would otherwise infer from the words.
    without_basis = {k: v for k, v in full.items() if k != "basis"}
    for candidate in (full, without_basis):
        if fuzzy_date_from_data(candidate) == value:
            return candidate
    raise ExportError(f"the date {value!r} cannot be written in the data format")
