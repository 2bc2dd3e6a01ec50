"""The semantic diff on its own: two plan versions in, exact entries out (no git needed)."""

from __future__ import annotations

import copy
from datetime import datetime, UTC

import pytest

from actionplan.history.diff import diff_plans
from actionplan.history.model import Revision
from actionplan.model import build_plan
from tests.history.scripted import PLAN, action

REVISION = Revision("a" * 40, datetime(2026, 3, 1, tzinfo=UTC), "From the trailer")


def changes(old: dict, new: dict) -> list[tuple]:
    entries = diff_plans(build_plan(old), build_plan(new), REVISION)
    return [(e.subject_kind, e.subject_id, e.change, e.sentence, e.reason, e.before, e.after,
             e.part_of) for e in entries]


@pytest.fixture
def plan() -> dict:
    return copy.deepcopy(PLAN)


def test_identical_plans_give_nothing(plan):
    assert changes(plan, copy.deepcopy(plan)) == []


def test_the_file_a_plan_came_from_is_not_a_change(plan):
    entries = diff_plans(build_plan(plan, "data/plans/a.yaml"),
                         build_plan(copy.deepcopy(plan), "data/plans/b.yaml"), REVISION)
    assert entries == []


def test_renumbered_action(plan):
    new = copy.deepcopy(plan)
    action(new, "1.3")["number"] = "1.4"
    assert changes(plan, new) == [("action", "1.3", "renumbered",
                                   "Action 1.3 renumbered as Action 1.4.", "From the trailer",
                                   "1.3", "1.4", None)]


def test_action_added_to_an_existing_group_uses_the_commit_reason(plan):
    new = copy.deepcopy(plan)
    new["groups"][1]["actions"].append({"id": "2.2", "number": "2.2", "title": "Mentoring"})
    assert changes(plan, new) == [("action", "2.2", "added", "Action 2.2 added to Objective 2.",
                                   "From the trailer", None, None, None)]


def test_a_new_group_carries_its_actions(plan):
    new = copy.deepcopy(plan)
    new["groups"].append({"id": "objective-3", "number": "3", "title": "Safer streets",
                          "actions": [{"id": "3.1", "number": "3.1", "title": "Lighting"}]})
    assert changes(plan, new) == [
        ("group", "objective-3", "added", "Objective 3 added to the plan: Safer streets.",
         "From the trailer", None, None, None),
        ("action", "3.1", "added", "Action 3.1 added with Objective 3.", "From the trailer",
         None, None, "group:council-plan/objective-3")]


def test_a_removed_group_takes_its_actions_with_it(plan):
    new = copy.deepcopy(plan)
    del new["groups"][1]
    assert [row[:4] + row[7:] for row in changes(plan, new)] == [
        ("group", "objective-2", "removed",
         "Objective 2 removed from the plan: A diverse workforce.", None),
        ("action", "2.1", "removed", "Action 2.1 removed with Objective 2.",
         "group:council-plan/objective-2")]


def test_group_retitled_and_moved_under_another(plan):
    new = copy.deepcopy(plan)
    second = new["groups"].pop(1)
    second["title"] = "A workforce that reflects the borough"
    new["groups"][0]["groups"] = [second]
    new["plan"]["levels"].append({"kind": "priority", "label": "Priority"})
    rows = changes(plan, new)
    assert [r[2:4] for r in rows if r[0] == "group"] == [
        ("moved", "Objective 2 moved from the plan to Objective 1."),
        ("title", "Objective 2: title reworded.")]
    assert ("plan", "council-plan", "other", "Plan details changed: level names.",
            "From the trailer", None, None, None) in rows


def test_wording_of_measures_activities_description_and_outcome(plan):
    new = copy.deepcopy(plan)
    target = action(new, "1.2")
    target.update(description="Publish the figures each April.", outcome="Pay gap closes.",
                  activities=[{"id": "a1", "text": "Collect payroll data"}],
                  measures=["Figures published"])
    old_target = action(plan, "1.2")
    old_target["measures"] = ["Figures published on time"]
    rows = changes(plan, new)
    assert [(r[2], r[3], r[5], r[6]) for r in rows] == [
        ("description", "Action 1.2: description added.", None,
         "Publish the figures each April."),
        ("outcome", "Action 1.2: outcome added.", None, "Pay gap closes."),
        ("activities", "Action 1.2: activities added.", None, "1. Collect payroll data"),
        ("measures", "Action 1.2: how success is measured reworded.",
         "- Figures published on time", "- Figures published")]


def test_progress_update_edited_and_removed(plan):
    new = copy.deepcopy(plan)
    action(new, "1.1")["progress"][0]["text"] = "Training booked for spring."
    action(plan, "1.2")["progress"] = [{"date": "2018-02-01", "status": "not_started",
                                        "text": "Not yet."}]
    rows = changes(plan, new)
    assert [(r[1], r[2], r[3], r[5], r[6]) for r in rows] == [
        ("1.1", "progress_edited", "Action 1.1: progress update of 10 January 2018 edited (text).",
         "Training booked.", "Training booked for spring."),
        ("1.2", "progress_removed", "Action 1.2: progress update of 1 February 2018 removed.",
         "Not yet.", None),
        ("1.2", "status", "Action 1.2: status changed from Not started to No update yet.",
         "Not started", "No update yet")]


def test_a_revised_date_in_an_update_is_slippage_with_the_update_reason(plan):
    new = copy.deepcopy(plan)
    action(new, "1.1")["progress"].append({"date": "2018-03-01", "status": "rescheduled",
                                           "revised_due": "July 2018",
                                           "reason": "Trainer unavailable.",
                                           "text": "Moved to summer."})
    rows = changes(plan, new)
    assert [(r[2], r[3], r[4]) for r in rows] == [
        ("due", "Action 1.1: target date put back from April 2018 to July 2018.",
         "Trainer unavailable."),
        ("progress_added", "Action 1.1: progress update added (1 March 2018).",
         "Trainer unavailable."),
        ("status", "Action 1.1: status changed from In progress to Target date revised.",
         "Trainer unavailable.")]


def test_original_date_edited_under_a_revision_and_dates_brought_forward(plan):
    old = copy.deepcopy(plan)
    action(old, "1.1")["progress"][0]["revised_due"] = "July 2018"
    new = copy.deepcopy(old)
    action(new, "1.1")["due"] = ["March 2018"]
    action(new, "1.2")["due"] = ["January 2018"]
    rows = changes(old, new)
    assert [r[3] for r in rows] == [
        "Action 1.1: original target date brought forward from April 2018 to March 2018.",
        "Action 1.2: target date brought forward from April 2018 to January 2018."]


def test_withdrawn_then_reason_edited_then_reinstated(plan):
    withdrawn = copy.deepcopy(plan)
    action(withdrawn, "2.1")["withdrawn"] = {"date": "2018-06-01", "reason": "No budget."}
    edited = copy.deepcopy(withdrawn)
    action(edited, "2.1")["withdrawn"]["reason"] = "No budget this year."
    assert [r[2:5] for r in changes(plan, withdrawn)] == [
        ("withdrawn", "Action 2.1 withdrawn.", "No budget.")]
    assert [r[2:4] + r[5:7] for r in changes(withdrawn, edited)] == [
        ("withdrawal_edited", "Action 2.1: reason for withdrawal changed.", "No budget.",
         "No budget this year.")]
    assert [r[2:4] for r in changes(edited, plan)] == [
        ("reinstated", "Action 2.1 reinstated (no longer withdrawn); status now No update yet.")]


def test_lead_set_and_removed_and_other_details(plan):
    new = copy.deepcopy(plan)
    action(new, "1.2")["leads"] = [{"text": "Payroll Manager", "organisation": "Shared Service"}]
    del action(new, "1.1")["leads"]
    action(new, "1.3")["monitored_by"] = ["Scrutiny Committee"]
    assert [r[3] for r in changes(plan, new)] == [
        "Action 1.1: lead removed (was Head of Customer Services).",
        "Action 1.2: lead set to Payroll Manager (Shared Service).",
        "Action 1.3: other details changed (monitored by)."]


def test_a_changed_progress_date_of_the_plan_is_reported_once(plan):
    plan["plan"]["progress_as_at"] = "March 2018"
    action(plan, "1.2")["progress"] = [{"status": "in_progress", "text": "Under way."}]
    new = copy.deepcopy(plan)
    new["plan"]["progress_as_at"] = "June 2018"
    assert [r[3] for r in changes(plan, new)] == ["Plan details changed: progress date."]


def test_added_and_removed_plans(plan):
    added = diff_plans(None, build_plan(plan), REVISION)
    removed = diff_plans(build_plan(plan), None, REVISION)
    assert added[0].sentence == "Plan added: Council Equality Plan, with 2 objectives and 4 actions."
    assert removed[0].sentence == "Plan removed: Council Equality Plan."
    assert {e.part_of for e in added[1:]} == {"plan:council-plan"}
    assert len(added) == len(removed) == 7
