"""What changed between two progress reports, computed from the plan's dated updates."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from actionplan.api import load_site
import json

from actionplan.facets.reports import (
    action_facts, changes_between, due_at, plan_reports, report_pairs, status_at,
    to_latest_pairs,
)
from actionplan.model.vocabulary import STATUS_ORDER
from actionplan.pages.links import PagePaths
from actionplan.pages.report_facts import report_facts

FIXTURE = Path(__file__).parents[1] / "fixtures" / "reports" / "data"
MINI = Path(__file__).parents[1] / "fixtures" / "data"
QUARTERLY = Path(__file__).parents[1] / "fixtures" / "reports-quarterly" / "data"


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


@pytest.fixture(scope="module")
def quarterly():
    return load_site(QUARTERLY)[0].plan("quarterly-plan")


def test_each_earlier_report_is_paired_with_the_latest_latest_first(quarterly):
    reports = plan_reports(quarterly)
    assert len(reports) == 5
    assert [(a.key, b.key) for a, b in to_latest_pairs(reports)] == [
        ("2023-03-31", "2023-06-30"), ("2022-12-31", "2023-06-30"),
        ("2022-09-30", "2023-06-30"), ("2022-06-30", "2023-06-30")]
    assert to_latest_pairs(reports[:1]) == []


def test_action_facts_are_each_actions_state_at_each_report(quarterly):
    reports = plan_reports(quarterly)
    facts = {fact.action.id: fact for fact in action_facts(quarterly, reports)}
    assert "8" not in facts  # its undated update belongs to no report, as on the pages
    assert [s.code for s in facts["1"].statuses] == [
        "not_started", "in_progress", "in_progress", "completed", "completed"]
    assert facts["1"].updates == (1, 2, 3, 4, 4)
    assert [[d.text for d in due] for due in facts["2"].dues] == [
        ["December 2022"], ["December 2022"], ["June 2023"], ["June 2023"],
        ["September 2023"]]
    # Reports before the withdrawal: 10 November 2022 after two, 31 March 2023 (a report's
    # own day) after three, 1 August 2023 after all five.
    assert [facts[i].withdrawn_at for i in ("3", "9", "6", "1")] == [2, 3, 5, None]
    assert [s.code for s in facts["4"].statuses][2:4] == ["no_update", "in_progress"]


def test_a_withdrawal_on_a_reports_day_belongs_to_the_pair_ending_there(quarterly):
    reports = plan_reports(quarterly)
    ending = changes_between(quarterly, reports[2], reports[3])
    after = changes_between(quarterly, reports[3], reports[4])
    assert "9" in _ids(ending.withdrawals) and "9" not in _ids(after.withdrawals)


def test_other_new_updates_are_grouped_by_the_status_they_keep(quarterly):
    reports = plan_reports(quarterly)
    changes = changes_between(quarterly, reports[0], reports[3])
    # In plan order action 5 (ongoing) comes before 10 (in progress); the page lists each
    # status once, in the order counts use (STATUS_ORDER), with its actions under it.
    assert [(c.action.id, c.status_after.code) for c in changes.changes if c.update_only] == [
        ("5", "ongoing"), ("10", "in_progress")]
    assert _ids(changes.updates_only) == ["10", "5"]
    assert [(code, _ids(group)) for code, group in changes.updates_only_by_status] == [
        ("in_progress", ["10"]), ("ongoing", ["5"])]
    # report-facts.json lists the statuses in that order too: the chooser groups by it.
    document = json.loads(report_facts(quarterly, PagePaths()))
    order = list(document["statuses"])
    assert order == sorted(order, key=STATUS_ORDER.index)


def test_report_facts_file_holds_the_facts_and_the_words_to_show(quarterly):
    document = json.loads(report_facts(quarterly, PagePaths()))
    assert [r["k"] for r in document["reports"]] == [r.key for r in plan_reports(quarterly)]
    assert document["reports"][0]["t"] == "30 June 2022"
    assert document["undated"] == 1
    actions = {a["u"]: a for a in document["actions"]}
    moved = actions["plans/quarterly-plan/actions/2/"]
    assert moved["d"] == [0, 0, 1, 1, 2]
    assert moved["dt"] == ["December 2022", "June 2023", "September 2023"]
    gone = actions["plans/quarterly-plan/actions/3/"]
    assert (gone["w"], gone["wd"], gone["wr"]) == (2, "10 November 2022", "Funding ended.")
    assert document["statuses"]["no_update"] == "No update yet"
    assert report_facts(quarterly, PagePaths()) == report_facts(quarterly, PagePaths())


def _plain_changes(plan, before, after, latest):
    """The changes as first written: every action's updates filtered and sorted afresh for
    each day, an ActionChange made for every action (the shortcuts must agree with it)."""
    from actionplan.facets.reports import ActionChange, Status, update_day

    def by(action, day):
        return sorted((u for u in action.progress if update_day(u) <= day), key=update_day)

    def status(action, day):
        if action.withdrawn and action.withdrawn.date <= day:
            return Status("withdrawn", action.withdrawn.reason)
        updates = by(action, day)
        return (updates[-1].status or Status("unknown")) if updates else Status("no_update")

    def due(action, day):
        for update in reversed(by(action, day)):
            if update.revised_due:
                return (update.revised_due,)
        return action.due

    changes, not_reported = [], 0
    for action, groups in plan.all_actions():
        if any(update_day(u) is None for u in action.progress):
            continue
        gone = action.withdrawn
        in_window = gone is not None and before.day < gone.date \
            and (latest or gone.date <= after.day)
        change = ActionChange(
            action, groups,
            tuple(u for u in action.progress if before.day < update_day(u) <= after.day),
            status(action, before.day), status(action, after.day),
            due(action, before.day), due(action, after.day), gone if in_window else None)
        not_reported += change.status_after.code == "no_update"
        if change.new_updates or change.status_changed or change.target_moved or change.withdrawn:
            changes.append(change)
    return tuple(changes), not_reported


@pytest.mark.parametrize("folder", [FIXTURE, QUARTERLY, MINI,
                                    Path(__file__).parents[2] / "data"])
def test_changes_between_any_two_reports_agree_with_the_plain_reading(folder):
    compared = 0
    for plan in load_site(folder)[0].plans:
        reports = plan_reports(plan)
        for i, before in enumerate(reports):
            for after in reports[i:]:
                for latest in (False, True):
                    found = changes_between(plan, before, after, latest=latest)
                    assert (found.changes, found.not_reported) == \
                        _plain_changes(plan, before, after, latest)
                    compared += 1
    assert compared > 0
