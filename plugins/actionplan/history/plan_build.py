"""Build the model of a plan version, reusing the groups, actions and updates built before.

The parts are built by the model's own functions (`model.build`); an action is built without
its progress updates and then given them, each built once for the very data object it comes
from: data read by `incremental_read.py` shares the objects of unchanged parts between
versions, and what is built is kept on their piece. An action whose other fields are the very objects of
its earlier version keeps that version's model, with its progress replaced. The same goes
for groups and their actions. The result equals `build_plan` on the same data, which the
history tests check against the plain path.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from actionplan.history import incremental_read
from actionplan.history.bounded_memory import MISSING, BoundedMemory
from actionplan.model import Plan, build_plan
from actionplan.model.build import (
    action_from_data, fields_present, group_from_data, update_from_data,
)
from actionplan.model.entities import Action, Group, Level, Update
from actionplan.model.dates import FuzzyDate, Span, plan_span

_builders = BoundedMemory(64)


def built_plan(data: dict, data_file: str) -> Plan:
    """`build_plan(data, data_file)`, reusing parts already built for the same objects."""
    header = build_plan({**data, "groups": [], "actions": []}, data_file)
    key = (header.levels, header.progress_as_at, plan_span(header.period))
    builder = _builders.get(key)
    if builder is MISSING:
        builder = _PartBuilder(*key)
        _builders.put(key, builder)
    groups = tuple(builder.group(g, 0) for g in data.get("groups", []))
    actions = tuple(builder.action(a) for a in data.get("actions", []))  # a plan with no groups
    # The plan's fields present are those of all its groups together (model/build.py's
    # fields_present), each group's kept on its piece, and of its top-level actions.
    present = frozenset().union(fields_present((), actions),
                                *(builder.fields_present(g, group)
                                  for g, group in zip(data.get("groups", []), groups)))
    return replace(header, groups=groups, actions=actions, fields_present=present)


def forget() -> None:
    _builders.clear()


class _PartBuilder:
    """Builds groups, actions and updates for plans with these levels, progress date and
    period (in which a month written without its full year is read)."""

    def __init__(self, levels: tuple[Level, ...], as_at: FuzzyDate | None, within: Span | None):
        self.levels, self.as_at, self.within = levels, as_at, within

    def group(self, data: dict, depth: int) -> Group:
        return self._once(data, depth, lambda: self._group(data, depth))

    def action(self, data: dict) -> Action:
        return self._once(data, None, lambda: self._action(data))

    def _group(self, data: dict, depth: int) -> Group:
        base, old = self._earlier(data, depth, ("groups", "actions"))
        if base is None:
            base = group_from_data({**data, "groups": [], "actions": []}, self.levels, depth,
                                   self.as_at, self.within)
        return _with(
            base,
            groups=_each(data.get("groups", []), old.get("groups", ()), base.groups,
                         lambda item, _: self.group(item, depth + 1)),
            actions=_each(data.get("actions", []), old.get("actions", ()), base.actions,
                          lambda item, _: self.action(item)))

    def _action(self, data: dict) -> Action:
        base, old = self._earlier(data, None, ("progress",))
        if base is None:
            base = action_from_data({**data, "progress": []}, self.as_at, self.within)
        return _with(base, progress=_each(data.get("progress", []), old.get("progress", ()),
                                            base.progress, self.update))

    def _earlier(self, data: dict, place, lists: tuple[str, ...]):
        """(model, data) of the earlier version of this item if only `lists` changed since:
        the rest of the model is the same; else (None, {})."""
        found = incremental_read.earlier(data, (id(self), place))
        if found is None or found[1][0] is not self or not incremental_read.same_except(
                data, found[0], lists):
            return None, {}
        return found[1][1], found[0]

    def fields_present(self, data: dict, group: Group) -> frozenset[str]:
        return self._once(data, "present", lambda: fields_present((group,)))

    def update(self, data: dict, index: int) -> Update:
        return self._once(data, index,
                          lambda: update_from_data(data, index, self.as_at, self.within))

    def _once(self, data: Any, place, build):
        """What `build` makes, kept on the piece `data` came from (if it came from one)."""
        piece = incremental_read.remembered(data)
        if piece is None:
            return build()
        key = (id(self), place)
        found = piece.made.get(key)
        if found is None or found[0] is not self:
            found = piece.made[key] = (self, build())
        return found[1]


def _each(items: list, old_items, old_models: tuple, make) -> tuple:
    """The model of each item: the old model where the old item at that place is the very
    same object (models of list items may depend on their place), else `make(item, place)`."""
    return tuple(old_models[place] if place < len(old_items) and item is old_items[place]
                 else make(item, place) for place, item in enumerate(items))


def _with(base: Any, **changes: Any) -> Any:
    """`dataclasses.replace` for a group or action (frozen dataclasses with no __post_init__
    and no slots), without its generic field-by-field __init__: a history makes one for each
    changed group and action of every version, tens of thousands."""
    made = object.__new__(type(base))
    made.__dict__.update(base.__dict__, **changes)
    return made
