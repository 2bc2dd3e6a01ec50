"""Resident wording that templates share: headings that say what a value is, with the plan's
own words beside them, and labels that never repeat themselves."""

from __future__ import annotations

import re

from actionplan.model.entities import Plan, Status


def _bare(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text).strip().casefold()


def field_heading(plan: Plan, field_name: str, default: str) -> str:
    """What the value is, then the plan's own heading for it when that says something else:
    "Target date (the plan says “Date of Completion”)". The plan's heading is kept (it is how
    readers of the printed plan know the column) but never stands in for what the value is."""
    own = plan.labels.get(field_name)
    if not own or _bare(own) == _bare(default):
        return default
    return f"{default} (the plan says “{own}”)"


def document_status_text(status: Status) -> str:
    """"Draft (to be presented to EWG on 20 November 2015)", never "Draft: Draft (...)": the
    plan's words are shown alone when they already start with the status's name."""
    name = status.code.replace("_", " ").capitalize()
    if not status.text:
        return name
    if _bare(status.text).startswith(_bare(name)):
        return status.text
    return f"{name} (the plan says “{status.text}”)"


GLOBALS = {"field_heading": field_heading, "document_status_text": document_status_text}
