"""Build into a staging folder beside the output folder; swap it in only when the build succeeds.

MkDocs empties the output folder at the start of a build and writes into it page by page, so a
build that fails midway (a template error, a full disk, a bug, `--strict` refusing a warning)
would leave a half-written site where the last good one was. Staging keeps the last good site
until a complete new one is ready:

- one build at a time per output folder: a lock (flock) held from the start of the build to
  the end of publishing; a second build is refused with a message;
- each build stages into a folder of its own (`.site.actionplan-new-XXXX`);
- the new site takes the old one's place in one step: an atomic exchange of the two folders
  (Linux `renameat2(RENAME_EXCHANGE)`), or where that is missing two renames, the old site kept
  as `.site.actionplan-old` until the new one is in place. A symlinked output folder keeps its
  link: the exchange happens at the folder it points to;
- the old site is deleted only after the new one is in place; leftovers of a killed build are
  recovered (a retired site with no site in its place is put back) or deleted only when a
  whole site is in place;
- a mount point cannot be renamed: its new site is staged inside it (same file system) and
  moved in entry by entry, each move a rename (no copy that a full disk could cut short).

Plain file-system work: nothing here imports MkDocs. Failures are `PublishError`, one line.
"""

from __future__ import annotations

import ctypes
import errno
import os
import secrets
import shutil
import stat
import sys
import tempfile
from pathlib import Path

from actionplan.durable import sync_folder

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no lock, the rest still holds
    fcntl = None  # type: ignore[assignment]

STAGING_SUFFIX = ".actionplan-new"
RETIRED_SUFFIX = ".actionplan-old"
LOCK_SUFFIX = ".actionplan-lock"


class PublishError(Exception):
    """Publishing could not go ahead or finish; the last good site is whole. One line."""


class SiteBusy(PublishError):
    """Another build is writing the same output folder."""


class StagedSiteDir:
    """The output folder `target`, its lock and its staging sibling."""

    def __init__(self, target: Path):
        self.target = Path(target).absolute()
        # A link keeps pointing where it points; the swap happens at the real folder.
        self.real = Path(os.path.realpath(self.target))
        self.mounted = os.path.ismount(self.real)
        base = self.real if self.mounted else self.real.parent
        prefix = "" if self.mounted else f".{self.real.name}"
        self._base, self._prefix = base, prefix
        self.lock_file = base / f"{prefix}{LOCK_SUFFIX}"
        self.staging: Path | None = None
        self._lock_handle: int | None = None
        self.notes: list[str] = []  # what recovery did, for the build log

    # --- the build's life: prepare, then publish or discard --------------------------------

    def prepare(self) -> Path:
        """Lock the output folder, recover a killed build's site, and make an empty staging
        folder of this build's own; returns its path."""
        try:
            self._base.mkdir(parents=True, exist_ok=True)
            self._lock()
            self._recover()
            staging = tempfile.mkdtemp(dir=self._base, prefix=f"{self._prefix}{STAGING_SUFFIX}-")
            os.chmod(staging, _folder_mode())  # mkdtemp's 0700 would hide the site from a server
        except OSError as error:
            self.release()
            raise PublishError(f"cannot prepare a staging folder beside {self.target}: "
                               f"{_reason(error)}; the last good site is unchanged") from None
        self.staging = Path(staging)
        return self.staging

    def discard(self) -> None:
        """Throw the staged build away: the target keeps the last good site."""
        try:
            if self.staging is not None:
                _remove(self.staging)
        except OSError:
            pass  # a leftover, deleted by the next build once its site is in place
        finally:
            self.release()

    def publish(self) -> None:
        """Put the staged build in the target's place; then delete the old site."""
        try:
            staging = self.staging
            if staging is None or not staging.is_dir():
                return
            if self.mounted:
                self._publish_into_mount(staging)
            else:
                self._swap(staging)
            self._tidy()
        except OSError as error:
            self.discard()
            raise PublishError(f"cannot put the new site in place of {self.target}: "
                               f"{_reason(error)}; the last good site is unchanged") from None
        finally:
            self.release()

    # --- steps -----------------------------------------------------------------------------

    def _swap(self, staging: Path) -> None:
        if not self.real.exists():
            os.rename(staging, self.real)
        elif exchange(staging, self.real):
            pass  # one atomic step: the staging name now holds the old site
        else:
            # Two renames; a build killed between them is recovered from `retired`.
            retired = self._base / f"{self._prefix}{RETIRED_SUFFIX}-{secrets.token_hex(4)}"
            os.rename(self.real, retired)
            try:
                os.rename(staging, self.real)
            except OSError:
                os.rename(retired, self.real)
                raise
        sync_folder(self._base)

    def _publish_into_mount(self, staging: Path) -> None:
        retired = Path(tempfile.mkdtemp(dir=self._base, prefix=f"{self._prefix}{RETIRED_SUFFIX}-"))
        moves: list[tuple[Path, Path]] = []
        try:
            for entry in self._site_entries():
                _move(entry, retired / entry.name, moves)
            for entry in list(staging.iterdir()):
                _move(entry, self.real / entry.name, moves)
        except OSError:
            for source, destination in reversed(moves):  # undo: the old site back as it was
                os.rename(destination, source)
            raise
        sync_folder(self._base)

    def _recover(self) -> None:
        """A site retired by a build killed mid-swap, with none in its place, is put back."""
        # The last one retired (a rename sets its ctime) is the newest whole site.
        retired = sorted(self._leftovers(RETIRED_SUFFIX), key=lambda p: p.stat().st_ctime)
        if self.mounted or not retired or os.path.lexists(self.real):
            return
        os.rename(retired[-1], self.real)
        self.notes.append(f"put back the last good site from {retired[-1].name}, left by a "
                          "build that was stopped while publishing")

    def _tidy(self) -> None:
        """Delete the old site and any leftovers: a whole site is in place by now."""
        for leftover in self._leftovers(RETIRED_SUFFIX) + self._leftovers(STAGING_SUFFIX):
            if leftover == self.real:
                continue
            try:
                _remove(leftover)
            except OSError as error:
                self.notes.append(f"could not delete the previous site {leftover} "
                                  f"({_reason(error)}); delete it by hand")
        self.staging = None

    def _leftovers(self, suffix: str) -> list[Path]:
        name = f"{self._prefix}{suffix}"
        return sorted(p for p in self._base.iterdir()
                      if p.name == name or p.name.startswith(name + "-"))

    def _site_entries(self) -> list[Path]:
        ours = (STAGING_SUFFIX, RETIRED_SUFFIX, LOCK_SUFFIX)
        return [p for p in self.real.iterdir()
                if not any(p.name.startswith(f"{self._prefix}{s}") for s in ours)]

    # --- the lock ----------------------------------------------------------------------------

    def _lock(self) -> None:
        if fcntl is None or self._lock_handle is not None:
            return
        while True:
            handle = os.open(self.lock_file, os.O_CREAT | os.O_RDWR, 0o644)
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(handle)
                raise SiteBusy(f"another build is writing {self.target} now: wait for it to "
                               "finish, then build again (the last good site is unchanged)"
                               ) from None
            # The holder before us may have deleted the file: then lock the new one instead.
            if _same_file(handle, self.lock_file):
                self._lock_handle = handle
                return
            os.close(handle)

    def release(self) -> None:
        if self._lock_handle is None:
            return
        try:
            self.lock_file.unlink(missing_ok=True)
        except OSError:
            pass
        fcntl.flock(self._lock_handle, fcntl.LOCK_UN)
        os.close(self._lock_handle)
        self._lock_handle = None


def _move(source: Path, destination: Path, moves: list[tuple[Path, Path]]) -> None:
    os.rename(source, destination)
    moves.append((source, destination))


def exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one atomic step; False where the system cannot (then nothing moved)."""
    renameat2 = getattr(_libc(), "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):  # not on this file system
        return False
    raise OSError(code, os.strerror(code), str(b))


def _libc():
    try:
        return ctypes.CDLL(None, use_errno=True)
    except OSError:  # pragma: no cover - no C library to ask
        return None


def _same_file(handle: int, path: Path) -> bool:
    try:
        here = os.stat(path)
    except FileNotFoundError:
        return False
    mine = os.fstat(handle)
    return (mine.st_dev, mine.st_ino) == (here.st_dev, here.st_ino)


def _remove(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.is_dir():
        if sys.version_info >= (3, 12):
            shutil.rmtree(path, onexc=_writable_then_retry)
        else:
            shutil.rmtree(path, onerror=_writable_then_retry)


def _writable_then_retry(function, path, _info) -> None:
    # A read-only folder inside the old site: make its parent writable, then try once more.
    parent = os.path.dirname(path)
    os.chmod(parent, os.stat(parent).st_mode | stat.S_IWUSR | stat.S_IXUSR)
    if os.path.isdir(path) and not os.path.islink(path):
        os.chmod(path, os.stat(path).st_mode | stat.S_IWUSR | stat.S_IXUSR | stat.S_IRUSR)
    function(path)


def _folder_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o777 & ~umask


def _reason(error: OSError) -> str:
    where = f" ({error.filename})" if error.filename else ""
    return f"{error.strerror or error}{where}"
