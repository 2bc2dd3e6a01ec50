"""A first read of the history runs in its own process, and gives what reading here gives."""

from __future__ import annotations

import shutil

import pytest

from actionplan.history import read_in_worker
from actionplan.history import HistoryCache, HistoryReading, HistoryUnavailable, read_history
from tests.gitrepo import GitRepo
from tests.history.scripted import PLAN, dump
from tests.tiny_site import build_in_process


def test_a_first_read_goes_to_a_worker_and_gives_the_same_history(scripted, tmp_path):
    repo, _ = scripted
    with HistoryReading(repo.root, repo.root / "data", cache=HistoryCache(tmp_path),
                        worker_from=0) as reading:
        assert reading.process is not None  # nothing cached: a worker reads it
        in_worker = reading.result()
    assert list(tmp_path.glob("history-*.checkpoint"))  # the worker's cache, read back here
    HistoryCache.forget_all()
    assert in_worker == read_history(repo.root, repo.root / "data")
    assert len(in_worker.entries) > 10


def test_with_no_cache_folder_the_worker_hands_over_through_a_temporary_one(scripted):
    repo, _ = scripted
    reading = HistoryReading(repo.root, repo.root / "data", worker_from=0)
    handover = reading.handover
    assert reading.process is not None and handover.is_dir()
    history = reading.result()
    assert not handover.exists()  # removed once read
    HistoryCache.forget_all()
    assert history == read_history(repo.root, repo.root / "data")


def test_a_cache_folder_that_cannot_be_written_is_not_where_the_worker_hands_over(
        scripted, tmp_path):
    repo, _ = scripted
    blocked = tmp_path / "file"
    blocked.write_text("a file, not a folder", encoding="utf-8")
    reading = HistoryReading(repo.root, repo.root / "data", cache=HistoryCache(blocked / "c"),
                             worker_from=0)
    assert reading.process is not None and reading.handover is not None
    history = reading.result()
    HistoryCache.forget_all()
    assert history == read_history(repo.root, repo.root / "data")


def test_a_known_history_is_read_here(scripted, tmp_path):
    repo, _ = scripted
    read_history(repo.root, repo.root / "data", cache=HistoryCache(tmp_path))
    HistoryCache.forget_all()  # a new build: only the cache folder is left
    reading = HistoryReading(repo.root, repo.root / "data", cache=HistoryCache(tmp_path),
                            worker_from=0)
    assert reading.process is None
    assert reading.result().entries


def test_an_unreadable_history_is_reported_as_reading_here_reports_it(tmp_path):
    repo = GitRepo(tmp_path / "site")
    repo.write("data/plans/council.yaml", dump(PLAN))
    repo.commit("Publish")
    shallow = tmp_path / "shallow"
    repo.git("clone", "--quiet", "--depth", "1", f"file://{repo.root}", str(shallow))
    reading = HistoryReading(shallow, shallow / "data", cache=HistoryCache(tmp_path / "c"),
                             worker_from=0)
    assert reading.process is not None
    with pytest.raises(HistoryUnavailable) as in_worker:
        reading.result()
    with pytest.raises(HistoryUnavailable) as here:
        read_history(shallow, shallow / "data")
    assert str(in_worker.value) == str(here.value)
    assert "shallow clone" in str(in_worker.value)


@pytest.mark.parametrize("python", ["/nonexistent/python", "false"],
                         ids=["worker cannot start", "worker fails"])
def test_a_failed_worker_falls_back_to_reading_here(scripted, tmp_path, monkeypatch, python):
    repo, _ = scripted
    monkeypatch.setattr("actionplan.history.read_in_worker.sys.executable", python)
    reading = HistoryReading(repo.root, repo.root / "data", cache=HistoryCache(tmp_path),
                            worker_from=0)
    assert (reading.process is None) == python.startswith("/nonexistent")
    history = reading.result()
    HistoryCache.forget_all()
    assert history == read_history(repo.root, repo.root / "data")


def test_a_cancelled_reading_stops_its_worker(scripted, tmp_path):
    repo, _ = scripted
    reading = HistoryReading(repo.root, repo.root / "data", cache=HistoryCache(tmp_path),
                            worker_from=0)
    process = reading.process
    reading.cancel()
    assert process.poll() is not None and reading.process is None


def test_a_short_history_is_read_here(scripted, tmp_path):
    repo, _ = scripted  # a dozen revisions: starting a process would cost more than it saves
    reading = HistoryReading(repo.root, repo.root / "data", cache=HistoryCache(tmp_path))
    assert reading.process is None
    assert reading.result() == read_history(repo.root, repo.root / "data")


MKDOCS_YML = """\
site_name: Test site
docs_dir: content
theme:
  name: material
  font: false
plugins:
  - actionplan
"""


def _build_in_process(project, site_dir):
    # As the command runs it, startup and shutdown events included: without them, after
    # another build in this process, the plugin's staged site was never published (empty).
    build_in_process(project, site_dir=str(site_dir), strict=False)
    return {p.relative_to(site_dir): p.read_bytes() for p in site_dir.rglob("*") if p.is_file()}


def test_a_mkdocs_build_with_the_worker_publishes_the_same_bytes(scripted, tmp_path,
                                                                 monkeypatch):
    repo, _ = scripted
    (repo.root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    (repo.root / "content").mkdir(exist_ok=True)
    (repo.root / "content" / "index.md").write_text("# Home\n", encoding="utf-8")
    spawned = []
    real_spawn = read_in_worker._spawn
    monkeypatch.setattr(read_in_worker, "_spawn",
                        lambda *args: spawned.append(args) or real_spawn(*args))
    monkeypatch.setattr(read_in_worker, "WORKER_FROM", 10**9)  # read in the build's own process
    here = _build_in_process(repo.root, tmp_path / "here")
    assert not spawned
    HistoryCache.forget_all()
    shutil.rmtree(repo.root / ".cache", ignore_errors=True)
    monkeypatch.setattr(read_in_worker, "WORKER_FROM", 0)  # every first read goes to a worker
    worker = _build_in_process(repo.root, tmp_path / "worker")
    assert len(spawned) == 1
    assert worker == here
    assert any(b"Action 2.1" in content for path, content in here.items()
               if path.parts[0] == "changes")  # the changelog is there to compare
