"""The date of the last change to what a site is built from, from its git history.

Output must not depend on the day it was built (same data and history, same bytes), yet a
sitemap wants a "last modified" date. The honest date is when the sources last changed:
the newest commit touching them. Outside a git work tree there is no such date.
"""

from __future__ import annotations

import subprocess
from datetime import datetime, UTC
from pathlib import Path


def last_change(paths: list[Path], repo_dir: Path) -> datetime | None:
    """Committer time (UTC) of the newest commit touching `paths`, or None if git cannot say."""
    try:
        result = subprocess.run(["git", "log", "-1", "--format=%ct", "--", *map(str, paths)],
                                cwd=repo_dir, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    stamp = result.stdout.strip()
    if result.returncode != 0 or not stamp.isdigit():
        return None
    return datetime.fromtimestamp(int(stamp), UTC)
