"""A first read of the history runs in its own process, and gives what reading here gives."""

from __future__ import annotations

import pytest

from actionplan.history import HistoryCache, HistoryReading, HistoryUnavailable, read_history
from tests.gitrepo import GitRepo
from tests.history.scripted import PLAN, dump


def test_a_first_read_goes_to_a_worker_and_gives_the_same_history(scripted, tmp_path):
    repo, _ = scripted
    with HistoryReading(repo.root, repo.root / "data", cache=HistoryCache(tmp_path)) as reading:
        assert reading.process is not None  # nothing cached: a worker reads it
        aside = reading.result()
    assert list(tmp_path.glob("history-*.json"))  # the worker's cache, read back here
    HistoryCache.forget_all()
    assert aside == read_history(repo.root, repo.root / "data")
    assert len(aside.entries) > 10


def test_with_no_cache_folder_the_worker_hands_over_through_a_temporary_one(scripted):
    repo, _ = scripted
    reading = HistoryReading(repo.root, repo.root / "data")
    handover = reading.handover
    assert reading.process is not None and handover.is_dir()
    history = reading.result()
    assert not handover.exists()  # removed once read
    HistoryCache.forget_all()
    assert history == read_history(repo.root, repo.root / "data")


def test_a_known_history_is_read_here(scripted, tmp_path):
    repo, _ = scripted
    read_history(repo.root, repo.root / "data", cache=HistoryCache(tmp_path))
    HistoryCache.forget_all()  # a new build: only the cache folder is left
    reading = HistoryReading(repo.root, repo.root / "data", cache=HistoryCache(tmp_path))
    assert reading.process is None
    assert reading.result().entries


def test_an_unreadable_history_is_reported_as_reading_here_reports_it(tmp_path):
    repo = GitRepo(tmp_path / "site")
    repo.write("data/plans/council.yaml", dump(PLAN))
    repo.commit("Publish")
    shallow = tmp_path / "shallow"
    repo.git("clone", "--quiet", "--depth", "1", f"file://{repo.root}", str(shallow))
    reading = HistoryReading(shallow, shallow / "data", cache=HistoryCache(tmp_path / "c"))
    assert reading.process is not None
    with pytest.raises(HistoryUnavailable) as aside:
        reading.result()
    with pytest.raises(HistoryUnavailable) as here:
        read_history(shallow, shallow / "data")
    assert str(aside.value) == str(here.value)
    assert "shallow clone" in str(aside.value)


@pytest.mark.parametrize("python", ["/nonexistent/python", "false"],
                         ids=["worker cannot start", "worker fails"])
def test_a_failed_worker_falls_back_to_reading_here(scripted, tmp_path, monkeypatch, python):
    repo, _ = scripted
    monkeypatch.setattr("actionplan.history.aside.sys.executable", python)
    reading = HistoryReading(repo.root, repo.root / "data", cache=HistoryCache(tmp_path))
    assert (reading.process is None) == python.startswith("/nonexistent")
    history = reading.result()
    HistoryCache.forget_all()
    assert history == read_history(repo.root, repo.root / "data")


def test_a_cancelled_reading_stops_its_worker(scripted, tmp_path):
    repo, _ = scripted
    reading = HistoryReading(repo.root, repo.root / "data", cache=HistoryCache(tmp_path))
    process = reading.process
    reading.cancel()
    assert process.poll() is not None and reading.process is None
