"""The judgement model: one verdict per action, each with its reason, from a closed set."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from actionplan.facets.judgement import count_verdicts, judge, overdue_flag, unjudged_reason
from actionplan.facets.timing import Reference, final_due
from actionplan.model.dates import parse_fuzzy_date
from actionplan.model.entities import Action, Status, Update, Withdrawal
from actionplan.model.vocabulary import VERDICT_ORDER, VERDICTS

JUNE_2021 = Reference(date(2021, 6, 30), "progress_as_at")
NOT_ASSESSED = Reference(None, None)
SCHEMA = Path(__file__).parents[2] / "plugins/actionplan/schema/action-v1.schema.json"


def _action(due: str | None = "March 2021", status: str | None = "in_progress",
            updates: int = 1, withdrawn: bool = False) -> Action:
    """An action due `due`, whose `updates` updates end with `status` (None: none stated)."""
    progress = tuple(Update(id=f"u{n}", date=parse_fuzzy_date("May 2021"),
                            status=Status(status) if status and n == updates else None,
                            text="Some words that sound finished: done and dusted.")
                     for n in range(1, updates + 1))
    return Action(id="a", number="1", title="An action",
                  due=(parse_fuzzy_date(due),) if due else (), progress=progress,
                  withdrawn=Withdrawal(date(2021, 2, 1), "Merged") if withdrawn else None)


def _verdict(action: Action, reference: Reference = JUNE_2021):
    return judge(action, reference, final_due(action))


def test_done_when_the_latest_update_says_completed():
    verdict = _verdict(_action(status="completed"))
    assert verdict.code == "done" and verdict.label == "Done"
    assert "says the action is completed" in verdict.reason
    assert overdue_flag(verdict) is False


@pytest.mark.parametrize("kwargs", [{"withdrawn": True}, {"status": "transferred"}])
def test_withdrawn_or_transferred(kwargs):
    verdict = _verdict(_action(**kwargs))
    assert verdict.code == "withdrawn" and verdict.label == "Withdrawn or transferred"
    assert overdue_flag(verdict) is False


def test_on_time_when_the_target_has_not_passed():
    verdict = _verdict(_action(due="December 2021"))
    assert verdict.code == "on_time" and verdict.label == "Not yet due"
    assert verdict.reason == ("The target date, “December 2021”, had not passed by 30 June "
                              "2021 (the date the plan's progress describes).")
    # The last day of the target period is still on time; the day after is not.
    last_day = Reference(date(2021, 3, 31), "as_of")
    assert _verdict(_action(), last_day).code == "on_time"
    assert _verdict(_action(), Reference(date(2021, 4, 1), "as_of")).code == "late"


@pytest.mark.parametrize("status", ["in_progress", "not_started", "ongoing", "rescheduled"])
def test_late_only_when_a_stated_status_says_not_done(status):
    verdict = _verdict(_action(status=status))
    assert verdict.code == "late" and verdict.overdue and verdict.label == "Overdue"
    assert verdict.reason.startswith("The target date, “March 2021”, had passed by 30 June 2021")
    assert f"gives the status “{_action(status=status).status.label}”" in verdict.reason
    assert overdue_flag(verdict) is True


@pytest.mark.parametrize("status,updates,silence", [
    (None, 1, "the latest update gives no status"),          # "Status not stated"
    ("unknown", 2, "the latest update gives no status"),     # stated as unknown
    (None, 0, "no progress update has been published"),      # "No update yet"
])
def test_target_passed_with_no_status_is_never_overdue(status, updates, silence):
    # The update's words sound finished, and are still not read as a status either way.
    verdict = _verdict(_action(status=status, updates=updates))
    assert verdict.code == "target_passed_no_status" and not verdict.overdue
    assert silence in verdict.reason and "cannot tell whether" in verdict.reason
    assert overdue_flag(verdict) is None  # unknown, not "no"


@pytest.mark.parametrize("due,words", [
    (None, "gives no target date"),
    ("Ongoing", "“Ongoing”, has no end that can pass"),
    ("30 April 2016. And then every year", "has no end that can pass"),
])
def test_no_target_when_no_date_can_pass(due, words):
    verdict = _verdict(_action(due=due))
    assert verdict.code == "no_target" and verdict.label == "No dated target"
    assert words in verdict.reason
    assert overdue_flag(verdict) is False


def test_not_assessed_when_the_plan_has_no_reference_date():
    verdict = _verdict(_action(), NOT_ASSESSED)
    assert verdict.code == "not_assessed" and "no date to judge" in verdict.reason
    assert overdue_flag(verdict) is None
    # Done and withdrawn need no date to judge against.
    assert _verdict(_action(status="completed"), NOT_ASSESSED).code == "done"
    assert _verdict(_action(withdrawn=True), NOT_ASSESSED).code == "withdrawn"


def test_the_vocabulary_is_closed_and_worded_once():
    assert list(VERDICTS) == ["done", "on_time", "late", "target_passed_no_status",
                              "no_target", "not_assessed", "withdrawn"]
    assert sorted(VERDICT_ORDER) == sorted(VERDICTS)
    labels = [t.label for t in VERDICTS.values()]
    assert len(set(labels)) == len(labels)  # one clear word for each state
    for term in VERDICTS.values():
        assert term.meaning.endswith(".") and term.meaning.count(". ") <= 1
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    derived = schema["properties"]["derived"]["properties"]
    assert derived["verdict"]["enum"] == VERDICT_ORDER


def test_a_plan_with_no_dated_target_is_not_assessed_rather_than_zero():
    undated = [_verdict(_action(due=d)) for d in (None, "Ongoing")]
    reason = unjudged_reason(JUNE_2021, undated)
    assert reason.startswith("None of its 2 actions has a target date that can pass")
    assert unjudged_reason(JUNE_2021, undated + [_verdict(_action())]) is None
    assert "no date to judge" in unjudged_reason(NOT_ASSESSED, [])
    counts = count_verdicts(undated)
    assert list(counts) == VERDICT_ORDER and counts["no_target"] == 2 and counts["late"] == 0
