"""Credit the changes a merge brought in to the branch commits that made them.

The history follows the published branch (first parents): a merge is one revision holding
everything its branch changed, and is when those changes were published. But the reasons
are written on the branch commits (`Change-reason:` trailers), and `git merge --no-edit`
writes none of its own. So each change of a merge is matched to the last branch commit that
made the same change (same subject, same kind of change, same update), and credited to it:
its hash and reason, with the merge's date (when it reached residents) and `published_in`
naming the merge. A change no branch commit explains (a conflict resolved in the merge)
stays with the merge and the merge's own reason (the pull request's title and body).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from collections.abc import Callable

from actionplan.history.diff import diff_plans
from actionplan.history.gitlog import Commit, read_blobs, read_merged_commits
from actionplan.history.model import ChangeEntry, Revision
from actionplan.model import Plan

# (blob, path) -> the plan in that version, or None when it cannot be read
Parse = Callable[[bytes, str], "Plan | None"]


def credit_merge(root: Path, pathspec: str, merge: Commit, entries: list[ChangeEntry],
                 parse: Parse, is_plan_file: Callable[[str], bool]) -> list[ChangeEntry]:
    """`entries` (the merge's changes) credited to the branch commits that made them."""
    if not entries:
        return entries
    branch = [c for c in read_merged_commits(root, pathspec, merge)
              if any(is_plan_file(change.path) for change in c.changes)]
    made = _changes_made(root, branch, merge.revision, parse, is_plan_file)
    credited = []
    for entry in entries:
        source = made.get(_key(entry))
        if source is None:
            credited.append(entry)
        else:
            credited.append(entry._replace(revision=source.revision,
                                           reason=source.reason or entry.reason))
    return credited


def _key(entry: ChangeEntry) -> tuple:
    return entry.subject_key, entry.change, entry.detail


def _changes_made(root: Path, branch: list[Commit], merge: Revision, parse: Parse,
                  is_plan_file: Callable[[str], bool]) -> dict[tuple, ChangeEntry]:
    """Each change the branch commits made, by key: the last commit to make it wins."""
    changes = [(c, f) for c in branch for f in c.changes if is_plan_file(f.path)]
    contents = read_blobs(root, sorted({b for _, f in changes for b in (f.before, f.blob) if b}))
    plan_of = lambda blob, path: (parse(contents[blob], path)
                                  if blob and blob in contents else None)
    known: dict[str, Plan | None] = {}  # path -> the last readable version on the branch
    made: dict[tuple, ChangeEntry] = {}
    for commit, change in changes:
        old = known[change.path] if change.path in known else plan_of(change.before, change.path)
        new = plan_of(change.blob, change.path)
        if change.blob is not None and new is None:
            known[change.path] = old  # unreadable: its change arrives with the next fix
            continue
        known[change.path] = new
        revision = replace(commit.revision, date=merge.date, published_in=merge.commit,
                           reason=commit.revision.reason or merge.reason,
                           change_type=commit.revision.change_type or merge.change_type)
        for entry in _diff_by_plan(old, new, revision):
            made[_key(entry)] = entry
    return made


def _diff_by_plan(old: Plan | None, new: Plan | None, revision: Revision) -> list[ChangeEntry]:
    if old is not None and new is not None and old.id != new.id:
        return diff_plans(old, None, revision) + diff_plans(None, new, revision)
    return diff_plans(old, new, revision)
