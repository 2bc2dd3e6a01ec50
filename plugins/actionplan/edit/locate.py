"""Find a plan's file by its id, and name files the way officers see them."""

from __future__ import annotations

from pathlib import Path

import yaml

from actionplan.load import find_plan_files


def plan_file_for(data_dir: Path, plan_id: str) -> Path | None:
    """The file under `data_dir` whose plan has this id (whatever the file is called)."""
    usual = data_dir / "plans" / f"{plan_id}.yaml"
    files = find_plan_files(data_dir)
    for file in sorted(files, key=lambda f: f != usual):  # the usual name first: often the one
        if _plan_id(file) == plan_id:
            return file
    return None


def plan_ids(data_dir: Path) -> list[str]:
    return sorted(filter(None, (_plan_id(file) for file in find_plan_files(data_dir))))


def quick_load(file: Path):
    """The file's data, or None if it cannot be read. For finding things, not for checking:
    libyaml's loader is many times faster than the checking loader."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(file.read_text(encoding="utf-8"), Loader=loader)
    except (yaml.YAMLError, UnicodeDecodeError, OSError):
        return None


def _plan_id(file: Path) -> str | None:
    data = quick_load(file)
    plan = data.get("plan") if isinstance(data, dict) else None
    return str(plan["id"]) if isinstance(plan, dict) and plan.get("id") is not None else None


def display(path: Path) -> str:
    """`path` relative to the current folder when it is inside it, as officers typed it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()
