"""Build the model of a plan version, reusing the groups, actions and updates built before.

The parts are built by the model's own functions (`model.build`); an action is built without
its progress updates and then given them, each built once for the very data object it comes
from: data read by `pieces.py` shares the objects of unchanged parts between versions, and
what is built is kept on their piece. The same goes for groups and their actions. The result
equals `build_plan` on the same data, which the history tests check against the plain path.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from actionplan.history import pieces
from actionplan.history.memo import MISSING, Memo
from actionplan.model import Plan, build_plan
from actionplan.model.build import _action, _group, _update, plan_with_groups
from actionplan.model.entities import Action, Group, Level, Update
from actionplan.model.dates import FuzzyDate

_builders = Memo(64)


def built_plan(data: dict, data_file: str) -> Plan:
    """`build_plan(data, data_file)`, reusing parts already built for the same objects."""
    header = build_plan({**data, "groups": []}, data_file)
    key = (header.levels, header.progress_as_at)
    builder = _builders.get(key)
    if builder is MISSING:
        builder = _PartBuilder(header.levels, header.progress_as_at)
        _builders.put(key, builder)
    return plan_with_groups(header, tuple(builder.group(g, 0) for g in data["groups"]))


def forget() -> None:
    _builders.clear()


class _PartBuilder:
    """Builds groups, actions and updates for plans with these levels and progress date."""

    def __init__(self, levels: tuple[Level, ...], as_at: FuzzyDate | None):
        self.levels, self.as_at = levels, as_at

    def group(self, data: dict, depth: int) -> Group:
        return self._once(data, depth, lambda: replace(
            _group({**data, "groups": [], "actions": []}, self.levels, depth, self.as_at),
            groups=tuple(self.group(g, depth + 1) for g in data.get("groups", [])),
            actions=tuple(self.action(a) for a in data.get("actions", []))))

    def action(self, data: dict) -> Action:
        return self._once(data, None, lambda: replace(
            _action({**data, "progress": []}, self.as_at),
            progress=tuple(self.update(u, i) for i, u in enumerate(data.get("progress", [])))))

    def update(self, data: dict, index: int) -> Update:
        return self._once(data, index, lambda: _update(data, index, self.as_at))

    def _once(self, data: Any, place, build):
        """What `build` makes, kept on the piece `data` came from (if it came from one)."""
        piece = pieces.remembered(data)
        if piece is None:
            return build()
        key = (id(self), place)
        found = piece.made.get(key)
        if found is None or found[0] is not self:
            found = piece.made[key] = (self, build())
        return found[1]
