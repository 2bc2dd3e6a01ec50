"""Text the `new-plan` starter leaves for the officer to replace: an error until replaced, so
a starter's wording is never published as the council's.

The starter marks each such text by beginning it with "REPLACE:" and saying what to write;
no plan's own words begin that way, so the mark is recognised reliably."""

from __future__ import annotations

from typing import Any
from collections.abc import Iterator

from actionplan.load.yaml_source import SourceDocument
from actionplan.problems import Problem
from actionplan.validate.describe import describe_path

MARK = "REPLACE:"


def placeholder(what_to_write: str) -> str:
    """The starter's text for a value still to be written: the mark, then what to write."""
    return f"{MARK} {what_to_write}"


def placeholder_problems(document: SourceDocument) -> list[Problem]:
    problems = []
    for path, text in _placeholders(document.data, ()):
        line, column = document.position(path)
        wanted = text.strip()[len(MARK):].strip().rstrip(".") or "the plan's own words"
        problems.append(Problem(
            document.file, line, column, describe_path(document.data, path),
            f'this is still the starter\'s placeholder text ("{text.strip()}"), which would '
            "be published as it is", f"replace the whole text with {wanted}"))
    return problems


def _placeholders(node: Any, path: tuple) -> Iterator[tuple[tuple, str]]:
    # A module-level recursion: a nested one would leave a reference cycle per file read.
    if isinstance(node, str):
        if node.lstrip()[:len(MARK)].upper() == MARK:
            yield path, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _placeholders(value, path + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _placeholders(value, path + (i,))
