"""Build into a staging folder beside the output folder; swap it in only when the build succeeds.

MkDocs empties the output folder at the start of a build and writes into it page by page, so a
build that fails midway (a template error, a full disk, a bug, `--strict` refusing a warning)
would leave a half-written site where the last good one was. Staging keeps the last good site
until a complete new one is ready. Plain file-system work: nothing here imports MkDocs.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

STAGING_SUFFIX = ".actionplan-new"
RETIRED_SUFFIX = ".actionplan-old"


class StagedSiteDir:
    """The output folder `target` and its staging sibling `.<name>.actionplan-new`."""

    def __init__(self, target: Path):
        self.target = Path(target).absolute()
        self.staging = self.target.with_name(f".{self.target.name}{STAGING_SUFFIX}")
        self.retired = self.target.with_name(f".{self.target.name}{RETIRED_SUFFIX}")

    def prepare(self) -> Path:
        """An empty staging folder (left-overs of a killed build removed); returns its path."""
        _remove(self.staging)
        _remove(self.retired)
        self.staging.mkdir(parents=True)
        return self.staging

    def discard(self) -> None:
        """Throw the staged build away: the target keeps the last good site."""
        _remove(self.staging)

    def publish(self) -> None:
        """Put the staged build in the target's place, by renames where the target allows."""
        if not self.staging.is_dir():
            return
        if self.target.is_symlink() or os.path.ismount(self.target):
            # A link or a mounted volume must stay where it is: replace what it holds.
            self._replace_contents()
            return
        try:
            self._swap()
        except OSError:
            self._replace_contents()

    def _swap(self) -> None:
        # Two renames: the target is missing only between them, never half-written.
        if self.target.exists():
            os.replace(self.target, self.retired)
        os.replace(self.staging, self.target)
        _remove(self.retired)

    def _replace_contents(self) -> None:
        self.target.mkdir(parents=True, exist_ok=True)
        for entry in list(self.target.iterdir()):
            _remove(entry)
        for entry in list(self.staging.iterdir()):
            shutil.move(str(entry), str(self.target / entry.name))
        _remove(self.staging)


def _remove(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.is_dir():
        shutil.rmtree(path)
