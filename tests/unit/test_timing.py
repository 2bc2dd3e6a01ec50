"""Overdue and "no update since": judged against an explicit date, never today's."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from actionplan.api import load_site
from actionplan.facets.timing import Assessor, add_duration, assess, final_due, reference_date
from actionplan.model.dates import parse_fuzzy_date
from actionplan.options import SiteOptions, is_iso_duration, parse_as_of

FIXTURE = Path(__file__).parents[1] / "fixtures" / "residents" / "data"


@pytest.fixture(scope="module")
def site():
    return load_site(FIXTURE)[0]


def _action(site, plan_id, action_id):
    plan = site.plan(plan_id)
    return plan, next(a for a, _ in plan.all_actions() if a.id == action_id)


@pytest.mark.parametrize("start,duration,expected", [
    (date(2021, 1, 15), "P1M", date(2021, 2, 15)),
    (date(2021, 1, 31), "P1M", date(2021, 2, 28)),  # clamped to the month's end
    (date(2020, 11, 30), "P3M", date(2021, 2, 28)),
    (date(2020, 2, 29), "P1Y", date(2021, 2, 28)),
    (date(2021, 1, 1), "P2W", date(2021, 1, 15)),
    (date(2021, 1, 1), "P1Y6M10D", date(2022, 7, 11)),
])
def test_add_duration(start, duration, expected):
    assert add_duration(start, duration) == expected


def test_durations_and_dates_from_config_are_checked():
    assert is_iso_duration("P3M") and is_iso_duration("P1Y2M")
    assert not is_iso_duration("P") and not is_iso_duration("3 months")
    with pytest.raises(ValueError, match="ISO 8601"):
        SiteOptions(update_cadence="quarterly")
    assert parse_as_of("2026-11-01") == date(2026, 11, 1)
    assert parse_as_of(date(2026, 11, 1)) == date(2026, 11, 1) and parse_as_of(None) is None
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        parse_as_of("1 November 2026")


def test_reference_date_prefers_the_option_then_the_progress_date(site):
    tagged, untagged = site.plan("tagged-plan"), site.plan("untagged-plan")
    assert reference_date(tagged, SiteOptions()).date == date(2021, 6, 30)
    assert reference_date(tagged, SiteOptions()).source == "progress_as_at"
    assert not reference_date(untagged, SiteOptions()).assessed
    forced = SiteOptions(as_of=date(2030, 1, 1))
    assert reference_date(untagged, forced).date == date(2030, 1, 1)
    assert reference_date(tagged, forced).source == "as_of"


def test_reference_falls_back_to_the_latest_dated_update(site):
    plan = replace(site.plan("tagged-plan"), progress_as_at=None)
    reference = reference_date(plan, SiteOptions())
    assert (reference.date, reference.source) == (date(2021, 6, 10), "latest_update")


@pytest.mark.parametrize("action_id,overdue", [
    ("late", True),             # due March 2021, in progress at June 2021
    ("late-but-done", False),   # completed
    ("silent", False),          # due December 2021: not yet
    ("revised", False),         # revised to September 2021
    ("ongoing", False),         # "Ongoing" never passes
    ("dropped", False),         # withdrawn
    ("undated", False),         # Summer 2022
])
def test_overdue(site, action_id, overdue):
    plan, action = _action(site, "tagged-plan", action_id)
    assessment = assess(plan, action, SiteOptions())
    assert assessment.overdue is overdue
    assert (assessment.missed_due is not None) is overdue


def test_overdue_uses_the_end_of_the_period_and_the_last_target(site):
    plan, action = _action(site, "tagged-plan", "late")
    on_the_day = SiteOptions(as_of=date(2021, 3, 31))
    day_after = SiteOptions(as_of=date(2021, 4, 1))
    assert not assess(plan, action, on_the_day).overdue
    assert assess(plan, action, day_after).overdue
    two_targets = replace(action, due=(parse_fuzzy_date("March 2021"),
                                       parse_fuzzy_date("Q3 2021/22")))
    assert final_due(two_targets).text == "Q3 2021/22"
    assert not assess(plan, two_targets, day_after).overdue
    recurring = replace(action, due=(parse_fuzzy_date("30 April 2016. And then every year"),))
    assert final_due(recurring) is None


@pytest.mark.parametrize("action_id,since", [
    ("silent", "2021-01-15"),    # cadence P1M: older than a month at 30 June
    ("revised", "2021-05-20"),   # 20 May + 1 month = 20 June < 30 June
    ("late", None),              # 10 June is recent
    ("late-but-done", None),     # closed actions need no update
    ("undated", None),           # dated as at the progress date itself
    ("ongoing", None),           # never updated: shown as "No update yet" instead
])
def test_no_update_since(site, action_id, since):
    plan, action = _action(site, "tagged-plan", action_id)
    stale = assess(plan, action, SiteOptions()).stale_since
    assert (stale.text if stale else None) == since


def test_plan_cadence_wins_over_the_site_default(site):
    plan, action = _action(site, "tagged-plan", "revised")
    assert assess(plan, action, SiteOptions(update_cadence="P1Y")).cadence == "P1M"
    quarterly = replace(plan, update_cadence=None)
    assert assess(quarterly, action, SiteOptions()).stale_since is None  # 20 May + 3 months


def test_unassessed_plans_are_never_overdue_or_stale(site):
    plan, action = _action(site, "untagged-plan", "1")
    assessment = assess(plan, action, SiteOptions())
    assert not assessment.reference.assessed
    assert not assessment.overdue and assessment.stale_since is None
    assert assessment.verdict.code == "not_assessed"
    # Judged at a date, its passed target still is not "overdue": it has no update at all.
    forced = assess(plan, action, SiteOptions(as_of=date(2020, 1, 1)))
    assert forced.verdict.code == "target_passed_no_status" and not forced.overdue


def test_assessor_rereads_a_plan_that_was_reloaded_with_the_same_id(site):
    assessor = Assessor()
    plan = site.plan("tagged-plan")
    assert assessor.reference(plan).date == date(2021, 6, 30)
    reloaded = replace(plan, progress_as_at=parse_fuzzy_date("December 2021"))
    assert assessor.reference(reloaded).date == date(2021, 12, 31)
