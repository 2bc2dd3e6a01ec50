"""How plan items are named wherever they appear (page titles, headings, links, downloads).

A leaf module over the model: pages, render and export all name items the same way.
"""

from __future__ import annotations

import re
from typing import overload

from actionplan.model.dates import FuzzyDate
from actionplan.model.entities import Action, Group, Plan


CUT_OFF_MARK = "…"


def is_cut_off(thing: Group | Action, field_name: str = "title") -> bool:
    """Whether the transcription notes that this field is cut off in the source document."""
    return any(n.kind == "truncated" and n.field == field_name for n in thing.notes)


@overload
def shown_title(thing: Group) -> str: ...
@overload
def shown_title(thing: Action) -> str | None: ...


def shown_title(thing: Group | Action) -> str | None:
    """The title as residents see it: a title cut off in the source ends in "…", wherever it
    is shown (page title, heading, breadcrumbs, menu), so it never reads as complete."""
    if thing.title and is_cut_off(thing):
        return thing.title + CUT_OFF_MARK
    return thing.title


def group_heading(group: Group) -> str:
    """ "PEO 4: To have a diverse workforce that ain…" or the title alone when unnumbered."""
    if group.number:
        return f"{group.level.label} {group.number}: {shown_title(group)}"
    return shown_title(group)


def action_heading(plan: Plan, action: Action, groups: tuple[Group, ...]) -> str:
    """The action's number and title, for page titles and links.

    A title-less action (the plan prints only its number) is described by the start of its
    first activity, so every page title stays unique and says what the action is.
    """
    name = f"Action {action.number}" if action.number else "Action"
    summary = shown_title(action) or _first_activity_summary(action)
    if summary:
        return f"{name}: {summary}" if action.number else summary
    if action.number:
        return name
    # A plan with no groups has no heading to place it under: say what is missing instead.
    return f"Action in {group_heading(groups[-1])}" if groups else "Action with no title in the plan"


def _first_activity_summary(action: Action, limit: int = 90) -> str | None:
    if not action.activities:
        return None
    text = " ".join(re.sub(r"[*_`#>]|^\s*[-•]\s*", "", action.activities[0].text).split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def display_date_text(value: FuzzyDate) -> str:
    """The plan's words, except that a bare YYYY-MM-DD reads as "1 December 2020"."""
    if value.kind == "day" and value.start and value.text == value.start.isoformat():
        return f"{value.start.day} {value.start:%B %Y}"
    return value.text
