"""Every write of a data file: under a lock, checked against what was read, and atomic.

An edit reads a plan file, changes it and writes it back. Two edits at once (or an editor
saving while `actionplan update` runs) would otherwise each write over the other, and a
reader could see a half-written file. So an edit:

1. holds the folder's advisory lock (`fcntl.flock` on the folder itself, so no lock file is
   left among the plans) from its read to its write: edits by actionplan queue up;
2. remembers a fingerprint (SHA-256) of the bytes it read;
3. writes the new text to a temporary file in the same folder, flushed to disk (fsync);
4. refuses, writing nothing, when the file no longer has the fingerprint it was read with (a
   program that does not take the lock changed it meanwhile);
5. renames the temporary file over the old one (`os.replace`, atomic) and syncs the folder,
   so after a crash the file is either the old one or the new one, whole.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from collections.abc import Iterator

from actionplan.durable import sync_folder
from actionplan.problems import DataError, Problem

try:  # POSIX; elsewhere the fingerprint check alone guards against lost edits
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

LOCK_TIMEOUT_SECONDS = 60.0
_held = threading.local()  # folders this thread has locked: a nested edit does not wait on itself


@dataclass(frozen=True)
class ReadSnapshot:
    """A data file's bytes as an edit read them (None: the file did not exist)."""

    path: Path
    raw: bytes | None

    @property
    def fingerprint(self) -> str | None:
        return None if self.raw is None else hashlib.sha256(self.raw).hexdigest()

    @property
    def text(self) -> str:
        return (self.raw or b"").decode("utf-8")


def read_for_edit(path: Path) -> ReadSnapshot:
    """The file's bytes now, to be edited and written back with `commit`."""
    try:
        return ReadSnapshot(path, path.read_bytes())
    except FileNotFoundError:
        return ReadSnapshot(path, None)


def fingerprint(path: Path) -> str | None:
    return read_for_edit(path).fingerprint


@contextmanager
def editing(path: Path, *, display_name: str | None = None,
            timeout: float = LOCK_TIMEOUT_SECONDS) -> Iterator[None]:
    """Hold the edit lock of `path`'s folder (creating the folder if needed) until the end."""
    folder = path.parent.absolute()
    folder.mkdir(parents=True, exist_ok=True)
    held = getattr(_held, "folders", None)
    if held is None:
        held = _held.folders = set()
    if fcntl is None or folder in held:
        yield
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        _lock(handle, timeout, display_name or str(path))
        held.add(folder)
        try:
            yield
        finally:
            held.discard(folder)
    finally:
        os.close(handle)  # closing lets the lock go


def _lock(handle: int, timeout: float, name: str) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            pass  # another edit holds it: wait a little
        except OSError:  # a file system without locks: the fingerprint check still guards
            return
        if time.monotonic() >= deadline:
            raise DataError([Problem(
                name, None, None, "file",
                f"another actionplan command has been changing files in this folder for "
                f"over {timeout:.0f} seconds", "nothing was written: wait for it to "
                "finish, then run this command again")])
        time.sleep(0.02)


def write_temporary(path: Path, text: str) -> Path:
    """`text` in a new temporary file beside `path`, flushed to disk; the caller renames it."""
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(text.encode("utf-8"))
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, _mode_for(path))
    except BaseException as error:
        temporary.unlink(missing_ok=True)
        if isinstance(error, OSError):
            error.filename = str(path)  # the officer's file, not the temporary one
        raise
    return temporary


def commit(temporary: Path, path: Path, *, read: ReadSnapshot, display_name: str) -> None:
    """Rename `temporary` over `path`, unless `path` changed since `read`: then refuse."""
    if fingerprint(path) != read.fingerprint:
        temporary.unlink(missing_ok=True)
        raise DataError([changed_problem(display_name, created=read.raw is None)])
    os.replace(temporary, path)
    sync_folder(path.parent)


@dataclass(frozen=True)
class PendingWrite:
    """A checked temporary file waiting to replace `path` (see `commit_all`)."""

    temporary: Path
    path: Path
    read: ReadSnapshot
    display_name: str


def commit_all(pending: list[PendingWrite]) -> None:
    """Rename every temporary over its file, or none: refuse, writing nothing, when any file
    changed since it was read; if a rename fails midway, put back the files already replaced.
    Hold the lock of every file's folder (`editing`) around the call."""
    try:
        changed = [p for p in pending if fingerprint(p.path) != p.read.fingerprint]
        if changed:
            raise DataError([changed_problem(p.display_name, created=p.read.raw is None)
                             for p in changed])
        done: list[PendingWrite] = []
        try:
            for write in pending:
                os.replace(write.temporary, write.path)
                done.append(write)
        except BaseException:
            for write in reversed(done):
                _put_back(write)
            raise
    finally:
        for write in pending:
            write.temporary.unlink(missing_ok=True)
    for folder in sorted({write.path.parent for write in pending}):
        sync_folder(folder)


def _put_back(write: PendingWrite) -> None:
    """The file as it was read (or no file, if there was none), atomically."""
    if write.read.raw is None:
        write.path.unlink(missing_ok=True)
        return
    handle, name = tempfile.mkstemp(dir=write.path.parent, prefix=f".{write.path.name}.",
                                    suffix=".tmp")
    with os.fdopen(handle, "wb") as out:
        out.write(write.read.raw)
        out.flush()
        os.fsync(out.fileno())
    os.chmod(name, _mode_for(write.path))
    os.replace(name, write.path)


def changed_problem(display_name: str, *, created: bool = False) -> Problem:
    what = ("the file was created by another program while this command was working"
            if created else "the file was changed by another program or command while this "
            "command was working on it")
    return Problem(display_name, None, None, "file", what,
                   "nothing was written and the file keeps the other change: check it, then "
                   "run this command again")


def _mode_for(path: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual ones (0666 less umask)."""
    try:
        return path.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
