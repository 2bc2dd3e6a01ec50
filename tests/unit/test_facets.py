"""Facets: every action lands where a resident would look for it, and nowhere it is not."""

from __future__ import annotations

from pathlib import Path

import pytest

from actionplan.api import load_site
from actionplan.facets import Assessor, plan_summary, site_facets, site_summary
from actionplan.facets.facets import PROTECTED, characteristic_codes
from actionplan.options import SiteOptions

ROOT = Path(__file__).parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "residents" / "data"


@pytest.fixture(scope="module")
def site():
    return load_site(FIXTURE)[0]


@pytest.fixture(scope="module")
def facets(site):
    return site_facets(site, Assessor())


@pytest.fixture(scope="module")
def bundled():
    return load_site(ROOT / "data")[0]


def _ids(value):
    return [f"{e.plan.id}/{e.action.id}" for e in value.entries]


def test_every_action_has_exactly_one_status(site, facets):
    listed = [uid for value in facets.status.values for uid in _ids(value)]
    every = [f"{p.id}/{a.id}" for p in site.plans for a, _ in p.all_actions()]
    assert sorted(listed) == sorted(every)
    assert [v.key for v in facets.status.values] == [
        "completed", "in-progress", "ongoing", "rescheduled", "withdrawn", "no-update"]


def test_all_protected_actions_are_listed_under_each_characteristic_with_the_reason(facets):
    disability = facets.equality_group.value("disability")
    # Aimed at the group first, then those listed only as being for all groups.
    assert _ids(disability) == ["tagged-plan/late", "tagged-plan/undated",
                                "tagged-plan/late-but-done"]
    assert [e.for_all for e in disability.entries] == [False, False, True]
    why = {e.action.id: e.why for e in disability.entries}
    assert why["late"] == "Tagged D (Disability)"
    assert why["late-but-done"] == "Tagged ALL (All Strands)"
    assert why["undated"] == "Tagged ALL (All Strands); D (Disability)"
    race = facets.equality_group.value("race")
    assert _ids(race) == ["tagged-plan/late-but-done", "tagged-plan/undated"]
    assert [e.for_all for e in race.entries] == [True, True]
    assert _ids(facets.equality_group.value("all-protected")) == [
        "tagged-plan/late-but-done", "tagged-plan/undated"]


def test_one_code_can_stand_for_two_characteristics(facets):
    for key in ("sex", "gender-reassignment"):
        assert "tagged-plan/silent" in _ids(facets.equality_group.value(key))
    assert _ids(facets.equality_group.value("socio-economic")) == ["tagged-plan/silent"]


def test_equality_groups_say_which_plans_are_tagged(facets):
    group = facets.equality_group
    assert [p.id for p in group.covered] == ["tagged-plan"]
    assert [p.id for p in group.not_covered] == ["untagged-plan"]
    # The nine always have a page; other groups only when a plan uses them.
    keys = [v.key for v in group.values]
    assert keys[:9] == [k.replace("_", "-") for k in PROTECTED]
    assert "community-cohesion" not in keys and "socio-economic" in keys
    # The untagged plan's disability action is not claimed for any group.
    assert all(e.plan.id == "tagged-plan" for v in group.values for e in v.entries)


def test_leads_are_per_plan_and_include_activity_leads(facets):
    leads = {v.key: v for v in facets.lead.values}
    hr = leads["tagged-plan/hr-manager"]
    assert hr.label == "HR Manager"  # "HR manager" is the same lead, spelled differently
    assert _ids(hr) == ["tagged-plan/silent", "tagged-plan/ongoing", "tagged-plan/undated"]
    assert "untagged-plan/hr-manager" in leads  # the same title in another plan is apart
    vcs = leads["tagged-plan/vcs-forum"]
    assert _ids(vcs) == ["tagged-plan/revised"] and vcs.entries[0].why == "Leads activity 1"


def test_target_years_follow_revised_dates_and_keep_undated_apart(facets):
    years = {v.key: _ids(v) for v in facets.target_year.values}
    assert list(years) == ["2019", "2021", "2022", "no-date"]
    assert "tagged-plan/revised" in years["2021"]  # revised from January to September 2021
    assert years["no-date"] == ["tagged-plan/ongoing"]
    assert years["2022"] == ["tagged-plan/undated"]


def test_warning_facets_list_only_assessed_plans(facets):
    assert _ids(facets.overdue.values[0]) == ["tagged-plan/late"]
    assert _ids(facets.stale.values[0]) == ["tagged-plan/silent", "tagged-plan/revised"]
    assert [p.id for p in facets.overdue.not_covered] == ["untagged-plan"]


def test_a_site_wide_as_of_date_judges_every_plan(site):
    from datetime import date
    facets = site_facets(site, Assessor(SiteOptions(as_of=date(2023, 1, 1))))
    # Its target passed, but it has no update: listed apart, never as overdue.
    assert "untagged-plan/1" in _ids(facets.target_passed.values[0])
    assert "untagged-plan/1" not in _ids(facets.overdue.values[0])
    assert not facets.overdue.not_covered


def test_value_keys_are_unique_and_path_safe(bundled):
    for facet in site_facets(bundled, Assessor()):
        keys = [v.key for v in facet.values]
        assert len(keys) == len(set(keys)), facet.key
        assert all(k and all(c.isalnum() or c in "-/." for c in k) for k in keys), keys


def test_bundled_plans_every_action_is_in_some_year_and_some_status(bundled):
    facets = site_facets(bundled, Assessor())
    total = sum(1 for p in bundled.plans for _ in p.all_actions())
    assert sum(len(v.entries) for v in facets.status.values) == total
    in_a_year = {uid for v in facets.target_year.values for uid in _ids(v)}
    assert len(in_a_year) == total
    for plan in bundled.plans:
        for action, _ in plan.all_actions():
            tagged = bool(characteristic_codes(plan, action))
            assert tagged == (plan.strand_scheme is not None and action.strands is not None)


def test_dashboard_counts(site):
    summary = site_summary(site, Assessor())
    assert summary.breakdown.total == 8
    assert summary.no_update.count == 2 and summary.no_update.percent == 25
    tagged = plan_summary(site.plan("tagged-plan"), Assessor())
    assert [(g.group.id, g.breakdown.total) for g in tagged.groups] == [("eo-1", 6), ("eo-2", 1)]
    assert (tagged.overdue, tagged.stale) == (1, 2)
    assert sum(s.count for s in tagged.breakdown.statuses) == 7
    assert tagged.breakdown.statuses[0].width == f"{100 / 7:.1f}%"


def test_departments_come_from_lead_directorates_where_plans_record_them(facets, bundled):
    department = facets.get("department")
    assert [(v.key, v.label, _ids(v)) for v in department.values] == [
        ("tagged-plan/resources", "Resources",
         ["tagged-plan/late-but-done", "tagged-plan/silent"])]
    assert [p.id for p in department.not_covered] == ["untagged-plan"]
    # Of the bundled plans only Merton records its leads' directorates.
    bundled_departments = site_facets(bundled, Assessor()).get("department")
    assert {v.key.split("/")[0] for v in bundled_departments.values} == {"merton-equality-strategy"}
    assert "merton-equality-strategy" not in {p.id for p in bundled_departments.not_covered}
