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

from actionplan.plan_values import normal_form
from actionplan.problems import Problem
from actionplan.spreadsheet import columns
from actionplan.spreadsheet.action_details import ActionDetails
from actionplan.spreadsheet.actions_sheet import ActionsSheet
from actionplan.spreadsheet.assembly import counted, walk_groups
from actionplan.spreadsheet.detail_sheets import DetailSheets
from actionplan.spreadsheet.files import read_sheets
from actionplan.spreadsheet.import_state import ImportState
from actionplan.spreadsheet.origins import Origins
from actionplan.spreadsheet.plan_sheets import PlanSheets
from actionplan.spreadsheet.tables import (
    HeadingWords, Origin, ParsedTable, identify, parse_fields, parse_table,
)


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
        sheet = self.sheets.get(columns.PLAN.name.casefold())
        if sheet is None:
            return None
        table, _ = parse_fields(columns.PLAN, sheet)
        return next((row.get("id") for row in table.rows if row.get("id")), None)

    def read(self, *, plan_id: str, existing: dict | None,
             mapping: dict[str, str] | None = None) -> Reading:
        return _Importer(self, plan_id, existing, mapping or {}).run()


class _Importer:
    """One import: the sheets read in turn, each by the part that knows it, sharing only the
    import's state (problems, origins, references, summary)."""

    def __init__(self, book: Spreadsheet, plan_id: str, existing: dict | None,
                 mapping: dict[str, str]):
        self.book = book
        self.plan_id = plan_id
        self.old = copy.deepcopy(existing) if existing else None  # changed in place
        self.original = copy.deepcopy(existing) if existing else None  # to report changes
        self.mapping = mapping
        self.state = ImportState(Origins(Origin(book.display)), list(book.problems))
        self.tables: dict[str, ParsedTable] = {}

    # --- the whole import -----------------------------------------------------------------

    def run(self) -> Reading:
        state = self.state
        # Actions and Progress headings may be the plan's own, known once the plan is read.
        own_headings = (columns.ACTIONS, columns.PROGRESS)
        self._parse([t for t in columns.TABLES if t not in own_headings],
                    HeadingWords(self.mapping))
        details = DetailSheets(state, self.tables)
        plan = PlanSheets(state, details, self.tables, self.book.display).read(
            self.old["plan"] if self.old else {}, self.plan_id)
        words = HeadingWords(self.mapping, plan.get("labels") or {},
                             [lv.get("label", "") for lv in plan.get("levels") or []])
        self._parse(list(own_headings), words)
        details.read_progress(self.tables.get(columns.PROGRESS.name))
        finishing = ActionDetails(state, details)
        sheet = ActionsSheet(state, details, finishing, self.tables, self.old)
        # A plan with no groups (no Groups rows, no action naming a group) stays one list.
        key, items = ("actions", sheet.flat_actions()) if sheet.is_flat() else (
            "groups", sheet.groups(plan))
        data = {"schema_version": 1, "plan": plan, key: items}
        state.origins.item(data, Origin(self.book.display))
        # A plan with no action rows: a problem about it points at the Actions sheet's
        # headings, where the rows go.
        actions = self.tables.get(columns.ACTIONS.name)
        state.origins.item(items, Origin(self.book.display, actions.sheet if actions else "",
                                         actions.heading_row if actions else None))
        details.report_unused()
        self._summarise(data, finishing.added_updates)
        return Reading(data, state.problems, state.origins, state.summary)

    def _parse(self, tables: list[columns.Table], words: HeadingWords) -> None:
        for table in tables:
            sheet = self.book.sheets.get(table.name.casefold())
            if sheet is None:
                continue
            one_table = table is columns.ACTIONS and not any(
                name != table.name.casefold() for name in self.book.sheets)
            if table.fields:
                parsed, found = parse_fields(table, sheet)
            else:
                parsed, found = parse_table(table, sheet, words, search_headings=one_table)
            self.tables[table.name] = parsed
            self.state.problems.extend(found)

    # --- what changed ---------------------------------------------------------------------

    def _summarise(self, data: dict, added_updates: int) -> None:
        summary = self.state.summary
        new_actions = _actions_by_id(data)
        old_actions = _actions_by_id(self.original) if self.original else {}
        updates = sum(len(a.get("progress") or []) for a in new_actions.values())
        groups = len(list(walk_groups(data.get("groups"))))
        summary.append(("" if "actions" in data else f"{counted(groups, 'group')}, ")
                       + f"{counted(len(new_actions), 'action')}, "
                       f"{counted(updates, 'progress update')}.")
        if self.old is None:
            return
        added = [i for i in new_actions if i not in old_actions]
        removed = [i for i in old_actions if i not in new_actions]
        changed = [i for i in new_actions if i in old_actions and
                   normal_form(new_actions[i]) != normal_form(old_actions[i])]
        for names, verb in ((added, "added"), (removed, "removed"), (changed, "changed")):
            if names:
                summary.append(f"Actions {verb}: {', '.join(names)}.")
        if added_updates:
            summary.append(f"Progress updates added from the Actions sheet: {added_updates}.")


def _actions_by_id(data: dict) -> dict[str, dict]:
    """Every action of plan data, top-level (a plan with no groups) or in its groups."""
    actions = list(data.get("actions") or [])
    actions += [a for _, g in walk_groups(data.get("groups")) for a in g.get("actions", [])]
    return {a["id"]: a for a in actions if isinstance(a, dict) and "id" in a}
