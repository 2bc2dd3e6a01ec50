"""The changelog of data published the ways teams publish: merged and squashed pull requests.

Each test makes the repository shape itself, with git, as the publishing tool would leave it.
"""

from __future__ import annotations

import copy

from actionplan.history import HistoryCache, read_history
from tests.gitrepo import GitRepo
from tests.history.scripted import PLAN, action, dump

PATH = "data/plans/council.yaml"
MERGE_DATE = "2026-02-01T10:00:00+00:00"


def published(tmp_path) -> tuple[GitRepo, dict]:
    repo = GitRepo(tmp_path / "site")
    plan = copy.deepcopy(PLAN)
    repo.write(PATH, dump(plan))
    repo.commit("Publish the plan")
    return repo, plan


def merge(repo: GitRepo, branch: str, *args: str) -> str:
    repo.git("merge", "--quiet", "--no-ff", *args, branch,
             env={"GIT_AUTHOR_DATE": MERGE_DATE, "GIT_COMMITTER_DATE": MERGE_DATE})
    return repo.git("rev-parse", "HEAD")


def headline(history) -> list[tuple]:
    return [(e.commit, e.subject_id, e.change, e.reason, e.date.isoformat(),
             e.revision.published_in) for e in history.entries if e.part_of is None][1:]


def test_a_default_merge_credits_each_change_to_its_branch_commit_and_reason(tmp_path):
    repo, plan = published(tmp_path)
    repo.git("checkout", "--quiet", "-b", "edits")
    action(plan, "1.2")["due"] = ["September 2018"]
    repo.write(PATH, dump(plan))
    slip = repo.commit("Later pay gap figures\n\nChange-reason: The payroll system was replaced.")
    action(plan, "1.3")["title"] = "Review some libraries"
    repo.write(PATH, dump(plan))
    reword = repo.commit("Reword 1.3\n\nChange-reason: Only some libraries are the council's.")
    repo.git("checkout", "--quiet", "main")
    repo.write("README.md", "unrelated")
    repo.commit("Unrelated work on main")
    made = merge(repo, "edits", "--no-edit")
    history = read_history(repo.root, repo.root / "data")
    assert headline(history) == [
        (slip, "1.2", "due", "The payroll system was replaced.", MERGE_DATE, made),
        (reword, "1.3", "title", "Only some libraries are the council's.", MERGE_DATE, made),
    ]


def test_the_last_branch_commit_to_make_a_change_is_credited(tmp_path):
    repo, plan = published(tmp_path)
    repo.git("checkout", "--quiet", "-b", "edits")
    action(plan, "1.3")["title"] = "Review some libraries"
    repo.write(PATH, dump(plan))
    repo.commit("First go\n\nChange-reason: A first go.")
    action(plan, "1.3")["title"] = "Review the council's libraries"
    repo.write(PATH, dump(plan))
    second = repo.commit("Second go\n\nChange-reason: Only the council's libraries.")
    repo.git("checkout", "--quiet", "main")
    made = merge(repo, "edits", "--no-edit")
    history = read_history(repo.root, repo.root / "data")
    assert headline(history) == [
        (second, "1.3", "title", "Only the council's libraries.", MERGE_DATE, made)]


def test_a_github_merge_message_gives_the_pull_requests_title_and_body(tmp_path):
    repo, plan = published(tmp_path)
    repo.git("checkout", "--quiet", "-b", "officer/pay-gap")
    action(plan, "1.2")["due"] = ["September 2018"]
    repo.write(PATH, dump(plan))
    branch = repo.commit("Change the date")  # no reason of its own
    repo.git("checkout", "--quiet", "main")
    made = merge(repo, "officer/pay-gap", "-m",
                 "Merge pull request #12 from council/officer/pay-gap\n\n"
                 "Pay gap figures later\n\nThe payroll system was replaced.\n\n"
                 "Co-authored-by: A Colleague <a@example.org>")
    history = read_history(repo.root, repo.root / "data")
    assert headline(history) == [
        (branch, "1.2", "due", "Pay gap figures later\n\nThe payroll system was replaced.",
         MERGE_DATE, made)]


def test_a_gitlab_merge_message_gives_the_merge_requests_title(tmp_path):
    repo, plan = published(tmp_path)
    repo.git("checkout", "--quiet", "-b", "pay-gap")
    action(plan, "1.2")["due"] = ["September 2018"]
    repo.write(PATH, dump(plan))
    repo.commit("Change the date")
    repo.git("checkout", "--quiet", "main")
    merge(repo, "pay-gap", "-m", "Merge branch 'pay-gap' into 'main'\n\nPay gap figures later\n\n"
          "See merge request council/plans!7")
    history = read_history(repo.root, repo.root / "data")
    assert [e.reason for e in history.entries if e.change == "due"] == ["Pay gap figures later"]


def test_a_squash_merge_gives_the_reasons_of_the_squashed_commits(tmp_path):
    repo, plan = published(tmp_path)
    action(plan, "1.2")["due"] = ["September 2018"]
    repo.write(PATH, dump(plan))
    squashed = repo.commit(
        "Pay gap figures later (#12)\n\n* Change the date\n\nChange-reason: The payroll system "
        "was\n  replaced.\n\n* Fix a typo\n\nSigned-off-by: An Officer <o@example.org>")
    history = read_history(repo.root, repo.root / "data")
    assert [(e.commit, e.reason, e.revision.published_in) for e in history.entries
            if e.change == "due"] == [(squashed, "The payroll system was replaced.", None)]


def test_a_plain_merge_message_gives_no_reason(tmp_path):
    repo, plan = published(tmp_path)
    repo.git("checkout", "--quiet", "-b", "edits")
    action(plan, "1.2")["due"] = ["September 2018"]
    repo.write(PATH, dump(plan))
    repo.commit("Change the date")
    repo.git("checkout", "--quiet", "main")
    merge(repo, "edits", "--no-edit")
    history = read_history(repo.root, repo.root / "data")
    assert [e.reason for e in history.entries if e.change == "due"] == [None]


def test_credited_changes_come_back_the_same_from_the_cache_folder(tmp_path):
    repo, plan = published(tmp_path)
    repo.git("checkout", "--quiet", "-b", "edits")
    action(plan, "1.2")["due"] = ["September 2018"]
    repo.write(PATH, dump(plan))
    repo.commit("Change the date\n\nChange-reason: Payroll.\nChange-type: correction")
    repo.git("checkout", "--quiet", "main")
    merge(repo, "edits", "--no-edit")
    cold = read_history(repo.root, repo.root / "data", cache=HistoryCache(tmp_path / "cache"))
    HistoryCache.forget_all()
    warm = read_history(repo.root, repo.root / "data", cache=HistoryCache(tmp_path / "cache"))
    assert warm.entries == cold.entries and warm.revisions == cold.revisions
    due = next(e for e in warm.entries if e.change == "due")
    assert (due.revision.change_type, due.reason) == ("correction", "Payroll.")
    assert due.revision.published_in == warm.revisions[-1].commit
