"""Semantic diff of two versions of a plan, keyed by the stable ids of plans, groups, actions.

Only values are compared, never lines: renaming a file or reformatting it yields nothing.
Each difference becomes a `ChangeEntry` with a sentence a resident can read.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from actionplan.history.model import ChangeEntry, Revision, subject_key
from actionplan.history.words import share_moved
from actionplan.model.dates import FuzzyDate
from actionplan.model.entities import Action, Group, Plan, Update
from actionplan.model.naming import display_date_text

# Public fields without a sentence of their own, named when they change.
_PLAN_DETAILS = {"short_title": "short title", "title_as_printed": "title as printed",
                 "label": "document label", "organisation": "organisation",
                 "document_status": "document status", "period": "period",
                 "document_date": "document date", "progress_as_at": "progress date",
                 "parent_strategy": "parent strategy", "introduction": "introduction",
                 "summary": "summary",
                 "update_cadence": "update cadence", "footnotes": "footnotes",
                 "abbreviations": "abbreviations", "strand_scheme": "strand key",
                 "levels": "level names", "labels": "column headings"}
_GROUP_DETAILS = {"theme": "theme", "summary": "summary"}
_ACTION_DETAILS = {"psed": "equality duty aims", "strands": "equality strands",
                   "monitored_by": "monitored by", "related_documents": "related documents",
                   "footnotes": "footnotes", "rag": "officer's rating", "budget": "budget"}
# The share of a removed text's words that must reappear elsewhere for it to count as moved.
_MOVED = 0.6
_UPDATE_FIELDS = {"date": "date", "label": "heading", "status": "status",
                  "revised_due": "revised target date", "text": "text", "items": "items",
                  "next_steps": "next steps", "impact": "impact", "reason": "reason",
                  "footnotes": "footnotes", "rag": "officer's rating",
                  "percent_complete": "percent complete"}


def diff_plans(old: Plan | None, new: Plan | None, revision: Revision) -> list[ChangeEntry]:
    """What changed from `old` to `new` (either may be None: the plan was added or removed)."""
    if old is None and new is None:
        return []
    return _PlanDiff(old, new, revision).entries()


_Item = TypeVar("_Item", Group, Action)


@dataclass(frozen=True)
class _Placed(Generic[_Item]):
    """A group or action with the id of the group that holds it (None: the plan itself)."""

    item: _Item
    parent: str | None


_last_indexed: list = []  # (plan, index): a plan is the "new" side, then the "old" side


_Groups = dict[str, _Placed[Group]]
_Actions = dict[str, _Placed[Action]]


def _index(plan: Plan | None) -> tuple[_Groups, _Actions]:
    for known, index in _last_indexed:
        if known is plan:
            return index
    index = _index_now(plan)
    _last_indexed[:] = [(plan, index), *_last_indexed[:3]]
    return index


def _index_now(plan: Plan | None) -> tuple[_Groups, _Actions]:
    """Groups and actions by id, in plan order (ids are unique in a valid plan)."""
    groups: _Groups = {}
    actions: _Actions = {}
    for action in plan.actions if plan is not None else ():  # a plan with no groups
        actions[action.id] = _Placed(action, None)
    for top in plan.groups if plan is not None else ():
        _, top_groups, top_actions = _top_index(top)
        groups.update(top_groups)
        actions.update(top_actions)
    return groups, actions


_top_indexes: dict[int, tuple] = {}  # id(group) -> (group, groups, actions)


def _top_index(top: Group) -> tuple[Group, dict[str, _Placed], dict[str, _Placed]]:
    """The index of one top-level group, kept: the history reuses unchanged groups."""
    found = _top_indexes.get(id(top))
    if found is None or found[0] is not top:
        groups: _Groups = {}
        actions: _Actions = {}

        def walk(group: Group, parent: str | None) -> None:
            groups[group.id] = _Placed(group, parent)
            for action in group.actions:
                actions[action.id] = _Placed(action, group.id)
            for sub in group.groups:
                walk(sub, group.id)
        walk(top, None)
        if len(_top_indexes) > 256:
            _top_indexes.clear()
        found = _top_indexes[id(top)] = (top, groups, actions)
    return found


def _union(new: dict, old: dict) -> list[str]:
    """Ids in the new plan's order, then the removed ones in the old plan's order."""
    return list(new) + [key for key in old if key not in new]


class _PlanDiff:
    def __init__(self, old: Plan | None, new: Plan | None, revision: Revision):
        self.old, self.new, self.revision = old, new, revision
        current = new or old
        assert current is not None, "a diff compares two versions of which one at least exists"
        self.current = current
        self.plan_id, self.plan_title = current.id, current.title
        self.old_groups, self.old_actions = _index(old)
        self.new_groups, self.new_actions = _index(new)
        self.found: list[ChangeEntry] = []

    def entries(self) -> list[ChangeEntry]:
        self._plan()
        for group_id in _union(self.new_groups, self.old_groups):
            self._group(group_id)
        for action_id in _union(self.new_actions, self.old_actions):
            self._action(action_id)
        return self.found

    def _add(self, kind: str, item_id: str, label: str, change: str, sentence: str, *,
             reason: str | None = None, before: str | None = None, after: str | None = None,
             detail: str | None = None, part_of: str | None = None,
             title: str | None = None) -> None:
        self.found.append(ChangeEntry(
            revision=self.revision, plan_id=self.plan_id, plan_title=self.plan_title,
            subject_kind=kind, subject_id=item_id, subject_label=label, change=change,
            sentence=sentence, reason=reason or self.revision.reason, before=before,
            after=after, detail=detail, part_of=part_of, subject_title=title))

    # Plans

    def _plan(self) -> None:
        old, new = self.old, self.new
        label = self.current.menu_title
        if old is None:
            assert new is not None, "a diff has at least one version (see __init__)"
            actions = len(self.new_actions)
            counted = f"{actions} action{'s' if actions != 1 else ''}"
            if new.groups:  # a plan with no groups has no level to count by
                groups = len(new.groups)
                level = new.levels[0]
                plural = (level.plural or f"{level.label}s") if groups != 1 else level.label
                counted = f"{groups} {plural.lower()} and {counted}"
            self._add("plan", new.id, label, "added", f"Plan added: {new.title}, with {counted}.",
                      title=new.title)
            return
        if new is None:
            self._add("plan", old.id, label, "removed", f"Plan removed: {old.title}.",
                      title=old.title)
            return
        if old.title != new.title:
            self._add("plan", new.id, label, "title",
                      f"Plan title changed from “{old.title}” to “{new.title}”.",
                      before=old.title, after=new.title, title=new.title)
        details = _changed_fields(old, new, _PLAN_DETAILS)
        if details:
            self._add("plan", new.id, label, "other",
                      f"Plan details changed: {', '.join(details)}.", title=new.title)

    # Groups

    def _group(self, group_id: str) -> None:
        before, after = self.old_groups.get(group_id), self.new_groups.get(group_id)
        if before is None:
            assert after is not None, "_union lists only ids found in one version or the other"
            self._group_added(after)
        elif after is None:
            self._group_removed(before)
        elif before.item is not after.item or before.parent != after.parent:
            self._group_changed(before, after)

    def _group_added(self, placed: _Placed[Group]) -> None:
        group = placed.item
        label = group_label(group)
        folded = self._folded_into(placed.parent, adding=True)
        if folded:
            self._add("group", group.id, label, "added", f"{label} added with {folded[1]}.",
                      part_of=folded[0], title=group.title)
            return
        where = self._group_name(placed.parent, self.new_groups)
        self._add("group", group.id, label, "added", f"{label} added to {where}: {group.title}.",
                  title=group.title)

    def _group_removed(self, placed: _Placed[Group]) -> None:
        group = placed.item
        label = group_label(group)
        folded = self._folded_into(placed.parent, adding=False)
        if folded:
            self._add("group", group.id, label, "removed", f"{label} removed with {folded[1]}.",
                      part_of=folded[0], title=group.title)
            return
        where = self._group_name(placed.parent, self.old_groups)
        self._add("group", group.id, label, "removed",
                  f"{label} removed from {where}: {group.title}.", title=group.title)

    def _group_changed(self, before: _Placed[Group], after: _Placed[Group]) -> None:
        old, new = before.item, after.item
        label = group_label(old)
        add = lambda change, sentence, **kw: self._add("group", new.id, label, change, sentence,
                                                      title=new.title, **kw)
        if old.number != new.number:
            add("renumbered", f"{label} renumbered as {group_label(new)}.",
                before=old.number, after=new.number)
        if before.parent != after.parent:
            add("moved", f"{label} moved from {self._group_name(before.parent, self.old_groups)}"
                f" to {self._group_name(after.parent, self.new_groups)}.")
        if old.title != new.title:
            add("title", f"{label}: title reworded.", before=old.title, after=new.title)
        if old.description != new.description:
            add("description", f"{label}: description {_edited(old.description, new.description)}.",
                before=old.description, after=new.description)
        details = _changed_fields(old, new, _GROUP_DETAILS)
        if details:
            add("other", f"{label}: other details changed ({', '.join(details)}).")

    # Actions

    def _action(self, action_id: str) -> None:
        before, after = self.old_actions.get(action_id), self.new_actions.get(action_id)
        if before is None:
            assert after is not None, "_union lists only ids found in one version or the other"
            self._action_added(after)
        elif after is None:
            self._action_removed(before)
        elif before.item is not after.item or before.parent != after.parent:
            _ActionDiff(self, before, after).run()  # (the history reuses unchanged actions)

    def _action_added(self, placed: _Placed[Action]) -> None:
        action = placed.item
        label = action_label(action)
        folded = self._folded_into(placed.parent, adding=True)
        if folded:
            sentence, part_of = f"{label} added with {folded[1]}.", folded[0]
        else:
            where = self._group_name(placed.parent, self.new_groups)
            sentence, part_of = f"{label} added to {where}.", None
        self._add("action", action.id, label, "added", sentence, part_of=part_of, title=action.title)

    def _action_removed(self, placed: _Placed[Action]) -> None:
        action = placed.item
        label = action_label(action)
        folded = self._folded_into(placed.parent, adding=False)
        if folded:
            sentence, part_of = f"{label} removed with {folded[1]}.", folded[0]
        else:
            where = self._group_name(placed.parent, self.old_groups)
            sentence, part_of = f"{label} removed from {where}.", None
        self._add("action", action.id, label, "removed", sentence, part_of=part_of, title=action.title)

    # Shared wording

    def _folded_into(self, parent: str | None, *, adding: bool) -> tuple[str, str] | None:
        """(key, name) of the bigger change an added/removed item belongs to, or None.

        An item goes with its plan when the plan itself was added or removed, and with its
        group when that group was added or removed in the same revision.
        """
        if (self.old if adding else self.new) is None:
            return subject_key(self.plan_id, "plan", self.plan_id), "the plan"
        this_side, other_side = ((self.new_groups, self.old_groups) if adding
                                 else (self.old_groups, self.new_groups))
        if parent is not None and parent not in other_side:
            group = this_side[parent].item
            return subject_key(self.plan_id, "group", group.id), group_label(group)
        return None

    def _group_name(self, group_id: str | None, groups: _Groups) -> str:
        return group_label(groups[group_id].item) if group_id else "the plan"


class _ActionDiff:
    """The changes to one action present in both versions."""

    def __init__(self, plan_diff: _PlanDiff, before: _Placed[Action], after: _Placed[Action]):
        self.plan_diff, self.before, self.after = plan_diff, before, after
        self.old = before.item
        self.new = after.item
        self.label = action_label(self.old)
        self.changed_wording: list[tuple[str, str, str | None, str | None]] = []

    def add(self, change: str, summary: str, **fields) -> None:
        self.plan_diff._add("action", self.new.id, self.label, change,
                            f"{self.label}: {summary}.", title=self.new.title, **fields)

    def add_whole(self, change: str, sentence: str, **fields) -> None:
        """An entry whose sentence is written whole ("Action 4.6 withdrawn.")."""
        self.plan_diff._add("action", self.new.id, self.label, change, sentence,
                            title=self.new.title, **fields)

    def run(self) -> None:
        old, new = self.old, self.new
        if old == new and self.before.parent == self.after.parent:
            return
        if old.number != new.number:
            self.add_whole("renumbered", f"{self.label} renumbered as {action_label(new)}.",
                           before=old.number, after=new.number)
        if self.before.parent != self.after.parent:
            source = self.plan_diff._group_name(self.before.parent, self.plan_diff.old_groups)
            target = self.plan_diff._group_name(self.after.parent, self.plan_diff.new_groups)
            self.add_whole("moved", f"{self.label} moved from {source} to {target}.")
        self._wording()
        self._lead()
        self._due()
        self._progress()
        self._status()
        details = _changed_fields(old, new, _ACTION_DETAILS)
        if old.activities != new.activities and _activities_text(old) == _activities_text(new):
            details.append("activity dates or leads")
        if old.measures != new.measures and _measures_text(old) == _measures_text(new):
            if _measure_figures(old) != _measure_figures(new):
                details.append("measure figures")
            if _measure_links(old) != _measure_links(new):
                details.append("measure links")
        if details:
            self.add("other", f"other details changed ({', '.join(details)})")

    def _wording(self) -> None:
        old, new = self.old, self.new
        # Equal parts give equal texts: only parts that differ are worded (most do not).
        activities = ((_activities_text(old), _activities_text(new))
                      if old.activities != new.activities else (None, None))
        measures = ((_measures_text(old), _measures_text(new))
                    if old.measures != new.measures else (None, None))
        changed = [(change, name, before, after) for change, name, before, after in (
                ("title", "title", old.title, new.title),
                ("description", "description", old.description, new.description),
                ("outcome", "outcome", old.outcome, new.outcome),
                ("activities", "activities", *activities),
                ("measures", "how success is measured", *measures)) if before != after]
        self.changed_wording = changed
        emptied = any(before and not after for _, _, before, after in changed)
        moves = _moves(changed, self._gains()) if emptied else {}
        for change, name, before, after in changed:
            if change in moves:
                summary = f"{name} moved into the {moves[change]}"
            else:
                source = next((_NAMES[s] for s, t in moves.items() if t == _NAMES[change]), None)
                summary = f"{name} {_edited(before, after)}" + (
                    f" (with text moved here from the {source})" if source else "")
            self.add(change, summary, before=before, after=after)

    def _gains(self) -> list[tuple[str, str | None, str | None]]:
        """(name, text before, text after) of each part whose text changed, to tell where
        text taken out of another part went."""
        parts = [(_NAMES[change], before, after)
                 for change, _, before, after in self.changed_wording]
        old_updates = {u.id: u for u in self.old.progress}
        for update in self.new.progress:
            was = old_updates.get(update.id)
            if was is not update:
                parts.append((f"progress update of {_update_name(update)}",
                              _update_text(was) if was else None, _update_text(update)))
        return parts

    def _moved_to(self, text: str | None, own: str) -> str | None:
        """The part (not `own`) that gained most of the words of `text`, if one did."""
        if not text:
            return None
        return next((name for name, before, after in self._gains()
                     if name != own and share_moved(text, before, after) >= _MOVED), None)

    def _lead(self) -> None:
        if self.old.leads == self.new.leads:
            return
        before, after = _leads_text(self.old), _leads_text(self.new)
        if before == after:
            return
        if not before:
            summary = f"lead set to {after}"
        elif not after:
            summary = f"lead removed (was {before})"
        else:
            summary = f"lead changed from {before} to {after}"
        self.add("lead", summary, before=before or None, after=after or None)

    def _due(self) -> None:
        old_now, new_now = _dates_text(self.old.current_due), _dates_text(self.new.current_due)
        if old_now != new_now:
            summary = _due_summary("target date", self.old.current_due, self.new.current_due)
            self.add("due", summary, before=old_now or None, after=new_now or None,
                     reason=self._reason_of(lambda u: u.revised_due is not None))
            return
        old_set, new_set = _dates_text(self.old.due), _dates_text(self.new.due)
        if old_set != new_set:
            summary = _due_summary("original target date", self.old.due, self.new.due)
            self.add("original_due", summary, before=old_set or None, after=new_set or None)

    def _progress(self) -> None:
        old_updates = {u.id: u for u in self.old.progress}
        new_updates = {u.id: u for u in self.new.progress}
        for update_id in _union(new_updates, old_updates):
            before, after = old_updates.get(update_id), new_updates.get(update_id)
            if before is None:
                assert after is not None, "_union lists only ids found in one version or the other"
                self.add("progress_added", f"progress update added ({_update_name(after)})",
                         after=after.text, detail=update_id, reason=after.reason)
            elif after is None:
                name = f"progress update of {_update_name(before)}"
                target = self._moved_to(_update_text(before), name)
                self.add("progress_removed", f"{name} removed" + (
                    f"; its text moved into the {target}" if target else ""),
                         before=before.text, detail=update_id)
            elif before is not after:
                fields = _update_fields_changed(before, after)
                if fields:
                    # The whole written report, so that text moved into items per activity
                    # shows as moved, not as deleted.
                    old_text, new_text = _update_text(before), _update_text(after)
                    text_changed = old_text != new_text
                    name = f"progress update of {_update_name(before)}"
                    target = (self._moved_to(old_text, f"progress update of "
                                             f"{_update_name(after)}") if not new_text else None)
                    self.add("progress_edited", f"{name} edited ({', '.join(fields)})" + (
                        f"; its text moved into the {target}" if target else ""),
                             before=old_text if text_changed else None,
                             after=new_text if text_changed else None, detail=update_id,
                             reason=after.reason if after.reason != before.reason else None)

    def _status(self) -> None:
        old, new = self.old, self.new
        if new.withdrawn and not old.withdrawn:
            self.add_whole("withdrawn", f"{self.label} withdrawn.", reason=new.withdrawn.reason,
                           before=old.status.label, after=new.status.label)
        elif old.withdrawn and not new.withdrawn:
            self.add_whole("reinstated", f"{self.label} reinstated (no longer withdrawn); "
                           f"status now {new.status.label}.", before=old.status.label,
                           after=new.status.label)
        elif old.withdrawn and new.withdrawn and old.withdrawn != new.withdrawn:
            self.add("withdrawal_edited", "reason for withdrawal changed",
                     before=old.withdrawn.reason, after=new.withdrawn.reason)
        elif old.status.code != new.status.code:
            self.add("status", f"status changed from {old.status.label} to {new.status.label}",
                     before=old.status.label, after=new.status.label,
                     reason=self._reason_of(lambda u: u.status is not None))

    def _reason_of(self, sets_it) -> str | None:
        """The reason written on the newest update that made this change, if it is new."""
        old_updates = {u.id: u for u in self.old.progress}
        for update in reversed(self.new.progress):
            if sets_it(update):
                return update.reason if old_updates.get(update.id) != update else None
        return None


def group_label(group: Group) -> str:
    if group.number:
        return f"{group.level.label} {group.number}"
    return f"{group.level.label} “{group.title}”"


def action_label(action: Action) -> str:
    if action.number:
        return f"Action {action.number}"
    if action.title:
        return f"Action “{_clip(action.title)}”"
    return f"Action {action.id}"


def _clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _edited(before: str | None, after: str | None) -> str:
    if not before:
        return "added"
    return "removed" if not after else "reworded"


_NAMES = {"title": "title", "description": "description", "outcome": "outcome",
          "activities": "activities", "measures": "measures of success"}


def _moves(changed: list[tuple[str, str, str | None, str | None]],
           gains: list[tuple[str, str | None, str | None]]) -> dict[str, str]:
    """{change: name of the part its text moved into} for parts emptied in this revision
    whose words reappear, mostly, as new words of another part (or of a progress update)."""
    moves = {}
    for change, _, before, after in changed:
        if before and not after:
            for other, other_before, other_after in gains:
                if other != _NAMES[change] and \
                        share_moved(before, other_before, other_after) >= _MOVED:
                    moves[change] = other
                    break
    return moves


def _update_text(update: Update) -> str | None:
    """What an update says, as one text: its text, its items, next steps and impact."""
    parts = [update.text or ""]
    parts += [f"- {item.text}" for item in update.items]
    if update.next_steps:
        parts.append(f"Next steps: {update.next_steps}")
    if update.impact:
        parts.append(f"Impact: {update.impact}")
    return "\n".join(p for p in parts if p) or None


def _changed_fields(old, new, names: dict[str, str]) -> list[str]:
    return [label for name, label in names.items() if getattr(old, name) != getattr(new, name)]


def _update_fields_changed(before: Update, after: Update) -> list[str]:
    fields = _changed_fields(before, after, _UPDATE_FIELDS)
    if before.date_is_default and after.date_is_default:
        # Both dated by the plan's progress date: a change there is reported once, on the plan.
        fields = [f for f in fields if f != _UPDATE_FIELDS["date"]]
    return fields


def _dates_text(dates: tuple[FuzzyDate, ...]) -> str:
    return "; ".join(d.text for d in dates)


def _due_summary(name: str, old: tuple[FuzzyDate, ...], new: tuple[FuzzyDate, ...]) -> str:
    before, after = _dates_text(old), _dates_text(new)
    if not before:
        return f"{name} set to {after}"
    if not after:
        return f"{name} removed (was {before})"
    old_end = max((d.sort_date for d in old if d.sort_date), default=None)
    new_end = max((d.sort_date for d in new if d.sort_date), default=None)
    if old_end and new_end and new_end > old_end:
        return f"{name} put back from {before} to {after}"
    if old_end and new_end and new_end < old_end:
        return f"{name} brought forward from {before} to {after}"
    return f"{name} changed from {before} to {after}"


def _leads_text(action: Action) -> str:
    return "; ".join(f"{lead.text} ({lead.organisation})" if lead.organisation else lead.text
                     for lead in action.leads)


def _activities_text(action: Action) -> str | None:
    lines = [f"{i}. {a.text}" for i, a in enumerate(action.activities, start=1)]
    return "\n".join(lines) or None


def _measures_text(action: Action) -> str | None:
    return "\n".join(f"- {m.text}" for m in action.measures) or None


def _measure_figures(action: Action) -> tuple:
    return tuple((m.unit, m.baseline, m.target, m.values) for m in action.measures)


def _measure_links(action: Action) -> tuple:
    return tuple((m.id, m.activity, m.placeholder) for m in action.measures)


def _update_name(update: Update) -> str:
    if update.date is not None:
        return display_date_text(update.date)
    return f"update {update.id}"
