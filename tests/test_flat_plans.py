"""A plan with no groups: one flat list of actions under `actions:`, no levels, no groups.

The fixture (tests/fixtures/flat/) is a plan of three unnumbered actions. It is built once,
in-process, as `mkdocs build --strict` builds it, from a git history (the plan
published, an update added, an action added then removed), so the changelog, feeds and the
page of a removed action are made too.
"""

from __future__ import annotations

import csv
import io
import json
import re
from html import unescape
from pathlib import Path

import pytest

from actionplan.api import load_site, read_plan_file
from actionplan.facets import Assessor
from actionplan.facets.summary import plan_summary
from actionplan.model.naming import action_heading

from .tiny_site import build_in_process, commit_project, make_project, mkdocs_yml

FLAT = Path(__file__).parent / "fixtures" / "flat"
PLAN_FILE = "data/plans/flat.yaml"
ACTIONS = ["step-free-library", "translate-leaflets", "staff-survey"]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("flat") / "project", mkdocs_yml(None),
                           data=FLAT)
    repo = commit_project(project, "Publish the fairness plan")
    text = (project / PLAN_FILE).read_text(encoding="utf-8")
    repo.write(PLAN_FILE, text.replace("    leads: [HR Manager]\n", (
        "    leads: [HR Manager]\n    progress:\n      - date: 2022-02-01\n"
        "        status: in_progress\n        text: Survey sent to all staff.\n")))
    repo.commit("Staff survey under way")
    extra = "  - id: pop-up-clinic\n    title: Run a pop-up advice clinic\n"
    text = (project / PLAN_FILE).read_text(encoding="utf-8")
    repo.write(PLAN_FILE, text + extra)
    repo.commit("Clinic added")
    repo.write(PLAN_FILE, text)
    repo.commit("Drop the clinic\n\nChange-reason: no venue could be found")
    return build_in_process(project)


def _text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def _main(site: Path, page: str) -> str:
    html = (site / page).read_text(encoding="utf-8")
    return html[html.index('<nav class="ap-breadcrumbs"'):html.index("</article>")]


def test_the_plan_page_lists_every_action_with_status_lead_and_date(site):
    main = _main(site, "plans/flat-plan/index.html")
    listing = re.search(r'<ul class="ap-actions".*?</ul>', main, re.S).group(0)
    for action_id in ACTIONS:
        assert f'href="actions/{action_id}/"' in listing
    items = [_text(item) for item in re.findall(r'<li class="ap-action">(.*?)</li>', listing, re.S)]
    # No number before a title: nothing is numbered.
    assert items[0] == ("Make the library step-free Status Completed Lead Head of Libraries "
                        "Target date December 2021")
    assert items[2].startswith("Run a staff equality survey Status In progress "
                               "Lead HR Manager Target date Not stated")


def test_no_invented_headings_on_a_flat_plan(site):
    plan_page = _text(_main(site, "plans/flat-plan/index.html"))
    assert "Organised by" not in plan_page
    assert "–" not in plan_page  # no column of dashes
    action = _main(site, "plans/flat-plan/actions/staff-survey/index.html")
    context = _text(re.search(r'<p class="ap-context">(.*?)</p>', action, re.S).group(1))
    assert context == "Example Town Council: Fairness Action Plan 2021-2022"  # the plan alone
    crumbs = re.search(r'<nav class="ap-breadcrumbs".*?</nav>', action, re.S).group(0)
    assert _text(crumbs) == "Home Example Town Council: Fairness Action Plan 2021-2022"
    assert 'href="../../"' in crumbs  # to the plan page


def test_each_action_has_its_own_page_and_title(site):
    for action_id in ACTIONS:
        html = (site / f"plans/flat-plan/actions/{action_id}/index.html").read_text("utf-8")
        title = re.search(r"<title>(.*?)</title>", html).group(1)
        h1 = _text(re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1))
        assert title.startswith(unescape(h1).replace("&", "&amp;") + " - ")
        assert "Fairness Action Plan" in title and "Fairness Action Plan" not in h1


def test_a_nameless_unnumbered_action_of_a_flat_plan_still_has_a_heading(write_plan):
    text = (FLAT / "plans" / "flat.yaml").read_text(encoding="utf-8")
    plan, problems = read_plan_file(write_plan(text.replace(
        "title: Run a staff equality survey", "title: null")), PLAN_FILE)
    assert plan is not None and not [p for p in problems if p.severity == "error"]
    action, groups = list(plan.all_actions())[2]
    assert groups == () and action_heading(plan, action, groups) == (
        "Action with no title in the plan")


def test_counts_and_facets_count_every_action_of_a_flat_plan():
    plan = load_site(FLAT)[0].plans[0]
    summary = plan_summary(plan, Assessor())
    assert summary.breakdown.total == 3 and summary.groups == ()
    assert summary.breakdown.count("completed") == 1


def test_facet_pages_list_the_actions_of_a_flat_plan(site):
    lead = _text(_main(site, "browse/lead/flat-plan/hr-manager/index.html"))
    assert "Run a staff equality survey" in lead
    completed = _main(site, "browse/status/completed/index.html")
    assert "Make the library step-free" in _text(completed)
    item = re.search(r'<li class="ap-action">(.*?)</li>', completed, re.S).group(1)
    assert _text(item).startswith("Make the library step-free Status ")  # no number, no dash


def test_downloads_hold_a_flat_plan_in_its_own_shape(site):
    data = json.loads((site / "downloads/plans/flat-plan.json").read_text(encoding="utf-8"))
    assert "groups" not in data and [a["id"] for a in data["actions"]] == ACTIONS
    assert "levels" not in data["plan"]
    rows = list(csv.DictReader(io.StringIO(
        (site / "downloads/plans/flat-plan.csv").read_bytes().decode("utf-8-sig"))))
    assert [r["action_id"] for r in rows] == ACTIONS
    assert {(r["group_ids"], r["group_headings"]) for r in rows} == {("", "")}
    action = json.loads((site / "plans/flat-plan/actions/staff-survey/action.json")
                        .read_text(encoding="utf-8"))
    assert action["groups"] == [] and action["derived"]["status"] == "in_progress"


def test_changelog_and_feed_name_the_plan_not_a_group(site):
    feed = (site / "changes/flat-plan/atom.xml").read_text(encoding="utf-8")
    assert "Plan added: Fairness Action Plan 2021-2022, with 3 actions." in feed
    assert "progress update added" in feed
    changes = _text(_main(site, "plans/flat-plan/actions/staff-survey/index.html"))
    assert "progress update added" in changes


def test_a_removed_action_of_a_flat_plan_keeps_a_page_saying_so(site):
    removed = _text((site / "plans/flat-plan/actions/pop-up-clinic/index.html").read_text("utf-8"))
    assert "Action “Run a pop-up advice clinic” removed from the plan." in removed
    assert "no venue could be found" in removed
    feed = (site / "changes/flat-plan/atom.xml").read_text(encoding="utf-8")
    assert "Action “Run a pop-up advice clinic” added to the plan." in feed


def test_search_finds_each_action_of_a_flat_plan(site):
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    titles: dict[str, str] = {}
    for entry in index["docs"]:  # a page's first entry is the page; then its sections
        titles.setdefault(entry["location"].split("#")[0], entry["title"])
    assert titles["plans/flat-plan/actions/translate-leaflets/"].startswith(
        "Translate the council tax leaflet")


# Validation


def test_a_flat_plan_validates(write_plan):
    plan, problems = read_plan_file(write_plan((FLAT / "plans/flat.yaml").read_text("utf-8")),
                                    PLAN_FILE)
    assert problems == [] and plan is not None and plan.is_flat and plan.levels == ()


def test_actions_beside_groups_is_an_error_at_the_actions_line(write_plan):
    text = (FLAT / "plans/flat.yaml").read_text(encoding="utf-8") + (
        "groups:\n  - id: objective-1\n    title: Fair services\n")
    plan, problems = read_plan_file(write_plan(text), PLAN_FILE)
    line = text.splitlines().index("actions:") + 1
    assert plan is None and [p.format() for p in problems] == [
        f"{PLAN_FILE}:{line}:1: plan: This plan has both top-level `actions:` and `groups:`. "
        "A plan lists either its groups (each holding its actions) or, when it has no groups, "
        "its actions at the top level: move these actions into a group, or remove `groups:` "
        "and list every action here."]


def test_levels_on_a_flat_plan_are_a_warning(write_plan):
    text = (FLAT / "plans/flat.yaml").read_text(encoding="utf-8").replace(
        "  progress_as_at: March 2022\n",
        "  progress_as_at: March 2022\n  levels: [{kind: objective, label: Objective}]\n")
    plan, problems = read_plan_file(write_plan(text), PLAN_FILE)
    assert plan is not None
    assert [(p.severity, p.line, p.what) for p in problems] == [
        ("warning", 10, "this plan has no groups, so its levels name nothing")]


def test_the_schema_published_for_editors_describes_a_flat_plan():
    import jsonschema

    from actionplan.export.schema import schema_bytes
    from actionplan.load import read_yaml_file

    schema = json.loads(schema_bytes("plan-v1.schema.json"))
    flat = read_yaml_file(FLAT / "plans/flat.yaml").data  # dates as text, as editors read them
    jsonschema.Draft202012Validator(schema).validate(flat)
    assert "actions" in schema["properties"] and "levels" not in schema["$defs"]["Plan"][
        "required"]
    neither = {k: v for k, v in flat.items() if k != "actions"}
    assert not jsonschema.Draft202012Validator(schema).is_valid(neither)


def test_the_fast_schema_check_says_yes_to_a_flat_plan_and_no_to_neither_shape():
    # The build's 25-times-faster "certainly valid" (validate/fast_schema.py) still compiles
    # with the schema's groups-or-actions rule, and means the same as jsonschema.
    from actionplan.load import read_yaml_file
    from actionplan.validate.fast_schema import compile_shortcut
    from actionplan.validate.schema_check import load_schema, plan_validator

    certainly_valid = compile_shortcut(load_schema(), plan_validator().FORMAT_CHECKER)
    flat = read_yaml_file(FLAT / "plans/flat.yaml").data
    assert certainly_valid(flat)  # a yes: the schema is vetted and compiled (else never sure)
    assert not certainly_valid({k: v for k, v in flat.items() if k != "actions"})
