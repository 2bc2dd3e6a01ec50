"""The core's front door: read a data folder into a validated `Site` model.

Nothing here imports MkDocs; any site generator (or the command line) can call it.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from actionplan.gc_paused import gc_paused
from actionplan.load import SourceDocument, find_plan_files, outside_project, read_yaml_file
from actionplan.load.yaml_source import MAX_FILE_BYTES, parse_yaml_bytes, parse_yaml_text
from actionplan.model import Plan, Site, build_plan
from actionplan.problems import DataError, Problem
from actionplan.validate import (cross_check, normalise_status_codes, placeholder_problems,
                                 schema_problems)


def check_document(document: SourceDocument) -> list[Problem]:
    """Schema problems first; cross-checks only once the shape is right. Loosely written
    status codes are read first, each with a warning."""
    warnings = normalise_status_codes(document)
    problems = schema_problems(document)
    if not problems:
        problems = cross_check(document)
    # A starter's placeholder is the one thing to say there: not also that its words are
    # no date, say.
    placeholders = placeholder_problems(document)
    marked = {(p.file, p.line) for p in placeholders if p.line is not None}
    return warnings + placeholders + [p for p in problems if (p.file, p.line) not in marked]


def read_plan_file(path: Path, display_name: str | None = None) -> tuple[Plan | None, list[Problem]]:
    """One plan file -> (plan or None, problems). Never raises for bad data."""
    try:
        document = read_yaml_file(path, display_name)
    except DataError as error:
        return None, error.problems
    return _checked_plan(document)


def parse_plan_bytes(raw: bytes, name: str) -> tuple[Plan | None, list[Problem]]:
    """A plan file's content (for example from a past revision) -> (plan or None, problems)."""
    try:
        document = parse_yaml_bytes(raw, name)
    except DataError as error:
        return None, error.problems
    return _checked_plan(document)


def read_plan_text(text: str, name: str) -> tuple[Plan | None, list[Problem]]:
    """Plan-file text (for example an older revision from git) -> (plan or None, problems)."""
    try:
        document = parse_yaml_text(text, name)
    except DataError as error:
        return None, error.problems
    return _checked_plan(document)


def read_plan_data(data: Any, name: str) -> tuple[Plan | None, list[Problem]]:
    """Plan data already in memory (for example read from JSON) -> (plan or None, problems).

    The same checks as for a file; problems carry no line numbers, as there is no text.
    """
    return _checked_plan(SourceDocument(file=name, data=data))


def _checked_plan(document: SourceDocument) -> tuple[Plan | None, list[Problem]]:
    """Validate a parsed document and build its plan, unless it has errors."""
    problems = check_document(document)
    if any(p.severity == "error" for p in problems):
        return None, problems
    return build_plan(document.data, document.file), problems


class PlanFileMemo:
    """What each plan file gave the last time it was read, by the file's bytes.

    For a process that loads the same data folder again and again (`mkdocs serve` after
    each save): a file whose bytes and name are unchanged gives the very same `Plan` object
    and problems without being parsed and checked again, so an officer's save costs the
    reading of the one file saved. The plans are immutable, so sharing them is safe; a file
    that is gone is forgotten at the next load.
    """

    def __init__(self) -> None:
        self._kept: dict[Path, tuple[tuple[bytes, str], Plan | None, list[Problem]]] = {}
        self._seen: set[Path] = set()
        self.parsed: list[Path] = []  # files parsed (not reused) by the last load

    def start(self) -> None:
        self._seen, self.parsed = set(), []

    def finish(self) -> None:
        self._kept = {path: kept for path, kept in self._kept.items() if path in self._seen}

    def read(self, path: Path, name: str) -> tuple[Plan | None, list[Problem]]:
        try:
            too_big = path.stat().st_size > MAX_FILE_BYTES
            raw = b"" if too_big else path.read_bytes()
        except OSError:
            too_big = True
        if too_big:  # read_plan_file says what is wrong
            return read_plan_file(path, name)
        self._seen.add(path)
        digest = (hashlib.blake2b(raw, digest_size=20).digest(), name)
        kept = self._kept.get(path)
        if kept is not None and kept[0] == digest:
            return kept[1], list(kept[2])
        self.parsed.append(path)
        plan, problems = parse_plan_bytes(raw, name)
        self._kept[path] = (digest, plan, list(problems))
        return plan, problems


@gc_paused  # allocation-heavy and cycle-free: see gc_paused.py
def load_site(data_dir: Path, *, relative_to: Path | None = None,
              memo: PlanFileMemo | None = None) -> tuple[Site, list[Problem]]:
    """Load every plan under `data_dir`; raise `DataError` listing all errors if any.

    Returns the site and any warnings. File names in problems are shown relative to
    `relative_to` (the project folder) so that officers see `data/plans/x.yaml`. With a
    `memo` kept from the last load, unchanged files are not parsed again (same result).
    """
    plans: list[Plan] = []
    problems: list[Problem] = []
    files = find_plan_files(data_dir)
    if not files:
        raise DataError([Problem(_display(data_dir, relative_to), None, None, "data folder",
                                 "no plan files were found (expected YAML files in plans/)",
                                 "add a plan file, for example with `actionplan new-plan ID`")])
    files, problems = outside_project(files, relative_to or data_dir.parent,
                                      lambda path: _display(path, relative_to))
    loaded: list[tuple[Path, Plan]] = []
    if memo is not None:
        memo.start()
    for path in files:
        name = _display(path, relative_to)
        plan, found = memo.read(path, name) if memo else read_plan_file(path, name)
        problems.extend(found)
        if plan is not None:
            loaded.append((path, plan))
    if memo is not None:
        memo.finish()
    plans, clashes = unique_plans(loaded)
    problems.extend(clashes)
    if any(p.severity == "error" for p in problems):
        raise DataError(problems)
    return Site(plans=tuple(plans)), problems


def unique_plans(loaded: list[tuple[Path, Plan]]) -> tuple[list[Plan], list[Problem]]:
    """Plans whose ids are not taken by an earlier file, and a problem for each clash."""
    first_file: dict[str, str] = {}
    plans: list[Plan] = []
    problems: list[Problem] = []
    for path, plan in loaded:
        if plan.id in first_file:
            line, column = _plan_id_position(path, plan.data_file)
            problems.append(Problem(plan.data_file, line, column, "plan > id",
                                    f'plan id "{plan.id}" is also used by '
                                    f"{first_file[plan.id]}",
                                    "give each plan its own id (it is the plan's web address)"))
            continue
        first_file[plan.id] = plan.data_file
        for old in plan.previous_ids:
            if old in first_file:
                problems.append(Problem(plan.data_file, None, None, "plan > previous_ids",
                                        f'plan id "{old}" in previous_ids is also used by '
                                        f"{first_file[old]}",
                                        "an old id belongs to the one plan that had it: remove "
                                        "it here, or from the other plan"))
            first_file.setdefault(old, plan.data_file)
        plans.append(plan)
    return plans, problems


def _plan_id_position(path: Path, name: str) -> tuple[int | None, int | None]:
    # Read again only on a clash (rare), rather than keep every parsed document in memory.
    return read_yaml_file(path, name).position(("plan", "id"))


def _display(path: Path, relative_to: Path | None) -> str:
    if relative_to is not None:
        for place, root in ((path.resolve(), relative_to.resolve()),
                            (path.absolute(), relative_to.absolute())):  # a link to outside
            try:
                return place.relative_to(root).as_posix()
            except ValueError:
                pass
    return path.as_posix()
