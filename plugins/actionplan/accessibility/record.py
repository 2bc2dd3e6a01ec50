"""The record of the last automated accessibility test run, kept as a small JSON file.

The test suite rewrites it when every accessibility check passes; the accessibility statement
reads it. It holds a date (no time) and tool versions only, so the same run on the same day
gives the same bytes, and a page built from it never carries a build timestamp.

A record is of a run in which every check it lists passed. `passed` names those checks by
key; the statement tells residents what they can do (use a keyboard, print, read with
JavaScript off...) only for the keys there, so a claim is never made for a site that was not
checked for it.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class RecordedRun:
    date: dt.date
    tools: tuple[str, ...]
    """Each tool with its version, e.g. "axe-core 4.14.1"."""

    checks: tuple[str, ...]
    """What was checked, one sentence each."""

    pages: int
    """How many pages were checked in the browser."""

    site_pages: int
    """How many pages the site had (the HTML checker reads them all)."""

    passed: tuple[str, ...] = ()
    """The key of each check that passed, e.g. "keyboard", "no-js", "print" (see CHECK_KEYS)."""

    @property
    def every_page(self) -> bool:
        return self.pages >= self.site_pages

    def to_json(self) -> str:
        data = {"date": self.date.isoformat(), "tools": list(self.tools),
                "checks": list(self.checks), "passed": list(self.passed), "pages": self.pages,
                "site_pages": self.site_pages}
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"

    @classmethod
    def from_json(cls, text: str) -> RecordedRun:
        data = json.loads(text)
        return cls(date=dt.date.fromisoformat(data["date"]), tools=tuple(data["tools"]),
                   checks=tuple(data["checks"]), pages=int(data["pages"]),
                   site_pages=int(data.get("site_pages", data["pages"])),
                   passed=tuple(str(key) for key in data.get("passed", ())))


class RecordError(ValueError):
    """A test record that cannot be read: says which file and what is wrong."""


def read_test_run(path: Path) -> RecordedRun | None:
    """The recorded run, or None when the file does not exist yet."""
    if not path.is_file():
        return None
    try:
        return RecordedRun.from_json(path.read_text(encoding="utf-8"))
    except (ValueError, KeyError, TypeError) as error:
        raise RecordError(f"{path}: the accessibility test record cannot be read "
                          f"({type(error).__name__}: {error}). It needs \"date\" (YYYY-MM-DD), "
                          "\"tools\", \"checks\" and \"pages\"; fix it or remove "
                          "accessibility.test_record from mkdocs.yml.") from None


def write_test_run(path: Path, run: RecordedRun) -> bool:
    """Write the record; True if it changed (so an unchanged file is left untouched)."""
    text = run.to_json()
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8")
    return True
