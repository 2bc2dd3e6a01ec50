"""The core's front door: read a data folder into a validated `Site` model.

Nothing here imports MkDocs; any site generator (or the command line) can call it.
"""

from __future__ import annotations

from pathlib import Path

from actionplan.gc_paused import gc_paused
from actionplan.load import SourceDocument, find_plan_files, read_yaml_file
from actionplan.model import Plan, Site, build_plan
from actionplan.problems import DataError, Problem
from actionplan.validate import cross_check, schema_problems


def check_document(document: SourceDocument) -> list[Problem]:
    """Schema problems first; cross-checks only once the shape is right."""
    problems = schema_problems(document)
    if not problems:
        problems = cross_check(document)
    return problems


def read_plan_file(path: Path, display_name: str | None = None) -> tuple[Plan | None, list[Problem]]:
    """One plan file -> (plan or None, problems). Never raises for bad data."""
    try:
        document = read_yaml_file(path, display_name)
    except DataError as error:
        return None, error.problems
    problems = check_document(document)
    if any(p.severity == "error" for p in problems):
        return None, problems
    return build_plan(document.data, document.file), problems


@gc_paused  # allocation-heavy and cycle-free: see gc_paused.py
def load_site(data_dir: Path, *, relative_to: Path | None = None) -> tuple[Site, list[Problem]]:
    """Load every plan under `data_dir`; raise `DataError` listing all errors if any.

    Returns the site and any warnings. File names in problems are shown relative to
    `relative_to` (the project folder) so that officers see `data/plans/x.yaml`.
    """
    plans: list[Plan] = []
    problems: list[Problem] = []
    files = find_plan_files(data_dir)
    if not files:
        raise DataError([Problem(_display(data_dir, relative_to), None, None, "data folder",
                                 "no plan files were found (expected YAML files in plans/)",
                                 "add a plan file, for example with `actionplan new-plan ID`")])
    seen_ids: dict[str, str] = {}
    for path in files:
        name = _display(path, relative_to)
        plan, found = read_plan_file(path, name)
        problems.extend(found)
        if plan is None:
            continue
        if plan.id in seen_ids:
            problems.append(Problem(name, None, None, "plan", f'plan id "{plan.id}" is also used '
                                    f"by {seen_ids[plan.id]}", "give each plan its own id"))
            continue
        seen_ids[plan.id] = name
        plans.append(plan)
    if any(p.severity == "error" for p in problems):
        raise DataError(problems)
    return Site(plans=tuple(plans)), problems


def _display(path: Path, relative_to: Path | None) -> str:
    if relative_to is not None:
        try:
            return path.resolve().relative_to(relative_to.resolve()).as_posix()
        except ValueError:
            pass
    return path.as_posix()
