"""An id changed on purpose keeps one history (`previous_ids`); one changed by mistake is
pointed out. The old address leads to the new one."""

from __future__ import annotations

import copy
import re

from actionplan.api import load_site
from actionplan.history import read_history
from actionplan.history.renames import rename_warnings
from actionplan.options import SiteOptions
from actionplan.pages import site_pages
from actionplan.pages.history_specs import Changelog, changelog_files
from actionplan.pages.links import PagePaths
from actionplan.render import Renderer
from tests.gitrepo import GitRepo
from tests.history.scripted import PLAN, action, dump

PATH = "data/plans/council.yaml"


def renamed_repo(tmp_path, *, with_previous_ids: bool) -> tuple[GitRepo, dict]:
    """1.2 progresses, is given the id 1.2a (numbered 1.2a) in one commit, then progresses."""
    repo = GitRepo(tmp_path / "site")
    plan = copy.deepcopy(PLAN)
    repo.write(PATH, dump(plan))
    repo.commit("Publish")
    action(plan, "1.2")["due"] = ["September 2018"]
    repo.write(PATH, dump(plan))
    repo.commit("Later\n\nChange-reason: Payroll.")
    moved = action(plan, "1.2")
    moved["id"] = "1.2a"
    if with_previous_ids:
        moved["previous_ids"] = ["1.2"]
    repo.write(PATH, dump(plan))
    repo.commit("Give 1.2 the id the printed plan uses")
    action(plan, "1.2a")["progress"] = [{"date": "2018-09-01", "status": "completed",
                                         "text": "Published."}]
    repo.write(PATH, dump(plan))
    repo.commit("1.2 done")
    return repo, plan


def built(repo):
    site, _ = load_site(repo.root / "data", relative_to=repo.root)
    changelog = Changelog(read_history(repo.root, repo.root / "data"), site_name="Test")
    specs = {s.src_uri: s for s in site_pages(site, options=SiteOptions(), changelog=changelog)}
    files = {f.path: f for f in changelog_files(site, changelog, PagePaths())}
    return site, changelog, specs, files


def sentences(html: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", s) for s in
            re.findall(r'<p class="ap-change-what">(.*?)</p>', html, re.S)]


def test_previous_ids_keep_one_history_on_the_action_page(tmp_path):
    repo, _ = renamed_repo(tmp_path, with_previous_ids=True)
    site, changelog, specs, _ = built(repo)
    page = Renderer().render(specs["plans/council-plan/actions/1.2a/index.md"])
    assert sentences(page.split('id="changes"', 1)[1]) == [
        "Action 1.2: progress update added (1 September 2018).",
        "Action 1.2: status changed from No update yet to Completed.",
        "Action 1.2: identifier changed from “1.2” to “1.2a”: the same action, with its "
        "history kept.",
        "Action 1.2: target date put back from April 2018 to September 2018.",
        "Action 1.2 added with the plan.",
    ]
    plan_page = Renderer().render(specs["changes/council-plan/index.md"])
    assert "removed" not in " ".join(sentences(plan_page))
    assert 'id="removed-actions"' not in plan_page
    assert rename_warnings(changelog.history, site) == []


def test_previous_ids_added_later_join_the_history_too(tmp_path):
    repo, plan = renamed_repo(tmp_path, with_previous_ids=False)
    site, changelog, _, _ = built(repo)
    [warning] = rename_warnings(changelog.history, site)
    assert 'action "1.2" of plan council-plan disappeared while action "1.2a" appeared' in warning
    assert 'add `previous_ids: ["1.2"]` to action "1.2a" in data/plans/council.yaml' in warning
    action(plan, "1.2a")["previous_ids"] = ["1.2"]
    repo.write(PATH, dump(plan))
    repo.commit("Say that 1.2a was 1.2")
    site, changelog, specs, _ = built(repo)
    assert rename_warnings(changelog.history, site) == []
    page = Renderer().render(specs["plans/council-plan/actions/1.2a/index.md"])
    assert "target date put back" in page and "identifier changed" in page


def test_the_old_address_leads_to_the_new_one_without_javascript(tmp_path):
    repo, _ = renamed_repo(tmp_path, with_previous_ids=True)
    _, _, _, files = built(repo)
    page = files["plans/council-plan/actions/1.2/index.html"].content.decode()
    assert '<meta http-equiv="refresh" content="0; url=../1.2a/">' in page
    assert '<a href="../1.2a/">Publish pay gap figures</a>' in page and "<script" not in page
    assert "plans/council-plan/actions/1.1/index.html" not in files  # not renamed: no redirect


def test_a_renamed_plan_keeps_its_changelog_feed_and_addresses(tmp_path):
    repo = GitRepo(tmp_path / "site")
    plan = copy.deepcopy(PLAN)
    repo.write(PATH, dump(plan))
    repo.commit("Publish")
    plan["plan"]["id"] = "council-plan-2018"
    plan["plan"]["previous_ids"] = ["council-plan"]
    repo.write(PATH, dump(plan))
    repo.commit("A clearer plan id")
    _, _, specs, files = built(repo)
    html = Renderer().render(specs["changes/council-plan-2018/index.md"])
    assert sentences(html) == [
        "Plan identifier changed from “council-plan” to “council-plan-2018”: the same plan, "
        "with its history kept.",
        "Plan added: Council Equality Plan, with 2 objectives and 4 actions."]
    assert "changes/council-plan/atom.xml" in files  # subscribers keep their feed
    for old in ("plans/council-plan/index.html", "changes/council-plan/index.html",
                "plans/council-plan/actions/1.1/index.html",
                "plans/council-plan/objective-1/index.html"):
        assert "http-equiv=\"refresh\"" in files[old].content.decode(), old


def test_an_old_id_used_again_is_an_error(tmp_path):
    repo = GitRepo(tmp_path / "site")
    plan = copy.deepcopy(PLAN)
    action(plan, "1.3")["previous_ids"] = ["1.1"]
    repo.write(PATH, dump(plan))
    from actionplan.api import DataError
    try:
        load_site(repo.root / "data")
    except DataError as error:
        text = str(error)
    else:
        raise AssertionError("an old id that is another action's id was accepted")
    assert 'council.yaml:39:7: action 1.3 > previous_ids > item 1: Action id "1.1" in ' \
        "previous_ids is already used (line 19)" in text


def test_no_warning_where_previous_ids_could_not_be_written(tmp_path):
    repo, plan = renamed_repo(tmp_path, with_previous_ids=False)
    plan["groups"][0]["actions"] = [a for a in plan["groups"][0]["actions"] if a["id"] != "1.2a"]
    repo.write(PATH, dump(plan))
    repo.commit("1.2a dropped later: nothing left to give previous_ids to")
    site, changelog, _, _ = built(repo)
    assert rename_warnings(changelog.history, site) == []
