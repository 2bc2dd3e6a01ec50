"""A cold read in two processes (history/split.py) gives the history one process gives.

Each history is read twice from cold, in two processes and in one, and must give equal
entries, notes and revisions, and the same cache file byte for byte. The two-process read
must actually have happened where it can, and must step back to one process where the
shares could pair versions differently (a plan moved to another file, a merge) or where
the forked copy fails.
"""

from __future__ import annotations

import copy
import os
import threading
import sys

import pytest

from actionplan.history import HistoryCache, read_history, reader, split
from actionplan.history.model import History
from tests.benchmarks.history_benchmark import make_synthetic_repo
from tests.benchmarks.synthetic import Shape, generate
from tests.benchmarks.synthetic_history import write_history
from tests.gitrepo import GitRepo
from tests.history.scripted import PLAN, dump

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="a read in two processes is made on Linux only")


@pytest.fixture
def merges(monkeypatch):
    """Whether each two-process read was put together (True) or stepped back (False)."""
    outcomes: list[bool] = []
    real = split.merged

    def recording(results, commits):
        found = real(results, commits)
        outcomes.append(found is not None)
        return found

    monkeypatch.setattr(reader, "merged", recording)
    monkeypatch.setattr(split, "MIN_VERSIONS", 0)  # these histories are short
    monkeypatch.setattr(split, "_cores", lambda: 2)
    # Session fixtures of other tests (a local web server) may have left a thread running.
    monkeypatch.setattr(split, "_beside_threads", lambda: False)
    return outcomes


def read_both_ways(root, tmp_path, monkeypatch) -> tuple[History, History, bytes, bytes]:
    """(in two, in one, cache file in two, cache file in one), each read cold."""
    made = []
    for name, shares in (("two", split.shares), ("one", lambda *args, **kwargs: None)):
        monkeypatch.setattr(reader, "shares", shares)
        HistoryCache.forget_all()
        folder = tmp_path / f"cache-{name}"
        made.append(read_history(root, root / "data", cache=HistoryCache(folder)))
        made.append(b"".join(p.read_bytes() for p in sorted(folder.iterdir())))
    monkeypatch.setattr(reader, "shares", split.shares)
    return made[0], made[2], made[1], made[3]


def assert_same(two: History, one: History) -> None:
    assert two.entries == one.entries
    assert two.notes == one.notes
    assert two.revisions == one.revisions


def test_a_synthetic_county_history_reads_the_same_in_two_processes(tmp_path, monkeypatch,
                                                                     merges):
    plans = generate(Shape(plans=3, actions=40, updates=4))
    root = write_history(tmp_path / "site", plans, 30).repo
    two, one, two_cache, one_cache = read_both_ways(root, tmp_path, monkeypatch)
    assert merges == [True]
    assert len(one.entries) > 200
    assert_same(two, one)
    assert two_cache == one_cache
    # Same data, same history, same bytes: a second read in two processes changes nothing.
    again, _, again_cache, _ = read_both_ways(root, tmp_path / "again", monkeypatch)
    assert again == two and again_cache == two_cache


def test_an_officers_history_with_mistakes_reads_the_same_in_two_processes(
        tmp_path, monkeypatch, merges):
    root = make_synthetic_repo(tmp_path / "site", revisions=120, plans=3, actions=20, seed=7)
    two, one, two_cache, one_cache = read_both_ways(root, tmp_path, monkeypatch)
    assert merges == [True]
    assert one.notes  # unreadable versions, in both shares' files and fixed later
    assert_same(two, one)
    assert two_cache == one_cache


def _two_plans(repo: GitRepo) -> None:
    second = copy.deepcopy(PLAN)
    second["plan"]["id"] = "second-plan"
    repo.write("data/plans/a.yaml", dump(PLAN))
    repo.write("data/plans/b.yaml", dump(second))
    repo.commit("Publish two plans")
    for n in range(3):
        for name, plan in (("a", PLAN), ("b", second)):
            repo.write(f"data/plans/{name}.yaml",
                       dump(plan).replace("Run a staff survey", f"Run staff survey {n}"))
            repo.commit(f"Edit {name}, {n}")


def test_a_plan_moved_to_another_file_is_read_in_one_process(tmp_path, monkeypatch, merges):
    repo = GitRepo(tmp_path / "site")
    _two_plans(repo)
    repo.git("mv", "data/plans/b.yaml", "data/plans/c.yaml")
    repo.commit("Rename a plan file")
    two, one, two_cache, one_cache = read_both_ways(repo.root, tmp_path, monkeypatch)
    assert merges == [False]  # the plan id was in b.yaml and then in c.yaml
    assert_same(two, one)
    assert two_cache == one_cache


def test_a_history_with_a_merge_is_read_in_one_process(tmp_path, monkeypatch, merges):
    repo = GitRepo(tmp_path / "site")
    _two_plans(repo)
    repo.git("checkout", "--quiet", "-b", "edits")
    repo.write("data/plans/a.yaml", dump(PLAN).replace("Fair services", "Fairer services"))
    repo.commit("Reword on a branch")
    repo.git("checkout", "--quiet", "main")
    repo.write("README.md", "unrelated")
    repo.commit("Unrelated work on main")
    repo.git("merge", "--quiet", "--no-ff", "edits", "-m", "Merge the edits")
    two, one, _, _ = read_both_ways(repo.root, tmp_path, monkeypatch)
    assert merges == []  # not even tried
    assert_same(two, one)
    assert any(e.revision.published_in for e in two.entries)


def test_a_failing_copy_leaves_the_read_to_one_process(tmp_path, monkeypatch, merges):
    repo = GitRepo(tmp_path / "site")
    _two_plans(repo)
    parent = os.getpid()
    real = reader._HistoryReader._read_commits

    def failing_in_the_copy(self, new, uses):
        if os.getpid() != parent:
            raise RuntimeError("the copy fails")
        return real(self, new, uses)

    monkeypatch.setattr(reader._HistoryReader, "_read_commits", failing_in_the_copy)
    two, one, two_cache, one_cache = read_both_ways(repo.root, tmp_path, monkeypatch)
    assert merges == []  # nothing came back to put together
    assert_same(two, one)
    assert two_cache == one_cache


def test_an_error_in_this_process_ends_the_copy_and_is_raised(tmp_path, monkeypatch, merges):
    repo = GitRepo(tmp_path / "site")
    _two_plans(repo)
    parent = os.getpid()
    real = reader._HistoryReader._read_commits

    def failing_here(self, new, uses):
        if os.getpid() == parent:
            raise OSError("this process fails")
        return real(self, new, uses)

    monkeypatch.setattr(reader._HistoryReader, "_read_commits", failing_here)
    forked: list[int] = []
    real_fork = os.fork

    def recording_fork() -> int:
        pid = real_fork()
        if pid:
            forked.append(pid)
        return pid

    monkeypatch.setattr(split.os, "fork", recording_fork)
    with pytest.raises(OSError, match="this process fails"):
        read_history(repo.root, repo.root / "data")
    assert len(forked) == 1
    # The copy was waited for: it is no child of this process any more. (Other children,
    # such as a browser driver started by another test, are none of this test's business.)
    with pytest.raises(ChildProcessError):
        os.waitpid(forked[0], os.WNOHANG)


def test_plan_files_are_shared_out_by_versions_to_read(monkeypatch):
    monkeypatch.setattr(split, "_cores", lambda: 2)
    monkeypatch.setattr(split, "_beside_threads", lambda: False)
    uses = [(f"blob{n}", path) for n, path in enumerate(
        ["a.yaml"] * 30 + ["b.yaml"] * 20 + ["c.yaml"] * 12 + ["d.yaml"] * 8)]
    halves = split.shares(uses)
    assert halves == (frozenset({"a.yaml", "d.yaml"}), frozenset({"b.yaml", "c.yaml"}))
    assert split.shares(list(reversed(uses))) == halves  # by counts and names, not order
    assert split.shares([(b, "a.yaml") for b, _ in uses]) is None  # one file
    assert split.shares(uses[:39]) is None  # too few versions to pay for a second process
    monkeypatch.setattr(split, "_cores", lambda: 1)
    assert split.shares(uses) is None


def test_no_second_process_beside_other_threads(monkeypatch):
    # Under mkdocs serve the watcher and server threads run: a fork could copy a lock one of
    # them holds, so the read stays in one process.
    monkeypatch.setattr(split, "_cores", lambda: 2)
    uses = [(f"blob{n}", path) for n, path in enumerate(["a.yaml"] * 30 + ["b.yaml"] * 20)]
    stop = threading.Event()
    watch = threading.Thread(target=stop.wait, name=split.PARENT_WATCH_THREAD)
    other = threading.Thread(target=stop.wait)
    watch.start()
    try:
        if not split._beside_threads():  # nothing else running in this test process
            assert split.shares(uses) is not None  # the worker's own watch is no obstacle
        other.start()
        assert split._beside_threads()
        assert split.shares(uses) is None
    finally:
        stop.set()
        watch.join()
        if other.is_alive():
            other.join()
