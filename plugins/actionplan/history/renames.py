"""One history across an id change: `previous_ids` in the current data names what was renamed.

The history is read with the ids each version had, so a renamed action shows as one action
removed and another added in the same revision. The current data's `previous_ids` say they
are one: entries under an old id belong to the item that has it now, and the removed/added
pair of the revision that renamed it reads as one change of identifier. The entries are not
rewritten (their keys, and so the feeds' entry ids, stay as they were read): the outputs ask
here which current item an entry is about.

Without `previous_ids`, an id that disappears while another appears with the same title in
the same revision is most likely a rename: `likely_renames` finds these, for a warning.
"""

from __future__ import annotations

from actionplan.history.model import ChangeEntry, History
from actionplan.model.entities import Site


class Renames:
    """Old ids to current ones, from the `previous_ids` of the current plans."""

    def __init__(self, site: Site):
        self._order: tuple[History, dict[int, int]] | None = None
        self.plans = {old: plan.id for plan in site.plans for old in plan.previous_ids}
        self.items: dict[tuple[str, str, str], str] = {}
        for plan in site.plans:
            for group, _ in plan.all_groups():
                self.items.update(((plan.id, "group", old), group.id)
                                  for old in group.previous_ids)
            for action, _ in plan.all_actions():
                self.items.update(((plan.id, "action", old), action.id)
                                  for old in action.previous_ids)

    def __bool__(self) -> bool:
        return bool(self.plans or self.items)

    def plan_id(self, plan_id: str) -> str:
        return self.plans.get(plan_id, plan_id)

    def current(self, entry: ChangeEntry) -> tuple[str, str]:
        """(plan id, item id) of the item the entry is about, as the current data names it."""
        plan_id = self.plan_id(entry.plan_id)
        if entry.subject_kind == "plan":
            return plan_id, plan_id
        return plan_id, self.items.get((plan_id, entry.subject_kind, entry.subject_id),
                                       entry.subject_id)

    def plan_ids(self, plan_id: str) -> list[str]:
        """The plan's id and the ids it had."""
        return [plan_id] + [old for old, new in self.plans.items() if new == plan_id]

    def item_ids(self, plan_id: str, kind: str, item_id: str) -> list[str]:
        return [item_id] + [old for (p, k, old), new in self.items.items()
                            if p == plan_id and k == kind and new == item_id]

    def for_subject(self, history: History, plan_id: str, kind: str,
                    item_id: str) -> list[ChangeEntry]:
        """Everything that happened to one current item under any of its ids, newest first."""
        if not self:
            return history.for_subject(plan_id, kind, item_id)
        found = [e for p in self.plan_ids(plan_id)
                 for i in (self.item_ids(plan_id, kind, item_id) if kind != "plan" else [p])
                 for e in history.for_subject(p, kind, i)]
        return self.folded(self._newest_first(history, found))

    def for_plan(self, history: History, plan_id: str) -> list[ChangeEntry]:
        if not self:
            return history.for_plan(plan_id)
        found = [e for p in self.plan_ids(plan_id) for e in history.for_plan(p)]
        return self.folded(self._newest_first(history, found))

    def _newest_first(self, history: History, entries: list[ChangeEntry]) -> list[ChangeEntry]:
        """The entries in the history's own order (made once, used for every page)."""
        if self._order is None or self._order[0] is not history:
            self._order = (history, {id(e): n for n, e in enumerate(history.newest_first())})
        order = self._order[1]
        return sorted(entries, key=lambda e: order[id(e)])

    def folded(self, entries: list[ChangeEntry]) -> list[ChangeEntry]:
        """The entries with each rename's removed/added pair read as one change of id."""
        if not self:
            return entries
        added = {(e.commit, e.subject_kind, *self.current(e)): e for e in entries
                 if e.change == "added"}
        removed = {(e.commit, e.subject_kind, *self.current(e)): e for e in entries
                   if e.change == "removed" and self.current(e) != (e.plan_id, e.subject_id)}
        pairs = added.keys() & removed.keys()
        if not pairs:
            return entries
        kept = []
        for entry in entries:
            key = (entry.commit, entry.subject_kind, *self.current(entry))
            if key not in pairs:
                kept.append(entry)
            elif entry.change == "added":
                kept.append(_renamed(removed[key], entry))
        return kept


def _renamed(old: ChangeEntry, new: ChangeEntry) -> ChangeEntry:
    if new.subject_kind == "plan":
        sentence = (f"Plan identifier changed from “{old.plan_id}” to “{new.plan_id}”: the "
                    "same plan, with its history kept.")
    else:
        was = old.subject_id if old.subject_id != new.subject_id else f"{old.plan_id}/{old.subject_id}"
        now = new.subject_id if old.subject_id != new.subject_id else f"{new.plan_id}/{new.subject_id}"
        sentence = (f"{new.subject_label}: identifier changed from “{was}” to “{now}”: the "
                    f"same {new.subject_kind}, with its history kept.")
    return new._replace(change="renamed", sentence=sentence, before=old.subject_id,
                        after=new.subject_id, reason=new.reason or old.reason)


def likely_renames(history: History, renames: Renames) -> list[tuple[ChangeEntry, ChangeEntry]]:
    """(removed, added) pairs of one revision and plan with the same title, that the current
    data's `previous_ids` do not already join: most likely an id changed by mistake."""
    found = []
    by_commit: dict[tuple, list[ChangeEntry]] = {}
    for entry in history.entries:
        if entry.change in ("added", "removed") and entry.subject_title \
                and entry.part_of is None:
            plan = "" if entry.subject_kind == "plan" else entry.plan_id
            by_commit.setdefault((entry.commit, plan, entry.subject_kind), []).append(entry)
    for entries in by_commit.values():
        gone = {e.subject_title: e for e in entries if e.change == "removed"}
        for entry in entries:
            old = gone.get(entry.subject_title) if entry.change == "added" else None
            if old is not None and renames.current(old) != renames.current(entry):
                found.append((old, entry))
    return found


def rename_warnings(history: History, site: Site) -> list[str]:
    """A warning for each likely rename, saying where to write `previous_ids`."""
    renames = Renames(site)
    files = {plan.id: plan.data_file for plan in site.plans}
    current = {("plan", p.id, p.id) for p in site.plans}
    current |= {("group", p.id, g.id) for p in site.plans for g, _ in p.all_groups()}
    current |= {("action", p.id, a.id) for p in site.plans for a, _ in p.all_actions()}
    warnings = []
    for old, new in likely_renames(history, renames):
        # Only where the fix can be made: the new item is still there, the old id is free.
        if (new.subject_kind, *renames.current(new)) not in current \
                or (old.subject_kind, *renames.current(old)) in current:
            continue
        noun = new.subject_kind
        where = files.get(renames.plan_id(new.plan_id))
        plan_note = "" if noun == "plan" else f" of plan {new.plan_id}"
        fix = (f'add `previous_ids: ["{old.subject_id}"]` to {noun} "{new.subject_id}"'
               + (f" in {where}" if where else ""))
        warnings.append(
            f"Changelog: on {new.date.date().isoformat()} (revision {new.revision.short}), "
            f'{noun} "{old.subject_id}"{plan_note} disappeared while {noun} '
            f'"{new.subject_id}" appeared with the same title ("{new.subject_title}"), so '
            f"the changelog shows one {noun} removed and another added. If it is the same "
            f"{noun}, {fix}: it then keeps one history, and its old address leads to the "
            "new one.")
    return warnings
