"""Whether a plan's own period is over, so pages can say so before anything else.

"Ended" is judged at a fixed date, never today's, so the same data and history give the same
pages: the site's `as_of` option when set, else the day the data last changed in git (a plan
whose period ended before the data was last published has ended). With neither, nothing is
claimed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from actionplan.model.dates import FuzzyDate
from actionplan.model.entities import Plan


@dataclass(frozen=True)
class EndedPlan:
    start: date
    end: date
    period: FuzzyDate  # as the plan writes it
    last_report: FuzzyDate | None  # the plan's progress date, else its latest dated update
    judged_on: date


def last_report(plan: Plan) -> FuzzyDate | None:
    if plan.progress_as_at is not None:
        return plan.progress_as_at
    dated = [u.date for a, _ in plan.all_actions() for u in a.progress
             if u.date is not None and u.date.sort_date and not u.date_is_default]
    return max(dated, key=lambda d: d.sort_date or date.min) if dated else None  # all dated


def open_ended_report(plan: Plan) -> FuzzyDate | None:
    """The last progress report of a plan that states no period: nothing says whether it has
    ended, so pages give the date of its last report and claim nothing more."""
    return last_report(plan) if plan.period is None else None


def ended_plan(plan: Plan, on: date | None) -> EndedPlan | None:
    """The plan's period and last report when its period had ended by `on`; else None."""
    period = plan.period
    if on is None or period is None or period.start is None or period.end is None:
        return None
    if period.end >= on:
        return None
    return EndedPlan(period.start, period.end, period, last_report(plan), on)
