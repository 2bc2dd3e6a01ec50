"""Counts for the dashboards: actions by status, per plan and per top-level group."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from collections.abc import Iterable

from actionplan.facets.judgement import JUDGED, count_verdicts, unjudged_reason
from actionplan.facets.timing import Assessor, Reference
from actionplan.model.entities import Action, Group, Plan, Site
from actionplan.model.vocabulary import STATUS_ORDER, STATUSES, VERDICT_ORDER, VERDICTS


@dataclass(frozen=True)
class StatusCount:
    code: str
    label: str
    count: int
    total: int

    @property
    def percent(self) -> int:
        """Whole percent for reading; bars use `width` for their exact length."""
        return round(100 * self.count / self.total) if self.total else 0

    @property
    def width(self) -> str:
        return f"{100 * self.count / self.total:.1f}%" if self.total else "0%"


@dataclass(frozen=True)
class Breakdown:
    """Status counts of a set of actions, in the standard order, present statuses only."""

    total: int
    statuses: tuple[StatusCount, ...]

    def count(self, code: str) -> int:
        return next((s.count for s in self.statuses if s.code == code), 0)


@dataclass(frozen=True)
class GroupSummary:
    group: Group
    breakdown: Breakdown


@dataclass(frozen=True)
class VerdictCount:
    code: str
    label: str
    meaning: str
    count: int

    @property
    def key(self) -> str:
        return self.code.replace("_", "-")


@dataclass(frozen=True)
class PlanSummary:
    plan: Plan
    breakdown: Breakdown
    groups: tuple[GroupSummary, ...]
    reference: Reference
    verdicts: dict[str, int]  # every verdict code, in VERDICT_ORDER, zeros included
    stale: int
    not_assessed_reason: str | None = None  # why no action can be judged against a date

    @property
    def assessed(self) -> bool:
        """Whether any action can be judged against a date: else counts read "not assessed"."""
        return self.not_assessed_reason is None

    @property
    def overdue(self) -> int:
        return self.verdicts["late"]

    @property
    def judged(self) -> int:
        """Actions judged against a date: not yet due, overdue, or target passed unstated."""
        return sum(self.verdicts[code] for code in JUDGED)

    @property
    def verdict_counts(self) -> tuple[VerdictCount, ...]:
        """Each verdict with its count, in the standard order, present verdicts only."""
        return tuple(VerdictCount(code, VERDICTS[code].label, VERDICTS[code].meaning,
                                  self.verdicts[code])
                     for code in VERDICT_ORDER if self.verdicts[code])

    @property
    def no_update(self) -> StatusCount:
        return StatusCount("no_update", STATUSES["no_update"].label,
                           self.breakdown.count("no_update"), self.breakdown.total)


@dataclass(frozen=True)
class SiteSummary:
    plans: tuple[PlanSummary, ...]
    breakdown: Breakdown

    @property
    def codes(self) -> list[str]:
        """Statuses present anywhere on the site, in the standard order (table columns)."""
        return [s.code for s in self.breakdown.statuses]

    @property
    def no_update(self) -> StatusCount:
        return StatusCount("no_update", STATUSES["no_update"].label,
                           self.breakdown.count("no_update"), self.breakdown.total)


def breakdown(actions: Iterable[Action]) -> Breakdown:
    counts = Counter(a.status.code for a in actions)
    total = sum(counts.values())
    return Breakdown(total, tuple(StatusCount(code, STATUSES[code].label, counts[code], total)
                                  for code in STATUS_ORDER if counts[code]))


def plan_summary(plan: Plan, assessor: Assessor) -> PlanSummary:
    actions = [a for a, _ in plan.all_actions()]
    assessments = [assessor(plan, a) for a in actions]
    verdicts = [a.verdict for a in assessments]
    reference = assessor.reference(plan)
    return PlanSummary(
        plan=plan,
        breakdown=breakdown(actions),
        groups=tuple(GroupSummary(g, breakdown(g.all_actions())) for g in plan.groups),
        reference=reference,
        verdicts=count_verdicts(verdicts),
        stale=sum(a.stale_since is not None for a in assessments),
        not_assessed_reason=unjudged_reason(reference, verdicts),
    )


def site_summary(site: Site, assessor: Assessor) -> SiteSummary:
    return SiteSummary(tuple(plan_summary(p, assessor) for p in site.plans),
                       breakdown(a for p in site.plans for a, _ in p.all_actions()))
