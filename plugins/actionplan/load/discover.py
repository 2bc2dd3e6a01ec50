"""Which files under the data folder are plan files."""

from __future__ import annotations

from pathlib import Path

from actionplan.problems import Problem

PLAN_SUFFIXES = (".yaml", ".yml")


def find_plan_files(data_dir: Path) -> list[Path]:
    """Plan files under `data_dir/plans`, sorted so that every build sees the same order."""
    plans_dir = data_dir / "plans"
    if not plans_dir.is_dir():
        return []
    return sorted(p for p in plans_dir.rglob("*") if p.suffix in PLAN_SUFFIXES and p.is_file())


def outside_project(files: list[Path], project: Path,
                    display=lambda path: path.as_posix()) -> tuple[list[Path], list[Problem]]:
    """`files` without those that are (or pass through) links to somewhere outside `project`,
    and a problem for each: a link could publish any file the build can read."""
    root = project.resolve()
    inside, problems = [], []
    for file in files:
        real = file.resolve()
        if real == file.absolute() or real.is_relative_to(root):  # not a link, or stays in
            inside.append(file)
            continue
        problems.append(Problem(display(file), None, None, "file",
                                f"this file is a link to {real}, outside the project folder",
                                "copy the plan file into data/plans instead of linking to it"))
    return inside, problems
