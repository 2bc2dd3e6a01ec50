"""Detail tables keyed by "Belongs to" (Leads, Dates, Notes, Sources) and by Action id.

Rows are looked up by the item they belong to; a row that no item takes is reported at the
end, so nothing an officer wrote is dropped silently.
"""

from __future__ import annotations

from collections import defaultdict

from actionplan.problems import Problem
from actionplan.spreadsheet.cells import CellError, parse_ref
from actionplan.spreadsheet.tables import ParsedTable, Row

Ref = tuple[tuple[str, str], ...]


def ref_key(parts) -> Ref:
    return tuple((kind.casefold(), ident) for kind, ident in parts)


class Detail:
    """The rows of one detail table, grouped by the item they belong to."""

    def __init__(self, table: ParsedTable | None, key: str, problems: list[Problem]):
        self.present = table is not None
        self.table = table
        self.by_item: dict[object, list[Row]] = defaultdict(list)
        for row in table.rows if table else []:
            item = self._item(row, key, problems)
            if item is not None:
                self.by_item[item].append(row)

    @staticmethod
    def _item(row: Row, key: str, problems: list[Problem]):
        text = row.get(key)
        if key != "belongs_to":
            if not text:
                problems.append(row.origin(key).problem("", "the action id is empty",
                                                        "write the id of the action this row "
                                                        "belongs to"))
                return None
            return text
        try:
            return ref_key(parse_ref(text))
        except CellError as error:
            problems.append(row.origin(key).problem("", error.what, error.fix))
            return None

    def rows(self, item, **match: str) -> list[Row]:
        """Unused rows of `item` whose cells equal `match` (compared by text)."""
        return [row for row in self.by_item.get(item, [])
                if not row.used and all(row.get(k) == v for k, v in match.items())]

    def take(self, item, **match: str) -> Row | None:
        found = self.rows(item, **match)
        if found:
            found[0].used = True
            return found[0]
        return None

    def take_all(self, item, **match: str) -> list[Row]:
        found = self.rows(item, **match)
        for row in found:
            row.used = True
        return found

    def unused(self) -> list[Row]:
        return [row for rows in self.by_item.values() for row in rows if not row.used]
