"""Real MkDocs builds with history: shallow clones, no git, allow_missing, the built pages."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from tests.gitrepo import GitRepo
from tests.tiny_site import build, commit_project, make_project, mkdocs_yml

# The history block comes last: tests add options to it by appending lines to the file.
WITH_HISTORY = mkdocs_yml("""\
      history:
        commit_url: https://git.example.org/site/commit/{commit}
""")


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> GitRepo:
    """The mini site with three revisions: published, an update added, an action reworded."""
    project = make_project(tmp_path_factory.mktemp("mkdocs") / "site", WITH_HISTORY)
    repo = commit_project(project, "Publish the mini plan")
    plan = repo.root / "data" / "plans" / "mini.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("Review the website", "Review the website and the app"),
                    encoding="utf-8")
    repo.commit("Widen 1.1.2\n\nChange-reason: The app was launched in 2021.")
    return repo


def test_a_full_history_builds_the_changelog(repo):
    result = build(repo.root)
    assert result.returncode == 0, result.stderr
    site = repo.root / "site"
    changes = (site / "changes" / "index.html").read_text(encoding="utf-8")
    assert "<title>Changes to the plans" in changes
    assert "<strong>Reason:</strong> The app was launched in 2021." in changes
    assert "https://git.example.org/site/commit/" in changes
    assert re.search(r'<a href="mini-plan/#revision-[0-9a-f]{7}">[^<]+</a>: '
                     r'1 change \(1 activities text changed\)', changes)
    # Each change in full is on the plan's changelog, where the site's link points.
    plan_changes = (site / "changes/mini-plan/index.html").read_text(encoding="utf-8")
    assert "Action 1.1.2: activities reworded." in plan_changes.replace(
        '<a href="../../plans/mini-plan/actions/1.1.2/">Action 1.1.2</a>', "Action 1.1.2")
    assert "<strong>Reason:</strong> The app was launched in 2021." in plan_changes
    action = (site / "plans/mini-plan/actions/1.1.2/index.html").read_text(encoding="utf-8")
    assert '<h2 id="changes">Changes to this action</h2>' in action
    assert "Action 1.1.2 added with the plan." in action
    for name in ("changes/atom.xml", "changes/mini-plan/atom.xml", "changes/changelog.json",
                 "changes/mini-plan/index.html"):
        assert (site / name).is_file(), name
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="changes/"' in home  # "Changes" is in the navigation


def test_two_builds_give_the_same_bytes(repo, tmp_path):
    assert build(repo.root).returncode == 0
    first = {p: p.read_bytes() for p in (repo.root / "site" / "changes").rglob("*")
             if p.is_file()}
    shutil.rmtree(repo.root / ".cache")  # the second build reads git again, from nothing
    assert build(repo.root).returncode == 0
    second = {p: p.read_bytes() for p in (repo.root / "site" / "changes").rglob("*")
              if p.is_file()}
    assert first == second and len(first) == 5


def test_a_shallow_clone_stops_the_build_with_the_fix(repo, tmp_path):
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "--quiet", "--depth", "1", f"file://{repo.root}",
                    str(clone)], check=True, capture_output=True)
    result = build(clone)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "shallow clone" in result.stderr and "fetch-depth: 0" in result.stderr
    assert "git fetch --unshallow" in result.stderr
    assert "allow_missing: true" in result.stderr
    assert not (clone / "site").exists()


def test_a_shallow_clone_builds_without_a_changelog_when_allowed(repo, tmp_path):
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "--quiet", "--depth", "1", f"file://{repo.root}",
                    str(clone)], check=True, capture_output=True)
    config = clone / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "        allow_missing: true\n",
                      encoding="utf-8")
    result = build(clone)
    assert result.returncode == 0, result.stderr  # --strict passes: the site chose this
    assert "Building without a changelog" in result.stderr
    assert not (clone / "site" / "changes").exists()
    action = (clone / "site/plans/mini-plan/actions/1.1.2/index.html").read_text(encoding="utf-8")
    assert "Changes to this action" not in action


def test_outside_git_the_build_stops_and_says_so(tmp_path):
    project = make_project(tmp_path / "plain", WITH_HISTORY)
    result = build(project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "is not inside a git repository" in result.stderr
    assert "allow_missing: true" in result.stderr


def test_an_ignore_revs_file_that_does_not_exist_stops_the_build(repo, tmp_path):
    project = tmp_path / "copy"
    subprocess.run(["git", "clone", "--quiet", f"file://{repo.root}", str(project)], check=True,
                   capture_output=True)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8")
                      + "        ignore_revs_file: .changelog-ignore-revs\n", encoding="utf-8")
    result = build(project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "history.ignore_revs_file:" in result.stderr and "does not exist" in result.stderr
    (project / ".changelog-ignore-revs").write_text(
        subprocess.run(["git", "-C", str(project), "rev-parse", "HEAD"], capture_output=True,
                       text=True, check=True).stdout, encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stderr
    changes = (project / "site" / "changes" / "mini-plan" / "index.html").read_text(
        encoding="utf-8")
    assert "activities reworded" not in changes  # the ignored commit's change is not listed
    assert "Plan added" in changes


def test_search_finds_actions_by_their_current_words_not_old_changelog_rows(repo):
    result = build(repo.root)
    assert result.returncode == 0, result.stderr
    index = json.loads((repo.root / "site" / "search" / "search_index.json").read_text("utf-8"))
    texts = {doc["location"]: doc["text"] for doc in index["docs"]}
    # The action's page is found by its current text; the rows of changes (which repeat
    # old and new wording) are not indexed, on the action's page or on the changelogs.
    action = "".join(t for loc, t in texts.items() if loc.startswith("plans/mini-plan/actions/1.1.2/"))
    assert "Review the website and the app" in action
    assert not any("activities reworded" in text for text in texts.values())
    assert any(loc.startswith("changes/") for loc in texts)  # the pages themselves are found


def test_a_merged_branch_commits_reason_reaches_the_built_changelog(tmp_path):
    project = make_project(tmp_path / "site", WITH_HISTORY)
    repo = commit_project(project, "Publish the mini plan")
    repo.git("checkout", "--quiet", "-b", "edits")
    plan = repo.root / "data" / "plans" / "mini.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace(
        "Review the website", "Review the website and the app"), encoding="utf-8")
    branch = repo.commit("Widen 1.1.2\n\nChange-reason: The app was launched in 2021.")
    repo.git("checkout", "--quiet", "main")
    repo.git("merge", "--quiet", "--no-ff", "--no-edit", "edits")
    result = build(repo.root)
    assert result.returncode == 0, result.stderr
    changes = (repo.root / "site" / "changes" / "index.html").read_text(encoding="utf-8")
    assert "<strong>Reason:</strong> The app was launched in 2021." in changes
    assert f"https://git.example.org/site/commit/{branch}" in changes


def test_data_git_does_not_track_warns_so_a_strict_build_stops(tmp_path):
    outer = GitRepo(tmp_path)  # the site copied into an unrelated repository
    outer.write("README.md", "other work")
    outer.commit("Other work")
    project = make_project(tmp_path / "site", WITH_HISTORY)
    result = build(project)
    assert result.returncode != 0
    assert f"The data folder {project / 'data'} holds plan files" in result.stderr


def test_renamed_and_removed_actions_leave_pages_at_their_old_addresses(tmp_path):
    project = make_project(tmp_path / "site", WITH_HISTORY)
    repo = commit_project(project, "Publish the mini plan")
    plan = repo.root / "data" / "plans" / "mini.yaml"
    text = plan.read_text(encoding="utf-8")
    text = text.replace('- id: "1.1.1"\n', '- id: "1.1.1a"\n            previous_ids: ["1.1.1"]\n')
    plan.write_text(text.split('          - id: "1.1.2"')[0], encoding="utf-8")  # the last
    repo.commit("Renumber 1.1.1, drop 1.1.2\n\nChange-reason: The review was *cancelled*.")
    result = build(repo.root)
    assert result.returncode == 0, result.stderr
    site = repo.root / "site" / "plans" / "mini-plan" / "actions"
    moved = (site / "1.1.1" / "index.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="refresh" content="0; url=../1.1.1a/">' in moved
    gone = (site / "1.1.2" / "index.html").read_text(encoding="utf-8")
    assert "This action was removed from" in gone and "<em>cancelled</em>" in gone
    new = (site / "1.1.1a" / "index.html").read_text(encoding="utf-8")
    assert "identifier changed from “1.1.1” to “1.1.1a”" in new
