"""Changelog outputs from the scripted history: golden pages, valid Atom, changelog.json."""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path

import pytest

from actionplan.api import load_site
from actionplan.history import HistoryCache, read_history
from actionplan.pages import site_files, site_pages
from actionplan.pages.history_specs import Changelog
from actionplan.render import Renderer

GOLDEN = Path(__file__).parents[1] / "golden"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def outputs(scripted):
    repo, made = scripted
    site, _ = load_site(repo.root / "data")
    history = read_history(repo.root, repo.root / "data")
    changelog = Changelog(history, site_name="Test site",
                          commit_url="https://git.example.org/council/commit/{commit}")
    specs = {spec.src_uri: spec for spec in site_pages(site, changelog=changelog)}
    files = {f.path: f.content for f in site_files(site, changelog=changelog)}
    return specs, files, made


@pytest.mark.parametrize("src_uri,golden", [
    ("changes/index.md", "changelog-site.html"),
    ("changes/council-plan/index.md", "changelog-plan.html"),
])
def test_changelog_page_matches_golden_file(outputs, src_uri, golden):
    specs, _, _ = outputs
    html = Renderer().render(specs[src_uri])
    path = GOLDEN / golden
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(html, encoding="utf-8")
    assert html == path.read_text(encoding="utf-8")


def test_the_plan_changelog_lists_removed_actions(outputs):
    specs, _, made = outputs
    html = Renderer().render(specs["changes/council-plan/index.md"])
    removed = html.split('id="removed-actions"', 1)[1]
    assert "Action 2.1 removed from Objective 2." in removed
    assert "Run a staff survey" in removed  # the last title it had


def test_each_action_page_shows_its_own_changes_newest_first(outputs):
    specs, _, made = outputs
    html = Renderer().render(specs["plans/council-plan/actions/1.2/index.md"])
    section = html.split('<h2 id="changes">Changes to this action</h2>', 1)[1]
    sentences = re.findall(r'<p class="ap-change-what">(.*?)</p>', section)
    assert sentences == ["Action 1.2 withdrawn.",
                         "Action 1.2: target date put back from April 2018 to September 2018.",
                         "Action 1.2 added with the plan."]
    assert "<strong>Reason:</strong> Replaced by the national reporting duty." in section
    assert f'href="https://git.example.org/council/commit/{made["slip"]}"' in section
    assert 'href="../../../../changes/council-plan/">Every change to this plan</a>' in section
    # The withdrawn action stays on the site, with its reason.
    assert "Withdrawn on" in html and "Replaced by the national reporting duty." in html


def test_atom_feeds_are_valid_atom_with_stable_ids(outputs):
    _, files, _ = outputs
    assert {"changes/changelog.json", "changes/atom.xml", "changes/council-plan/atom.xml"} <= set(
        files)
    for name in ("changes/atom.xml", "changes/council-plan/atom.xml"):
        feed = ET.fromstring(files[name])
        check_atom(feed)
    site = ET.fromstring(files["changes/atom.xml"])
    entries = site.findall(f"{ATOM}entry")
    assert len(entries) == 10  # the folded "added with the plan" entries are not news
    newest = entries[0]
    assert newest.findtext(f"{ATOM}title") == (
        "Plan title changed from “Council Equality Plan” to “Council Equality Plan (renamed in "
        "bulk)”.")
    assert entries[1].findtext(f"{ATOM}title") == (
        "Council Equality Plan: Action 1.3 moved from Objective 1 to Objective 2.")
    assert newest.findtext(f"{ATOM}updated") == "2026-01-16T09:00:00+00:00"
    assert site.findtext(f"{ATOM}updated") == "2026-01-16T09:00:00+00:00"
    links = [e.find(f"{ATOM}link").get("href") for e in entries]
    assert "../plans/council-plan/actions/1.2/" in links


def check_atom(feed: ET.Element) -> None:
    """The RFC 4287 rules a feed validator checks: required elements, once each, well formed."""
    assert feed.tag == f"{ATOM}feed"
    for parent in [feed, *feed.findall(f"{ATOM}entry")]:
        for required in ("id", "title", "updated"):
            assert len(parent.findall(f"{ATOM}{required}")) == 1, (parent.tag, required)
        assert parent.findtext(f"{ATOM}id").startswith("urn:uuid:")
        datetime.fromisoformat(parent.findtext(f"{ATOM}updated"))
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d",
                            parent.findtext(f"{ATOM}updated"))
        for link in parent.findall(f"{ATOM}link"):
            assert link.get("href") and link.get("rel") in ("self", "alternate")
    assert feed.find(f"{ATOM}author/{ATOM}name").text
    alternates = [e.find(f"{ATOM}link[@rel='alternate']") for e in feed.findall(f"{ATOM}entry")]
    assert all(a is not None for a in alternates) or feed.find(f"{ATOM}content") is not None
    ids = [e.findtext(f"{ATOM}id") for e in feed.findall(f"{ATOM}entry")]
    assert len(ids) == len(set(ids))


def test_feed_links_are_absolute_with_a_site_url(scripted):
    repo, _ = scripted
    site, _ = load_site(repo.root / "data")
    history = read_history(repo.root, repo.root / "data")
    changelog = Changelog(history, site_name="Test", site_url="https://plans.example.org/eq/")
    files = {f.path: f.content for f in site_files(site, changelog=changelog)}
    feed = ET.fromstring(files["changes/council-plan/atom.xml"])
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == (
        "https://plans.example.org/eq/changes/council-plan/atom.xml")
    hrefs = {e.find(f"{ATOM}link").get("href") for e in feed.findall(f"{ATOM}entry")}
    assert "https://plans.example.org/eq/plans/council-plan/actions/1.3/" in hrefs


def test_changelog_json_has_every_entry_with_its_page(outputs):
    _, files, made = outputs
    data = json.loads(files["changes/changelog.json"])
    assert data["format"] == "actionplan-changelog" and data["revisions_read"] == 12
    assert len(data["entries"]) == 16  # headline entries and the six folded into the plan
    slip = next(e for e in data["entries"] if e["change"] == "due")
    assert slip == {
        "revision": {"commit": made["slip"], "date": "2026-01-07T09:00:00+00:00",
                     "reason": "The payroll system was replaced during the year.",
                     "change_type": None, "undoes": None, "published_in": None},
        "plan_id": "council-plan", "plan_title": "Council Equality Plan",
        "subject_kind": "action", "subject_id": "1.2", "subject_label": "Action 1.2",
        "change": "due",
        "sentence": "Action 1.2: target date put back from April 2018 to September 2018.",
        "reason": "The payroll system was replaced during the year.",
        "before": "April 2018", "after": "September 2018", "detail": None, "part_of": None,
        "subject_title": "Publish pay gap figures", "page": "plans/council-plan/actions/1.2/"}
    removed = next(e for e in data["entries"] if e["change"] == "removed")
    assert removed["page"] is None  # action 2.1 has no page any more
    assert [n["revision"]["commit"] for n in data["unreadable_revisions"]] == [made["invalid"]]


def test_same_history_gives_the_same_bytes(scripted, tmp_path):
    repo, _ = scripted

    def render_all(cache):
        site, _ = load_site(repo.root / "data")
        history = read_history(repo.root, repo.root / "data", cache=cache)
        changelog = Changelog(history, site_name="Test site")
        pages = [Renderer().render(s) for s in site_pages(site, changelog=changelog)]
        return pages, [f.content for f in site_files(site, changelog=changelog)]

    cold = render_all(HistoryCache(tmp_path / "cache"))
    HistoryCache.forget_all()
    from_disk = render_all(HistoryCache(tmp_path / "cache"))
    again = render_all(HistoryCache())
    assert cold == from_disk == again
