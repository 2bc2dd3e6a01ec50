"""The group tree of an import: groups from the Groups sheet, the Actions sheet or the plan.

Groups keep their order (the Groups sheet's, else the plan's, then new ones as the Actions
sheet names them) and their parents; `assemble` nests them and reports what does not fit.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from actionplan.plan_values import ID_PATTERN
from actionplan.spreadsheet.assembly import order, without_empty
from actionplan.spreadsheet.cells import split_codes
from actionplan.spreadsheet.cells import split_items
from actionplan.spreadsheet.detail_sheets import DetailSheets
from actionplan.spreadsheet.details import ref_key
from actionplan.spreadsheet.import_state import ImportState
from actionplan.spreadsheet.tables import Origin, ParsedTable, Row



class GroupTree:
    """The group tree being rebuilt: group dicts by id, each with its parent id."""

    def __init__(self, state: ImportState, details: DetailSheets, plan: dict):
        self.state, self.details = state, details
        self.levels = plan.get("levels") or [{"kind": "group"}]
        self.groups: dict[str, dict] = {}
        self.parents: dict[str, str | None] = {}
        self.from_groups_table = False
        self.old_children: dict[str, dict] = {}
        self.parent_origins: dict[str, Origin] = {}

    def from_table(self, table: ParsedTable, old: dict[str, dict]) -> None:
        self.from_groups_table = True
        for row in table.rows:
            group_id = row.get("id")
            if not group_id:
                self.state.problems.append(row.origin("id").problem(
                    "", "the group has no id", "write an id, for example objective-1"))
                continue
            if group_id in self.groups:
                self.state.problems.append(row.origin("id").problem(
                    f"group {group_id}", f"this group id is used twice (first on "
                    f"{self.parent_origins[group_id].row_name})", "give each group its own id"))
                continue
            group = self._fresh(old.get(group_id), group_id)
            self.state.origins.item(group, row.origin())
            for key in ("number", "theme", "title", "description", "summary"):
                if row.table.has(key):
                    self.state.put(group, key, row.get(key), row.origin(key))
            self._equality_groups(group, row)
            if row.table.has("previous_ids"):
                self.state.put(group, "previous_ids", split_items(row.get("previous_ids")),
                                  row.origin("previous_ids"))
            self.parents[group_id] = row.get("parent") or None
            self.parent_origins[group_id] = row.origin("parent")
            self.groups[group_id] = group

    def _equality_groups(self, group: dict, row: Row) -> None:
        # The characteristics a group's heading names; kept as they were if the sheet has no
        # such columns (an older layout).
        if not (row.table.has("equality_groups") or row.table.has("equality_groups_words")):
            return
        tags = group.get("equality_groups") or {}
        if row.table.has("equality_groups"):
            self.state.put(tags, "codes", split_codes(row.get("equality_groups")),
                              row.origin("equality_groups"))
        if row.table.has("equality_groups_words"):
            self.state.put(tags, "words", row.get("equality_groups_words"),
                              row.origin("equality_groups_words"))
        self.state.put(group, "equality_groups", tags, row.origin("equality_groups"))
        if tags:
            order(tags, None, ("codes", "words"))

    def from_old(self, old_groups: list[tuple[str | None, dict]]) -> None:
        for parent, group in old_groups:
            self.groups[group["id"]] = self._fresh(group, group["id"])
            self.parents[group["id"]] = parent

    def _fresh(self, old: dict | None, group_id: str) -> dict:
        group = {k: v for k, v in (old or {}).items() if k not in ("groups", "actions")}
        if old is not None:
            self.old_children[group_id] = old
        group["id"] = group_id
        return group

    def keep_old_actions(self, keep: Callable[[dict], None]) -> None:
        """Each group's existing actions, each passed to `keep` (the sheets have no rows)."""
        for group_id, group in self.groups.items():
            old = self.old_children.get(group_id) or {}
            for action in old.get("actions", []):
                keep(action)
                group.setdefault("actions", []).append(action)

    def group_for(self, row: Row, current: dict | None) -> dict | None:
        group_id, number, title = (row.get(k) for k in ("group_id", "group_number",
                                                        "group_title"))
        if not (group_id or number or title):
            return current
        group = self.groups.get(group_id) if group_id else self._find(number, title)
        if group is None:
            group_id = group_id or self._new_id(number, title)
            group = {"id": group_id, "_inline": True}  # named only in the Actions sheet
            self.groups[group_id], self.parents[group_id] = group, None
            self.state.origins.item(group, row.origin())
            self.state.origins.field(group, "id", row.origin("group_id"))
        if not self.from_groups_table or group.get("_inline"):
            group["_inline"] = True
            for key in ("number", "title"):
                if row.get(f"group_{key}"):
                    self.state.put(group, key, row.get(f"group_{key}"),
                                      row.origin(f"group_{key}"))
        return group

    def _break_loops(self, children: dict[str | None, list[dict]]) -> None:
        """A group inside its own descendants cannot be placed: report it, put it on top."""
        while True:
            loose = [g for g in self.groups if g not in self._reached(children)]
            if not loose:
                return
            group_id, parent = loose[0], self.parents[loose[0]]
            self.state.problems.append(self.parent_origins[group_id].problem(
                f"group {group_id}", f'the parent group "{parent}" is inside this group',
                "correct the Parent group id: a group cannot be inside itself"))
            children[parent].remove(self.groups[group_id])
            children.setdefault(None, []).append(self.groups[group_id])

    @staticmethod
    def _reached(children: dict[str | None, list[dict]]) -> set[str]:
        reached, waiting = set(), [None]
        while waiting:
            for group in children.get(waiting.pop(), []):
                reached.add(group["id"])
                waiting.append(group["id"])
        return reached

    def _find(self, number: str, title: str) -> dict | None:
        for key, wanted in (("number", number), ("title", title)):
            for group in self.groups.values():
                if wanted and group.get(key) == wanted:
                    return group
        return None

    def _new_id(self, number: str, title: str) -> str:
        kind = str(self.levels[0].get("kind") or "group").replace("_", "-")
        base = f"{kind}-{number}" if number else title
        base = re.sub(r"[^a-z0-9._-]+", "-", base.casefold()).strip("._-")[:60].strip("._-")
        base = base if ID_PATTERN.match(base or "") else "group"
        candidate, count = base, 1
        while candidate in self.groups:
            count += 1
            candidate = f"{base}-{count}"
        return candidate

    def assemble(self, *, drop_empty: bool) -> list:
        children: dict[str | None, list[dict]] = {}
        for group_id, group in self.groups.items():
            group.pop("_inline", None)
            parent = self.parents.get(group_id)
            if parent is not None and parent not in self.groups:
                self.state.problems.append(self.parent_origins[group_id].problem(
                    f"group {group_id}", f'the parent group "{parent}" is not in the Groups sheet',
                    "correct the Parent group id, or leave it empty for a top-level group"))
                parent = None
            children.setdefault(parent, []).append(group)
        self._break_loops(children)
        for group in self.groups.values():
            kids = children.get(group["id"], [])
            if kids:
                group["groups"] = kids
            self.state.refs.add(ref_key((("group", group["id"]),)))
            self.details.add_notes_and_source(group, (("group", group["id"]),))
        top = children.get(None, [])
        if drop_empty:
            top = without_empty(top, self.state.summary)
        for group in self.groups.values():
            order(group, "Group")
        return top
