"""Equality groups named by a group's heading reach the actions under it, and the listing of
a group keeps the actions aimed at it apart from those "for all groups"."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

from actionplan.api import load_site, read_plan_file
from actionplan.facets import Assessor, site_facets
from actionplan.facets.facets import characteristic_codes, characteristics_of
from actionplan.options import SiteOptions
from actionplan.pages import site_pages
from actionplan.render import Renderer

from .unit.plan_text import VALID

ROOT = Path(__file__).parents[1]


@pytest.fixture(scope="module")
def bundled():
    return load_site(ROOT / "data")[0]


@pytest.fixture(scope="module")
def equality(bundled):
    return site_facets(bundled, Assessor()).equality_group


@pytest.fixture(scope="module")
def rendered(bundled):
    """Render only the pages these tests read: the whole site is not needed."""
    specs = {s.src_uri: s for s in site_pages(bundled, options=SiteOptions())}
    renderer = Renderer(options=SiteOptions())
    return lambda uri: renderer.render(specs[uri])


def words(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def test_tags_on_a_group_reach_every_action_under_it(write_plan):
    text = VALID.replace("    title: First objective\n",
                         "    title: Disabled people\n"
                         '    equality_groups: {codes: [disability], words: "Disabled people"}\n')
    plan, problems = read_plan_file(write_plan(text), "data/plans/plan.yaml")
    assert problems == []
    for action, groups in plan.all_actions():
        assert characteristic_codes(plan, action, groups) == ["disability"]
        why, for_all = characteristics_of(plan, action, groups)["disability"]
        assert (why, for_all) == ("In Objective 1: \u201cDisabled people\u201d", False)


def test_a_group_tag_must_be_a_known_characteristic(write_plan):
    text = VALID.replace("    title: First objective\n",
                         "    title: First objective\n    equality_groups: {codes: [disabled]}\n")
    plan, problems = read_plan_file(write_plan(text), "data/plans/plan.yaml")
    assert plan is None and problems[0].line == 11


def test_merton_priority_area_3_2_is_listed_under_disability(equality, bundled):
    merton = bundled.plan("merton-equality-strategy")
    area = next(g for g, _ in merton.all_groups() if g.id == "pa-3.2")
    assert area.title == "Disabled people" and area.equality_groups.codes == ("disability",)
    disability = equality.value("disability")
    listed = {e.action.id for e in disability.aimed_entries if e.plan.id == merton.id}
    assert {a.id for a in area.all_actions()} <= listed
    assert listed == {"3.2.1", "3.2.2", "5.3.1"}  # 5.3: "Pathways ... for disabled residents"


def test_all_groups_actions_are_counted_apart(equality, bundled):
    disability = equality.value("disability")
    assert len(disability.entries) == len(disability.aimed_entries) + len(
        disability.for_all_entries)
    every_group = {(e.plan.id, e.action.id) for e in equality.value("all-protected").entries}
    for_all = {(e.plan.id, e.action.id) for e in disability.for_all_entries}
    # Listed "for all groups" exactly when "all strands" is the only reason it is here.
    assert for_all <= every_group
    assert {(e.plan.id, e.action.id) for e in disability.aimed_entries} & for_all == set()
    kingston = bundled.plan("kingston-2015-2016")
    both = [a for a, _ in kingston.all_actions()
            if a.strands and {"ALL", "D"} <= set(a.strands.codes)]
    assert both and all((kingston.id, a.id) not in for_all for a in both)


def test_plans_that_tag_nothing_are_named(equality):
    assert {p.id for p in equality.covered} == {"kingston-2015-2016", "merton-equality-strategy"}
    assert {p.id for p in equality.not_covered} == {
        "charnwood-2016-2018", "city-council-equalities-2013-2016", "lewisham-ewg-2015"}


def test_disability_page_lists_aimed_and_all_groups_apart_with_counts(equality, rendered):
    value = equality.value("disability")
    html = rendered("browse/equality-group/disability/index.md")
    text = words(html)
    aimed, for_all = len(value.aimed_entries), len(value.for_all_entries)
    assert f"{aimed} actions aimed at disability , and {for_all} actions for all groups" in text
    kingston_aimed = sum(1 for e in value.aimed_entries if e.plan.id == "kingston-2015-2016")
    assert f"Aimed at disability ({kingston_aimed} actions)" in text
    assert f"For all groups ({for_all} actions)" in text  # all are Kingston's
    assert "In Priority Area 3.2: \u201cDisabled people\u201d" in text
    # The aimed-at table comes before the all-groups one, and each has its own caption.
    assert text.index("Aimed at disability in Kingston") < text.index("For all groups in Kingston")
    assert "Equalities Working Group Action Plan tag nothing at all" in text


def test_index_counts_aimed_and_all_groups(equality, rendered):
    text = words(rendered("browse/index.md"))
    value = equality.value("disability")
    assert (f"Disability ({len(value.aimed_entries)} aimed at it, "
            f"{len(value.for_all_entries)} for all groups)") in text


def test_merton_action_page_names_its_equality_group(rendered):
    html = rendered("plans/merton-equality-strategy/actions/3.2.1/index.md")
    assert re.search(r"<dt>Equality groups</dt>\s*<dd>.*Disability", html, flags=re.S)


def test_an_event_target_is_shown_as_written_and_not_judged(rendered):
    text = words(rendered("plans/city-council-equalities-2013-2016/actions/18/index.md"))
    assert ("target date as written: \u201cFollowing conclusion of Scrutiny Inquiry\u201d; "
            "not used to judge progress") in text


def test_group_page_says_its_tags_apply_to_its_actions(rendered):
    html = rendered("plans/merton-equality-strategy/pa-3.2/index.md")
    assert ("Equality groups: Disability (the heading names \u201cDisabled people\u201d). They "
            "apply to every action under this priority area.") in words(html)
    assert 'href="../../../browse/equality-group/disability/"' in html


def test_tag_words_not_in_the_heading_are_a_warning(write_plan):
    text = VALID.replace("    title: First objective\n",
                         "    title: First objective\n"
                         '    equality_groups: {codes: [disability], words: "Disabled people"}\n')
    plan, problems = read_plan_file(write_plan(text), "data/plans/plan.yaml")
    assert [(p.severity, p.line) for p in problems] == [("warning", 11)]
    assert '"Disabled people" is not in the group\'s heading' in problems[0].format()
