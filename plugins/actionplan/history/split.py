"""A cold history read in two processes, each reading half of the plan files.

A cold read spends its time parsing, checking and diffing the versions of each plan file
(see BENCHMARKS.md): work that depends on the earlier version of the same file only. So the
plan files are shared out between this process and one forked copy of it; each reads every
commit but parses only its own files, and tags what it finds with where it belongs (the
revision, and the file's place among the plans). The two are then put together in the
order a single reader gives, so the history is the same, entry for entry.

That order holds only while each plan id stays in one file: the reader pairs versions by
plan id, so a plan moved to another file (or two files with one id) pairs versions across
the shares. Each share reports every (plan id, file) pair it saw; if an id was seen in two
files, or a commit is a merge (credited against the branch as a whole), the caller reads
the history again in one process. Linux only (fork); one core, or a short history: one
process, as before.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
import threading
import warnings
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from actionplan.history.gitlog import Commit
from actionplan.history.model import ChangeEntry, HistoryNote, Revision

MIN_VERSIONS = 40  # fewer file versions than this: a second process costs more than it saves


@dataclass
class ShareResult:
    """What one share found: entries by (revision, order key), its notes, its files' state."""

    # (revision number, kind, path, entries without their revision): kind 0 for a plan in
    # use after the revision, 1 for one gone; path, its file (then, or before).
    chunks: list[tuple[int, int, str, list[tuple]]] = field(default_factory=list)
    notes: list[HistoryNote] = field(default_factory=list)
    state: dict[str, str] = field(default_factory=dict)  # path -> blob in use at the end
    ids: set[tuple[str, str]] = field(default_factory=set)  # (plan id, path) ever in use


def shares(uses: list[tuple[str, str]]) -> tuple[frozenset[str], ...] | None:
    """The plan files cut into two shares of about the same number of versions to read
    (`uses`: (blob, path) in order), or None when one process is the better choice."""
    if _cores() < 2 or not sys.platform.startswith("linux") or _beside_threads():
        # Forking beside other threads (mkdocs serve's watcher and server) could copy a lock
        # one of them holds, and the copy would wait on it forever: read in one process.
        return None
    counts = Counter(path for _, path in uses)
    if len(counts) < 2 or len(uses) < MIN_VERSIONS:
        return None
    loads = [0, 0]
    members: list[set[str]] = [set(), set()]
    for path, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        lighter = 0 if loads[0] <= loads[1] else 1
        loads[lighter] += count
        members[lighter].add(path)
    return frozenset(members[0]), frozenset(members[1])


def in_two(work: Callable[[int], ShareResult]) -> tuple[ShareResult, ShareResult] | None:
    """(work(0), work(1)): share 1 in a forked copy of this process, share 0 here. None if
    the copy could not start or did not finish (the caller then reads in one process); an
    error in share 0 is raised as it is."""
    reading, writing = os.pipe()
    try:
        with warnings.catch_warnings():  # Python 3.12+ warns of forking beside threads: the
            warnings.simplefilter("ignore", DeprecationWarning)  # copy uses none it did not start
            child = os.fork()
    except OSError:
        os.close(reading)
        os.close(writing)
        return None
    if child == 0:  # the copy: read share 1, send it, and end without running exit handlers
        os.close(reading)
        code = 0
        try:
            payload = pickle.dumps(work(1), protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException:  # noqa: BLE001 - any failure: the parent reads alone
            payload, code = b"", 1
        try:
            with os.fdopen(writing, "wb") as out:
                out.write(payload)
        except BaseException:  # noqa: BLE001 - the parent has gone
            code = 1
        os._exit(code)
    os.close(writing)
    pipe = os.fdopen(reading, "rb")
    try:
        mine = work(0)
        payload = pipe.read()
    except BaseException:
        os.kill(child, signal.SIGKILL)  # its share is of no use now (its git sees its stdin end)
        raise
    finally:
        pipe.close()
        _, status = os.waitpid(child, 0)
    if status != 0 or not payload:
        return None
    return mine, pickle.loads(payload)


def merged(results: tuple[ShareResult, ...], commits: list[Commit]
           ) -> tuple[list[ChangeEntry], list[HistoryNote], dict[str, str]] | None:
    """(entries, notes, state) as one reader gives them, or None when a plan id was used by
    more than one file (then the shares' pairing of versions may differ from one reader's)."""
    files_of: dict[str, set[str]] = {}
    for result in results:
        for plan_id, path in result.ids:
            files_of.setdefault(plan_id, set()).add(path)
    if any(len(paths) > 1 for paths in files_of.values()):
        return None
    chunks = sorted((chunk for result in results for chunk in result.chunks),
                    key=lambda chunk: chunk[:3])
    revisions = [commit.revision for commit in commits]
    entries = [ChangeEntry(revisions[number], *fields)
               for number, _, _, rows in chunks for fields in rows]
    # A note is written as its file's change is read: in the order of the commit's changes.
    number_of = {revision.commit: n for n, revision in enumerate(revisions)}
    place = {(n, change.path): p for n, commit in enumerate(commits)
             for p, change in enumerate(commit.changes)}
    notes = sorted((_own_revisions(note, revisions, number_of)
                    for result in results for note in result.notes),
                   key=lambda note: (number_of[note.revision.commit],
                                     place[number_of[note.revision.commit], note.file]))
    state = {path: blob for result in results for path, blob in result.state.items()}
    return entries, notes, dict(sorted(state.items()))


def _own_revisions(note: HistoryNote, revisions: list[Revision], number_of: dict[str, int]
                   ) -> HistoryNote:
    """The note with this process's revision objects (the copy's were pickled)."""
    fixed: Any = note.fixed
    return replace(note, revision=revisions[number_of[note.revision.commit]],
                   fixed=revisions[number_of[fixed.commit]] if fixed is not None else None)


# The history worker's thread that waits on its parent (history/read_in_worker.py): it holds no lock
# the copy would need, so a read beside it may still be shared out.
PARENT_WATCH_THREAD = "actionplan-parent-watch"


def _beside_threads() -> bool:
    main = threading.main_thread()
    return any(thread is not main and thread.name != PARENT_WATCH_THREAD
               for thread in threading.enumerate())


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1
