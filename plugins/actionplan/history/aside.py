"""Read a long history for the first time in a separate process, while the build goes on.

The first read of a long history (no cache yet: a fresh clone in CI) is the slowest step of
a county-sized build, and it leaves hundreds of megabytes behind that Python cannot give
back to the system (freed, but scattered among memory pages still in use). So a separate
`python` process reads it into the cache folder and exits, handing all of that memory back,
while this process loads the data on another core; this process then reads the cache, as
a rebuild does.

Only a first read of a long history goes aside. With a checkpoint in memory (`mkdocs
serve`) or in the cache folder, or with few revisions, reading here is quicker than
starting a process.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from actionplan.history.cache import HistoryCache
from actionplan.history.gitlog import GitError, count_commits
from actionplan.history.model import History
from actionplan.history.reader import (
    HistoryUnavailable, find_repository, plans_pathspec, read_history,
)

ASIDE_FROM = 100  # revisions: below this a first read takes well under a second
_UNAVAILABLE = 3  # the worker's exit status when the history cannot be read (message on stdout)
_PACKAGE_ROOT = Path(__file__).resolve().parents[2]  # the folder that holds `actionplan`


class HistoryReading:
    """A read of the history, started at once and finished by `result()`.

    Use it as a context manager (or call `cancel()`), so a build that stops before asking
    for the result does not leave the worker running.
    """

    def __init__(self, repo_root: Path, data_dir: Path, ignore_revs_file: Path | None = None,
                 *, cache: HistoryCache | None = None, aside_from: int | None = None):
        self.repo_root, self.data_dir = repo_root, data_dir
        self.ignore_revs_file = ignore_revs_file
        self.cache = cache or HistoryCache()
        self.process: subprocess.Popen | None = None
        self.handover: Path | None = None  # a temporary cache folder when there is none
        self._start(ASIDE_FROM if aside_from is None else aside_from)

    def __enter__(self) -> HistoryReading:
        return self

    def __exit__(self, *exc) -> None:
        self.cancel()

    def result(self) -> History:
        """The history, as `read_history` gives it; raises `HistoryUnavailable` as it does."""
        try:
            if self.process is not None:
                message, _ = self.process.communicate()
                if self.process.returncode == _UNAVAILABLE:
                    raise HistoryUnavailable(message.decode("utf-8", "replace").strip())
                # Any other failure of the worker: read here, which reports a real problem.
            cache = HistoryCache(self.handover) if self.handover else self.cache
            return read_history(self.repo_root, self.data_dir, self.ignore_revs_file,
                                cache=cache)
        finally:
            self.cancel()

    def cancel(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.process = None
        if self.handover is not None:
            shutil.rmtree(self.handover, ignore_errors=True)
            self.handover = None

    def _start(self, aside_from: int) -> None:
        try:
            root = find_repository(self.repo_root, self.data_dir)
            pathspec = plans_pathspec(root, self.data_dir)
            if self.cache.has_checkpoint(root, pathspec) or count_commits(
                    root, pathspec) < aside_from:
                return
        except (GitError, HistoryUnavailable):
            return  # `result()` reads here, and says what is wrong
        folder = self.cache.folder
        if folder is None or not _writable(folder):  # the worker hands over through a temp one
            folder = self.handover = Path(tempfile.mkdtemp(prefix="actionplan-history-"))
        self.process = _spawn(root, self.data_dir, folder)


def _writable(folder: Path) -> bool:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(folder, os.W_OK)


def _spawn(root: Path, data_dir: Path, folder: Path) -> subprocess.Popen | None:
    env = dict(os.environ)
    # The worker imports this very copy of actionplan, installed or not.
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(_PACKAGE_ROOT),
                                                      env.get("PYTHONPATH")]))
    try:
        return subprocess.Popen(
            [sys.executable, "-m", "actionplan.history.aside", str(root), str(data_dir),
             str(folder)],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            env=env)
    except OSError:
        return None  # no second process here: read in this one


def _work(argv: list[str]) -> int:
    """The worker: read the history into the cache folder; nothing else is kept."""
    root, data_dir, folder = (Path(arg) for arg in argv)
    try:
        read_history(root, data_dir, cache=HistoryCache(folder))
    except HistoryUnavailable as error:
        print(error)
        return _UNAVAILABLE
    return 0


if __name__ == "__main__":
    raise SystemExit(_work(sys.argv[1:]))
