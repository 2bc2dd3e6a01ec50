"""read_history on scripted git repositories: the exact entries, notes, and failures."""

from __future__ import annotations

import subprocess

import pytest

from actionplan.history import HistoryUnavailable, read_history
from tests.gitrepo import GitRepo
from tests.history.scripted import PLAN, dump


def rows(history, made):
    names = {commit: name for name, commit in made.items()}
    return [(names[e.commit], e.subject_kind, e.subject_id, e.change, e.sentence, e.reason,
             e.before, e.after) for e in history.entries if e.part_of is None]


def test_every_scripted_change_gives_exactly_its_entries(scripted):
    repo, made = scripted
    history = read_history(repo.root, repo.root / "data")
    assert rows(history, made) == [
        ("publish", "plan", "council-plan", "added",
         "Plan added: Council Equality Plan, with 2 objectives and 4 actions.", None, None, None),
        ("status", "action", "1.1", "progress_added",
         "Action 1.1: progress update added (2 May 2018).", None, None, "All staff trained."),
        ("status", "action", "1.1", "status",
         "Action 1.1: status changed from In progress to Completed.", None, "In progress",
         "Completed"),
        ("slip", "action", "1.2", "due",
         "Action 1.2: target date put back from April 2018 to September 2018.",
         "The payroll system was replaced during the year.", "April 2018", "September 2018"),
        ("reword", "action", "1.3", "title", "Action 1.3: title reworded.", None,
         "Review every library for step-free access", "Review some libraries for step-free access"),
        ("delete", "action", "2.1", "removed", "Action 2.1 removed from Objective 2.", None, None,
         None),
        # rename, reformat: no entry. invalid: a note; its change arrives with "fix".
        ("fix", "action", "1.1", "lead",
         "Action 1.1: lead changed from Head of Customer Services to Head of People.", None,
         "Head of Customer Services", "Head of People"),
        ("withdraw", "action", "1.2", "withdrawn", "Action 1.2 withdrawn.",
         "Replaced by the national reporting duty.", "No update yet", "Withdrawn"),
        ("move", "action", "1.3", "moved", "Action 1.3 moved from Objective 1 to Objective 2.",
         None, None, None),
        ("bulk", "plan", "council-plan", "title",
         "Plan title changed from “Council Equality Plan” to “Council Equality Plan (renamed in "
         "bulk)”.", None, "Council Equality Plan", "Council Equality Plan (renamed in bulk)"),
    ]


def test_entries_carry_commit_dates_and_hashes(scripted):
    repo, made = scripted
    history = read_history(repo.root, repo.root / "data")
    slip = next(e for e in history.entries if e.change == "due")
    assert slip.commit == made["slip"] and slip.revision.short == made["slip"][:7]
    assert slip.date.isoformat() == "2026-01-07T09:00:00+00:00"
    assert [r.commit for r in history.revisions] == list(made.values())


def test_the_plan_added_entry_folds_in_every_group_and_action(scripted):
    repo, made = scripted
    history = read_history(repo.root, repo.root / "data")
    folded = [(e.subject_kind, e.subject_id, e.sentence) for e in history.entries
              if e.part_of == "plan:council-plan"]
    assert folded == [("group", "objective-1", "Objective 1 added with the plan."),
                      ("group", "objective-2", "Objective 2 added with the plan."),
                      ("action", "1.1", "Action 1.1 added with the plan."),
                      ("action", "1.2", "Action 1.2 added with the plan."),
                      ("action", "1.3", "Action 1.3 added with the plan."),
                      ("action", "2.1", "Action 2.1 added with the plan.")]
    own = [e.change for e in history.for_subject("council-plan", "action", "1.1")]
    assert own == ["lead", "progress_added", "status", "added"]  # newest commit first


def test_an_invalid_revision_is_skipped_with_a_note(scripted):
    repo, made = scripted
    history = read_history(repo.root, repo.root / "data")
    assert len(history.notes) == 1
    note = history.notes[0]
    assert note.revision.commit == made["invalid"]
    assert note.file == "data/plans/council-plan.yaml"
    assert note.message.startswith(
        "data/plans/council-plan.yaml could not be read at this revision "
        "(data/plans/council-plan.yaml:")
    assert 'Status "complete" is not one of' in note.message
    assert note.message.endswith("the last readable version is kept until the next readable one.")


def test_an_ignore_revs_file_leaves_commits_out(scripted, tmp_path):
    repo, made = scripted
    ignore = tmp_path / "changelog-ignore-revs"
    ignore.write_text(f"# bulk edits\n{made['bulk']}\n{made['move'][:10]}  # abbreviated\n",
                      encoding="utf-8")
    history = read_history(repo.root, repo.root / "data", ignore)
    changes = [name for name, *_ in rows(history, made)]
    assert "bulk" not in changes and "move" not in changes
    assert changes[-1] == "withdraw"
    assert made["bulk"] not in [r.commit for r in history.revisions]


def test_a_missing_ignore_revs_file_is_an_error_that_says_so(scripted, tmp_path):
    repo, _ = scripted
    with pytest.raises(HistoryUnavailable, match="ignore-revs file .* cannot be read"):
        read_history(repo.root, repo.root / "data", tmp_path / "nope")


def test_a_shallow_clone_is_refused_with_the_fix(scripted, tmp_path):
    repo, _ = scripted
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "--quiet", "--depth", "1", f"file://{repo.root}",
                    str(clone)], check=True, capture_output=True)
    with pytest.raises(HistoryUnavailable) as raised:
        read_history(clone, clone / "data")
    message = str(raised.value)
    assert "shallow clone" in message
    assert "fetch-depth: 0" in message and "git fetch --unshallow" in message
    assert "GIT_DEPTH: 0" in message


def test_a_full_clone_reads_the_same_history(scripted, tmp_path):
    repo, made = scripted
    clone = tmp_path / "full"
    subprocess.run(["git", "clone", "--quiet", f"file://{repo.root}", str(clone)], check=True,
                   capture_output=True)
    assert (read_history(clone, clone / "data").entries
            == read_history(repo.root, repo.root / "data").entries)


def test_outside_a_repository_says_so(tmp_path):
    (tmp_path / "data" / "plans").mkdir(parents=True)
    with pytest.raises(HistoryUnavailable, match="is not inside a git repository"):
        read_history(tmp_path, tmp_path / "data")


def test_a_repository_without_commits_has_an_empty_history(tmp_path):
    GitRepo(tmp_path)
    history = read_history(tmp_path, tmp_path / "data")
    assert history.entries == () and history.revisions == ()


def test_only_plan_files_under_the_data_folder_count(tmp_path):
    repo = GitRepo(tmp_path)
    repo.write("data/plans/council.yaml", dump(PLAN))
    repo.write("data/plans/notes.txt", "not a plan")
    repo.write("elsewhere/plans/other.yaml", "not: read")
    repo.commit("Publish")
    history = read_history(tmp_path, tmp_path / "data")
    assert [e.change for e in history.entries if not e.part_of] == ["added"]
    assert history.notes == ()


def test_a_merge_counts_as_one_revision_on_the_main_line_crediting_the_branch(tmp_path):
    repo = GitRepo(tmp_path)
    repo.write("data/plans/council.yaml", dump(PLAN))
    repo.commit("Publish")
    repo.git("checkout", "--quiet", "-b", "edits")
    changed = dump(PLAN).replace("Run a staff survey", "Run an annual staff survey")
    repo.write("data/plans/council.yaml", changed)
    branch = repo.commit("Reword 2.1 on a branch")
    repo.git("checkout", "--quiet", "main")
    repo.write("README.md", "unrelated")
    repo.commit("Unrelated work on main")
    repo.git("merge", "--quiet", "--no-ff", "edits", "-m", "Merge the edits",
             env={"GIT_AUTHOR_DATE": "2026-02-01T10:00:00+00:00",
                  "GIT_COMMITTER_DATE": "2026-02-01T10:00:00+00:00"})
    merge = repo.git("rev-parse", "HEAD")
    history = read_history(tmp_path, tmp_path / "data")
    titles = [(e.commit, e.revision.published_in, e.date.isoformat(), e.sentence)
              for e in history.entries if e.change == "title"]
    assert titles == [(branch, merge, "2026-02-01T10:00:00+00:00", "Action 2.1: title reworded.")]
    assert [r.commit for r in history.revisions][-1] == merge


def test_two_files_with_one_plan_id_keep_the_first_and_note_the_second(tmp_path):
    repo = GitRepo(tmp_path)
    repo.write("data/plans/a.yaml", dump(PLAN))
    repo.commit("Publish")
    repo.write("data/plans/b.yaml", dump(PLAN).replace("Run a staff survey", "Copy"))
    second = repo.commit("A copy under another name")
    history = read_history(tmp_path, tmp_path / "data")
    assert [e.commit for e in history.entries if e.revision.commit == second] == []
    assert [n.message for n in history.notes] == [
        'data/plans/b.yaml was left out at this revision: plan id "council-plan" is also used '
        "by data/plans/a.yaml."]


def test_deleting_the_plan_file_removes_the_plan_and_everything_in_it(tmp_path):
    repo = GitRepo(tmp_path)
    repo.write("data/plans/council.yaml", dump(PLAN))
    repo.commit("Publish")
    (tmp_path / "data/plans/council.yaml").unlink()
    repo.commit("Unpublish")
    history = read_history(tmp_path, tmp_path / "data")
    removed = [(e.subject_id, e.sentence, e.part_of) for e in history.entries
               if e.change == "removed"]
    assert removed[0] == ("council-plan", "Plan removed: Council Equality Plan.", None)
    assert ("2.1", "Action 2.1 removed with the plan.", "plan:council-plan") in removed


def test_data_in_its_own_repository_gets_its_own_changelog(tmp_path):
    project = GitRepo(tmp_path / "site")
    project.write("mkdocs.yml", "site_name: Test\n")
    project.commit("The site")
    data = GitRepo(tmp_path / "site" / "data")  # the data's own repository, inside the site
    data.write("plans/council.yaml", dump(PLAN))
    made = data.commit("Publish the plan")
    history = read_history(project.root, project.root / "data")
    assert [e.commit for e in history.entries if e.part_of is None] == [made]
    assert history.warnings == ()


def test_a_data_folder_git_does_not_track_is_a_warning_naming_it(tmp_path):
    outer = GitRepo(tmp_path)  # an unrelated repository the site was copied into
    outer.write("README.md", "other work")
    outer.commit("Other work")
    (tmp_path / "copy" / "data" / "plans").mkdir(parents=True)
    (tmp_path / "copy" / "data" / "plans" / "council.yaml").write_text(dump(PLAN))
    history = read_history(tmp_path / "copy", tmp_path / "copy" / "data")
    assert history.entries == ()
    [warning] = history.warnings
    assert f"The data folder {tmp_path / 'copy' / 'data'} holds plan files" in warning
    assert f"the git repository at {tmp_path}" in warning
