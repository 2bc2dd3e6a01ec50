"""Remember which spreadsheet cell each imported value came from, to report problems there.

Imported data is checked with exactly the checks of `actionplan validate`. Those checks name
a line and column of a YAML file; here each "line" is instead the number of a recorded
origin, so every problem can be turned back into `file:Sheet:row N: ... (column F, Heading)`.
"""

from __future__ import annotations

import re
from typing import Any

from actionplan.problems import Problem
from actionplan.spreadsheet import columns
from actionplan.spreadsheet.tables import Origin


class Origins:
    def __init__(self, fallback: Origin):
        self.fallback = fallback
        self._items: dict[int, Origin] = {}
        self._fields: dict[tuple[int, str], Origin] = {}
        self._alive: list[Any] = []  # keeps recorded objects alive, so their ids stay theirs

    def item(self, obj: Any, origin: Origin) -> None:
        self._items[id(obj)] = origin
        self._alive.append(obj)

    def field(self, obj: dict, key: str, origin: Origin) -> None:
        self._fields[(id(obj), key)] = origin
        self._alive.append(obj)

    def marks(self, data: Any) -> tuple[dict[tuple, tuple[int, int]], list[Origin]]:
        """Positions for a SourceDocument: each value's "line" is 1 + its origin's index."""
        table: list[Origin] = []
        index: dict[Origin, int] = {}
        marks: dict[tuple, tuple[int, int]] = {}

        def number(origin: Origin) -> int:
            if origin not in index:
                index[origin] = len(table)
                table.append(origin)
            return index[origin] + 1

        def walk(node: Any, path: tuple, inherited: Origin) -> None:
            origin = self._items.get(id(node), inherited) if isinstance(node, (dict, list)) \
                else inherited
            marks[path] = (number(origin), 1)
            if isinstance(node, dict):
                for key, value in node.items():
                    walk(value, path + (key,), self._fields.get((id(node), key), origin))
            elif isinstance(node, list):
                for i, value in enumerate(node):
                    walk(value, path + (i,), origin)

        walk(data, (), self.fallback)
        return marks, table

    @staticmethod
    def translate(problem: Problem, table: list[Origin]) -> Problem:
        """A problem found in the imported data, placed at the cell it came from."""
        if problem.line is None or not 0 < problem.line <= len(table):
            return problem
        what = re.sub(r"\(first on line (\d+)\)",
                      lambda m: f"(first on {_row_name(table, int(m.group(1)))})", problem.what)
        origin = table[problem.line - 1]
        return origin.problem(problem.where, what, spreadsheet_fix(problem), problem.severity)


def _row_name(table: list[Origin], line: int) -> str:
    return table[line - 1].row_name if 0 < line <= len(table) else f"line {line}"


# Where a missing field is filled in, for the item a "the field ... is missing" problem names.
_PLACES = {
    ("plan", "id"): 'the "Plan id" row of the Plan sheet (or give --plan)',
    ("plan", "title"): 'the "Title" row of the Plan sheet',
    ("plan", "organisation"): 'the "Organisation" rows of the Plan sheet',
    ("plan", "levels"): "the Levels sheet: one row per level, for example objective, Objective "
                        "(a plan whose actions have no groups needs none)",
    ("plan", "groups"): "the Actions sheet: at least one action, with its group",
    ("organisation", "name"): 'the "Organisation" row of the Plan sheet',
    ("strand_scheme", "label"): 'the "Strand heading" row of the Plan sheet',
    ("strand_scheme", "codes"): "the Strand key sheet",
    ("group", "title"): "the Title column of the Groups sheet (or the Group title column of "
                        "the Actions sheet)",
    ("withdrawn", "date"): "the Withdrawn date column of the Actions sheet",
    ("withdrawn", "reason"): "the Withdrawn reason column of the Actions sheet",
    ("strands", "codes"): "the Strands column of the Actions sheet",
    ("equality_groups", "codes"): "the Equality groups column of the Groups sheet",
    ("status", "code"): "the Status column",
    ("item", "aim"): "the Aim column of the Equality duty aims sheet",
}
_TABLES = {"plan": columns.PLAN, "organisation": columns.PLAN, "level": columns.LEVELS,
           "group": columns.GROUPS, "action": columns.ACTIONS, "activity": columns.ACTIVITIES,
           "code": columns.STRAND_KEY, "footnote": columns.FOOTNOTES,
           "abbreviation": columns.ABBREVIATIONS, "note": columns.NOTES,
           "item": columns.PROGRESS_ITEMS, "update": columns.PROGRESS}


def spreadsheet_fix(problem: Problem) -> str:
    """For a missing field, where to fill it in the spreadsheet (not how to write YAML)."""
    if problem.where == "plan" and problem.what.startswith("groups must list at least"):
        return ("add at least one row to the Actions sheet, each action with its group "
                "(Group id, or Group title)")
    if problem.where == "plan" and problem.what.startswith("actions must list at least"):
        return "add at least one row to the Actions sheet"  # a plan with no groups
    if problem.what.startswith("this plan has no groups, so its levels"):
        return ("delete the rows of the Levels sheet (a plan whose actions have no groups has "
                "no levels), or give each action its group")
    match = re.match(r'the field "(\w+)" is missing', problem.what)
    if not match:
        return problem.fix
    field = match.group(1)
    last = problem.where.split(" > ")[-1]
    entity = "update" if last.startswith("progress update") else last.split(" ")[0]
    place = _PLACES.get((entity, field))
    table = _TABLES.get(entity)
    if place is None and table is not None:
        key = f"organisation_{field}" if entity == "organisation" else field
        column = next((c for c in table.columns if c.key == key), None)
        if column is not None:
            kind = "row" if table.fields else "column"
            place = f'the "{column.heading}" {kind} of the {table.name} sheet'
    return f"fill in {place}" if place else problem.fix
