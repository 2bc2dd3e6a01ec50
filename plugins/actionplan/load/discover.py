"""Which files under the data folder are plan files."""

from __future__ import annotations

from pathlib import Path

PLAN_SUFFIXES = (".yaml", ".yml")


def find_plan_files(data_dir: Path) -> list[Path]:
    """Plan files under `data_dir/plans`, sorted so that every build sees the same order."""
    plans_dir = data_dir / "plans"
    if not plans_dir.is_dir():
        return []
    return sorted(p for p in plans_dir.rglob("*") if p.suffix in PLAN_SUFFIXES and p.is_file())
