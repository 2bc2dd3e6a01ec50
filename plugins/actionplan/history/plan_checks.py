"""Would the build's cross-checks find an error in this plan data? Asked part by part.

The checks are the build's own (`validate.cross_check`), run on one group, action or progress
update at a time, and a part found clean is remembered on the piece its data came from: data
read by `incremental_read.py` reuses the objects of unchanged parts, so a revision that adds
an update is checked for that update only, when the action's other fields are the very
objects of its earlier version. Checks that span the plan (unique ids) are run in full each time; they are
cheap.

Only "is there an error?" is answered here: a plan with one goes to the build's own path,
which words every problem for officers.
"""

from __future__ import annotations

from typing import Any

from actionplan.history import incremental_read
from actionplan.history.bounded_memory import MISSING, BoundedMemory
from actionplan.load.yaml_source import SourceDocument
from actionplan.validate.cross_check import DocumentChecker

_spotters = BoundedMemory(64)


class _ErrorFound(Exception):
    pass


def has_errors(data: dict) -> bool:
    """Whether `cross_check` would report an error for `data` (which matches the schema)."""
    header = data["plan"]
    key = id(header)
    found = _spotters.get(key)
    if found is MISSING or found[0] is not header:
        found = (header, _Spotter(data))
        _spotters.put(key, found)
    try:
        found[1].check(data)
    except _ErrorFound:
        return True
    return False


def forget() -> None:
    _spotters.clear()


class _Spotter(DocumentChecker):
    """The cross-checks for plans sharing one `plan` header, remembering parts found clean."""

    def __init__(self, data: dict):
        super().__init__(SourceDocument("", {"plan": data["plan"]}))
        self.header_checked = False

    def check(self, data: dict) -> None:
        if not self.header_checked:
            self._check_strand_scheme()
            self._check_plan_dates()
            self.header_checked = True
        self.data = data  # the plan's shape (groups or top-level actions) is this version's
        self._check_plan_shape()
        for key, value in data.items():
            if key not in ("groups", "actions"):
                self._once(value, (), lambda v=value, k=key: self._check_blank_text(v, (k,)))
        group_ids: dict[str, tuple] = {}
        action_ids: list[str] = []
        for i, action in enumerate(data.get("actions", [])):  # a plan with no groups
            self._once(action, (), lambda a=action, p=("actions", i): self._check_action(p, a, {}))
            action_ids.append(action["id"])
        for path, group, depth in self._groups(data.get("groups", []), ("groups",), 0):
            self._check_group(path, group, depth, group_ids)
            self._once(group, (), lambda g=group, p=path: self._check_group_parts(p, g))
            action_ids.extend(action["id"] for action in group.get("actions", []))
        if len(set(action_ids)) != len(action_ids):
            raise _ErrorFound  # an action id used twice

    def _check_group_parts(self, path, group) -> None:
        """A group's own fields and its actions (its sub-groups are checked on their own)."""
        earlier = incremental_read.earlier(group, ("clean", id(self), ()))
        old = ()
        if earlier is not None and earlier[1] is self and incremental_read.same_except(
                group, earlier[0], ("groups", "actions")):
            old = earlier[0].get("actions", ())  # its own fields passed, as the same objects
        else:
            for key, value in group.items():
                if key not in ("groups", "actions"):
                    self._check_blank_text(value, path + (key,))
        for i, action in enumerate(group.get("actions", [])):
            if i < len(old) and action is old[i]:
                continue
            action_path = path + ("actions", i)
            self._once(action, (), lambda a=action, p=action_path: self._check_action(p, a, {}))

    def _check_action(self, path, action, seen) -> None:
        earlier = incremental_read.earlier(action, ("clean", id(self), ()))
        if earlier is not None and earlier[1] is self and incremental_read.same_except(
                action, earlier[0], ("progress",)):
            self._check_progress(path, action, earlier[0].get("progress", ()))
            return
        super()._check_action(path, action, seen)
        for key, value in action.items():
            if key != "progress":
                self._check_blank_text(value, path + (key,))

    def _check_progress(self, path, action, old) -> None:
        """The checks of an action whose other fields are the very objects of an earlier
        version found clean: what _check_action checks of its progress, for updates that are
        not the same objects at the same place as before (those passed in the same context)."""
        progress = action.get("progress", [])
        self._ids(progress, path + ("progress",), "progress update", optional=True)
        activities, measures = self._action_links(path, action)
        for u, update in enumerate(progress):
            if u >= len(old) or update is not old[u]:
                self._check_update(path + ("progress", u), update, activities, measures)

    def _check_update(self, upath, update, activities, measures) -> None:
        context = (frozenset(activities), frozenset(measures))

        def check():
            super(_Spotter, self)._check_update(upath, update, activities, measures)
            self._check_dates(self._update_dates(update, upath))
            self._check_blank_text(update, upath)
        self._once(update, context, check)

    def _check_date_ranges(self, action, path) -> None:
        self._check_dates(self._action_dates(action, path))  # updates': in _check_update

    def _once(self, part: Any, context: tuple, check) -> None:
        """Run `check` unless this very object was found clean in this context before."""
        piece = incremental_read.remembered(part)
        key = ("clean", id(self), context)
        if piece is not None and piece.made.get(key) is self:
            return
        check()
        if piece is not None:
            piece.made[key] = self

    def _add(self, path, what, fix, severity="error", at_key=False) -> None:
        if severity == "error":
            raise _ErrorFound
