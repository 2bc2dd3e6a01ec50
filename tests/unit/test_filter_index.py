"""The index the "Find actions" filter reads: every action once, and counts that agree with
the facet pages a resident without JavaScript uses instead."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from actionplan.api import load_site
from actionplan.facets import Assessor, site_facets
from actionplan.pages.filter_index import filter_choices, filter_index, organisation_key
from actionplan.pages.resident_paths import ResidentPaths

ROOT = Path(__file__).parents[2]


@pytest.fixture(scope="module", params=["data", "tests/fixtures/residents/data"])
def site(request):
    return load_site(ROOT / request.param)[0]


@pytest.fixture(scope="module")
def index(site):
    return json.loads(filter_index(site, ResidentPaths(), Assessor()))


def test_every_action_is_in_the_index_once_with_its_page(site, index):
    expected = [f"plans/{plan.id}/actions/{action.id}/"
                for plan in site.plans for action, _ in plan.all_actions()]
    assert [a["u"] for a in index["actions"]] == expected
    assert [p["o"] for p in index["plans"]] == [organisation_key(p) for p in site.plans]


def test_counts_by_group_year_and_verdict_agree_with_the_facet_pages(site, index):
    facets = site_facets(site, Assessor())
    for value in facets.equality_group.values:
        assert sum(value.key in a["g"] for a in index["actions"]) == len(value.entries)
    for value in facets.target_year.values:
        assert sum(value.key in a["y"] for a in index["actions"]) == len(value.entries)
    verdicts = Counter(a["s"] for a in index["actions"])
    assert verdicts["late"] == len(facets.overdue.values[0].entries)
    assert verdicts["target-passed-no-status"] == len(facets.target_passed.values[0].entries)


def test_the_form_offers_every_value_the_index_uses(site, index):
    choices = filter_choices(site, site_facets(site, Assessor()))
    assert {a["s"] for a in index["actions"]} <= {c.key for c in choices.statuses}
    assert {g for a in index["actions"] for g in a["g"]} <= {c.key for c in choices.groups}
    assert {y for a in index["actions"] for y in a["y"]} == {c.key for c in choices.years}
    assert {p["o"] for p in index["plans"]} == {c.key for c in choices.organisations}


def test_the_same_site_gives_the_same_bytes(site):
    first = filter_index(site, ResidentPaths(), Assessor())
    assert filter_index(site, ResidentPaths(), Assessor()) == first


@pytest.mark.parametrize("directory_urls,pages", [(True, "yes"), (False, "no")])
def test_the_form_tells_its_script_where_the_index_and_the_pages_are(directory_urls, pages):
    from actionplan.pages import site_pages
    from actionplan.render import Renderer

    site = load_site(ROOT / "tests" / "fixtures" / "residents" / "data")[0]
    browse = next(spec for spec in site_pages(site) if spec.src_uri == "browse/index.md")
    html = Renderer(directory_urls=directory_urls).render(browse)
    # The script adds an action's "plans/<plan>/actions/<id>/" (and "index.html" without
    # directory URLs) to the site's root, which must be a folder in both layouts.
    assert 'data-index="actions-index.json"' in html and 'data-root="../"' in html
    assert f'data-directory-urls="{pages}"' in html
    assert re.search(r'<section class="ap-filter"[^>]* hidden[ >]', html)  # until script
