"""Remember history already read, so a rebuild with no new commit reads no file from git.

Two layers, both keyed by content that git makes immutable:

- a checkpoint: the commits processed so far (by hash), the history they gave, and which
  version (blob) of each plan file was in use after the last one. It is kept in memory (for
  `mkdocs serve`) and as JSON in a cache folder (for the next `mkdocs build`). When the
  commits in git start with the checkpoint's, only the new ones are read; when history was
  rewritten (a rebase), everything is read again.
- parsed plan files by blob hash, in memory, so resuming does not parse a version twice.

Cached data is tagged with a fingerprint of the code that made it (loader, schema, model,
diff), so changing that code never serves stale wording.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

import orjson

from actionplan.history import serialize
from actionplan.history.model import History
from actionplan.model import Plan
from actionplan.problems import Problem

_PACKAGE = Path(__file__).resolve().parents[1]
_CODE = ("history/*.py", "load/*.py", "validate/*.py", "model/*.py", "schema/*.json")
_PARSED_LIMIT = 64


@dataclass
class Checkpoint:
    """Where reading stopped: the commits read, their history, the plan files then in use."""

    commits: list[str] = field(default_factory=list)
    history: History = field(default_factory=History)
    state: dict[str, str] = field(default_factory=dict)  # path -> blob in use


_fingerprint: str | None = None


def code_fingerprint() -> str:
    """A digest of the code whose output is cached."""
    global _fingerprint
    if _fingerprint is None:
        digest = hashlib.blake2b(digest_size=12)
        for pattern in _CODE:
            for path in sorted(_PACKAGE.glob(pattern)):
                digest.update(path.name.encode() + b"\0" + path.read_bytes())
        _fingerprint = digest.hexdigest()
    return _fingerprint


class HistoryCache:
    """Checkpoints in memory and, when `folder` is given, on disk."""

    _memory: dict[tuple[str, str], Checkpoint] = {}
    _parsed: OrderedDict[tuple[str, str], tuple[Plan | None, list[Problem]]] = OrderedDict()

    def __init__(self, folder: Path | None = None):
        self.folder = folder

    def load(self, repo: Path, pathspec: str) -> Checkpoint | None:
        key = (str(repo), pathspec)
        if key in self._memory:
            return self._memory[key]
        checkpoint = self._read_disk(pathspec)
        if checkpoint is not None:
            self._memory[key] = checkpoint
        return checkpoint

    def save(self, repo: Path, pathspec: str, checkpoint: Checkpoint) -> None:
        self._memory[(str(repo), pathspec)] = checkpoint
        if self.folder is not None:
            self._write_disk(pathspec, checkpoint)

    def has_checkpoint(self, repo: Path, pathspec: str) -> bool:
        """Whether a checkpoint made by this code is in memory or (unread) in the folder."""
        return ((str(repo), pathspec) in self._memory
                or (self.folder is not None and self._file(pathspec).is_file()))

    def parsed(self, blob: str, path: str):
        found = self._parsed.get((blob, path))
        if found is not None:
            self._parsed.move_to_end((blob, path))
        return found

    def remember_parsed(self, blob: str, path: str, result) -> None:
        self._parsed[(blob, path)] = result
        while len(self._parsed) > _PARSED_LIMIT:
            self._parsed.popitem(last=False)

    @classmethod
    def forget_all(cls) -> None:
        """Empty the in-memory layer (tests and benchmarks measure a cold read with it),
        including the parts of plan files the parser remembers between versions."""
        from actionplan.history import parse  # here: parse imports the build's own code
        cls._memory.clear()
        cls._parsed.clear()
        parse.forget()

    def _file(self, pathspec: str) -> Path:
        # Named by the code too, so whether a checkpoint exists is known without reading it.
        return self.folder / f"{self._prefix(pathspec)}{code_fingerprint()}.json"

    @staticmethod
    def _prefix(pathspec: str) -> str:
        return f"history-{hashlib.blake2b(pathspec.encode(), digest_size=8).hexdigest()}-"

    def _read_disk(self, pathspec: str) -> Checkpoint | None:
        if self.folder is None:
            return None
        try:
            data = orjson.loads(self._file(pathspec).read_bytes())
            if data.get("code") != code_fingerprint() or data.get("pathspec") != pathspec:
                return None
            return Checkpoint(commits=list(data["commits"]),
                              history=serialize.history_from_rows(data["history"]),
                              state=dict(data["state"]))
        except (OSError, ValueError, KeyError, TypeError, IndexError):
            return None  # no cache yet, or a damaged one: read from git instead

    def _write_disk(self, pathspec: str, checkpoint: Checkpoint) -> None:
        data = {"code": code_fingerprint(), "pathspec": pathspec, "commits": checkpoint.commits,
                "history": serialize.history_to_rows(checkpoint.history),
                "state": checkpoint.state}
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            # Write then rename, so a build that stops half-way never leaves a torn file.
            handle, temporary = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
            with os.fdopen(handle, "wb") as out:
                out.write(orjson.dumps(data))
            os.replace(temporary, self._file(pathspec))
            for stale in self.folder.glob(f"{self._prefix(pathspec)}*.json"):
                if stale != self._file(pathspec):  # made by earlier code: never read again
                    stale.unlink(missing_ok=True)
        except OSError:
            pass  # a read-only checkout still builds; it just reads history again next time
