"""A deleted plan keeps its changelog page and feed; removed addresses say what happened."""

from __future__ import annotations

import copy
import re

from actionplan.api import load_site
from actionplan.history import read_history
from actionplan.options import SiteOptions
from actionplan.pages import site_pages
from actionplan.pages.history_specs import Changelog, changelog_files
from actionplan.pages.links import PagePaths
from actionplan.render import Renderer
from tests.gitrepo import GitRepo
from tests.history.scripted import PLAN, dump

OTHER = copy.deepcopy(PLAN)
OTHER["plan"] = {**PLAN["plan"], "id": "other-plan", "title": "Other Plan"}


def built(repo):
    site, _ = load_site(repo.root / "data", relative_to=repo.root)
    changelog = Changelog(read_history(repo.root, repo.root / "data"), site_name="Test")
    specs = {s.src_uri: s for s in site_pages(site, options=SiteOptions(), changelog=changelog)}
    files = {f.path: f for f in changelog_files(site, changelog, PagePaths())}
    return specs, files


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))


def test_a_deleted_plan_keeps_a_changelog_page_and_feed_ending_with_its_removal(tmp_path):
    repo = GitRepo(tmp_path / "site")
    repo.write("data/plans/council.yaml", dump(PLAN))
    repo.write("data/plans/other.yaml", dump(OTHER))
    repo.commit("Publish")
    (repo.root / "data/plans/council.yaml").unlink()
    repo.commit("Take the old plan down\n\nChange-reason: Replaced by the *2019* plan.")
    specs, files = built(repo)
    page = Renderer().render(specs["changes/council-plan/index.md"])
    assert "This plan was removed from this site on 6 January 2026." in text(page)
    assert "Reason: Replaced by the <em>2019</em> plan." in page
    assert specs["changes/council-plan/index.md"].title == "Changes to Council Equality Plan (removed)"
    sentences = re.findall(r'<p class="ap-change-what">(.*?)</p>', page)
    assert sentences == ["Plan removed: Council Equality Plan.",
                         "Plan added: Council Equality Plan, with 2 objectives and 4 actions."]
    feed = files["changes/council-plan/atom.xml"].content.decode()
    assert feed.index("Plan removed: Council Equality Plan.") < feed.index("Plan added")
    assert "Reason: Replaced by the *2019* plan." in feed
    # The plan's and its actions' addresses say it was removed, when and why.
    for src in ("plans/council-plan/index.md", "plans/council-plan/actions/1.1/index.md"):
        html = Renderer().render(specs[src])
        assert "6 January 2026" in html and "Replaced by the" in html, src
    assert "changes/other-plan/index.md" in specs  # the other plan is untouched


def test_a_removed_action_address_says_removed_when_and_why(tmp_path):
    repo = GitRepo(tmp_path / "site")
    repo.write("data/plans/council.yaml", dump(PLAN))
    repo.commit("Publish")
    plan = copy.deepcopy(PLAN)
    plan["groups"][1]["actions"] = []
    repo.write("data/plans/council.yaml", dump(plan))
    repo.commit("Drop the survey")
    specs, _ = built(repo)
    spec = specs["plans/council-plan/actions/2.1/index.md"]
    html = Renderer().render(spec)
    assert spec.title == "Action 2.1 (removed from Council Equality Plan)"
    assert ("This action was removed from Council Equality Plan on 6 January 2026. Action 2.1 "
            "removed from Objective 2.") in text(html)
    assert "No reason was given for the removal." in html
    assert "plans/council-plan/actions/1.1/index.md" in specs
    assert specs["plans/council-plan/actions/1.1/index.md"].kind == "action"
    # The feeds link the removal to where it is written in full: its plan's changelog.
    _, files = built(repo)
    drop = repo.git("rev-parse", "HEAD").strip()
    for feed_src, href in (("changes/atom.xml", "council-plan/"),
                           ("changes/council-plan/atom.xml", "./")):
        feed = files[feed_src].content.decode()
        entry = next(e for e in feed.split("<entry>") if "Action 2.1 removed" in e)
        assert f'href="{href}#revision-{drop[:7]}"' in entry
    page = Renderer().render(specs["changes/council-plan/index.md"])
    assert f'id="revision-{drop[:7]}"' in page


def test_a_removed_groups_address_says_removed(tmp_path):
    repo = GitRepo(tmp_path / "site")
    repo.write("data/plans/council.yaml", dump(PLAN))
    repo.commit("Publish")
    plan = copy.deepcopy(PLAN)
    del plan["groups"][1]
    repo.write("data/plans/council.yaml", dump(plan))
    repo.commit("Drop objective 2\n\nChange-reason: Merged into objective 1.")
    specs, _ = built(repo)
    html = Renderer().render(specs["plans/council-plan/objective-2/index.md"])
    assert "<h1>Objective 2: A diverse workforce (removed)</h1>" in html
    assert "This part of the plan was removed from" in html and "Merged into objective 1." in html
    assert "plans/council-plan/actions/2.1/index.md" in specs  # its action, removed with it
