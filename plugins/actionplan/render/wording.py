"""Resident wording that templates share: headings that say what a value is, with the plan's
own words beside them, and labels that never repeat themselves."""

from __future__ import annotations

import re

from actionplan.facets.summary import PlanSummary
from actionplan.model.entities import Plan, Status
from actionplan.render.formatting import plural


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


def progress_sentence(summary: PlanSummary) -> str:
    """The plan's counts as one short sentence from the judgement model: "12 of 31 actions
    done; 3 overdue; 16 with no status given". Overdue is "not assessed" when no action can
    be judged against a date (a zero would claim that none is late)."""
    total = summary.breakdown.total
    unstated = summary.breakdown.count("no_update") + summary.breakdown.count("unknown")
    overdue = f"{summary.overdue} overdue" if summary.assessed else "overdue not assessed"
    passed = summary.verdicts["target_passed_no_status"]
    if passed:  # not overdue, and not on track either: say so beside the zero
        overdue += f" ({passed} more past their target date, not known to be done)"
    return (f"{summary.verdicts['done']} of {plural(total, 'action')} done; {overdue}; "
            f"{unstated} with no status given.")


GLOBALS = {"field_heading": field_heading, "document_status_text": document_status_text,
           "progress_sentence": progress_sentence}
