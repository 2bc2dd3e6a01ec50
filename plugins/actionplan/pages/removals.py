"""What is left at the address of a plan or action taken out of the data.

A deleted plan keeps its changelog page and feed, the removal (and its reason) the newest
entry, so subscribers learn of it; the addresses of a removed plan and of removed actions
say what was removed, when and why, rather than "page not found".
"""

from __future__ import annotations

from dataclasses import dataclass

from actionplan.history import ChangeEntry
from actionplan.pages.page_spec import PageSpec


@dataclass(frozen=True)
class GonePlan:
    """A plan in the history that the current data no longer has (and did not rename)."""

    plan_id: str
    title: str
    removal: ChangeEntry  # the "Plan removed" entry: the newest about the plan


def gone_plans(views) -> list[GonePlan]:
    """Plans removed from the data, most recently removed first."""
    latest: dict[str, ChangeEntry] = {}
    for entry in views.newest:
        if entry.subject_kind == "plan":
            latest.setdefault(entry.plan_id, entry)
    return [GonePlan(plan_id, entry.plan_title, entry) for plan_id, entry in latest.items()
            if entry.change == "removed" and views.renames.plan_id(plan_id) not in views.plans]


def removed_items(views, plan_id: str, kind: str) -> list[ChangeEntry]:
    """The removal of each group or action ("group", "action") of the plan whose page is
    gone, newest first: taken out alone, with its group, or with the whole plan."""
    pages = views.actions if kind == "action" else views.groups
    seen: set[str] = set()
    found = []
    for entry in views.newest:
        if entry.plan_id != plan_id or entry.subject_kind != kind:
            continue
        current_plan, item_id = views.renames.current(entry)
        if item_id in seen:
            continue
        seen.add(item_id)
        if entry.change == "removed" and (current_plan, item_id) not in pages:
            found.append(entry)
    return found


def tombstone_pages(views, plan_id: str, changes_src: str, gone: GonePlan | None = None
                    ) -> list[PageSpec]:
    """Pages at the addresses of the plan's removed groups and actions (and of the plan,
    if gone)."""
    pages = []
    if gone is not None:
        pages.append(PageSpec(views.paths.plan(plan_id), f"{gone.title} (removed)",
                              "removed.html", "removed",
                              tombstone_context(views, gone.removal, changes_src),
                              f"{gone.title} was removed from this site."))
    for kind, src in (("group", views.paths.group), ("action", views.paths.action)):
        for entry in removed_items(views, plan_id, kind):
            title = f"{entry.subject_label} (removed from {entry.plan_title})"
            pages.append(PageSpec(src(plan_id, entry.subject_id), title, "removed.html",
                                  "removed", tombstone_context(views, entry, changes_src),
                                  f"{entry.subject_label} was removed from "
                                  f"{entry.plan_title}."))
    return pages


def tombstone_context(views, entry: ChangeEntry, changes_src: str) -> dict:
    """What removed.html shows: the removal, its date and reason, and where to read more."""
    return {"removal": views.view(entry), "changes_src": changes_src,
            "plan_src": views.paths.plan(entry.plan_id) if entry.plan_id in views.plans else None}
