"""What changed in a plan between two of its progress reports, read from the data alone.

A report is a date the plan's progress updates are dated at: every distinct date of an update
(an undated update is taken as at the plan's `progress_as_at`, so a plan whose updates carry
no dates of their own has one report). Between an earlier report and a later one, an action
can have new updates, a changed status, a moved target date (an update's `revised_due`), be
withdrawn (`withdrawn.date`), or have its first update at all.

What the data cannot tell is said, not guessed: an update with no date that can be placed
belongs to no report, so an action with one is listed apart; and the data does not record
when an action was added to the plan, so an action first reported on is called that, not new.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date

from actionplan.model.dates import FuzzyDate
from actionplan.model.entities import Action, Group, Plan, Status, Update, Withdrawal
from actionplan.model.vocabulary import STATUS_ORDER


@dataclass(frozen=True)
class Report:
    """One reporting date of a plan, with the words the plan dates it by."""

    day: date
    shown: FuzzyDate
    updates: int  # how many updates are dated at it
    plan_date: bool  # the updates are undated and taken as at the plan's progress date

    @property
    def key(self) -> str:
        return self.day.isoformat()


@dataclass(frozen=True)
class ActionChange:
    """One action's changes from the earlier report to the later one."""

    action: Action
    groups: tuple[Group, ...]
    new_updates: tuple[Update, ...]
    status_before: Status
    status_after: Status
    due_before: tuple[FuzzyDate, ...]
    due_after: tuple[FuzzyDate, ...]
    withdrawn: Withdrawal | None  # withdrawn between the two reports

    @property
    def status_changed(self) -> bool:
        return self.status_before.code != self.status_after.code

    @property
    def target_moved(self) -> bool:
        return self.due_before != self.due_after

    @property
    def first_update(self) -> bool:
        """Its first update comes in the later report (the data cannot say it is new)."""
        return self.status_before.code == "no_update" and bool(self.new_updates)

    @property
    def update_only(self) -> bool:
        """A new update that changes neither its status nor its target date."""
        return bool(self.new_updates) and not (self.status_changed or self.target_moved
                                               or self.withdrawn or self.first_update)


@dataclass(frozen=True)
class ReportChanges:
    """A plan's changes from report `before` to report `after`, action by action."""

    plan: Plan
    before: Report
    after: Report
    changes: tuple[ActionChange, ...]  # actions with any change, in plan order
    undated: tuple[tuple[Action, tuple[Group, ...]], ...]  # updates no report can hold
    not_reported: int  # actions with no dated update by the later report

    @property
    def status_changes(self) -> list[ActionChange]:
        # A withdrawal is listed as such; its status change would say it twice.
        return [c for c in self.changes if c.status_changed and not c.withdrawn
                and not c.first_update]

    @property
    def moved_targets(self) -> list[ActionChange]:
        return [c for c in self.changes if c.target_moved]

    @property
    def withdrawals(self) -> list[ActionChange]:
        return [c for c in self.changes if c.withdrawn]

    @property
    def first_updates(self) -> list[ActionChange]:
        return [c for c in self.changes if c.first_update]

    @property
    def updates_only(self) -> list[ActionChange]:
        """Grouped by the status they keep (in STATUS_ORDER), each group in plan order: the
        page says a group's status once, above it."""
        return sorted((c for c in self.changes if c.update_only),
                      key=lambda c: STATUS_ORDER.index(c.status_after.code))

    @property
    def updates_only_by_status(self) -> list[tuple[str, list[ActionChange]]]:
        """`updates_only` as (status code, its actions), one pair a status."""
        groups: dict[str, list[ActionChange]] = {}
        for change in self.updates_only:
            groups.setdefault(change.status_after.code, []).append(change)
        return list(groups.items())


def update_day(update: Update) -> date | None:
    """The day an update is placed at, or None when its date names none."""
    return update.date.sort_date if update.date is not None else None


def plan_reports(plan: Plan) -> tuple[Report, ...]:
    """The plan's reports, oldest first."""
    found: dict[date, list[Update]] = {}
    for action, _ in plan.all_actions():
        for update in action.progress:
            day = update_day(update)
            if day is not None:
                found.setdefault(day, []).append(update)
    return tuple(Report(day, _first_date(found[day]), len(found[day]),
                        all(u.date_is_default for u in found[day]))
                 for day in sorted(found))


def _first_date(updates: list[Update]) -> FuzzyDate:
    # The words of the first update dated that day: "March 2021" rather than its last day.
    assert updates[0].date is not None, "only placed updates are grouped by day"
    return updates[0].date


def report_pairs(reports: tuple[Report, ...]) -> list[tuple[Report, Report]]:
    """Each report with the one before it, oldest pair first."""
    return list(zip(reports, reports[1:]))


def to_latest_pairs(reports: tuple[Report, ...]) -> list[tuple[Report, Report]]:
    """Each earlier report with the latest, latest pair first: "what changed since the report
    I last read". One pair per report, so a plan's pages grow with its reports, never with
    the square of them (the chooser in the page compares any other two)."""
    return [(before, reports[-1]) for before in reversed(reports[:-1])]


def changes_between(plan: Plan, before: Report, after: Report, *,
                    latest: bool = False, timelines: PlanTimelines | None = None
                    ) -> ReportChanges:
    """What changed from report `before` to report `after` (`before` is the earlier).

    With `latest` (`after` is the plan's last report), a withdrawal dated after it is listed
    too: no later report would ever show it. `timelines` (from `plan_timelines`) spares
    sorting each action's updates again when a plan's reports are compared many times.
    """
    changes: list[ActionChange] = []
    undated: list[tuple[Action, tuple[Group, ...]]] = []
    not_reported = 0
    for (action, groups), timeline in zip(plan.all_actions(),
                                          timelines or plan_timelines(plan), strict=True):
        if timeline is None:
            undated.append((action, groups))
            continue
        if timeline.unchanged(action, before.day, after.day):  # most actions, most pairs
            not_reported += timeline.count_by(after.day) == 0 and action.withdrawn is None
            continue
        change = _action_change(action, groups, timeline, before.day, after.day, latest)
        if change.status_after.code == "no_update":
            not_reported += 1
        if change.new_updates or change.status_changed or change.target_moved \
                or change.withdrawn:
            changes.append(change)
    return ReportChanges(plan, before, after, tuple(changes), tuple(undated), not_reported)


class Timeline:
    """An action's updates by date (plan order among updates of one day), sorted once: the
    updates by any day are a prefix of it."""

    __slots__ = ("updates", "days", "plan_days")

    def __init__(self, action: Action):
        self.plan_days = [_day(u) for u in action.progress]  # in plan order
        order = sorted(range(len(self.plan_days)), key=self.plan_days.__getitem__)
        self.updates = [action.progress[i] for i in order]
        self.days = [self.plan_days[i] for i in order]

    def count_by(self, day: date) -> int:
        return bisect_right(self.days, day)

    def by(self, day: date) -> list[Update]:
        """The updates dated at or before `day`; the last is the latest by then."""
        return self.updates[:self.count_by(day)]

    def unchanged(self, action: Action, before: date, after: date) -> bool:
        """No new update from `before` to `after`, and no withdrawal after `before`: then
        nothing about the action changed between them (a shortcut `_action_change` agrees
        with: tests/facets/test_reports.py)."""
        gone = action.withdrawn
        return (gone is None or gone.date <= before) \
            and self.count_by(before) == self.count_by(after)


PlanTimelines = tuple[Timeline | None, ...]


def plan_timelines(plan: Plan) -> PlanTimelines:
    """Each action's timeline in plan order, or None for an action with an update no report
    can hold (`changes_between` lists those apart)."""
    return tuple(None if any(update_day(u) is None for u in action.progress)
                 else Timeline(action) for action, _ in plan.all_actions())


@dataclass(frozen=True)
class ActionFacts:
    """One action's state at each of the plan's reports, from which the changes between any
    two of them follow (the chooser in the page compares these; it judges nothing)."""

    action: Action
    groups: tuple[Group, ...]
    statuses: tuple[Status, ...]  # status_at each report
    dues: tuple[tuple[FuzzyDate, ...], ...]  # due_at each report
    updates: tuple[int, ...]  # how many of its updates are dated at or before each report
    # The number of reports before its withdrawal (len(reports) when withdrawn after the
    # last): withdrawn between reports i < j when i < withdrawn_at <= j, or j is the latest.
    withdrawn_at: int | None


def action_facts(plan: Plan, reports: tuple[Report, ...]) -> tuple[ActionFacts, ...]:
    """The facts of every action whose updates can all be placed, in plan order (as
    `changes_between` leaves the others apart)."""
    facts = []
    for (action, groups), timeline in zip(plan.all_actions(), plan_timelines(plan), strict=True):
        if timeline is None:
            continue
        gone = action.withdrawn
        facts.append(ActionFacts(
            action, groups,
            tuple(status_at(action, r.day, timeline) for r in reports),
            tuple(due_at(action, r.day, timeline) for r in reports),
            tuple(len(timeline.by(r.day)) for r in reports),
            None if gone is None else sum(1 for r in reports if r.day < gone.date)))
    return tuple(facts)


def _action_change(action: Action, groups: tuple[Group, ...], timeline: Timeline,
                   before: date, after: date, latest: bool) -> ActionChange:
    new = tuple(u for u, day in zip(action.progress, timeline.plan_days) if before < day <= after)
    gone = action.withdrawn
    in_window = gone is not None and before < gone.date and (latest or gone.date <= after)
    return ActionChange(action, groups, new, status_at(action, before, timeline),
                        status_at(action, after, timeline), due_at(action, before, timeline),
                        due_at(action, after, timeline), gone if in_window else None)


def _day(update: Update) -> date:
    day = update_day(update)
    assert day is not None, "actions with undated updates are listed apart"
    return day


def status_at(action: Action, day: date, timeline: Timeline | None = None) -> Status:
    """The action's status as at `day`: withdrawn by then, else its latest update's then."""
    if action.withdrawn and action.withdrawn.date <= day:
        return Status("withdrawn", action.withdrawn.reason)
    updates = (timeline or Timeline(action)).by(day)
    if not updates:
        return Status("no_update")
    return updates[-1].status or Status("unknown")


def due_at(action: Action, day: date, timeline: Timeline | None = None
           ) -> tuple[FuzzyDate, ...]:
    """The action's target dates as at `day`, after any revision made by then."""
    for update in reversed((timeline or Timeline(action)).by(day)):
        if update.revised_due:
            return (update.revised_due,)
    return action.due
