"""A reason written with a broken commit reaches the change it brought; residents read a
plain sentence about the time the data could not be read."""

from __future__ import annotations

import copy

from actionplan.history import HistoryCache, read_history
from actionplan.pages.unreadable import unreadable_sentences
from tests.gitrepo import GitRepo
from tests.history.scripted import PLAN, action, dump

PATH = "data/plans/council.yaml"


def broken_then_fixed(repo: GitRepo, plan: dict, *, then=None) -> None:
    action(plan, "1.2")["due"] = ["September 2018"]
    repo.write(PATH, dump(plan).replace("status: in_progress", "status: halfway"))
    repo.commit("Later pay gap figures\n\nChange-reason: The payroll system was replaced.",
                date="2026-05-03T09:00:00+00:00")
    if then:
        then()
    repo.write(PATH, dump(plan))
    repo.commit("Fix the status", date="2026-05-05T09:00:00+00:00")


def started(tmp_path) -> tuple[GitRepo, dict]:
    repo = GitRepo(tmp_path / "site")
    plan = copy.deepcopy(PLAN)
    repo.write(PATH, dump(plan))
    repo.commit("Publish", date="2026-05-01T09:00:00+00:00")
    return repo, plan


def test_the_reason_of_a_broken_commit_reaches_the_change_it_brought(tmp_path):
    repo, plan = started(tmp_path)
    broken_then_fixed(repo, plan)
    history = read_history(repo.root, repo.root / "data")
    [due] = [e for e in history.entries if e.change == "due"]
    assert due.reason == "The payroll system was replaced."
    assert due.date.isoformat() == "2026-05-05T09:00:00+00:00"
    [note] = history.notes
    assert note.fixed is not None and note.fixed.date == due.date
    assert unreadable_sentences(history.notes) == [
        "The published data could not be read between 3 and 5 May 2026; the changes made "
        "in that time were published on 5 May 2026."]


def test_a_cache_saved_while_the_data_was_broken_gives_the_same_history(tmp_path):
    repo, plan = started(tmp_path)
    cache = tmp_path / "cache"

    def build_while_broken():
        read_history(repo.root, repo.root / "data", cache=HistoryCache(cache))
        HistoryCache.forget_all()

    broken_then_fixed(repo, plan, then=build_while_broken)
    warm = read_history(repo.root, repo.root / "data", cache=HistoryCache(cache))
    HistoryCache.forget_all()
    cold = read_history(repo.root, repo.root / "data")
    assert warm.entries == cold.entries and warm.notes == cold.notes
    assert [e.reason for e in warm.entries if e.change == "due"] == [
        "The payroll system was replaced."]


def test_data_still_unreadable_says_the_last_readable_version_is_shown(tmp_path):
    repo, plan = started(tmp_path)
    repo.write(PATH, dump(plan).replace("status: in_progress", "status: halfway"))
    repo.commit("Broken", date="2026-05-03T09:00:00+00:00")
    history = read_history(repo.root, repo.root / "data")
    assert unreadable_sentences(history.notes, {PATH: "Council plan"}) == [
        "Council plan: the published data could not be read from 3 May 2026; the last "
        "version that could be read is still shown."]
