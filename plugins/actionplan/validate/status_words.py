"""Status codes written in another case or spacing ("Completed", "In progress", "in-progress"):
read as the code they plainly mean, with a warning that says which code to write."""

from __future__ import annotations

import re
from typing import Any
from collections.abc import Iterator

from actionplan.load.yaml_source import SourceDocument
from actionplan.model.vocabulary import STATUSES
from actionplan.problems import Problem
from actionplan.validate.describe import describe_path

_UPDATE_CODES = [code for code in STATUSES if code != "no_update"]


def plain_code(written: str) -> str | None:
    """The status code `written` means once case and spacing are set aside, or None.
    A code written exactly (or a word that is no code) gives None: nothing to change."""
    if written in _UPDATE_CODES:
        return None
    code = re.sub(r"[\s_-]+", "_", written.strip().lower())
    return code if code in _UPDATE_CODES else None


def normalise_status_codes(document: SourceDocument) -> list[Problem]:
    """Rewrite each loosely written status code in the document's data to its code, and warn
    at each place: the site shows the code's words either way, but the file should say it."""
    problems = []
    for holder, key, path in _status_codes(document.data):
        written = holder[key]
        code = plain_code(written) if isinstance(written, str) else None
        if code is None:
            continue
        holder[key] = code
        line, column = document.position(path)
        problems.append(Problem(
            document.file, line, column, describe_path(document.data, path),
            f'the status code is written "{written}"; it is read as {code}',
            f"write `{code}` (status codes are lower case, with _ between words)", "warning"))
    return problems


def _status_codes(node: Any, path: tuple = ()) -> Iterator[tuple[dict, str, tuple]]:
    """(mapping, key, path) of each status code an update or update item gives."""
    # A module-level recursion: a nested one would leave a reference cycle per file read.
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "status" and "progress" in path:
                if isinstance(value, dict) and "code" in value:
                    yield value, "code", path + (key, "code")
                elif isinstance(value, str):
                    yield node, key, path + (key,)
            else:
                yield from _status_codes(value, path + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _status_codes(value, path + (i,))
