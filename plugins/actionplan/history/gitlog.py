"""Read the revisions of the data folder from git: one `git log` pass, one `git cat-file`.

Only the `git` command is used (through subprocess): it is on every CI runner, and one
`git log --raw` plus one `git cat-file --batch` reads thousands of revisions in well under
a second, where Python git libraries took seconds (see the project's field notes).

History follows the first parent, as `git log --first-parent` does: a merge counts as one
revision holding everything it brought into the main line, which is when it was published.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from collections.abc import Generator

from actionplan.history.messages import message_facts
from actionplan.history.model import Revision

if sys.platform == "win32":  # Windows: pipes keep their size
    fcntl = None
else:
    import fcntl  # to let git write further ahead (Linux)

_RECORD = "\x1e"
_FIELD = "\x1f"
_REASONS = "\x1d"
# Hash, committer date (strict ISO 8601, with the committer's offset), parents, the
# Change-reason trailers git itself finds with `interpret-trailers` rules (folded lines
# unfolded), and the whole message, last (it may hold anything but NUL): messages.py reads
# the reasons that publishing tools put elsewhere.
_FORMAT = (f"{_RECORD}%H{_FIELD}%cI{_FIELD}%P{_FIELD}"
           f"%(trailers:key=Change-reason,valueonly,unfold,separator=%x1d){_FIELD}%B{_FIELD}")
_ZERO = "0" * 40
_PIPE_BYTES = 1 << 20  # how far git may write ahead of the reader
# git maps its pack files into memory in windows of up to 1 GB (on 64-bit): reading every
# version of a county's plans kept 240 MB of the pack resident. Small windows take as
# long (measured: 2.2 s for 1,885 versions either way) and keep 40 MB.
_SMALL_PACK_WINDOWS = ("-c", "core.packedGitWindowSize=16m", "-c", "core.packedGitLimit=64m")


class GitError(Exception):
    """git could not be run, or the folder is not in a repository."""


class NotARepository(GitError):
    """The folder is not inside a git repository."""


@dataclass(frozen=True)
class FileChange:
    """One file under the data folder as a commit left it: its new blob, or None if deleted;
    `before`, the blob it replaced (None: the file is new)."""

    path: str
    blob: str | None
    before: str | None = None


@dataclass(frozen=True)
class Commit:
    revision: Revision
    changes: tuple[FileChange, ...]
    parents: tuple[str, ...] = ()

    @property
    def is_merge(self) -> bool:
        return len(self.parents) > 1


def run_git(repo: Path, *args: str, input: bytes | None = None) -> bytes:
    """Run one git command in `repo`; raise GitError with git's own message on failure."""
    try:
        done = subprocess.run(["git", "-C", str(repo), *args], input=input,
                              capture_output=True, check=False)
    except FileNotFoundError:
        raise GitError("the git command was not found; install git") from None
    if done.returncode != 0:
        raise GitError(_message(done.stderr, args))
    return done.stdout


def _message(stderr: bytes, args: tuple[str, ...]) -> str:
    # git's whole message: "fatal: ..." is often followed by the command that fixes it.
    lines = stderr.decode("utf-8", "replace").split("\n")
    message = " ".join(line.strip().removeprefix("hint: ") for line in lines if line.strip())
    command = args[len(_SMALL_PACK_WINDOWS):] if args[:1] == ("-c",) else args
    return message[:600] or f"git {command[0]} failed"


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


def count_commits(repo: Path, pathspec: str) -> int:
    """How many first-parent commits changed files under `pathspec` (0 with no commit)."""
    if head_commit(repo) is None:
        return 0
    return int(run_git(repo, "rev-list", "--count", "--first-parent", "HEAD", "--", pathspec))


def read_commits(repo: Path, pathspec: str) -> list[Commit]:
    """Every first-parent commit that changed files under `pathspec`, oldest first."""
    return CommitReading(repo, pathspec).result().commits()


class CommitReading:
    """`read_commits`, started now and finished by `result()`: git runs while the caller
    does other work (a rebuild reads its cache meanwhile)."""

    def __init__(self, repo: Path, pathspec: str):
        self.args = ("log", "-z", "--raw", "--no-abbrev", "--no-renames", "--first-parent",
                     "-m", "--reverse", "--no-color", "--no-ext-diff", f"--format={_FORMAT}",
                     "HEAD", "--", pathspec)
        self.process = None
        if head_commit(repo) is not None:
            try:
                self.process = subprocess.Popen(["git", "-C", str(repo), *self.args],
                                                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                                stderr=subprocess.PIPE)
            except FileNotFoundError:
                raise GitError("the git command was not found; install git") from None
            _enlarge(self.process.stdout)  # so git runs ahead to the end of a long log

    def result(self) -> CommitLog:
        if self.process is None:
            return CommitLog("")
        out, err = self.process.communicate()
        if self.process.returncode != 0:
            raise GitError(_message(err, self.args))
        return CommitLog(out.decode("utf-8", "surrogateescape"))


def read_merged_commits(repo: Path, pathspec: str, merge: Commit) -> list[Commit]:
    """The commits a merge brought in that changed files under `pathspec`, oldest first:
    those reachable from its other parents and not from its first. Merges among them are
    left out (they bring in what the branches they merge already hold)."""
    first, *others = merge.parents
    out = run_git(repo, "log", "-z", "--raw", "--no-abbrev", "--no-renames", "--no-merges",
                  "--topo-order", "--reverse", "--no-color", "--no-ext-diff",
                  f"--format={_FORMAT}", *others, f"^{first}", "--", pathspec)
    return parse_log(out.decode("utf-8", "surrogateescape"))


def parse_log(text: str) -> list[Commit]:
    """Parse `git log -z --raw` output in the format above."""
    return CommitLog(text).commits()


class CommitLog:
    """`git log -z --raw` output in the format above, cut into commits.

    The hashes are read at once; a commit's message and file changes only when it is asked
    for, as reading a message takes far longer than finding its hash, and a rebuild with no
    new commit needs nothing but the hashes.

    With -z every header and every raw field ends with NUL: a header starts with the record
    mark, a raw line with ":" (and names the file in the next field).
    """

    def __init__(self, text: str):
        self.hashes: list[str] = []
        self._records: list[tuple[str, list[tuple[str, str]]]] = []  # header, raw changes
        tokens = iter(text.split("\0"))
        for token in tokens:
            token = token.lstrip("\n")
            if token.startswith(_RECORD):
                self._records.append((token[1:], []))
                self.hashes.append(token[1:].split(_FIELD, 1)[0])
            elif token.startswith(":"):
                change = (token, next(tokens))
                if self._records:
                    self._records[-1][1].append(change)

    def commits(self, start: int = 0) -> list[Commit]:
        """The commits from the `start`th on, oldest first."""
        commits = []
        for header, raw in self._records[start:]:
            revision, parents = _header(header)
            commits.append(Commit(revision, tuple(_raw_change(meta, path) for meta, path in raw),
                                  parents))
        return commits


def _header(text: str) -> tuple[Revision, tuple[str, ...]]:
    commit, date, parent_list, reasons, body = text.split(_FIELD, 4)
    parents = tuple(parent_list.split())
    facts = message_facts(body[:body.rfind(_FIELD)] if _FIELD in body else body, reasons.split(_REASONS), len(parents) > 1)
    return Revision(commit=commit, date=datetime.fromisoformat(date), reason=facts.reason,
                    change_type=facts.change_type, undoes=facts.undoes), parents


def _raw_change(meta: str, path: str) -> FileChange:
    # ":old_mode new_mode old_blob new_blob status"; a new mode of 000000 means deleted.
    old_mode, new_mode, old_blob, new_blob, _ = meta[1:].split(" ", 4)
    regular = new_mode.startswith("100")  # not a symlink (120000) or submodule (160000)
    was_regular = old_mode.startswith("100")
    return FileChange(path, new_blob if regular and new_blob != _ZERO else None,
                      old_blob if was_regular and old_blob != _ZERO else None)


def read_blobs(repo: Path, blobs: list[str]) -> dict[str, bytes]:
    """The content of each blob, read by one `git cat-file --batch` process."""
    if not blobs:
        return {}
    out = run_git(repo, *_SMALL_PACK_WINDOWS, "cat-file", "--batch",
                  input="".join(b + "\n" for b in blobs).encode())
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


def stream_blobs(repo: Path, blobs: list[str]
                 ) -> Generator[tuple[str, bytes | None], None, None]:
    """(hash, content) of each blob in order (None: not in this clone), from one
    `git cat-file --batch` that runs ahead of the caller in its own process.

    git inflates the next blob into the pipe (made as large as the system allows) while the
    caller parses this one. Close the generator when done, so that git is stopped if the
    caller stops early.
    """
    if not blobs:
        return
    try:
        process = subprocess.Popen(["git", "-C", str(repo), *_SMALL_PACK_WINDOWS, "cat-file",
                                    "--batch"],
                                   stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, bufsize=_PIPE_BYTES)
    except FileNotFoundError:
        raise GitError("the git command was not found; install git") from None
    # All three are opened as pipes just above, so none is None.
    assert process.stdin and process.stdout and process.stderr, "git started without pipes"
    _enlarge(process.stdout)
    # A thread writes the names: git stops reading them while its output is not read.
    writer = threading.Thread(target=_send, args=(process.stdin, blobs), daemon=True)
    writer.start()
    try:
        for _ in blobs:
            item = _receive(process.stdout)
            if item is None:
                process.wait()
                message = process.stderr.read().decode("utf-8", "replace").strip()
                raise GitError(message[:600] or "git cat-file stopped early")
            yield item
    finally:
        if process.poll() is None:
            process.kill()
        process.wait()
        writer.join(timeout=5)
        process.stdout.close()
        process.stderr.close()


def _enlarge(pipe) -> None:
    """Let git write up to _PIPE_BYTES ahead (Linux; elsewhere the pipe keeps its size)."""
    if fcntl is None:
        return
    try:
        fcntl.fcntl(pipe.fileno(), getattr(fcntl, "F_SETPIPE_SZ", 1031), _PIPE_BYTES)
    except OSError:
        pass  # more than the system allows: the pipe keeps its size


def _send(stdin, blobs: list[str]) -> None:
    try:
        stdin.write("".join(b + "\n" for b in blobs).encode())
        stdin.close()
    except (OSError, ValueError):
        pass  # git stopped: the reading side reports it


def _receive(stdout) -> tuple[str, bytes | None] | None:
    """The next answer of `git cat-file --batch`, or None if git stopped."""
    header = stdout.readline().split()
    if len(header) == 2 and header[1] == b"missing":  # absent from a partial clone
        return header[0].decode(), None
    if len(header) != 3:
        return None
    size = int(header[2])
    content = stdout.read(size)
    if len(content) != size or stdout.read(1) != b"\n":
        return None
    return header[0].decode(), content
