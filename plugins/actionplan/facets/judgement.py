"""The one judgement the site makes about an action's timing: a verdict with its reason.

Every view that says anything about timing (badges, the Overdue list, dashboard counts,
the CSV and JSON downloads) reads a `Verdict` from here, so no two pages can disagree.

What the data can tell: an update's status code (completed, in progress, not started...) is
read as the council's own statement. What it cannot tell: an update with no status ("Status
not stated"), or no update at all, says nothing about whether the work was done. Its free
text is never read to guess (coord-01's "met for the first time on 12 August" sounds done, a
"delayed" elsewhere sounds late); such an action whose target has passed gets its own
verdict, `target_passed_no_status`, and is never counted as overdue.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from actionplan.model.dates import FuzzyDate
from actionplan.model.entities import Action
from actionplan.model.vocabulary import VERDICT_ORDER, VERDICTS, Term

if TYPE_CHECKING:  # timing imports this module to build its assessments
    from actionplan.facets.timing import Reference

DONE_STATUSES = frozenset({"completed"})
GONE_STATUSES = frozenset({"withdrawn", "transferred"})
SILENT_STATUSES = frozenset({"unknown", "no_update"})  # no status stated by any update

# Verdicts that say whether an action met its target (judged against a date).
JUDGED = ("on_time", "late", "target_passed_no_status")
# Verdicts about a target date that has passed (listed for residents' attention).
ATTENTION = ("late", "target_passed_no_status")


@dataclass(frozen=True)
class Verdict:
    code: str  # a key of VERDICTS
    reason: str  # one sentence about this action, plain text
    due: FuzzyDate | None = None  # the final target date that can pass, when there is one

    @property
    def term(self) -> Term:
        return VERDICTS[self.code]

    @property
    def label(self) -> str:
        return VERDICTS[self.code].label

    @property
    def meaning(self) -> str:
        return VERDICTS[self.code].meaning

    @property
    def key(self) -> str:
        """Path- and class-safe: "target-passed-no-status"."""
        return self.code.replace("_", "-")

    @property
    def overdue(self) -> bool:
        return self.code == "late"

    @property
    def needs_attention(self) -> bool:
        """Badged in lists: overdue, or a passed target nobody has reported on."""
        return self.code in ATTENTION


def day_text(value: date) -> str:
    return f"{value.day} {value:%B %Y}"


def judge(action: Action, reference: Reference, due: FuzzyDate | None) -> Verdict:
    """The verdict on `action`, judged at `reference`, against its final target date `due`."""
    status = action.status.code
    if status in GONE_STATUSES:
        return Verdict("withdrawn", f"The action was {status} (see its progress), so its "
                                    "target date no longer applies.", due)
    if status in DONE_STATUSES:
        return Verdict("done", "The latest progress update says the action is completed.", due)
    if reference.date is None:  # not assessed
        return Verdict("not_assessed", "The plan gives no date its progress describes, so "
                                       "there is no date to judge the target date against.", due)
    if due is None:
        return Verdict("no_target", _no_target_reason(action))
    assert due.sort_date is not None, "final_due gives only a target date that can pass"
    when = f"by {day_text(reference.date)} ({reference.explanation})"
    if due.sort_date >= reference.date:
        return Verdict("on_time", f"The target date, “{due.text}”, had not passed {when}.", due)
    if status in SILENT_STATUSES:
        return Verdict("target_passed_no_status", f"The target date, “{due.text}”, had passed "
                       f"{when}, but {_silence(action)}, so the site cannot tell whether the "
                       "action was done.", due)
    return Verdict("late", f"The target date, “{due.text}”, had passed {when}, and the latest "
                   f"update gives the status “{action.status.label}”.", due)


def _no_target_reason(action: Action) -> str:
    if not action.current_due:
        return "The plan gives no target date for this action, so it cannot be judged late."
    written = "; ".join(f"“{d.text}”" for d in action.current_due)
    return (f"The target date as written, {written}, has no end that can pass, so the action "
            "cannot be judged late.")


def _silence(action: Action) -> str:
    if action.status.code == "no_update":
        return "no progress update has been published"
    return "the latest update gives no status"


def overdue_flag(verdict: Verdict) -> bool | None:
    """Overdue as yes/no for the downloads: None where the data cannot say."""
    if verdict.code in ("target_passed_no_status", "not_assessed"):
        return None
    return verdict.overdue


def count_verdicts(verdicts) -> dict[str, int]:
    """{code: count} for every verdict, in VERDICT_ORDER, zeros included."""
    counts = dict.fromkeys(VERDICT_ORDER, 0)
    for verdict in verdicts:
        counts[verdict.code] += 1
    return counts


def unjudged_reason(reference: Reference, verdicts: list[Verdict]) -> str | None:
    """Why none of a plan's actions can be judged against a date, or None when some can.

    A plan in this state is "not assessed": a count of 0 overdue would be a false assurance.
    """
    if not reference.assessed:
        return ("It gives no date its progress describes, so there is no date to judge its "
                "target dates against.")
    if not verdicts:
        return "It has no actions."
    if all(v.due is None for v in verdicts):
        return (f"None of its {len(verdicts)} actions has a target date that can pass, so none "
                "can be judged overdue or not yet due.")
    return None
