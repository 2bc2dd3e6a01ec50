"""Remember history already read, so a rebuild with no new commit reads no file from git.

Two layers, both keyed by content that git makes immutable:

- a checkpoint: the commits processed so far (by hash), the history they gave, and which
  version (blob) of each plan file was in use after the last one. It is kept in memory (for
  `mkdocs serve`) and as a file in a cache folder (for the next `mkdocs build`): a line of
  JSON, then the texts and the entries as arrays of numbers (`encode_checkpoint`). When the
  commits in git start with the checkpoint's, only the new ones are read; when history was
  rewritten (a rebase), everything is read again.
- parsed plan files by blob hash, in memory, so resuming does not parse a version twice.

Cached data is tagged with a fingerprint of the code that made it (loader, schema, model,
diff), so changing that code never serves stale wording.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
import tempfile
import threading
from array import array
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeGuard

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
            self._write_disk(self.folder, pathspec, checkpoint)

    def has_checkpoint(self, repo: Path, pathspec: str) -> bool:
        """Whether a checkpoint made by this code is in memory or (unread) in the folder."""
        return ((str(repo), pathspec) in self._memory
                or (self.folder is not None and self._file(self.folder, pathspec).is_file()))

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

    @classmethod
    def _file(cls, folder: Path, pathspec: str) -> Path:
        # Named by the code too, so whether a checkpoint exists is known without reading it.
        return folder / f"{cls._prefix(pathspec)}{code_fingerprint()}.checkpoint"

    @staticmethod
    def _prefix(pathspec: str) -> str:
        return f"history-{hashlib.blake2b(pathspec.encode(), digest_size=8).hexdigest()}-"

    def _read_disk(self, pathspec: str) -> Checkpoint | None:
        if self.folder is None:
            return None
        try:
            raw = self._file(self.folder, pathspec).read_bytes()
        except OSError:
            return None  # no cache yet: read from git
        try:
            return decode_checkpoint(raw, pathspec)
        except Exception:  # noqa: BLE001 - any doubt about the file: read from git instead
            return None

    def _write_disk(self, folder: Path, pathspec: str, checkpoint: Checkpoint) -> None:
        try:
            content = encode_checkpoint(checkpoint, pathspec)
            folder.mkdir(parents=True, exist_ok=True)
            # Write then rename, so a build that stops half-way never leaves a torn file.
            handle, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")
            with os.fdopen(handle, "wb") as out:
                out.write(content)
            os.replace(temporary, self._file(folder, pathspec))
            for stale in folder.glob(f"{self._prefix(pathspec)}*"):
                if stale != self._file(folder, pathspec):  # made by earlier code: never read again
                    stale.unlink(missing_ok=True)
        except (OSError, orjson.JSONEncodeError):
            pass  # a read-only checkout still builds; it just reads history again next time


# --- the file: a checksum line, a line of JSON, then the text and the arrays of numbers it
# describes (serialize.CompactHistory); anything unexpected means "read git again" ---

_CHECKSUM = b"sha256:"  # SHA-256 rather than BLAKE2: processors hash it in hardware
_HASH = re.compile(r"[0-9a-f]{40}([0-9a-f]{24})?\Z")  # SHA-1 or SHA-256 object names
_NUMBER_BYTES = array(serialize.NUMBER_TYPE).itemsize


def encode_checkpoint(checkpoint: Checkpoint, pathspec: str) -> bytes:
    """The cache file's content for this checkpoint (`decode_checkpoint` reads it)."""
    compact = serialize.history_to_rows(checkpoint.history)
    text = compact.text.encode("utf-8", "surrogatepass")
    head = {"code": code_fingerprint(), "pathspec": pathspec, "byteorder": sys.byteorder,
            "commits": checkpoint.commits, "state": checkpoint.state, "history": compact.data,
            "text_bytes": len(text), "numbers": [len(numbers) for numbers in compact.numbers]}
    # Compact JSON holds no line break (one in a string is written as \n): one line.
    return _with_checksum(b"".join([orjson.dumps(head), b"\n", text,
                                    *(numbers.tobytes() for numbers in compact.numbers)]))


def decode_checkpoint(raw: bytes, pathspec: str) -> Checkpoint | None:
    """The checkpoint in a cache file, or None: a torn, edited or foreign file is not used.
    May raise (ValueError, IndexError, ...) on a file that does not fit together."""
    checksum_end = raw.find(b"\n")
    if checksum_end < 0:
        return None
    # The checksum is worked out on the other core (hashlib lets go of the interpreter while
    # it hashes) as the file is decoded here; nothing decoded is used unless it matches.
    checking = _Digesting(memoryview(raw)[checksum_end + 1:])
    try:
        checkpoint = _decode(raw, checksum_end + 1, pathspec)
    finally:
        matches = raw[:checksum_end] == _CHECKSUM + checking.result()
    return checkpoint if matches else None


def _decode(raw: bytes, start: int, pathspec: str) -> Checkpoint | None:
    view = memoryview(raw)
    head_end = raw.find(b"\n", start)
    data = orjson.loads(view[start:head_end]) if head_end > 0 else None
    if not isinstance(data, dict) or data.get("code") != code_fingerprint() or \
            data.get("pathspec") != pathspec or data.get("byteorder") != sys.byteorder or \
            not _well_formed(data):
        return None
    text_end = head_end + 1 + data["text_bytes"]
    if text_end + _NUMBER_BYTES * sum(data["numbers"]) != len(raw):
        return None
    text = str(view[head_end + 1:text_end], "utf-8", "surrogatepass")
    numbers, at = [], text_end
    for count in data["numbers"]:
        numbers.append(array(serialize.NUMBER_TYPE))
        numbers[-1].frombytes(view[at:at + _NUMBER_BYTES * count])  # a copy, made in C
        at += _NUMBER_BYTES * count
    history = serialize.history_from_rows(
        serialize.CompactHistory(data["history"], text, numbers))
    read = set(data["commits"])
    if not all(r.commit in read for r in (*history.revisions, *(n.revision
                                                                  for n in history.notes))):
        return None
    return Checkpoint(commits=list(data["commits"]), history=history, state=dict(data["state"]))


class _Digesting(threading.Thread):
    """`_digest(body)`, worked out in a thread of its own: `result()` waits for it."""

    def __init__(self, body: memoryview):
        super().__init__(daemon=True)
        self.body, self.value = body, b""
        self.start()

    def run(self) -> None:
        self.value = _digest(self.body)

    def result(self) -> bytes:
        self.join()
        return self.value


def _with_checksum(body: bytes) -> bytes:
    return _CHECKSUM + _digest(body) + b"\n" + body


def _digest(body) -> bytes:
    return hashlib.sha256(body).hexdigest().encode()


def _well_formed(data: dict) -> bool:
    """Every value of the type and range the reader expects (`history_from_rows` trusts it,
    but for the numbers in the arrays, which it checks as it uses them)."""
    commits, state, rows = data.get("commits"), data.get("state"), data.get("history")
    if not (_list_of(commits, _is_hash) and isinstance(state, dict) and isinstance(rows, dict)
            and all(isinstance(k, str) and _is_hash(v) for k, v in state.items())):
        return False
    revisions, columns, notes = rows.get("revisions"), rows.get("columns"), rows.get("notes")
    counts = data.get("numbers")
    if not (_list_of(revisions, _is_revision) and _list_of(counts, _is_count)
            and _is_count(data.get("text_bytes")) and _is_count(rows.get("entries"))
            and _list_of(columns, list) and columns and _list_of(notes, list)):
        return False
    arrays = range(len(counts))
    return (_numbers(rows.get("listed"), len(revisions)) and _is_count(rows.get("texts"))
            and isinstance(rows.get("text_end"), str)
            and all(all(n in arrays for n in column[1:]) for column in columns)
            and all(_is_note(n, len(revisions)) for n in notes))


def _list_of(value, test) -> TypeGuard[list]:
    check = (lambda item: isinstance(item, test)) if isinstance(test, type) else test
    return isinstance(value, list) and all(check(item) for item in value)


def _numbers(value, limit: int) -> bool:
    # min and max run in C; a value that is not a number raises TypeError here, or in
    # `history_from_rows`, and the cache is not used.
    return isinstance(value, list) and (not value or (0 <= min(value) and max(value) < limit))


def _is_hash(value) -> bool:
    return isinstance(value, str) and bool(_HASH.match(value))


def _is_count(value) -> bool:
    return isinstance(value, int) and value >= 0


def _is_text(value) -> bool:
    return value is None or isinstance(value, str)


def _is_revision(value) -> bool:
    # [commit, date, reason, change_type, undoes, published_in] (serialize.history_to_rows)
    return (isinstance(value, list) and len(value) == 6 and _is_hash(value[0])
            and isinstance(value[1], str) and all(_is_text(v) for v in value[2:]))


def _is_note(value, revisions: int) -> bool:
    # [revision, file, message, blob, before, fixed revision or None]
    return (isinstance(value, list) and len(value) == 6 and _numbers(value[:1], revisions)
            and all(_is_text(v) for v in value[1:5])
            and (value[5] is None or _numbers(value[5:], revisions)))
