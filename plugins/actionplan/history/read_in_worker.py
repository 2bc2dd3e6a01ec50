"""Read a long history for the first time in a separate process, while the build goes on.

The first read of a long history (no cache yet: a fresh clone in CI) is the slowest step of
a county-sized build, and it leaves hundreds of megabytes behind that Python cannot give
back to the system (freed, but scattered among memory pages still in use). So a separate
`python` process reads it into the cache folder and exits, handing all of that memory back,
while this process loads the data on another core; this process then reads the cache, as
a rebuild does.

Only a first read of a long history goes to a worker. With a checkpoint in memory (`mkdocs
serve`) or in the cache folder, or with few revisions, reading here is quicker than
starting a process.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import IO

from actionplan.history.cache import HistoryCache
from actionplan.history.gitlog import GitError, count_commits
from actionplan.history.model import History
from actionplan.history.split import PARENT_WATCH_THREAD
from actionplan.history.reader import (
    HistoryUnavailable, find_repository, plans_pathspec, read_history,
)

WORKER_FROM = 100  # revisions: below this a first read takes well under a second
_ORPHANED = 4  # the worker's exit status when the build that started it has ended
_RELEASE = b"k"  # the parent's word to the worker: result taken, exit now
_HANDOVER = "actionplan-history-"  # + the parent's pid: a temporary hand-over folder
_PR_SET_PDEATHSIG = 1
_PACKAGE_ROOT = Path(__file__).resolve().parents[2]  # the folder that holds `actionplan`


def _pipes(worker: subprocess.Popen) -> tuple[IO[bytes], IO[bytes]]:
    """The worker's stdin and stdout: `_spawn` opens both as pipes, so neither is None."""
    assert worker.stdin is not None and worker.stdout is not None, "started without pipes"
    return worker.stdin, worker.stdout


class HistoryReading:
    """A read of the history, started at once and finished by `result()`.

    Use it as a context manager (or call `cancel()`), so a build that stops before asking
    for the result does not leave the worker running.
    """

    def __init__(self, repo_root: Path, data_dir: Path, ignore_revs_file: Path | None = None,
                 *, cache: HistoryCache | None = None, worker_from: int | None = None):
        self.repo_root, self.data_dir = repo_root, data_dir
        self.ignore_revs_file = ignore_revs_file
        self.cache = cache or HistoryCache()
        self.process: subprocess.Popen | None = None
        self.handover: Path | None = None  # a temporary cache folder when there is none
        self._start(WORKER_FROM if worker_from is None else worker_from)

    def __enter__(self) -> HistoryReading:
        return self

    def __exit__(self, *exc) -> None:
        self.cancel()

    def result(self) -> History:
        """The history, as `read_history` gives it; raises `HistoryUnavailable` as it does."""
        try:
            if self.process is not None:
                # Not communicate(): closing the worker's stdin unanswered tells it to stop.
                report = _pipes(self.process)[1].read().decode("utf-8", "replace")
                self._release_worker(self.process)  # it exits now, handing its memory back
                status, _, message = report.partition("\n")
                if status == "unavailable":
                    raise HistoryUnavailable(message.strip())
                # Any other failure of the worker: read here, which reports a real problem.
            cache = HistoryCache(self.handover) if self.handover else self.cache
            return read_history(self.repo_root, self.data_dir, self.ignore_revs_file,
                                cache=cache)
        finally:
            self.cancel()

    def _release_worker(self, process: subprocess.Popen) -> None:
        """Tell the worker its result is taken (its folder is this process's to remove)."""
        stdin = _pipes(process)[0]
        try:
            stdin.write(_RELEASE)
            stdin.close()
        except OSError:  # it has already gone
            pass
        process.wait()

    def cancel(self) -> None:
        if self.process is not None:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()
            for pipe in _pipes(self.process):
                pipe.close()
        self.process = None
        if self.handover is not None:
            shutil.rmtree(self.handover, ignore_errors=True)
            self.handover = None

    def _start(self, worker_from: int) -> None:
        try:
            root = find_repository(self.repo_root, self.data_dir)
            pathspec = plans_pathspec(root, self.data_dir)
            if self.cache.has_checkpoint(root, pathspec) or count_commits(
                    root, pathspec) < worker_from:
                return
        except (GitError, HistoryUnavailable):
            return  # `result()` reads here, and says what is wrong
        folder = self.cache.folder
        if folder is None or not _writable(folder):  # the worker hands over through a temp one
            _remove_orphaned_handovers()
            folder = self.handover = Path(tempfile.mkdtemp(prefix=f"{_HANDOVER}{os.getpid()}-"))
        self.process = _spawn(root, self.data_dir, folder, self.handover is not None)


def _writable(folder: Path) -> bool:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(folder, os.W_OK)


def _spawn(root: Path, data_dir: Path, folder: Path,
           handover: bool = False) -> subprocess.Popen | None:
    env = dict(os.environ)
    # The worker imports this very copy of actionplan, installed or not.
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(_PACKAGE_ROOT),
                                                      env.get("PYTHONPATH")]))
    try:
        # stdin is a pipe this process never writes to: it closes when this process ends,
        # however it ends (kill -9 included), and the worker stops then (_end_with_parent).
        return subprocess.Popen(
            [sys.executable, "-m", "actionplan.history.read_in_worker", str(root), str(data_dir),
             str(folder), str(os.getpid()), "handover" if handover else "cache"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            env=env)
    except OSError:
        return None  # no second process here: read in this one


def _remove_orphaned_handovers() -> None:
    """Hand-over folders of builds that no longer run (killed before they could tidy up)."""
    for folder in Path(tempfile.gettempdir()).glob(f"{_HANDOVER}*-*"):
        owner = folder.name.removeprefix(_HANDOVER).split("-")[0]
        if owner.isdigit() and not _running(int(owner)):
            shutil.rmtree(folder, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # someone else's process: running
        return True
    return True


def _work(argv: list[str]) -> int:
    """The worker: read the history into the cache folder, report, and wait to be released.

    It reports on stdout ("done", or "unavailable" and why), closes it, and waits for the
    parent to take the result: then it exits, leaving the folder to the parent. If the
    parent ends first, at any moment, the worker removes a hand-over folder and exits.
    """
    root, data_dir, folder = (Path(arg) for arg in argv[:3])
    _end_with_parent(int(argv[3]), folder if argv[4] == "handover" else None)
    try:
        read_history(root, data_dir, cache=HistoryCache(folder))
        report = "done\n"
    except HistoryUnavailable as error:
        report = f"unavailable\n{error}\n"
    sys.stdout.write(report)
    sys.stdout.flush()
    os.close(sys.stdout.fileno())  # the parent's read ends here
    threading.Event().wait()  # until _watch_parent ends the process
    return 0


def _end_with_parent(parent: int, handover: Path | None) -> None:
    """Stop (removing the hand-over folder, which only the parent would read) as soon as the
    build that started this worker ends: its stdin closes unanswered, or on Linux the kernel
    sends SIGTERM (PR_SET_PDEATHSIG)."""
    def stop(*_args) -> None:
        if handover is not None:
            shutil.rmtree(handover, ignore_errors=True)
        try:
            if hasattr(os, "killpg"):
                os.killpg(0, signal.SIGKILL)  # this worker and the git it runs, all at once
        finally:
            os._exit(_ORPHANED)

    try:
        os.setpgid(0, 0)  # a group of its own, so that `stop` ends its git processes too
    except (OSError, AttributeError):  # AttributeError: not on Windows
        pass
    signal.signal(signal.SIGTERM, stop)
    _ask_for_signal_on_parent_death(signal.SIGTERM)
    if os.getppid() != parent:  # the parent died before the kernel was asked
        stop()
    threading.Thread(target=_watch_parent, args=(stop,), name=PARENT_WATCH_THREAD,
                     daemon=True).start()


def _watch_parent(stop) -> None:
    try:
        answer = sys.stdin.buffer.read(len(_RELEASE))
    except (OSError, ValueError):
        answer = b""
    if answer == _RELEASE:
        os._exit(0)  # the parent has the result, and its folder
    stop()  # stdin closed unanswered: the parent has ended


def _ask_for_signal_on_parent_death(signum: int) -> None:
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signum, 0, 0, 0)
    except (OSError, AttributeError):
        pass  # the stdin watch still ends the worker


if __name__ == "__main__":
    raise SystemExit(_work(sys.argv[1:]))
