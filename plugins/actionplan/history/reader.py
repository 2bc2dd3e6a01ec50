"""Read the history of the data folder into a `History`: git -> plan versions -> diffs."""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import replace
from pathlib import Path, PurePosixPath

from actionplan.gc_paused import gc_paused
from actionplan.history import schema_parts
from actionplan.history.blob_supply import BlobSupply
from actionplan.history.cache import Checkpoint, HistoryCache
from actionplan.history.diff import diff_plans
from actionplan.history.gitlog import (
    Commit, CommitReading, GitError, NotARepository, head_commit, is_shallow, read_blobs,
    repository_root,
)
from actionplan.history.merges import credit_merge
from actionplan.history.model import ChangeEntry, History, HistoryNote, Revision
from actionplan.history.parse import ParsedVersion, parse_revision
from actionplan.history.split import ShareResult, in_two, merged, shares
from actionplan.load.discover import PLAN_SUFFIXES
from actionplan.model import Plan

SHALLOW_FIX = (
    "This is a shallow clone: git holds only the latest revision, so every plan would look "
    "newly added and the changelog would be false. Fetch the full history: with GitHub "
    "Actions set `fetch-depth: 0` on actions/checkout; with GitLab CI set the variable "
    "`GIT_DEPTH: 0`; elsewhere run `git fetch --unshallow` before building."
)


class HistoryUnavailable(Exception):
    """The history cannot be read; the message says why and how to fix it."""


@gc_paused  # millions of objects, no reference cycles: see gc_paused.py
def read_history(repo_root: Path, data_dir: Path, ignore_revs_file: Path | None = None, *,
                 cache: HistoryCache | None = None) -> History:
    """Every change to the plans under `data_dir`, from git, oldest first.

    `repo_root` is any folder in the repository (the project folder will do). Raises
    `HistoryUnavailable` outside a repository or in a shallow clone. Commits listed in
    `ignore_revs_file` (one hash a line, as in .git-blame-ignore-revs) give no entries.
    """
    try:
        root = find_repository(repo_root, data_dir)
        if is_shallow(root):
            raise HistoryUnavailable(SHALLOW_FIX)
        pathspec = plans_pathspec(root, data_dir)
        ignored = read_ignore_revs(ignore_revs_file) if ignore_revs_file else ()
        checkpoint = _HistoryReader(root, pathspec, cache or HistoryCache()).read()
    except NotARepository as error:
        raise HistoryUnavailable(
            f"The changelog is made from the git history of the data folder, but {error}. "
            "Build from a git clone of the site's repository, with its full history.") from None
    except GitError as error:
        raise HistoryUnavailable(f"The change history cannot be read: {error}.") from None
    history = _without_ignored(checkpoint.history, ignored)
    if not history.revisions:
        history = replace(history, warnings=_untracked(root, data_dir))
    return history


def find_repository(repo_root: Path, data_dir: Path) -> Path:
    """The top of the repository that holds the data folder: the data may have a repository
    of its own (then the project's own history is not the data's). The project's repository
    when the data folder does not exist."""
    return repository_root(data_dir if data_dir.is_dir() else repo_root)


def _untracked(root: Path, data_dir: Path) -> tuple[str, ...]:
    """A warning when the data folder holds plans but its repository has no commit of them:
    the changelog would be empty without saying why."""
    plans = data_dir / "plans"
    if not plans.is_dir() or not any(p.suffix in PLAN_SUFFIXES for p in plans.iterdir()):
        return ()
    if head_commit(root) is None:
        # A new repository (as `actionplan new-site` leaves it): nothing has been published
        # yet, so an empty changelog is the truth, not a mistake to warn of.
        return ()
    return (f"The data folder {data_dir} holds plan files, but the git repository at {root} "
            "has no commit of them, so the changelog is empty. Commit the data folder to that "
            "repository (git add, then git commit); if the site was copied into another "
            "repository by mistake, build from a clone of the site's own repository.",)


def read_ignore_revs(path: Path) -> tuple[str, ...]:
    """Commit hashes (full or abbreviated) listed in a .git-blame-ignore-revs style file."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise HistoryUnavailable(f"The ignore-revs file {path} cannot be read "
                                 f"({error.strerror}). Create it, or remove the setting.") from None
    hashes = [line.split("#", 1)[0].strip().lower() for line in lines]
    return tuple(h for h in hashes if h)


def plans_pathspec(root: Path, data_dir: Path) -> str:
    """The plans folder under `data_dir`, as a path from the top of the repository."""
    try:
        relative = data_dir.resolve().relative_to(root.resolve())
    except ValueError:
        raise HistoryUnavailable(f"The data folder {data_dir} is outside the git repository "
                                 f"at {root}, so its history cannot be read.") from None
    return (PurePosixPath(relative.as_posix()) / "plans").as_posix().removeprefix("./")


def _without_ignored(history: History, ignored: tuple[str, ...]) -> History:
    if not ignored:
        return history
    # A change merged from a branch is skipped with its own commit or with the merge.
    skip = lambda revision: any(revision.commit.startswith(h) or
                                (revision.published_in or "").startswith(h) for h in ignored)
    return History(entries=tuple(e for e in history.entries if not skip(e.revision)),
                   notes=tuple(n for n in history.notes if not skip(n.revision)),
                   revisions=tuple(r for r in history.revisions if not skip(r)))


def _with_reasons(entries: list[ChangeEntry], reasons: list[str] | None) -> list[ChangeEntry]:
    """Entries given the reasons written with the unreadable versions that led to them."""
    if not reasons:
        return entries
    carried = "; ".join(dict.fromkeys(reasons))
    return [e._replace(reason=f"{carried}; {e.reason}" if e.reason and e.reason != carried
                       else carried) for e in entries]


def _is_plan_file(path: str, pathspec: str) -> bool:
    return path.startswith(pathspec + "/") and path.endswith(PLAN_SUFFIXES)


class _HistoryReader:
    """Walks the commits in order, keeping the plan version in use for each file."""

    def __init__(self, root: Path, pathspec: str, cache: HistoryCache,
                 share: frozenset[str] | None = None):
        self.root, self.pathspec, self.cache = root, pathspec, cache
        self.share = share  # read only these plan files (a share of a read in two processes)
        self.found: ShareResult | None = ShareResult() if share is not None else None
        self.state: dict[str, tuple[str, ParsedVersion | _Unparsed]] = {}  # path -> (blob, version) in use
        self.entries: list[ChangeEntry] = []
        self.notes: list[HistoryNote] = []
        self.revisions: list[Revision] = []
        self.blobs: BlobSupply | None = None

    def read(self) -> Checkpoint:
        reading = CommitReading(self.root, self.pathspec)  # git runs while the cache loads
        saved = self.cache.load(self.root, self.pathspec)
        log = reading.result()
        hashes = log.hashes
        if saved is not None and saved.commits == hashes:
            return saved  # nothing new: no file is read, no commit message either
        if saved is not None and hashes[: len(saved.commits)] == saved.commits:
            new = log.commits(len(saved.commits))
            self._resume(saved)
        else:
            new = log.commits()
        uses = [(change.blob, change.path) for commit in new for change in commit.changes
                if change.blob and self._reads(change.path)]
        if saved is None and (two := self._read_in_two(new, uses)) is not None:
            self.entries, self.notes, state = two
            self.revisions = [commit.revision for commit in new]
        else:
            self._read_commits(new, uses)
            state = {path: blob for path, (blob, _) in sorted(self.state.items())}
        checkpoint = Checkpoint(
            commits=hashes,
            history=History(entries=tuple(self.entries), notes=tuple(self.notes),
                            revisions=tuple(self.revisions)),
            state=state)
        self.cache.save(self.root, self.pathspec, checkpoint)
        return checkpoint

    def _read_commits(self, new: list[Commit], uses: list[tuple[str, str]]) -> None:
        with self._supply(uses) as self.blobs:
            for number, commit in enumerate(new):
                self._apply(commit, number)

    def _read_in_two(self, new: list[Commit], uses: list[tuple[str, str]]):
        """(entries, notes, state) of a cold read made in two processes (split.py), or None
        when one process should read (or must: a plan id used by two files, a merge)."""
        halves = shares(uses) if not any(commit.is_merge for commit in new) else None
        if halves is None:
            return None
        schema_parts.prepare()  # once, before the fork, rather than once in each process

        def read_share(number: int) -> ShareResult:
            reader = _HistoryReader(self.root, self.pathspec, self.cache, halves[number])
            reader._read_commits(new, [use for use in uses if use[1] in halves[number]])
            assert reader.found is not None, "a reader of a share records what it finds"
            reader.found.notes = reader.notes
            reader.found.state = {path: blob for path, (blob, _) in reader.state.items()}
            return reader.found

        results = in_two(read_share)
        return merged(results, new) if results is not None else None

    def _reads(self, path: str) -> bool:
        """Whether `path` is a plan file this reader reads."""
        return _is_plan_file(path, self.pathspec) and (self.share is None or path in self.share)

    def _resume(self, saved: Checkpoint) -> None:
        """Carry on from a checkpoint. The plan files then in use are not parsed: only the
        plan id is read from each (to tell which file a plan comes from); a file is parsed
        when a new commit changes it, or its plan (old plan ids, say)."""
        self.entries = list(saved.history.entries)
        self.notes = list(saved.history.notes)
        self.revisions = list(saved.history.revisions)
        contents = read_blobs(self.root, sorted(set(saved.state.values())))
        for path, blob in saved.state.items():
            plan_id = plan_id_of(contents.get(blob))
            if plan_id is not None:
                self.state[path] = (blob, _Unparsed(self, blob, path, plan_id))
                continue
            version, _ = self._parse_alone(blob, path, contents.get(blob))
            if version is not None:
                self.state[path] = (blob, version)

    def _parse_alone(self, blob: str, path: str, raw: bytes | None):
        """(version, problems) of a version read outside the pass over the commits."""
        found = self.cache.parsed(blob, path)
        if found is None:
            found = parse_revision(raw, path) if raw is not None else (None, [])
            self.cache.remember_parsed(blob, path, found)
        return found

    def _supply(self, uses: list[tuple[str, str]]) -> BlobSupply:
        """The blobs of these (blob, path) uses, in order; none read whose parse is known."""
        needed = {blob for blob, path in uses if self.cache.parsed(blob, path) is None}
        return BlobSupply(self.root, [blob for blob, _ in uses],
                          skip={blob for blob, _ in uses} - needed)

    def _parse(self, blob: str, path: str):
        """(version, problems), remembered by blob and path."""
        blobs = self.blobs
        assert blobs is not None, "parsed only in the pass over the commits, which supplies blobs"
        blobs.take(blob)
        found = self.cache.parsed(blob, path)
        if found is None:
            raw = blobs.content(blob)
            # A blob not in this clone (a partial clone) is treated as unreadable.
            earlier = self.state.get(path, (None, None))[1]
            if isinstance(earlier, _Unparsed):
                earlier = earlier.parsed  # only if it had to be parsed anyway
            found = parse_revision(raw, path, earlier) if raw is not None else (None, [])
            self.cache.remember_parsed(blob, path, found)
        blobs.done_with(blob)
        return found

    def _apply(self, commit: Commit, number: int = 0) -> None:
        revision = commit.revision
        before = self._site()
        files_before = self._files() if self.found is not None else {}
        changed = {c.path for c in commit.changes if self._reads(c.path)}
        carried: dict[str, list[str]] = {}  # plan id -> reasons of unreadable versions
        for change in commit.changes:
            if change.path in changed:
                reasons = self._apply_file(revision, change)
                if reasons and change.path in self.state:
                    carried.setdefault(_id(self.state[change.path][1]), []).extend(reasons)
        after = self._site(revision, changed)
        self.revisions.append(revision)
        files_after = self._files() if self.found is not None else {}
        entries = []
        for plan_id in list(after) + [p for p in before if p not in after]:
            old, new = before.get(plan_id), after.get(plan_id)
            if old is not new:
                old, new = _plan(old), _plan(new)
                found = _with_reasons(diff_plans(old, new, revision), carried.get(plan_id))
                if self.found is not None and found:
                    gone = plan_id not in after
                    self.found.chunks.append((number, int(gone), (files_before if gone else
                                                                  files_after)[plan_id],
                                              [tuple(entry)[1:] for entry in found]))
                entries.extend(found)
        if self.found is not None:
            self.found.ids.update((_id(version), path) for path, (_, version)
                                  in self.state.items())
        if commit.is_merge:
            entries = credit_merge(self.root, self.pathspec, commit, entries, self._plan_of,
                                   lambda path: _is_plan_file(path, self.pathspec))
        self.entries.extend(entries)

    def _plan_of(self, raw: bytes, path: str) -> Plan | None:
        """A version of a plan file read on a merged branch (not kept in the cache)."""
        version, _ = parse_revision(raw, path)
        return version.plan if version is not None else None

    def _apply_file(self, revision: Revision, change) -> list[str]:
        """Apply one file's new version; the reasons given with the unreadable versions it
        replaces, if any (the change they describe arrives now)."""
        path, blob = change.path, change.blob
        reasons = self._end_unreadable_run(path, change.before, revision)
        if blob is None:
            self.state.pop(path, None)
            return reasons
        version, problems = self._parse(blob, path)
        if version is not None:
            self.state[path] = (blob, version)
            return reasons
        first = problems[0].format() if problems else "the file is not in this clone"
        kept = ("the last readable version is kept until the next readable one" if path in
                self.state else "the file is left out until a readable version is committed")
        self.notes.append(HistoryNote(revision, path,
                                      f"{path} could not be read at this revision ({first}); "
                                      f"{kept}.", blob, change.before))
        return []

    def _end_unreadable_run(self, path: str, before: str | None, revision: Revision
                            ) -> list[str]:
        """Mark the run of unreadable versions of `path` that ends with `before` as replaced
        in `revision`; return their reasons, oldest first (none when `before` was readable)."""
        reasons: list[str] = []
        for index in range(len(self.notes) - 1, -1, -1):
            if before is None or (path in self.state and self.state[path][0] == before):
                break
            note = self.notes[index]
            if note.file == path and note.blob == before and note.fixed is None:
                if note.revision.reason:
                    reasons.insert(0, note.revision.reason)
                self.notes[index] = replace(note, fixed=revision)
                before = note.before
        return reasons

    def _files(self) -> dict[str, str]:
        """The file of each plan in use, by plan id, as `_site` picks it."""
        files: dict[str, str] = {}
        for path, (_, version) in sorted(self.state.items()):
            files.setdefault(_id(version), path)
        return files

    def _site(self, revision: Revision | None = None, changed: AbstractSet[str] = frozenset()
              ) -> dict[str, Plan | _Unparsed]:
        """The plans in use by id (a file not parsed yet stands for its plan); a second file
        with the same plan id is left out."""
        plans: dict[str, Plan | _Unparsed] = {}
        files: dict[str, str] = {}
        for path, (_, version) in sorted(self.state.items()):
            plan_id = _id(version)
            if plan_id not in plans:
                plans[plan_id] = version if isinstance(version, _Unparsed) else version.plan
                files[plan_id] = path
            elif revision is not None and path in changed:
                self.notes.append(HistoryNote(revision, path, f"{path} was left out at this "
                                              f'revision: plan id "{plan_id}" is also used by '
                                              f"{files[plan_id]}."))
        return plans


class _Unparsed:
    """A plan file version from a checkpoint, with its plan id: parsed only when needed."""

    __slots__ = ("reader", "blob", "path", "plan_id", "parsed")

    def __init__(self, reader: _HistoryReader, blob: str, path: str, plan_id: str):
        self.reader, self.blob, self.path, self.plan_id = reader, blob, path, plan_id
        self.parsed: ParsedVersion | None = None

    @property
    def plan(self) -> Plan:
        if self.parsed is None:
            raw = read_blobs(self.reader.root, [self.blob]).get(self.blob)
            self.parsed, _ = self.reader._parse_alone(self.blob, self.path, raw)
            if self.parsed is None or self.parsed.plan.id != self.plan_id:
                raise GitError(f"{self.path} at blob {self.blob} no longer reads as it did")
        return self.parsed.plan


def _id(version) -> str:
    return version.plan_id if isinstance(version, _Unparsed) else version.plan.id


def _plan(found):
    return found.plan if isinstance(found, _Unparsed) else found


# The plan id as the serialiser and officers write it: the first key of the `plan:` block,
# which follows only comments, blank lines and one-line top-level keys (schema_version).
# Anything else (flow style, a key before it, an anchor) is parsed the long way instead.
_PLAN_ID = re.compile(rb"\A(?:(?:[ \t]*|#[^\n]*|[a-z_]+:[ \t]+[^\n'\"|>&*]*)\r?\n)*"
                      rb"plan:[ \t]*\r?\n(?:[ \t]*(?:#[^\n]*)?\r?\n)*[ \t]+id:[ \t]*"
                      rb"(['\"]?)([a-z0-9](?:[a-z0-9._-]*[a-z0-9])?)\1[ \t]*(?:#[^\n]*)?\r?$",
                      re.M)


def plan_id_of(raw: bytes | None) -> str | None:
    """The plan id of a plan file that was read before, found without parsing; None when
    it is not written in the usual way."""
    found = _PLAN_ID.match(raw) if raw is not None else None
    return found.group(2).decode() if found else None
