"""The Actions sheet of an import (with the Groups sheet): the plan's groups and actions, or
the top-level actions of a plan with no groups. Each action is matched to the existing plan
by id (without one, by its number, then its title), so what the sheet leaves out is kept."""

from __future__ import annotations

from typing import Any

from actionplan.plan_values import ID_PATTERN
from actionplan.spreadsheet import columns
from actionplan.spreadsheet.action_details import ActionDetails
from actionplan.spreadsheet.assembly import Previous, free_id, order, walk_groups
from actionplan.spreadsheet.cells import figure, split_codes, split_items
from actionplan.spreadsheet.detail_sheets import DetailSheets
from actionplan.spreadsheet.details import ref_key
from actionplan.spreadsheet.group_tree import GroupTree
from actionplan.spreadsheet.import_state import ImportState
from actionplan.spreadsheet.tables import ParsedTable, Row

ACTION_FIELDS = [c.key for c in columns.ACTIONS.columns if not c.key.startswith("group_")]


class ActionsSheet:
    def __init__(self, state: ImportState, details: DetailSheets, finishing: ActionDetails,
                 tables: dict[str, ParsedTable], old: dict | None):
        self.state, self.details, self.finishing = state, details, finishing
        self.groups_table = tables.get(columns.GROUPS.name)
        self.table = tables.get(columns.ACTIONS.name)
        self.old = old  # the plan being updated (its data, to be changed in place), or None
        self.old_actions: dict[str, dict] = {}  # the plan's existing actions, by id
        self.taken: set[str | None] = set()  # action ids given out so far

    def is_flat(self) -> bool:
        """Whether the tables describe a plan with no groups: no Groups rows, no action row
        naming a group, and no groups in the plan being updated."""
        if self.groups_table is not None and self.groups_table.rows or (
                self.old and self.old.get("groups")):
            return False
        if self.table is None:
            return self.old is not None  # the plan's own (flat) actions are kept
        if self.old is None and all(row.is_empty(ACTION_FIELDS) for row in self.table.rows):
            return False  # a new plan with no actions: the message asks for grouped rows
        return not any(row.get(key) for row in self.table.rows
                       for key in ("group_id", "group_number", "group_title"))

    def flat_actions(self) -> list:
        """The top-level actions of a plan with no groups: the Actions sheet's rows, or, with
        no Actions sheet, the plan's own."""
        old = self.old.get("actions", []) if self.old else []
        self.old_actions = {a["id"]: a for a in old if isinstance(a, dict) and "id" in a}
        self.taken = set()
        if self.table is None:
            for action in old:
                self.keep(action)
            return list(old)
        return [self._action_from_row(row, "action") for row in self.table.rows
                if not row.is_empty(ACTION_FIELDS)]

    def groups(self, plan: dict) -> list:
        old_groups = list(walk_groups(self.old["groups"])) if self.old else []
        self.old_actions = {a["id"]: a for _, g in old_groups for a in g.get("actions", [])
                            if isinstance(a, dict) and "id" in a}
        self.taken = set()
        tree = GroupTree(self.state, self.details, plan)
        if self.groups_table is not None:
            tree.from_table(self.groups_table, {g["id"]: g for _, g in old_groups})
        else:
            tree.from_old(old_groups)
        if self.table is not None:
            self._actions_from_rows(tree, self.table)
        else:
            tree.keep_old_actions(self.keep)
        return tree.assemble(drop_empty=self.groups_table is None and self.table is not None)

    def keep(self, action: dict) -> None:
        """An existing action the sheets have no row for, kept with what the details add."""
        self.taken.add(action.get("id"))
        self.finishing.finish(action, None)

    def _actions_from_rows(self, tree: GroupTree, table: ParsedTable) -> None:
        current = None
        for row in table.rows:
            group = tree.group_for(row, current)
            if group is None:
                self.state.problems.append(row.origin().problem(
                    "action", "this action has no group", "fill the Group id (or, without a Groups "
                    "sheet, the Group title) on this row or a row above it"))
                continue
            current = group
            if row.is_empty(ACTION_FIELDS):
                continue  # a row that only names a group, as a heading row does
            group.setdefault("actions", []).append(self._action_from_row(row, group["id"]))

    def _action_from_row(self, row: Row, id_prefix: str) -> dict:
        """The action a row of the Actions sheet describes (an existing one updated)."""
        action_id = self._action_id(row, id_prefix)
        action = self._old_action(action_id)
        self.state.origins.item(action, row.origin())
        self.state.put(action, "id", action_id, row.origin("id"))
        self._action_cells(action, row)
        self.finishing.finish(action, row)
        return action

    def _old_action(self, action_id: str) -> dict:
        """The existing action with this id to update, or a new one (also for a repeated id)."""
        fresh = action_id in self.taken or action_id not in self.old_actions
        self.taken.add(action_id)
        return {} if fresh else self.old_actions[action_id]

    def _action_id(self, row: Row, id_prefix: str) -> str:
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
        while f"{id_prefix}-{count}" in self.taken:
            count += 1
        return f"{id_prefix}-{count}"

    def _action_cells(self, action: dict, row: Row) -> None:
        put = self.state.put
        ref = (("action", action["id"]),)
        for key in ("number", "title", "description", "outcome"):
            if row.table.has(key):
                put(action, key, row.get(key), row.origin(key))
        for key in ("previous_ids", "monitored_by", "related_documents", "footnotes"):
            if row.table.has(key):
                put(action, key, split_items(row.get(key)), row.origin(key))
        self._activities(action, row)
        self._measures(action, row)
        if row.table.has("leads"):
            leads = self.details.read_leads(row.get("leads"), ref, Previous(action.get("leads")),
                                          row.origin("leads"))
            put(action, "leads", leads, row.origin("leads"))
        if row.table.has("due"):
            due = self.details.read_dates(row.get("due"), ref, "due", row.origin("due"),
                                     Previous(action.get("due")))
            put(action, "due", due, row.origin("due"))
        self._strands(action, row)
        self._withdrawn(action, row)
        if row.table.has("rag"):
            put(action, "rag", row.get("rag"), row.origin("rag"))
        self._budget(action, row)

    def _budget(self, action: dict, row: Row) -> None:
        keys = [k for k in ("amount", "currency", "period", "note") if row.table.has(f"budget_{k}")]
        if not keys:
            return
        budget = action.get("budget") or {}
        for key in keys:
            value = row.get(f"budget_{key}")
            self.state.put(budget, key, figure(value) if key == "amount" and value else value,
                           row.origin(f"budget_{key}"))
        self.state.put(action, "budget", budget, row.origin(f"budget_{keys[0]}"))
        if budget:
            order(budget, "Budget")

    def _strands(self, action: dict, row: Row) -> None:
        if not (row.table.has("strands") or row.table.has("strands_text")):
            return
        strands = action.get("strands") or {}
        if row.table.has("strands_text"):
            self.state.put(strands, "text", row.get("strands_text"), row.origin("strands_text"))
        if row.table.has("strands"):
            self.state.put(strands, "codes", split_codes(row.get("strands")),
                           row.origin("strands"))
        self.state.put(action, "strands", strands, row.origin("strands"))
        if strands:
            order(strands, None, ("text", "codes"))

    def _withdrawn(self, action: dict, row: Row) -> None:
        if not (row.table.has("withdrawn_date") or row.table.has("withdrawn_reason")):
            return
        withdrawn = action.get("withdrawn") or {}
        for key in ("date", "reason"):
            if row.table.has(f"withdrawn_{key}"):
                self.state.put(withdrawn, key, row.get(f"withdrawn_{key}"),
                               row.origin(f"withdrawn_{key}"))
        self.state.put(action, "withdrawn", withdrawn, row.origin("withdrawn_date"))

    def _activities(self, action: dict, row: Row) -> None:
        sheet = self.details.activities
        has_column = row.table.has("activities")
        if not has_column and not sheet.present:
            return
        details: list[Row | None]
        if has_column:
            texts = split_items(row.get("activities"))
            details = [sheet.take(action["id"], text=text) for text in texts]
        else:
            listed = sheet.take_all(action["id"])
            details = list(listed)
            texts = [d.get("text") for d in listed]
        previous = Previous(None if sheet.present else action.get("activities"))
        kept = [previous.take(text) for text in texts]
        used_ids = {d.get("id") for d in details if d is not None and d.get("id")}
        used_ids |= {k["id"] for k in kept if isinstance(k, dict)}
        activities = []
        origins = self.state.origins
        for text, detail, old in zip(texts, details, kept):
            if isinstance(old, dict):  # no Activities sheet: keep the id, dates and leads
                self.state.refs.add(ref_key((("action", action["id"]), ("activity", old["id"]))))
                activities.append(old)
                continue
            # Activities listed without an id get the next free one: a1, a2...
            given_id = detail.get("id") if detail is not None else None
            origin = detail.origin() if detail is not None else row.origin("activities")
            activity = {"id": given_id or free_id("a", used_ids), "text": text}
            origins.item(activity, origin)
            origins.field(activity, "id",
                          detail.origin("id") if detail is not None and given_id else origin)
            origins.field(activity, "text", detail.origin("text") if detail else origin)
            if detail is not None:
                self._activity_detail(activity, detail, action["id"])
            activities.append(activity)
        self.state.put(action, "activities", activities, row.origin("activities"))

    def _activity_detail(self, activity: dict, row: Row, action_id: str) -> None:
        ref = (("action", action_id), ("activity", activity["id"]))
        self.state.refs.add(ref_key(ref))
        if row.get("due"):
            self.state.put(activity, "due", self.details.read_dates(row.get("due"), ref, "due",
                                                               row.origin("due")),
                           row.origin("due"))
        if row.get("leads"):
            self.state.put(activity, "leads", self.details.read_leads(
                row.get("leads"), ref, origin=row.origin("leads")), row.origin("leads"))

    def _measures(self, action: dict, row: Row) -> None:
        if not row.table.has("measures"):
            return
        sheet = self.details.measures
        measures = []
        previous = Previous(None if sheet.present else action.get("measures"))
        earlier = Previous(action.get("measures"))  # for the long form of figure dates
        for text in split_items(row.get("measures")):
            detail = sheet.take(action["id"], text=text)
            if detail is None:
                measures.append(previous.take(text) or text)
                continue
            measure = self.state.record(detail, {"id": detail.get("id"), "text": text,
                                                 "activity": detail.get("activity"),
                                                 "unit": detail.get("unit")})
            self.state.yes_no(measure, "placeholder", detail)
            self._figures(measure, detail, action["id"], earlier.take(text))
            order(measure, None, ("id", "text", "activity", "placeholder", "unit", "baseline",
                                  "target", "values"))
            measures.append(measure)
        self.state.put(action, "measures", measures, row.origin("measures"))

    def _figures(self, measure: dict, detail: Row, action_id: str, old: Any) -> None:
        """A measure's baseline, target (Measures sheet) and values (Measure values sheet)."""
        state = self.state
        old = old if isinstance(old, dict) else {}
        for key in ("baseline", "target"):
            value, when = detail.get(key), detail.get(f"{key}_date")
            point = state.record(detail, {"value": figure(value) if value else None})
            if when:
                point["date"] = _kept_date(when, (old.get(key) or {}).get("date"))
                state.origins.field(point, "date", detail.origin(f"{key}_date"))
            state.put(measure, key, point, detail.origin(key))
        names = [n for n in (measure.get("id"), measure["text"]) if n]
        sheet = self.details.measure_values
        rows = [r for name in names for r in sheet.take_all(action_id, measure=name)]
        rows.sort(key=lambda r: r.number)
        old_dates = [v.get("date") for v in old.get("values", [])]
        values = []
        for row in rows:
            entry = state.record(row, {"date": row.get("date"), "value": figure(row.get("value"))
                                       if row.get("value") else None, "note": row.get("note")})
            if "date" in entry:
                entry["date"] = _kept_date(entry["date"], *old_dates)
            values.append(entry)
        state.put(measure, "values", values, detail.origin())


def _kept_date(words: str, *earlier: Any) -> Any:
    """The date's long form from before when its words are unchanged, else the words."""
    return next((d for d in earlier if isinstance(d, dict) and d.get("text") == words), words)
