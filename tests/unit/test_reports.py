"""What changed between two progress reports, computed from the plan's dated updates."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from actionplan.api import load_site
from actionplan.facets.reports import (
    changes_between, due_at, plan_reports, report_pairs, status_at,
)

FIXTURE = Path(__file__).parents[1] / "fixtures" / "reports" / "data"
MINI = Path(__file__).parents[1] / "fixtures" / "data"


@pytest.fixture(scope="module")
def plan():
    return load_site(FIXTURE)[0].plan("report-plan")


def _ids(changes) -> list[str]:
    return [change.action.id for change in changes]


def test_reports_are_the_distinct_dates_of_updates_oldest_first(plan):
    reports = plan_reports(plan)
    assert [r.day for r in reports] == [date(2021, 3, 31), date(2021, 6, 30), date(2021, 9, 30)]
    assert [r.updates for r in reports] == [2, 6, 4]
    assert not any(r.plan_date for r in reports)
    assert [(a.key, b.key) for a, b in report_pairs(reports)] == [
        ("2021-03-31", "2021-06-30"), ("2021-06-30", "2021-09-30")]


def test_changes_from_june_to_september_are_each_of_their_kind(plan):
    june, september = plan_reports(plan)[1:]
    changes = changes_between(plan, june, september)
    assert _ids(changes.status_changes) == ["1"]
    assert _ids(changes.moved_targets) == ["2"]
    assert _ids(changes.withdrawals) == ["3"]
    # On the latest report's page, a withdrawal after it as well: no later page would show it.
    latest = changes_between(plan, june, september, latest=True)
    assert _ids(latest.withdrawals) == ["3", "9"]
    assert _ids(latest.status_changes) == ["1"]
    assert _ids(changes.first_updates) == ["4"]
    assert _ids(changes.updates_only) == ["5"]
    assert [action.id for action, _ in changes.undated] == ["8"]
    assert changes.not_reported == 1  # action 7 only; 8 is apart (it cannot be placed)
    first = changes.status_changes[0]
    assert (first.status_before.code, first.status_after.code) == ("in_progress", "completed")
    moved = changes.moved_targets[0]
    assert [d.text for d in moved.due_before] == ["September 2021"]
    assert [d.text for d in moved.due_after] == ["March 2022"]
    assert changes.withdrawals[0].withdrawn.reason == "Funding ended."


def test_changes_from_march_to_june(plan):
    march, june = plan_reports(plan)[:2]
    changes = changes_between(plan, march, june)
    assert _ids(changes.status_changes) == ["1"]
    assert _ids(changes.first_updates) == ["2", "5", "6", "9"]
    assert changes.withdrawals == [] and changes.moved_targets == []
    assert changes.not_reported == 2  # 4 and 7


def test_status_and_target_as_at_a_day(plan):
    actions = {action.id: action for action, _ in plan.all_actions()}
    assert status_at(actions["3"], date(2021, 8, 14)).code == "in_progress"
    assert status_at(actions["3"], date(2021, 8, 15)).code == "withdrawn"
    assert status_at(actions["4"], date(2021, 6, 30)).code == "no_update"
    assert [d.text for d in due_at(actions["2"], date(2021, 9, 29))] == ["September 2021"]


def test_undated_updates_taken_as_at_the_plan_date_make_one_report():
    mini = load_site(MINI)[0].plans[0]
    reports = plan_reports(mini)
    # The mini plan's dated update (1 December 2020) and its undated one (as at March 2021).
    assert [r.day for r in reports] == [date(2020, 12, 1), date(2021, 3, 31)]
    assert [r.plan_date for r in reports] == [False, True]
