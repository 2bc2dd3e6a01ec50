"""The site-wide changelog's entries: one per revision, each plan it touched in one line.

Every change is written in full once, on its plan's changelog page; the site-wide changelog
says what each revision did to which plan ("3 progress updates added, 1 target date
changed") and links to that revision on the plan's page. Written out in full on both, the
changes were a fifth of a county's site.
"""

from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Sequence

from actionplan.history import ChangeEntry

# What a change is called in a count: (one, many), by kind of change.
_CHANGE_NAMES = {
    "title": ("title reworded", "titles reworded"),
    "description": ("description changed", "descriptions changed"),
    "outcome": ("outcome changed", "outcomes changed"),
    "activities": ("activities text changed", "activities texts changed"),
    "measures": ("measure of success changed", "measures of success changed"),
    "lead": ("lead changed", "leads changed"),
    "due": ("target date changed", "target dates changed"),
    "original_due": ("original target date changed", "original target dates changed"),
    "status": ("status changed", "statuses changed"),
    "progress_added": ("progress update added", "progress updates added"),
    "progress_edited": ("progress update edited", "progress updates edited"),
    "progress_removed": ("progress update removed", "progress updates removed"),
    "withdrawn": ("action withdrawn", "actions withdrawn"),
    "reinstated": ("action reinstated", "actions reinstated"),
    "withdrawal_edited": ("reason for withdrawal changed", "reasons for withdrawal changed"),
}
# Changes whose count names the kind of item: "2 actions added", "1 group moved".
_ITEM_CHANGES = ("added", "removed", "moved", "renumbered", "renamed")
_ITEM_NAMES = {"action": ("action", "actions"), "group": ("group", "groups"),
               "plan": ("plan", "plans")}


@dataclass(frozen=True)
class PlanTouch:
    """What one revision did to one plan, and where its changes are written in full."""

    plan_name: str
    count: int
    summary: str  # "3 progress updates added, 1 target date changed"
    changes_src: str | None  # the plan's changelog page holding the revision, if any
    anchor: str


@dataclass(frozen=True)
class RevisionView:
    """One revision as the site-wide changelog shows it: when, why, and which plans."""

    first: ChangeEntry  # any entry: they share the revision, its date and its reason
    plans: tuple[PlanTouch, ...]
    commit_href: str | None
    undone_date: str | None
    date_text: str  # "3 December 2026"
    own_reasons: int = 0  # changes that give a reason of their own (an update's reason)

    @property
    def reason(self) -> str | None:
        """The reason published with the revision (a change may give its own as well)."""
        return self.first.revision.reason

    @property
    def date_iso(self) -> str:
        return self.first.date.date().isoformat()

    @property
    def is_correction(self) -> bool:
        return self.first.revision.change_type == "correction"

    @property
    def is_undo(self) -> bool:
        return self.first.revision.undoes is not None

    @property
    def count(self) -> int:
        return sum(touch.count for touch in self.plans)


def revision_anchor(commit: str) -> str:
    """The id of a revision's place on a plan's changelog page."""
    return f"revision-{commit[:7]}"


def by_revision(entries: Sequence[ChangeEntry]) -> list[list[ChangeEntry]]:
    """Newest-first entries in runs of one revision each (a revision's entries are
    consecutive in `History.newest_first`)."""
    runs: list[list[ChangeEntry]] = []
    for entry in entries:
        if runs and runs[-1][0].commit == entry.commit:
            runs[-1].append(entry)
        else:
            runs.append([entry])
    return runs


def change_summary(entries: Sequence[ChangeEntry]) -> str:
    """How many of each kind of change, in the order they first appear."""
    counts: dict[tuple[str, str], int] = {}
    names: dict[tuple[str, str], tuple[str, str]] = {}
    for entry in entries:
        if entry.change in _ITEM_CHANGES:
            key = (entry.subject_kind, entry.change)
            one, many = _ITEM_NAMES.get(entry.subject_kind, ("item", "items"))
            names[key] = (f"{one} {entry.change}", f"{many} {entry.change}")
        else:
            key = ("", entry.change)
            names[key] = _CHANGE_NAMES.get(entry.change, ("other change", "other changes"))
        counts[key] = counts.get(key, 0) + 1
    return ", ".join(f"{n} {names[key][0] if n == 1 else names[key][1]}"
                     for key, n in counts.items())
