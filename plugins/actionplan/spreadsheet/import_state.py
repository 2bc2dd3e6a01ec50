"""What every part of an import shares: the problems found, where each value came from, the
references made, and the summary; with the three ways a value is written into the data."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from actionplan.problems import Problem
from actionplan.spreadsheet.cells import CellError, yes_no
from actionplan.spreadsheet.details import Ref
from actionplan.spreadsheet.origins import Origins
from actionplan.spreadsheet.tables import Origin, Row


@dataclass
class ImportState:
    origins: Origins
    problems: list[Problem] = field(default_factory=list)
    refs: set[Ref] = field(default_factory=set)  # every item the data has, for unused rows
    summary: list[str] = field(default_factory=list)

    def put(self, target: dict, key: str, value: Any, origin: Origin | None) -> None:
        """Set `key` (an empty value removes it), remembering the cell it came from."""
        if value in ("", None, [], {}):
            target.pop(key, None)
            return
        target[key] = value
        if origin is not None:
            self.origins.field(target, key, origin)
            if isinstance(value, (list, dict)):
                self.origins.item(value, origin)

    def record(self, row: Row, values: dict) -> dict:
        """A dict of the row's non-empty values, each remembered as coming from its cell."""
        result = {k: v for k, v in values.items() if v not in ("", None, [])}
        self.origins.item(result, row.origin())
        for key in result:
            self.origins.field(result, key, row.origin(key))
        return result

    def yes_no(self, target: dict, key: str, row: Row) -> None:
        """Set `key` from a yes/no cell; an empty cell leaves it out."""
        if not row.get(key):
            return
        try:
            target[key] = yes_no(row.get(key))
            self.origins.field(target, key, row.origin(key))
        except CellError as error:
            self.problems.append(row.origin(key).problem("", error.what, error.fix))
