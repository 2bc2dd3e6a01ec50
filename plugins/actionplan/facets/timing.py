"""Slippage and staleness: is an action overdue, and has it gone without an update too long?

Both need a date to judge against. Today's date is never used: the same data must give the
same pages on every build. The reference date of a plan is, in order:

1. the site's `as_of` option, when set (one date for every plan);
2. the end of the plan's `progress_as_at` (the date its progress describes);
3. the end of the latest date carried by any of the plan's progress updates;
4. none: the plan is not assessed, and pages say so rather than guess.

What the site concludes from the target date is a verdict (facets/judgement.py): an action
is overdue ("late") only when its final target date (after any revision) ended before the
reference date and its latest update states a status that is not completed, withdrawn or
transferred. Dates with no end (ongoing, recurring, as required, an event) are never overdue.

An action has had no update for too long when its latest update's date, plus the plan's
update cadence (or the site default), is before the reference date.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from actionplan.facets.judgement import Verdict, judge
from actionplan.model.dates import FuzzyDate
from actionplan.model.entities import Action, Plan
from actionplan.options import ISO_DURATION, SiteOptions

CLOSED_STATUSES = frozenset({"completed", "withdrawn", "transferred"})

REFERENCE_SOURCES = {
    "as_of": "the date this site is assessed at",
    "progress_as_at": "the date the plan's progress describes",
    "latest_update": "the date of the plan's latest progress update",
}


@dataclass(frozen=True)
class Reference:
    """The date a plan is judged against, and why that date."""

    date: date | None
    source: str | None  # a key of REFERENCE_SOURCES, or None when not assessed

    @property
    def assessed(self) -> bool:
        return self.date is not None

    @property
    def explanation(self) -> str:
        return REFERENCE_SOURCES.get(self.source or "", "no date to judge against")


@dataclass(frozen=True)
class Assessment:
    reference: Reference
    cadence: str
    verdict: Verdict  # the one judgement of the action's timing; every view reads it
    stale_since: FuzzyDate | None = None  # the latest update's date, when too old

    @property
    def overdue(self) -> bool:
        return self.verdict.overdue

    @property
    def missed_due(self) -> FuzzyDate | None:
        """The target date that has passed, when the action is overdue."""
        return self.verdict.due if self.verdict.overdue else None


def add_duration(start: date, duration: str) -> date:
    """`start` plus an ISO 8601 duration (P3M, P1Y, P2W...); month ends are clamped."""
    match = ISO_DURATION.match(duration)
    if not match:
        raise ValueError(f"not an ISO 8601 duration: {duration!r}")
    years, months, weeks, days = (int(g or 0) for g in match.groups())
    total_months = start.month - 1 + months + 12 * years
    year, month = start.year + total_months // 12, total_months % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return date(year, month, day) + timedelta(weeks=weeks, days=days)


def reference_date(plan: Plan, options: SiteOptions) -> Reference:
    if options.as_of is not None:
        return Reference(options.as_of, "as_of")
    if plan.progress_as_at is not None and plan.progress_as_at.sort_date:
        return Reference(plan.progress_as_at.sort_date, "progress_as_at")
    dated = [u.date.sort_date for a, _ in plan.all_actions() for u in a.progress
             if u.date is not None and u.date.sort_date and not u.date_is_default]
    if dated:
        return Reference(max(dated), "latest_update")
    return Reference(None, None)


def final_due(action: Action) -> FuzzyDate | None:
    """The latest target date that has an end; None when no target date can pass."""
    dated = [d for d in action.current_due if _can_pass(d)]
    return max(dated, key=_known_sort_date) if dated else None


def _known_sort_date(value: FuzzyDate) -> date:
    # Only for dates already checked to have one (_can_pass).
    assert value.sort_date is not None, f"{value.text!r} has no date to sort by"
    return value.sort_date


def _can_pass(value: FuzzyDate) -> bool:
    return value.sort_date is not None and value.recurrence is None and value.kind not in (
        "ongoing", "recurring", "as_required")


def assess(plan: Plan, action: Action, options: SiteOptions,
           reference: Reference | None = None) -> Assessment:
    reference = reference or reference_date(plan, options)
    cadence = plan.update_cadence or options.update_cadence
    verdict = judge(action, reference, final_due(action))
    if reference.date is None:  # not assessed
        return Assessment(reference, cadence, verdict)
    return Assessment(reference, cadence, verdict,
                      stale_since=_stale_since(action, cadence, reference.date))


def _stale_since(action: Action, cadence: str, on: date) -> FuzzyDate | None:
    # Closed actions need no further updates, so they are never "stale".
    latest = action.latest_update
    if latest is None or latest.date is None or latest.date.sort_date is None:
        return None
    if action.status.code in CLOSED_STATUSES:
        return None
    return latest.date if add_duration(latest.date.sort_date, cadence) < on else None


class Assessor:
    """Assessments for many actions, working out each plan's reference date once."""

    def __init__(self, options: SiteOptions = SiteOptions()):
        self.options = options
        self._references: dict[int, tuple[Plan, Reference]] = {}

    def reference(self, plan: Plan) -> Reference:
        # Keyed by the plan object itself: `mkdocs serve` reloads plans that keep their ids.
        cached = self._references.get(id(plan))
        if cached is None or cached[0] is not plan:
            cached = self._references[id(plan)] = (plan, reference_date(plan, self.options))
        return cached[1]

    def __call__(self, plan: Plan, action: Action) -> Assessment:
        return assess(plan, action, self.options, self.reference(plan))
