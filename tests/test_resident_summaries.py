"""The plan page opens with the plan's counts as one sentence, read from the judgement model
(issue 19.6): done, overdue (or "not assessed" when nothing can be judged) and no status given;
an optional plain-English summary of a plan or a group is shown first."""

from __future__ import annotations

import re
from collections import Counter
from html import unescape
from pathlib import Path

import pytest
import yaml

from actionplan.api import load_site, read_plan_file
from actionplan.export.plan_data import plan_data
from actionplan.model.entities import Site
from actionplan.facets import Assessor, plan_summary
from actionplan.options import SiteOptions
from actionplan.pages import site_pages
from actionplan.pages.links import PagePaths
from actionplan.render import Renderer

ROOT = Path(__file__).parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
OPTIONS = SiteOptions()


@pytest.fixture(scope="module")
def site():
    return load_site(ROOT / "data")[0]


@pytest.fixture(scope="module")
def plan_pages(site):
    renderer = Renderer(options=OPTIONS)
    specs = {spec.src_uri: spec for spec in site_pages(site, options=OPTIONS)}
    return {plan.id: renderer.render(specs[PagePaths().plan(plan.id)]) for plan in site.plans}


def _first_paragraph_after_h1(html: str) -> str:
    after = html[html.index("</h1>"):]
    paragraph = re.search(r"<p[^>]*>(.*?)</p>", after, re.S)[1]
    return " ".join(unescape(re.sub(r"<[^>]+>", "", paragraph)).split())


def test_each_plan_page_opens_with_its_counts_from_the_judgement_model(site, plan_pages):
    assessor = Assessor(OPTIONS)
    not_assessed = 0
    for plan in site.plans:
        actions = [action for action, _ in plan.all_actions()]
        verdicts = Counter(assessor(plan, action).verdict.code for action in actions)
        statuses = Counter(action.status.code for action in actions)
        assessed = plan_summary(plan, assessor).assessed
        overdue = f"{verdicts['late']} overdue" if assessed else "overdue not assessed"
        if verdicts["target_passed_no_status"]:
            overdue += (f" ({verdicts['target_passed_no_status']} more past their target date, "
                        "not known to be done)")
        not_assessed += not assessed
        sentence = _first_paragraph_after_h1(plan_pages[plan.id])
        assert sentence.startswith(
            f"{verdicts['done']} of {len(actions)} actions done; {overdue}; "
            f"{statuses['no_update'] + statuses['unknown']} with no status given."), (
            plan.id, sentence)
        assert sentence.endswith("How these are counted")
    assert 0 < not_assessed < len(site.plans)  # both kinds of plan are checked
    assert "(2 more past their target date, not known to be done)" in (
        _first_paragraph_after_h1(plan_pages["lewisham-ewg-2015"]))


def test_a_plain_english_summary_is_shown_first_on_plan_and_group_pages(tmp_path):
    data = yaml.safe_load((FIXTURES / "data" / "plans" / "mini.yaml").read_text("utf-8"))
    data["plan"]["summary"] = "We will make *council services* easier to use."
    group = data["groups"][0]
    group["summary"] = "Ramps, hearing loops and plain English."
    path = tmp_path / "mini.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    plan, problems = read_plan_file(path, "data/plans/mini.yaml")
    assert plan is not None, [p.format() for p in problems]
    assert plan.summary and plan.groups[0].summary  # in the model, for pages and downloads
    specs = {spec.src_uri: spec for spec in site_pages(Site((plan,)), options=OPTIONS)}
    renderer = Renderer(options=OPTIONS)
    plan_html = renderer.render(specs[PagePaths().plan(plan.id)])
    first = plan_html[plan_html.index("</h1>"):]
    assert re.match(r'</h1>\s*<div class="ap-lede ap-summary"><p>We will make <em>council '
                    r'services</em> easier to use\.</p>', first), first[:200]
    assert first.index("ap-summary") < first.index("ap-progress-sentence")
    group_html = renderer.render(specs[PagePaths().group(plan.id, plan.groups[0].id)])
    after = group_html[group_html.index('<p class="ap-context">'):]
    assert re.match(r'<p class="ap-context">.*?</p>\s*<div class="ap-lede ap-summary"><p>Ramps, '
                    r'hearing loops and plain English\.</p>', after, re.S), after[:300]


def test_the_summary_reaches_the_downloads(tmp_path):
    data = yaml.safe_load((FIXTURES / "data" / "plans" / "mini.yaml").read_text("utf-8"))
    data["plan"]["summary"] = "Plan summary words."
    data["groups"][0]["summary"] = "Group summary words."
    path = tmp_path / "mini.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    plan, _ = read_plan_file(path, "data/plans/mini.yaml")
    exported = plan_data(plan)
    assert exported["plan"]["summary"] == "Plan summary words."
    assert exported["groups"][0]["summary"] == "Group summary words."


def test_the_summary_survives_the_spreadsheet_both_ways(tmp_path, monkeypatch, capsys):
    from actionplan.cli import main

    data = yaml.safe_load((FIXTURES / "data" / "plans" / "mini.yaml").read_text("utf-8"))
    data["plan"]["summary"] = "Plan summary words."
    data["groups"][0]["summary"] = "Group summary words."
    plans = tmp_path / "data" / "plans"
    plans.mkdir(parents=True)
    path = plans / "mini.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    monkeypatch.chdir(tmp_path)
    plan_id = data["plan"]["id"]
    assert main(["export", plan_id, "--output", "plan.xlsx"]) == 0, capsys.readouterr()
    data["plan"]["summary"] = data["groups"][0]["summary"] = None
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    assert main(["import", "plan.xlsx", "--plan", plan_id]) == 0, capsys.readouterr()
    back = yaml.safe_load(path.read_text("utf-8"))
    assert back["plan"]["summary"] == "Plan summary words."
    assert back["groups"][0]["summary"] == "Group summary words."
