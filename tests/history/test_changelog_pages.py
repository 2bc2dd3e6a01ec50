"""Long changelogs are split into pages of `page_size` changes, linked newer <-> older."""

from __future__ import annotations

import re

import pytest

from actionplan.api import load_site
from actionplan.history import read_history
from actionplan.options import SiteOptions
from actionplan.pages import site_pages
from actionplan.pages.history_specs import Changelog, HistoryPaths
from actionplan.pages.pagination import Pagination
from actionplan.render import Renderer


@pytest.fixture
def paged(scripted):
    repo, _ = scripted
    site, _ = load_site(repo.root / "data")
    changelog = Changelog(read_history(repo.root, repo.root / "data"), site_name="Test site")
    specs = {s.src_uri: s for s in site_pages(site, options=SiteOptions(page_size=3),
                                              changelog=changelog)}
    return specs, changelog.history


def _sentences(html: str) -> list[str]:
    return re.findall(r'<p class="ap-change-what">(.*?)</p>', html)


def _site_sources(specs) -> list[str]:
    return [s for s in specs if re.fullmatch(r"changes/(older/\d+/)?index\.md", s)]


def test_every_revision_is_on_exactly_one_site_page_in_order(paged):
    specs, history = paged
    sources = _site_sources(specs)
    assert sources == ["changes/index.md"] + [f"changes/older/{n}/index.md"
                                              for n in range(2, len(sources) + 1)]
    revisions = list(dict.fromkeys(e.commit for e in history.headline_entries()))
    assert len(sources) == -(-len(revisions) // 3) > 1
    html = "".join(Renderer().render(specs[src]) for src in sources)
    linked = list(dict.fromkeys(re.findall(r'href="[^"]*#revision-([0-9a-f]{7})"', html)))
    assert linked == [commit[:7] for commit in revisions]
    # The site-wide changelog no longer writes each change out: its plan's page does.
    assert _sentences(html) == []


def test_every_change_is_on_exactly_one_plan_changelog_page_in_order(paged):
    specs, history = paged
    plan_sources = sorted((s for s in specs if re.fullmatch(
        r"changes/[^/]+/(older/\d+/)?index\.md", s) and not s.startswith("changes/older/")),
        key=lambda s: (s.split("/")[1], specs[s].context["pagination"].number))
    shown = []
    for src in plan_sources:
        html = Renderer().render(specs[src]).split('<h2 id="removed-actions"', 1)[0]
        shown += _sentences(html)
    assert len(shown) == len(history.headline_entries())


def test_site_changelog_links_each_revision_to_its_place_on_the_plan_page(paged):
    specs, history = paged
    touches = [touch for src in _site_sources(specs)
               for _, _, revisions in specs[src].context["months"]
               for revision in revisions for touch in revision.plans]
    assert touches and all(touch.changes_src for touch in touches)
    for touch in touches:
        assert f'id="{touch.anchor}"' in Renderer().render(specs[touch.changes_src])
    # The count on the site page is the number of changes written out on the plan's pages.
    counted = sum(touch.count for touch in touches)
    assert counted == len(history.headline_entries())


def test_pages_link_newer_and_older_and_have_unique_titles(paged):
    specs, _ = paged
    first, second = specs["changes/index.md"], specs["changes/older/2/index.md"]
    count = second.context["pagination"].count
    assert second.title == f"Changes to the plans (page 2 of {count})"
    assert first.title == "Changes to the plans"
    html = Renderer().render(second)
    nav = html.split('<nav class="ap-pagination" aria-label="Pages of changes">', 1)[1]
    assert '<a href="../../" rel="prev">Newer changes</a>' in nav
    assert '<span aria-current="page">Page 2</span>' in nav
    assert "Revisions 4 to 6 of" in html
    last = specs[f"changes/older/{count}/index.md"]
    assert 'rel="next"' not in Renderer().render(last)


def test_plan_changelog_pages_and_first_page_only_sections(paged):
    specs, _ = paged
    plan_pages = sorted(s for s in specs if s.startswith("changes/council-plan/"))
    assert plan_pages[0] == "changes/council-plan/index.md"
    assert "changes/council-plan/older/2/index.md" in plan_pages
    assert 'id="removed-actions"' in Renderer().render(specs["changes/council-plan/index.md"])
    assert 'id="removed-actions"' not in Renderer().render(
        specs["changes/council-plan/older/2/index.md"])


def test_page_list_shows_first_last_and_neighbours_only():
    sources = tuple(HistoryPaths().site_page(n) for n in range(1, 21))
    window = Pagination(10, 20, 1, 1, 1, sources).window
    assert [item and item[0] for item in window] == [1, None, 8, 9, 10, 11, 12, None, 20]
    assert [item and item[0] for item in Pagination(1, 3, 1, 1, 1, sources[:3]).window] == [1, 2, 3]
    assert HistoryPaths().plan_page("older", 2) == "changes/older/older/2/index.md"


def test_plan_changelog_writes_date_and_reason_once_per_revision(paged):
    specs, history = paged
    html = Renderer().render(specs["changes/council-plan/index.md"]).split(
        '<h2 id="removed-actions"', 1)[0]
    sections = re.findall(r'<section class="ap-revision[^"]*" id="revision-([0-9a-f]{7})"'
                          r'[^>]*>\n<h3>(.*?)</h3>(.*?)</section>', html, re.S)
    page = specs["changes/council-plan/index.md"].context["pagination"]
    shown = history.for_plan("council-plan")[page.first_item - 1:page.last_item]
    assert [commit for commit, _, _ in sections] == list(dict.fromkeys(
        e.commit[:7] for e in shown))
    for commit, heading, body in sections:
        changes = [e for e in shown if e.commit.startswith(commit)]
        assert heading.endswith(f"{len(changes)} change" + ("" if len(changes) == 1 else "s"))
        assert body.count('<p class="ap-change-what">') == len(changes)
        assert body.count("<time") == 0 and heading.count("<time") == 1
        assert body.count("No reason was given") <= 1
