"""The plan page opens with the plan's counts as one sentence, read from the judgement model
(issue 19.6): done, overdue (or "not assessed" when nothing can be judged) and no status given."""

from __future__ import annotations

import re
from collections import Counter
from html import unescape
from pathlib import Path

import pytest

from actionplan.api import load_site
from actionplan.facets import Assessor, plan_summary
from actionplan.options import SiteOptions
from actionplan.pages import site_pages
from actionplan.pages.links import PagePaths
from actionplan.render import Renderer

ROOT = Path(__file__).parents[1]
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
