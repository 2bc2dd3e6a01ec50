"""The history model: what changed in the plan data, when, in which revision, and why.

Built from git by `read_history`; every changelog output (pages, feeds, JSON) reads it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import NamedTuple

@dataclass(frozen=True)
class Revision:
    """One commit that changed the data: its hash, commit date and published reason, if any.

    `change_type` is "correction" for a fix to how the plan was transcribed or published
    (a `Change-type: correction` trailer), not news about the plan; `undoes` names the
    commit a revert undid. A change made on a branch and merged is credited to the branch
    commit, dated when the merge `published_in` brought it onto the published branch.
    """

    commit: str
    date: datetime
    reason: str | None = None
    change_type: str | None = None
    undoes: str | None = None
    published_in: str | None = None

    @property
    def short(self) -> str:
        # A fixed length (not git's --short, which grows with the repository) keeps output stable.
        return self.commit[:7]


class ChangeEntry(NamedTuple):
    """One change, worded for residents: "Action 4.6: status changed from ... to ...".

    `part_of` names the bigger change this one belongs to (an action added with its plan):
    such entries are listed on the action's own page but folded into the bigger change in
    the site and plan changelogs.

    A named tuple rather than a frozen dataclass: a county's history holds about 100,000
    entries, and a rebuild makes them all again from the cache; a tuple is made ten times
    faster, and is just as immutable.
    """

    revision: Revision
    plan_id: str
    plan_title: str
    subject_kind: str
    subject_id: str
    subject_label: str
    change: str
    sentence: str
    reason: str | None = None
    before: str | None = None
    after: str | None = None
    detail: str | None = None  # which update, for progress changes
    part_of: str | None = None
    subject_title: str | None = None

    @property
    def date(self) -> datetime:
        return self.revision.date

    @property
    def commit(self) -> str:
        return self.revision.commit

    @property
    def subject_key(self) -> str:
        return subject_key(self.plan_id, self.subject_kind, self.subject_id)

    @property
    def is_folded(self) -> bool:
        return self.part_of is not None


def subject_key(plan_id: str, kind: str, item_id: str) -> str:
    """A key naming one plan, group or action across the whole site: "action:plan-x/4.6"."""
    if kind == "plan":
        return f"plan:{plan_id}"
    return f"{kind}:{plan_id}/{item_id}"


@dataclass(frozen=True)
class HistoryNote:
    """A revision (or one file in it) that could not be read, and what was done instead."""

    revision: Revision
    file: str
    message: str
    # The unreadable version (blob) and the one it replaced: a run of unreadable versions
    # ends where a readable one replaces the last of them.
    blob: str | None = None
    before: str | None = None
    fixed: Revision | None = None  # the revision that replaced the run with a readable one


@dataclass(frozen=True)
class History:
    """Every change to the data, oldest first, and the revisions that had to be skipped.

    A build without history (no git, or a shallow clone) has no History at all: reading
    raises HistoryUnavailable and the site has no changelog.
    """

    entries: tuple[ChangeEntry, ...] = ()
    notes: tuple[HistoryNote, ...] = ()
    revisions: tuple[Revision, ...] = ()
    warnings: tuple[str, ...] = ()  # for the build log: a changelog that may mislead
    # Orders and indexes made once from `entries` (every changelog page asks for them).
    _by_subject: dict = field(default_factory=dict, compare=False, repr=False)
    _made: dict = field(default_factory=dict, compare=False, repr=False)

    def newest_first(self) -> list[ChangeEntry]:
        """Entries by commit date, newest first; within one commit, in the order of the plan."""
        if "newest_first" not in self._made:
            first_seen: dict[str, int] = {}
            for index, entry in enumerate(self.entries):
                first_seen.setdefault(entry.commit, index)
            # A stable sort keeps equal keys (one commit's entries) in their original order.
            self._made["newest_first"] = sorted(
                self.entries, key=lambda e: (e.date, first_seen[e.commit]), reverse=True)
        return list(self._made["newest_first"])

    def headline_entries(self) -> list[ChangeEntry]:
        """Newest first, without the entries folded into a bigger change."""
        if "headlines" not in self._made:
            self._made["headlines"] = [e for e in self.newest_first() if not e.is_folded]
        return list(self._made["headlines"])

    def for_plan(self, plan_id: str) -> list[ChangeEntry]:
        if "by_plan" not in self._made:
            by_plan: dict[str, list[ChangeEntry]] = {}
            for entry in self.headline_entries():
                by_plan.setdefault(entry.plan_id, []).append(entry)
            self._made["by_plan"] = by_plan
        return list(self._made["by_plan"].get(plan_id, []))

    def for_subject(self, plan_id: str, kind: str, item_id: str) -> list[ChangeEntry]:
        """Everything that happened to one plan, group or action, newest first."""
        if not self._by_subject:
            for entry in self.newest_first():
                self._by_subject.setdefault(entry.subject_key, []).append(entry)
        return list(self._by_subject.get(subject_key(plan_id, kind, item_id), []))
