"""Problems found in plan data, worded for the officers who edit it.

Every problem names the file, the line and column where they exist, the item it
concerns, what is wrong and how to fix it: `file:line:col: where: what. fix`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from collections.abc import Iterable


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int | None
    column: int | None
    where: str
    what: str
    fix: str = ""
    severity: str = "error"  # "error" stops the build; "warning" only stops --strict

    def format(self) -> str:
        place = self.file
        if self.line is not None:
            place += f":{self.line}"
            if self.column is not None:
                place += f":{self.column}"
        text = f"{place}: {self.where}: {_sentence(self.what)}"
        if self.fix:
            text += f" {_sentence(self.fix)}"
        return _UNPRINTABLE.sub(_visible, text)  # one line, whatever a value quoted holds


# Line breaks and control characters, shown as escapes: an id ending in a newline is quoted
# as "1.2\n" on the problem's one line.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _visible(match: re.Match) -> str:
    char = match.group()
    return _ESCAPES.get(char, f"\\u{ord(char):04x}")


def _sentence(text: str) -> str:
    text = text.strip()
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "?", "!")) else text + "."


class DataError(Exception):
    """Raised when plan data has errors; carries every problem found, not just the first."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(problems, key=_sort_key)
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.errors)
        head = f"{count} problem{'s' if count != 1 else ''} in the plan data:"
        return "\n".join([head, *(p.format() for p in self.problems)])

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def _sort_key(problem: Problem):
    return (problem.file, problem.line or 0, problem.column or 0, problem.what)
