"""Tables -> plan data: a new plan, or an existing plan updated with what the tables cover.

What the spreadsheet has replaces what the plan had; what it leaves out is kept. A sheet
that is present is the whole truth for what it holds (delete a row, and the item goes); a
sheet or column that is missing leaves those fields of the existing plan as they were. Items
are matched to the existing plan by id (an action without an id by its number, then its
title), so transcription notes and other details survive a one-table import.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from actionplan.plan_values import ID_PATTERN, normal_form
from actionplan.problems import Problem
from actionplan.spreadsheet import columns as L
from actionplan.spreadsheet.assembly import (
    Previous, already_said, counted, free_id, order, walk_groups,
)
from actionplan.spreadsheet.cells import (
    CellError, format_ref, line_range, maybe_several_leads, parse_ref, split_codes, split_items,
    split_leads, yes_no,
)
from actionplan.spreadsheet.details import Detail, ref_key
from actionplan.spreadsheet.files import read_sheets
from actionplan.spreadsheet.group_tree import GroupTree
from actionplan.spreadsheet.origins import Origins
from actionplan.spreadsheet.tables import (
    HeadingWords, Origin, ParsedTable, Row, identify, parse_fields, parse_table,
)

_ACTION_FIELDS = [c.key for c in L.ACTIONS.columns if not c.key.startswith("group_")]


@dataclass
class Reading:
    data: dict
    problems: list[Problem]
    origins: Origins
    summary: list[str] = field(default_factory=list)


class Spreadsheet:
    """A spreadsheet file, its sheets identified as tables of the layout."""

    def __init__(self, path: Path, display: str):
        self.display = display
        raw, problems = read_sheets(path, display)
        self.sheets, found = identify(raw)
        self.problems = problems + found

    def plan_id(self) -> str | None:
        sheet = self.sheets.get(L.PLAN.name.casefold())
        if sheet is None:
            return None
        table, _ = parse_fields(L.PLAN, sheet)
        return next((row.get("id") for row in table.rows if row.get("id")), None)

    def read(self, *, plan_id: str, existing: dict | None,
             mapping: dict[str, str] | None = None) -> Reading:
        return _Importer(self, plan_id, existing, mapping or {}).run()


class _Importer:
    def __init__(self, book: Spreadsheet, plan_id: str, existing: dict | None,
                 mapping: dict[str, str]):
        self.book = book
        self.plan_id = plan_id
        self.old = copy.deepcopy(existing) if existing else None
        self.original = copy.deepcopy(existing) if existing else None
        self.added_updates = 0
        self.mapping = mapping
        self.problems: list[Problem] = list(book.problems)
        self.origins = Origins(Origin(book.display))
        self.tables: dict[str, ParsedTable] = {}
        self.refs: set = set()
        self.summary: list[str] = []

    # --- the whole import -----------------------------------------------------------------

    def run(self) -> Reading:
        # Actions and Progress headings may be the plan's own, known once the plan is read.
        own_headings = (L.ACTIONS, L.PROGRESS)
        self._parse([t for t in L.TABLES if t not in own_headings], HeadingWords(self.mapping))
        self._details()
        plan = self._plan()
        words = HeadingWords(self.mapping, plan.get("labels") or {},
                             [lv.get("label", "") for lv in plan.get("levels") or []])
        self._parse(list(own_headings), words)
        self.progress = Detail(self.tables.get(L.PROGRESS.name), "action", self.problems)
        groups = self._groups(plan)
        data = {"schema_version": 1, "plan": plan, "groups": groups}
        self.origins.item(data, Origin(self.book.display))
        # A plan with no groups has no action rows: a problem about it points at the Actions
        # sheet's headings, where the rows go.
        actions = self.tables.get(L.ACTIONS.name)
        self.origins.item(groups, Origin(self.book.display, actions.sheet if actions else "",
                                         actions.heading_row if actions else None))
        self._report_unused()
        self._summarise(data)
        return Reading(data, self.problems, self.origins, self.summary)

    def _parse(self, tables: list[L.Table], words: HeadingWords) -> None:
        for table in tables:
            sheet = self.book.sheets.get(table.name.casefold())
            if sheet is None:
                continue
            one_table = table is L.ACTIONS and not any(
                name != table.name.casefold() for name in self.book.sheets)
            if table.fields:
                parsed, found = parse_fields(table, sheet)
            else:
                parsed, found = parse_table(table, sheet, words, search_headings=one_table)
            self.tables[table.name] = parsed
            self.problems.extend(found)

    def _details(self) -> None:
        def detail(table: L.Table, key: str) -> Detail:
            return Detail(self.tables.get(table.name), key, self.problems)
        self.activities = detail(L.ACTIVITIES, "action")
        self.measures = detail(L.MEASURES, "action")
        self.psed = detail(L.PSED, "action")
        self.items = detail(L.PROGRESS_ITEMS, "action")
        self.leads = detail(L.LEADS, "belongs_to")
        self.dates = detail(L.DATES, "belongs_to")
        self.notes = detail(L.NOTES, "belongs_to")
        self.sources = detail(L.SOURCES, "belongs_to")

    # --- the plan section -----------------------------------------------------------------

    def _plan(self) -> dict:
        plan = self.old["plan"] if self.old else {}
        fields = self.tables.get(L.PLAN.name)
        origin = Origin(self.book.display, fields.sheet) if fields else Origin(self.book.display)
        self.origins.item(plan, origin)
        for row in fields.rows if fields else []:
            key = next(iter(row.cells))
            self._plan_field(plan, key, row.get(key), row.origin(key))
        self._plan_id(plan, fields)
        self._plan_lists(plan)
        self.add_notes_and_source(plan, (("plan", ""),))
        order(plan, "Plan")
        return plan

    def _plan_id(self, plan: dict, fields: ParsedTable | None) -> None:
        given = plan.get("id") if fields and fields.has("id") else None
        if fields is not None and given and given != self.plan_id:
            row = next(r for r in fields.rows if "id" in r.cells)
            self.problems.append(row.origin("id").problem(
                "plan", f'the Plan id "{given}" is not the plan being imported ({self.plan_id})',
                "import with --plan " + given + ", or correct the Plan id"))
        plan["id"] = plan.get("id") or self.plan_id

    def _plan_field(self, plan: dict, key: str, value: str, origin: Origin) -> None:
        if key in ("document_status", "document_status_text"):
            status = plan.setdefault("document_status", {})
            self.put(status, "code" if key == "document_status" else "text", value, origin)
            if not status:
                del plan["document_status"]
        elif key == "organisation":
            organisation = plan.setdefault("organisation", {})
            organisation["name"] = value or None  # required, but may be null: "not named"
            self.origins.field(organisation, "name", origin)
        elif key.startswith("organisation_") or key == "partners":
            organisation = plan.setdefault("organisation", {})
            given = split_items(value) if key == "partners" else value
            self.put(organisation, key.removeprefix("organisation_"), given, origin)
        elif key == "previous_ids":
            self.put(plan, key, split_items(value), origin)
        elif key in ("period", "document_date", "progress_as_at"):
            date = self._date(value, (("plan", ""),), key, origin, Previous(plan.get(key)))
            self.put(plan, key, date, origin)
        elif key.startswith("strand_"):
            scheme = plan.setdefault("strand_scheme", {})
            name = {"strand_heading": "label", "strand_title": "title"}.get(key, "key_text")
            self.put(scheme, name, value, origin)
            if not scheme:
                del plan["strand_scheme"]
        else:
            self.put(plan, key, value, origin)
        if "organisation" in plan:
            order(plan["organisation"], "Organisation")

    def _plan_lists(self, plan: dict) -> None:
        self._table_list(plan, "levels", L.LEVELS, lambda row: self._record(row, {
            k: row.get(k) for k in ("kind", "label", "label_long", "plural")}))
        self._labels(plan)
        self._table_list(plan, "footnotes", L.FOOTNOTES, lambda row: self._record(row, {
            "mark": row.get("mark"), "text": row.get("text")}))
        self._table_list(plan, "abbreviations", L.ABBREVIATIONS, lambda row: self._record(row, {
            "term": row.get("term"), "meaning": row.get("meaning"), "basis": row.get("basis")}))
        codes = self.tables.get(L.STRAND_KEY.name)
        if codes is not None:
            scheme = plan.setdefault("strand_scheme", {})
            self.put(scheme, "codes", [self._record(row, {
                "code": row.get("code"), "label": row.get("label"),
                "maps_to": split_codes(row.get("maps_to"))}) for row in codes.rows], None)
            if not scheme:
                del plan["strand_scheme"]
            else:
                order(scheme, "StrandScheme")

    def _labels(self, plan: dict) -> None:
        table = self.tables.get(L.HEADINGS.name)
        if table is None:
            return
        fields = {L.heading_key(k): k for k in L.LABEL_FIELDS}
        fields.update({L.heading_key(v): k for k, v in L.LABEL_FIELDS.items()})
        labels: dict[str, str] = {}
        for row in table.rows:
            name = fields.get(L.heading_key(row.get("field")))
            if name is None:
                self.problems.append(row.origin("field").problem(
                    "", f'"{row.get("field")}" is not a field that can have a heading',
                    "use one of: " + ", ".join(L.LABEL_FIELDS)))
            elif row.get("heading"):
                labels[name] = row.get("heading")
                self.origins.field(labels, name, row.origin("heading"))
        self.put(plan, "labels", labels, None)

    def _table_list(self, target: dict, key: str, table: L.Table, make) -> None:
        parsed = self.tables.get(table.name)
        if parsed is not None:
            self.put(target, key, [make(row) for row in parsed.rows], None)

    # --- groups and actions ---------------------------------------------------------------

    def _groups(self, plan: dict) -> list:
        groups_table = self.tables.get(L.GROUPS.name)
        actions_table = self.tables.get(L.ACTIONS.name)
        old_groups = list(walk_groups(self.old["groups"])) if self.old else []
        self.old_actions = {a["id"]: a for _, g in old_groups for a in g.get("actions", [])
                            if isinstance(a, dict) and "id" in a}
        self.taken: set[str] = set()
        tree = GroupTree(self, plan)
        if groups_table is not None:
            tree.from_table(groups_table, {g["id"]: g for _, g in old_groups})
        else:
            tree.from_old(old_groups)
        if actions_table is not None:
            self._actions_from_rows(tree, actions_table)
        else:
            tree.keep_old_actions(self)
        return tree.assemble(drop_empty=groups_table is None and actions_table is not None)

    def _actions_from_rows(self, tree: GroupTree, table: ParsedTable) -> None:
        current = None
        for row in table.rows:
            group = tree.group_for(row, current)
            if group is None:
                self.problems.append(row.origin().problem(
                    "action", "this action has no group", "fill the Group id (or, without a Groups "
                    "sheet, the Group title) on this row or a row above it"))
                continue
            current = group
            if row.is_empty(_ACTION_FIELDS):
                continue  # a row that only names a group, as a heading row does
            action_id = self._action_id(row, group)
            action = self._old_action(action_id)
            self.origins.item(action, row.origin())
            self.put(action, "id", action_id, row.origin("id"))
            self._action_cells(action, row)
            self.finish_action(action, row)
            group.setdefault("actions", []).append(action)

    def _old_action(self, action_id: str) -> dict:
        """The existing action with this id to update, or a new one (also for a repeated id)."""
        fresh = action_id in self.taken or action_id not in self.old_actions
        self.taken.add(action_id)
        return {} if fresh else self.old_actions[action_id]

    def _action_id(self, row: Row, group: dict) -> str:
        if row.get("id"):
            return row.get("id")
        for key in ("number", "title"):
            wanted = row.get(key)
            match = [i for i, a in self.old_actions.items()
                     if wanted and a.get(key) == wanted and i not in self.taken]
            if match:
                return match[0]
        number = row.get("number")
        if number and ID_PATTERN.match(number) and number not in self.taken:
            return number
        count = 1
        while f"{group['id']}-{count}" in self.taken:
            count += 1
        return f"{group['id']}-{count}"

    def _action_cells(self, action: dict, row: Row) -> None:
        ref = (("action", action["id"]),)
        for key in ("number", "title", "description", "outcome"):
            if row.table.has(key):
                self.put(action, key, row.get(key), row.origin(key))
        for key in ("previous_ids", "monitored_by", "related_documents", "footnotes"):
            if row.table.has(key):
                self.put(action, key, split_items(row.get(key)), row.origin(key))
        self._activities(action, row)
        self._measures(action, row)
        if row.table.has("leads"):
            leads = self._leads(row.get("leads"), ref, Previous(action.get("leads")),
                                row.origin("leads"))
            self.put(action, "leads", leads, row.origin("leads"))
        if row.table.has("due"):
            due = self._dates(row.get("due"), ref, "due", row.origin("due"),
                              Previous(action.get("due")))
            self.put(action, "due", due, row.origin("due"))
        self._strands(action, row)
        self._withdrawn(action, row)

    def _strands(self, action: dict, row: Row) -> None:
        if not (row.table.has("strands") or row.table.has("strands_text")):
            return
        strands = action.get("strands") or {}
        if row.table.has("strands_text"):
            self.put(strands, "text", row.get("strands_text"), row.origin("strands_text"))
        if row.table.has("strands"):
            self.put(strands, "codes", split_codes(row.get("strands")), row.origin("strands"))
        self.put(action, "strands", strands, row.origin("strands"))
        if strands:
            order(strands, None, ("text", "codes"))

    def _withdrawn(self, action: dict, row: Row) -> None:
        if not (row.table.has("withdrawn_date") or row.table.has("withdrawn_reason")):
            return
        withdrawn = action.get("withdrawn") or {}
        for key in ("date", "reason"):
            if row.table.has(f"withdrawn_{key}"):
                self.put(withdrawn, key, row.get(f"withdrawn_{key}"),
                         row.origin(f"withdrawn_{key}"))
        self.put(action, "withdrawn", withdrawn, row.origin("withdrawn_date"))

    def _activities(self, action: dict, row: Row) -> None:
        has_column = row.table.has("activities")
        if not has_column and not self.activities.present:
            return
        details: list[Row | None]
        if has_column:
            texts = split_items(row.get("activities"))
            details = [self.activities.take(action["id"], text=text) for text in texts]
        else:
            listed = self.activities.take_all(action["id"])
            details = list(listed)
            texts = [d.get("text") for d in listed]
        previous = Previous(None if self.activities.present else action.get("activities"))
        kept = [previous.take(text) for text in texts]
        used_ids = {d.get("id") for d in details if d is not None and d.get("id")}
        used_ids |= {k["id"] for k in kept if isinstance(k, dict)}
        activities = []
        for text, detail, old in zip(texts, details, kept):
            if isinstance(old, dict):  # no Activities sheet: keep the id, dates and leads
                self.refs.add(ref_key((("action", action["id"]), ("activity", old["id"]))))
                activities.append(old)
                continue
            # Activities listed without an id get the next free one: a1, a2...
            given_id = detail.get("id") if detail is not None else None
            origin = detail.origin() if detail is not None else row.origin("activities")
            activity = {"id": given_id or free_id("a", used_ids), "text": text}
            self.origins.item(activity, origin)
            self.origins.field(activity, "id",
                               detail.origin("id") if detail is not None and given_id else origin)
            self.origins.field(activity, "text", detail.origin("text") if detail else origin)
            if detail is not None:
                self._activity_detail(activity, detail, action["id"])
            activities.append(activity)
        self.put(action, "activities", activities, row.origin("activities"))

    def _activity_detail(self, activity: dict, row: Row, action_id: str) -> None:
        ref = (("action", action_id), ("activity", activity["id"]))
        self.refs.add(ref_key(ref))
        if row.get("due"):
            self.put(activity, "due", self._dates(row.get("due"), ref, "due", row.origin("due")),
                     row.origin("due"))
        if row.get("leads"):
            self.put(activity, "leads", self._leads(row.get("leads"), ref,
                                                    origin=row.origin("leads")),
                     row.origin("leads"))

    def _measures(self, action: dict, row: Row) -> None:
        if not row.table.has("measures"):
            return
        measures = []
        previous = Previous(None if self.measures.present else action.get("measures"))
        for text in split_items(row.get("measures")):
            detail = self.measures.take(action["id"], text=text)
            if detail is None:
                measures.append(previous.take(text) or text)
                continue
            measure = self._record(detail, {"id": detail.get("id"), "text": text,
                                            "activity": detail.get("activity")})
            self._yes_no(measure, "placeholder", detail)
            measures.append(measure)
        self.put(action, "measures", measures, row.origin("measures"))

    # --- what the detail sheets add to an action ------------------------------------------

    def finish_action(self, action: dict, row: Row | None) -> None:
        action_id = action.get("id", "")
        ref = (("action", action_id),)
        self.refs.add(ref_key(ref))
        if self.psed.present:
            self.put(action, "psed", [self._record(r, {
                "aim": r.get("aim"), "phrase": r.get("phrase"), "basis": r.get("basis")})
                for r in self.psed.take_all(action_id)], None)
        if self.progress.present:
            self.put(action, "progress", [self._update(r, action_id, position) for position, r
                                          in enumerate(self.progress.take_all(action_id), 1)],
                     None)
        else:
            for position, update in enumerate(action.get("progress") or [], 1):
                update_ref = ref + (("update", str(update.get("id", position))),)
                self.refs.add(ref_key(update_ref))
                self.add_notes_and_source(update, update_ref, source=False)
        if row is not None:
            self._inline_update(action, row)
        self.add_notes_and_source(action, ref)
        order(action, "Action")

    def _update(self, row: Row, action_id: str, position: int) -> dict:
        name = row.get("id") or str(position)
        ref = (("action", action_id), ("update", name))
        self.refs.add(ref_key(ref))
        update = self._record(row, {"id": row.get("id")})
        update["date"] = self._date(row.get("date"), ref, "date", row.origin("date"))
        self.put(update, "label", row.get("label"), row.origin("label"))
        self.put(update, "status", self._status(row), row.origin("status"))
        update["revised_due"] = self._date(row.get("revised_due"), ref, "revised_due",
                                           row.origin("revised_due"))
        for key in ("text", "next_steps", "impact", "reason"):
            self.put(update, key, row.get(key), row.origin(key))
        self.put(update, "footnotes", split_items(row.get("footnotes")), row.origin("footnotes"))
        items = self.items.take_all(action_id, update=name) or (
            self.items.take_all(action_id, update=str(position)) if row.get("id") else [])
        self.put(update, "items", [self._item(r) for r in items], None)
        self.add_notes_and_source(update, ref, source=False)
        for key in ("date", "revised_due"):
            if update[key] in ("", None):
                del update[key]
            else:
                self.origins.field(update, key, row.origin(key))
        order(update, "Update")
        return update

    def _item(self, row: Row) -> dict:
        item = self._record(row, {k: row.get(k) for k in ("activity", "measure", "text")})
        self.put(item, "status", self._status(row), row.origin("status"))
        return item

    def _status(self, row: Row) -> str | dict | None:
        code, text, basis = row.get("status"), row.get("status_text"), row.get("status_basis")
        if not (text or basis):
            return code or None
        status: dict[str, Any] = {}
        for key, value, column in (("code", code, "status"), ("text", text, "status_text"),
                                   ("basis", basis, "status_basis")):
            self.put(status, key, value, row.origin(column))
        self.origins.item(status, row.origin("status"))
        return status

    def _inline_update(self, action: dict, row: Row) -> None:
        candidate = {"date": row.get("progress_date"), "status": row.get("status"),
                     "text": row.get("progress"), "next_steps": row.get("next_steps"),
                     "impact": row.get("impact")}
        candidate = {k: v for k, v in candidate.items() if v}
        if not candidate:
            return
        progress = action.setdefault("progress", [])
        if progress and already_said(progress[-1], candidate):
            return
        self.origins.item(candidate, row.origin())
        for key, column in (("date", "progress_date"), ("status", "status"), ("text", "progress"),
                            ("next_steps", "next_steps"), ("impact", "impact")):
            if key in candidate:
                self.origins.field(candidate, key, row.origin(column))
        progress.append(candidate)
        self.added_updates += 1

    def add_notes_and_source(self, item: dict, ref, *, source: bool = True) -> None:
        key = ref_key(ref)
        if self.notes.present:
            self.put(item, "notes", [self._note(r) for r in self.notes.take_all(key)], None)
        if source and self.sources.present:
            rows = self.sources.take_all(key)
            self.put(item, "source", self._source(rows[0]) if rows else None, None)
            for extra in rows[1:]:
                name = format_ref(*ref)
                self.problems.append(extra.origin().problem(
                    name, f"{name} already has a source (row {rows[0].number})",
                    "keep one row for it"))

    def _note(self, row: Row) -> dict:
        note = self._record(row, {"kind": row.get("kind"), "field": row.get("field"),
                                  "text": row.get("text")})
        self._yes_no(note, "public", row)
        order(note, None, ("kind", "field", "public", "text"))
        return note

    def _source(self, row: Row) -> dict:
        source = self._record(row, {"file": row.get("file"), "format": row.get("format")})
        if row.get("lines"):
            try:
                source["lines"] = line_range(row.get("lines"))
            except CellError as error:
                self.problems.append(row.origin("lines").problem("", error.what, error.fix))
        return source

    # --- cells with detail: dates and leads -----------------------------------------------

    def _dates(self, text: str, ref, field: str, origin: Origin,
               previous: Previous | None = None) -> list:
        return [self._date(words, ref, field, origin, previous) for words in split_items(text)]

    def _date(self, words: str, ref, field: str, origin: Origin,
              previous: Previous | None = None) -> str | dict:
        detail = self.dates.take(ref_key(ref), field=field, text=words) if words else None
        if detail is None:
            kept = previous.take(words) if previous and not self.dates.present else None
            return kept or words
        value = self._record(detail, {k: detail.get(k) for k in (
            "text", "kind", "start", "end", "recurrence", "basis", "evidence")})
        return value

    def _leads(self, text: str, ref, previous: Previous | None = None,
               origin: Origin | None = None) -> list:
        leads = []
        # Leads the plan already has are the officer's settled choice: no warning again.
        known = {item.get("text") if isinstance(item, dict) else item
                 for item in (previous.items if previous else [])}
        kept = previous if previous and not self.leads.present else Previous(None)
        for words in split_leads(text):
            if origin is not None and words not in known:
                self._several_leads(words, origin)
            detail = self.leads.take(ref_key(ref), text=words)
            leads.append(kept.take(words) or words if detail is None else self._record(detail, {
                k: detail.get(k) for k in ("text", "organisation", "directorate", "unit")}))
        return leads

    def _several_leads(self, words: str, origin: Origin) -> None:
        parts = maybe_several_leads(words)
        if parts:
            self.problems.append(origin.problem(
                "", f'the lead "{words}" may name {len(parts)} leads; each lead is counted '
                "apart in the lead index only when written apart",
                f'if it names several, write "{"; ".join(parts)}" (or one lead a line, '
                "Alt+Enter); if it is one lead, leave it", "warning"))

    # --- small helpers --------------------------------------------------------------------

    def _record(self, row: Row, values: dict) -> dict:
        """A dict of the row's non-empty values, each remembered as coming from its cell."""
        result = {k: v for k, v in values.items() if v not in ("", None, [])}
        self.origins.item(result, row.origin())
        for key in result:
            self.origins.field(result, key, row.origin(key))
        return result

    def put(self, target: dict, key: str, value: Any, origin: Origin | None) -> None:
        if value in ("", None, [], {}):
            target.pop(key, None)
            return
        target[key] = value
        if origin is not None:
            self.origins.field(target, key, origin)
            if isinstance(value, (list, dict)):
                self.origins.item(value, origin)

    def _yes_no(self, target: dict, key: str, row: Row) -> None:
        """Set `key` from a yes/no cell; an empty cell leaves it out."""
        if not row.get(key):
            return
        try:
            target[key] = yes_no(row.get(key))
            self.origins.field(target, key, row.origin(key))
        except CellError as error:
            self.problems.append(row.origin(key).problem("", error.what, error.fix))

    # --- what was not used, and what changed ----------------------------------------------

    def _report_unused(self) -> None:
        for detail, noun in ((self.activities, "activity"), (self.measures, "measure"),
                             (self.leads, "lead"), (self.dates, "date")):
            for row in detail.unused():
                self.problems.append(row.origin("text").problem(
                    "", f'no {noun} of {_owner(row)} reads "{row.get("text")}" in the main '
                    "sheet, so this row was not used",
                    f"give the {noun} the same words in both places, or delete this row",
                    "warning" if self._known(row) else "error"))
        for detail in (self.psed, self.progress, self.items, self.notes, self.sources):
            for row in detail.unused():
                self.problems.append(row.origin().problem(
                    _owner(row), f"{_owner(row)} is not in the plan, so this row was not used",
                    "correct the id (see the Actions and Progress sheets), or delete this row"))

    def _known(self, row: Row) -> bool:
        owner = row.get("belongs_to") or f"action {row.get('action')}"
        try:
            return ref_key(parse_ref(owner)) in self.refs
        except CellError:
            return False

    def _summarise(self, data: dict) -> None:
        new_actions = {a["id"]: a for _, g in walk_groups(data["groups"])
                       for a in g.get("actions", [])}
        old_actions = {a["id"]: a for _, g in walk_groups(self.original["groups"])
                       for a in g.get("actions", [])} if self.original else {}
        updates = sum(len(a.get("progress") or []) for a in new_actions.values())
        groups = len(list(walk_groups(data["groups"])))
        self.summary.append(f"{counted(groups, 'group')}, "
                            f"{counted(len(new_actions), 'action')}, "
                            f"{counted(updates, 'progress update')}.")
        if self.old is None:
            return
        added = [i for i in new_actions if i not in old_actions]
        removed = [i for i in old_actions if i not in new_actions]
        changed = [i for i in new_actions if i in old_actions and
                   normal_form(new_actions[i]) != normal_form(old_actions[i])]
        for names, verb in ((added, "added"), (removed, "removed"), (changed, "changed")):
            if names:
                self.summary.append(f"Actions {verb}: {', '.join(names)}.")
        if self.added_updates:
            self.summary.append(f"Progress updates added from the Actions sheet: "
                                f"{self.added_updates}.")


def _owner(row: Row) -> str:
    return row.get("belongs_to") or f"action {row.get('action')}"
