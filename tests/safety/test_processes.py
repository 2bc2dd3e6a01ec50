"""Processes end together: the history worker stops when the build that started it dies,
even by kill -9, and leaves no temporary folder behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from ..gitrepo import GitRepo
from ..tiny_site import ENV, make_project

# A "build" that starts the worker, says who is who, and waits to be killed.
PARENT = textwrap.dedent("""\
    import sys
    from pathlib import Path
    from actionplan.history import HistoryReading
    root = Path(sys.argv[1])
    reading = HistoryReading(root, root / "data", worker_from=0)
    print(reading.process.pid, reading.handover, flush=True)
    sys.stdin.read()  # wait to be killed
""")


def gone(pid: int) -> bool:
    """True when `pid` has exited (a zombie waiting for init counts as exited)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return True
    return state in ("Z", "X")


def group(pgid: int) -> list[int]:
    """The processes (not yet exited) in process group `pgid`."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] not in ("Z", "X"):
            found.append(int(stat.parent.name))
    return found


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads process states from /proc")
@pytest.mark.parametrize("moment", ["reading", "done"])
@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM], ids=["kill-9", "term"])
def test_the_worker_dies_with_its_build_and_removes_its_folder(tmp_path, signum, moment):
    project = make_project(tmp_path / "site")
    repo = GitRepo(project)
    repo.commit("Publish the mini plan")
    env = dict(ENV)
    if moment == "reading":  # git that is slow for the worker only: it is mid-read
        slow_git = tmp_path / "bin" / "git"
        slow_git.parent.mkdir()
        real_git = subprocess.run(["which", "git"], capture_output=True, text=True).stdout
        slow_git.write_text("#!/bin/sh\n"
                            "grep -q history.read_in_worker /proc/$PPID/cmdline && sleep 30"
                            f'\nexec {real_git.strip()} "$@"\n')
        slow_git.chmod(0o755)
        env["PATH"] = f"{slow_git.parent}{os.pathsep}{ENV['PATH']}"
    parent = subprocess.Popen([sys.executable, "-c", PARENT, str(project)], env=env,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        worker_pid, handover = parent.stdout.readline().split()
        worker_pid, handover = int(worker_pid), Path(handover)
        assert handover.is_dir()
        deadline = time.monotonic() + 20
        if moment == "done":  # the worker has written its result and waits to be released
            while not list(handover.glob("history-*.checkpoint")) and time.monotonic() < deadline:
                time.sleep(0.05)
            assert not gone(worker_pid)
        else:
            time.sleep(1)
            assert not gone(worker_pid) and not list(handover.glob("history-*.checkpoint"))
        parent.send_signal(signum)
        parent.wait(timeout=30)
        while not gone(worker_pid) and time.monotonic() < deadline + 20:
            time.sleep(0.05)
        assert gone(worker_pid), "the history worker outlived its build"
        while group(worker_pid) and time.monotonic() < deadline + 25:
            time.sleep(0.05)
        assert not group(worker_pid), "the worker's git processes outlived it"
        assert not handover.exists(), "the hand-over folder was left behind"
    finally:
        parent.kill()
        parent.wait()


def test_a_hand_over_folder_of_a_build_that_no_longer_runs_is_removed(tmp_path, monkeypatch):
    import tempfile
    from actionplan.history import read_in_worker
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    orphan = tmp_path / f"actionplan-history-{dead.pid}-abc"
    alive = tmp_path / f"actionplan-history-{os.getpid()}-def"
    orphan.mkdir()
    alive.mkdir()
    read_in_worker._remove_orphaned_handovers()
    assert not orphan.exists() and alive.exists()
