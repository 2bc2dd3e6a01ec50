"""Read the revisions of the data folder from git: one `git log` pass, one `git cat-file`.

Only the `git` command is used (through subprocess): it is on every CI runner, and one
`git log --raw` plus one `git cat-file --batch` reads thousands of revisions in well under
a second, where Python git libraries took seconds (see the project's field notes).

History follows the first parent, as `git log --first-parent` does: a merge counts as one
revision holding everything it brought into the main line, which is when it was published.
"""

from __future__ import annotations

import queue
import subprocess
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Iterator

from actionplan.history.model import Revision

_RECORD = "\x1e"
_FIELD = "\x1f"
_REASONS = "\x1d"
# Hash, committer date (strict ISO 8601, with the committer's offset) and Change-reason
# trailers, which git itself finds with `interpret-trailers` rules (folded lines unfolded).
_FORMAT = (f"{_RECORD}%H{_FIELD}%cI{_FIELD}"
           f"%(trailers:key=Change-reason,valueonly,unfold,separator=%x1d){_FIELD}")
_ZERO = "0" * 40
_AHEAD = 64 * 1024 * 1024  # how many bytes of blobs git may read ahead of their use


class GitError(Exception):
    """git could not be run, or the folder is not in a repository."""


class NotARepository(GitError):
    """The folder is not inside a git repository."""


@dataclass(frozen=True)
class FileChange:
    """One file under the data folder as a commit left it: its new blob, or None if deleted."""

    path: str
    blob: str | None


@dataclass(frozen=True)
class Commit:
    revision: Revision
    changes: tuple[FileChange, ...]


def run_git(repo: Path, *args: str, input: bytes | None = None) -> bytes:
    """Run one git command in `repo`; raise GitError with git's own message on failure."""
    try:
        done = subprocess.run(["git", "-C", str(repo), *args], input=input,
                              capture_output=True, check=False)
    except FileNotFoundError:
        raise GitError("the git command was not found; install git") from None
    if done.returncode != 0:
        # git's whole message: "fatal: ..." is often followed by the command that fixes it.
        lines = done.stderr.decode("utf-8", "replace").split("\n")
        message = " ".join(line.strip().removeprefix("hint: ") for line in lines if line.strip())
        raise GitError(message[:600] or f"git {args[0]} failed")
    return done.stdout


def repository_root(folder: Path) -> Path:
    """The top folder of the git repository holding `folder`; GitError when there is none."""
    try:
        out = run_git(folder, "rev-parse", "--show-toplevel")
    except GitError as error:
        if "not a git repository" in str(error).lower():
            raise NotARepository(f"{folder} is not inside a git repository") from None
        raise
    return Path(out.decode("utf-8").strip())


def is_shallow(repo: Path) -> bool:
    return run_git(repo, "rev-parse", "--is-shallow-repository").strip() == b"true"


def head_commit(repo: Path) -> str | None:
    """The commit checked out, or None in a repository with no commit yet."""
    try:
        return run_git(repo, "rev-parse", "--verify", "--quiet", "HEAD^{commit}").decode().strip()
    except GitError:
        return None


def read_commits(repo: Path, pathspec: str) -> list[Commit]:
    """Every first-parent commit that changed files under `pathspec`, oldest first."""
    if head_commit(repo) is None:
        return []
    out = run_git(repo, "log", "-z", "--raw", "--no-abbrev", "--no-renames", "--first-parent",
                  "-m", "--reverse", "--no-color", "--no-ext-diff", f"--format={_FORMAT}",
                  "HEAD", "--", pathspec)
    return parse_log(out.decode("utf-8", "surrogateescape"))


def parse_log(text: str) -> list[Commit]:
    """Parse `git log -z --raw` output in the format above.

    With -z every header and every raw field ends with NUL: a header starts with the record
    mark, a raw line with ":" (and names the file in the next field).
    """
    commits: list[Commit] = []
    tokens = iter(text.split("\0"))
    revision: Revision | None = None
    changes: list[FileChange] = []
    for token in tokens:
        token = token.lstrip("\n")
        if token.startswith(_RECORD):
            if revision is not None:
                commits.append(Commit(revision, tuple(changes)))
            revision, changes = _header(token[1:]), []
        elif token.startswith(":"):
            changes.append(_raw_change(token, next(tokens)))
    if revision is not None:
        commits.append(Commit(revision, tuple(changes)))
    return commits


def _header(text: str) -> Revision:
    commit, date, reasons = text.split(_FIELD)[:3]
    reason = "; ".join(r.strip() for r in reasons.split(_REASONS) if r.strip()) or None
    return Revision(commit=commit, date=datetime.fromisoformat(date), reason=reason)


def _raw_change(meta: str, path: str) -> FileChange:
    # ":old_mode new_mode old_blob new_blob status"; a new mode of 000000 means deleted.
    _, new_mode, _, new_blob, _ = meta[1:].split(" ", 4)
    regular = new_mode.startswith("100")  # not a symlink (120000) or submodule (160000)
    return FileChange(path, new_blob if regular and new_blob != _ZERO else None)


def read_blobs(repo: Path, blobs: list[str]) -> dict[str, bytes]:
    """The content of each blob, read by one `git cat-file --batch` process."""
    if not blobs:
        return {}
    out = run_git(repo, "cat-file", "--batch", input="".join(b + "\n" for b in blobs).encode())
    found: dict[str, bytes] = {}
    position = 0
    while position < len(out):
        end = out.index(b"\n", position)
        header = out[position:end].decode().split()
        position = end + 1
        if len(header) < 3:  # "<sha> missing": absent from a partial clone
            continue
        size = int(header[2])
        found[header[0]] = out[position:position + size]
        position += size + 1
    return found


def stream_blobs(repo: Path, blobs: list[str]) -> Iterator[tuple[str, bytes | None]]:
    """(hash, content) of each blob in order (None: not in this clone), from one
    `git cat-file --batch` that runs ahead of the caller in its own process.

    git inflates the next blobs while the caller parses this one; a thread moves them out of
    the pipe, holding at most about `_AHEAD` bytes. Close the generator when done, so that
    git is stopped if the caller stops early.
    """
    if not blobs:
        return
    try:
        process = subprocess.Popen(["git", "-C", str(repo), "cat-file", "--batch"],
                                   stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE)
    except FileNotFoundError:
        raise GitError("the git command was not found; install git") from None
    ready: queue.Queue = queue.Queue()
    window = _Window(_AHEAD)
    threads = [threading.Thread(target=_send, args=(process.stdin, blobs), daemon=True),
               threading.Thread(target=_receive, args=(process.stdout, len(blobs), ready,
                                                       window), daemon=True)]
    for thread in threads:
        thread.start()
    try:
        for _ in blobs:
            item = ready.get()
            if item is None:
                process.wait()
                message = process.stderr.read().decode("utf-8", "replace").strip()
                raise GitError(message[:600] or "git cat-file stopped early")
            window.release(len(item[1] or b""))
            yield item
    finally:
        window.close()
        if process.poll() is None:
            process.kill()
        process.wait()
        for thread in threads:
            thread.join(timeout=5)
        process.stdout.close()
        process.stderr.close()


class _Window:
    """Bytes handed from the reading thread and not yet taken: at most `limit` (or one blob)."""

    def __init__(self, limit: int):
        self.limit, self.held, self.closed = limit, 0, False
        self.changed = threading.Condition()

    def reserve(self, size: int) -> bool:
        """Wait for room for `size` bytes; False once the window is closed."""
        with self.changed:
            while self.held and self.held + size > self.limit and not self.closed:
                self.changed.wait()
            self.held += size
            return not self.closed

    def release(self, size: int) -> None:
        with self.changed:
            self.held -= size
            self.changed.notify()

    def close(self) -> None:
        with self.changed:
            self.closed = True
            self.changed.notify()


def _send(stdin, blobs: list[str]) -> None:
    try:
        stdin.write("".join(b + "\n" for b in blobs).encode())
        stdin.close()
    except (OSError, ValueError):
        pass  # git stopped: the reading side reports it


def _receive(stdout, count: int, ready: queue.Queue, window: _Window) -> None:
    """Move `count` answers from git's output to `ready`; None there if git stops early."""
    try:
        for _ in range(count):
            header = stdout.readline().split()
            if len(header) == 2 and header[1] == b"missing":  # absent from a partial clone
                ready.put((header[0].decode(), None))
                continue
            if len(header) != 3 or not window.reserve(int(header[2])):
                break
            content = stdout.read(int(header[2]))
            if len(content) != int(header[2]) or stdout.read(1) != b"\n":
                break
            ready.put((header[0].decode(), content))
        else:
            return
    except (OSError, ValueError):
        pass
    ready.put(None)
