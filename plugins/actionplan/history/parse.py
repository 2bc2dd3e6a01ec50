"""Parse a plan file from a past revision: the build's own loader, checks and model, faster.

A history of 1,000 revisions holds thousands of versions of plan files of up to a megabyte,
each differing from the one before in a few list items. The fast path reads and checks only
what it has not seen:

- `incremental_read.py` parses only list items (groups, actions, updates ...) whose text is
  new, and checks each against its part of the schema with the build's compiled shortcut;
- `plan_checks.py` runs the build's cross-checks on new parts only;
- `plan_build.py` builds the model of new parts only, with the model's own functions.

A version the fast path cannot read, or in which it finds any problem, goes through
`actionplan.api.parse_plan_bytes`, the path the build itself takes, so problems are reported
exactly as the build reports them (and a valid version the fast path missed is still read).
"""

from __future__ import annotations

from dataclasses import dataclass

from actionplan.api import parse_plan_bytes
from actionplan.history import incremental_read, plan_build, plan_checks
from actionplan.model import Plan
from actionplan.problems import Problem


@dataclass(frozen=True)
class ParsedVersion:
    """A readable version of a plan file; holding it keeps its parts for the next version."""

    plan: Plan
    piece: incremental_read.Piece | None = None


def parse_revision_file(raw: bytes, name: str) -> tuple[Plan | None, list[Problem]]:
    """(plan, []) for a valid file; (None, problems) as the build reports them otherwise."""
    version, problems = parse_revision(raw, name)
    return (version.plan if version else None), problems


def parse_revision(raw: bytes, name: str, earlier: ParsedVersion | None = None
                   ) -> tuple[ParsedVersion | None, list[Problem]]:
    """One version of a file: (version, []) if the build can read it, else (None, problems).

    `earlier`, an earlier version of the same file, only makes reading faster.
    """
    version = _fast_version(raw, name, earlier.piece if earlier is not None else None)
    if version is not None:
        return version, []
    plan, problems = parse_plan_bytes(raw, name)
    return (ParsedVersion(plan), []) if plan is not None else (None, problems)


def _fast_version(raw: bytes, name: str,
                  earlier: incremental_read.Piece | None) -> ParsedVersion | None:
    """The version, if the fast path reads it and finds no problem at all; else None."""
    piece = incremental_read.read_file(raw, earlier)
    if piece is None or not piece.valid or plan_checks.has_errors(piece.data):
        return None
    return ParsedVersion(plan_build.built_plan(piece.data, name), piece)


def forget() -> None:
    """Drop every part remembered between versions (to measure or test a cold read)."""
    incremental_read.forget()
    plan_checks.forget()
    plan_build.forget()
