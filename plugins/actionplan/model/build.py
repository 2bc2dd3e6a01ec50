"""Turn validated plan data (plain dicts) into the typed model."""

from __future__ import annotations

from datetime import date
from typing import Any

from actionplan.model.dates import FuzzyDate, Span, fuzzy_date_from_data, plan_span
from actionplan.model.entities import (
    Abbreviation, Action, Activity, Budget, EqualityGroups, Footnote, Group, Lead, Level, Measure,
    MeasurePoint, MeasureValue, Note, Organisation, Plan, PsedAim, Source, Status, Strands,
    StrandCode, StrandScheme, Update, UpdateItem, Withdrawal,
)


def build_plan(data: dict[str, Any], data_file: str = "") -> Plan:
    info = data["plan"]
    levels = tuple(Level(**lv) for lv in info.get("levels", []))
    period = _date(info.get("period"))
    within = plan_span(period)  # a month written without its full year is read in it
    as_at = _date(info.get("progress_as_at"), within)
    groups = tuple(group_from_data(g, levels, 0, as_at, within) for g in data.get("groups", []))
    actions = tuple(action_from_data(a, as_at, within) for a in data.get("actions", []))
    return Plan(
        id=info["id"],
        title=info["title"],
        organisation=_organisation(info["organisation"]),
        levels=levels,
        groups=groups,
        actions=actions,
        short_title=info.get("short_title"),
        title_as_printed=info.get("title_as_printed"),
        label=info.get("label"),
        document_status=_status(info.get("document_status"), vocabulary="document"),
        period=period,
        document_date=_date(info.get("document_date"), within),
        progress_as_at=as_at,
        parent_strategy=info.get("parent_strategy"),
        introduction=info.get("introduction"),
        summary=info.get("summary"),
        update_cadence=info.get("update_cadence"),
        footnotes=tuple(Footnote(**f) for f in info.get("footnotes", [])),
        abbreviations=tuple(Abbreviation(**a) for a in info.get("abbreviations", [])),
        strand_scheme=_strand_scheme(info.get("strand_scheme")),
        labels=dict(info.get("labels", {})),
        source=_source(info),
        notes=_notes(info),
        data_file=data_file,
        fields_present=fields_present(groups, actions),
        previous_ids=tuple(info.get("previous_ids", [])),
    )


_OPTIONAL_ACTION_FIELDS = ("due", "leads", "measures", "activities", "outcome", "psed",
                           "monitored_by", "strands", "related_documents", "progress")


# group_from_data, action_from_data, update_from_data and fields_present are public: the
# history reader builds each version's plan from them piece by piece (history/plan_build.py).
def fields_present(groups: tuple[Group, ...], actions: tuple[Action, ...] = ()) -> frozenset[str]:
    """Every optional action field some action in these groups (or these top-level actions
    of a plan with no groups) fills in."""
    present: set[str] = {f for action in actions for f in _OPTIONAL_ACTION_FIELDS
                         if getattr(action, f)}
    stack = list(groups)
    while stack:
        group = stack.pop()
        stack.extend(group.groups)
        for action in group.actions:
            present.update(f for f in _OPTIONAL_ACTION_FIELDS if getattr(action, f))
    return frozenset(present)


def group_from_data(data: dict, levels: tuple[Level, ...], depth: int,
                    as_at: FuzzyDate | None, within: Span | None = None) -> Group:
    return Group(
        id=data["id"],
        title=data["title"],
        level=levels[min(depth, len(levels) - 1)],
        number=data.get("number"),
        theme=data.get("theme"),
        description=data.get("description"),
        summary=data.get("summary"),
        equality_groups=_equality_groups(data.get("equality_groups")),
        notes=_notes(data),
        groups=tuple(group_from_data(g, levels, depth + 1, as_at, within)
                     for g in data.get("groups", [])),
        actions=tuple(action_from_data(a, as_at, within) for a in data.get("actions", [])),
        source_lines=_lines(data),
        source=_source(data),
        previous_ids=tuple(data.get("previous_ids", [])),
    )


def _equality_groups(data) -> EqualityGroups | None:
    return EqualityGroups(tuple(data["codes"]), data.get("words")) if data else None


def action_from_data(data: dict, as_at: FuzzyDate | None, within: Span | None = None) -> Action:
    strands = data.get("strands")
    withdrawn = data.get("withdrawn")
    return Action(
        id=data["id"],
        number=data.get("number"),
        title=data.get("title"),
        description=data.get("description"),
        activities=tuple(_activity(a, within) for a in data.get("activities", [])),
        outcome=data.get("outcome"),
        psed=tuple(PsedAim(**p) for p in data.get("psed", [])),
        measures=tuple(_measure(m, within) for m in data.get("measures", [])),
        leads=tuple(_lead(x) for x in data.get("leads", [])),
        monitored_by=tuple(data.get("monitored_by", [])),
        due=tuple(fuzzy_date_from_data(d, within) for d in data.get("due", [])),
        strands=Strands(codes=tuple(strands["codes"]), text=strands.get("text"))
        if strands else None,
        related_documents=tuple(data.get("related_documents", [])),
        footnotes=tuple(data.get("footnotes", [])),
        progress=tuple(update_from_data(u, i, as_at, within)
                       for i, u in enumerate(data.get("progress", []))),
        withdrawn=Withdrawal(date.fromisoformat(withdrawn["date"]), withdrawn["reason"])
        if withdrawn else None,
        source_lines=_lines(data),
        notes=_notes(data),
        source=_source(data),
        previous_ids=tuple(data.get("previous_ids", [])),
        rag=data.get("rag"),
        budget=_budget(data.get("budget")),
    )


def update_from_data(data: dict, index: int, as_at: FuzzyDate | None,
                     within: Span | None = None) -> Update:
    own_date = _date(data.get("date"), within)
    return Update(
        id=data.get("id", str(index + 1)),
        date=own_date or as_at,
        date_is_default=own_date is None and as_at is not None,
        label=data.get("label"),
        status=_status(data.get("status")),
        revised_due=_date(data.get("revised_due"), within),
        rag=data.get("rag"),
        percent_complete=data.get("percent_complete"),
        text=data.get("text"),
        items=tuple(UpdateItem(text=i["text"], activity=i.get("activity"),
                               measure=i.get("measure"), status=_status(i.get("status")))
                    for i in data.get("items", [])),
        next_steps=data.get("next_steps"),
        impact=data.get("impact"),
        reason=data.get("reason"),
        footnotes=tuple(data.get("footnotes", [])),
        notes=_notes(data),
    )


def _activity(data: dict, within: Span | None = None) -> Activity:
    return Activity(id=data["id"], text=data["text"],
                    due=tuple(fuzzy_date_from_data(d, within) for d in data.get("due", [])),
                    leads=tuple(_lead(x) for x in data.get("leads", [])))


def _measure(data, within: Span | None = None) -> Measure:
    if isinstance(data, str):
        return Measure(text=data)
    return Measure(text=data["text"], id=data.get("id"), activity=data.get("activity"),
                   placeholder=data.get("placeholder", False), unit=data.get("unit"),
                   baseline=_measure_point(data.get("baseline"), within),
                   target=_measure_point(data.get("target"), within),
                   values=tuple(MeasureValue(fuzzy_date_from_data(v["date"], within), v["value"],
                                             v.get("note"))
                                for v in data.get("values", [])))


def _measure_point(data, within: Span | None) -> MeasurePoint | None:
    return MeasurePoint(data["value"], _date(data.get("date"), within)) if data else None


def _budget(data) -> Budget | None:
    if not data:
        return None
    return Budget(amount=data["amount"], currency=data.get("currency", "GBP"),
                  period=data.get("period"), note=data.get("note"))


def _lead(data) -> Lead:
    return Lead(text=data) if isinstance(data, str) else Lead(**data)


def _status(data, vocabulary: str = "progress") -> Status | None:
    if data is None:
        return None
    if isinstance(data, str):
        return Status(code=data)
    if vocabulary == "document":
        return Status(code=data["code"], text=data.get("text"), basis="stated")
    return Status(code=data["code"], text=data.get("text"), basis=data.get("basis", "stated"))


def _date(data, within: Span | None = None) -> FuzzyDate | None:
    return fuzzy_date_from_data(data, within) if data is not None else None


def _organisation(data: dict) -> Organisation:
    return Organisation(name=data["name"], kind=data["kind"], basis=data["basis"],
                        as_written=data.get("as_written"), evidence=data.get("evidence"),
                        partners=tuple(data.get("partners", [])))


def _strand_scheme(data) -> StrandScheme | None:
    if not data:
        return None
    return StrandScheme(label=data["label"], title=data.get("title"),
                        key_text=data.get("key_text"),
                        codes=tuple(StrandCode(c["code"], c["label"], tuple(c["maps_to"]))
                                    for c in data["codes"]))


def _notes(data: dict) -> tuple[Note, ...]:
    return tuple(Note(kind=n["kind"], text=n["text"], field=n.get("field"),
                      public=n.get("public", False)) for n in data.get("notes", []))


def _source(data: dict) -> Source | None:
    source = data.get("source")
    if not source:
        return None
    return Source(file=source.get("file"), format=source.get("format"), lines=_lines(data))


def _lines(data: dict) -> tuple[int, int] | None:
    lines = (data.get("source") or {}).get("lines")
    return tuple(lines) if lines else None
