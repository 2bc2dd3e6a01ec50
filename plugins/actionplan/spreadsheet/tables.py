"""Raw sheets -> tables of the layout: find the heading row, match each heading to a column.

A heading is matched, in order, by: the officer's mapping file; the layout's standard heading;
the plan's own heading (plan.labels); a column name, a common alias, or a level label of the
plan ("Objective"). Headings nothing matches are reported and their column is not read.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from actionplan.problems import Problem
from actionplan.spreadsheet.columns import (
    ACTIONS, README_SHEET, TABLES_BY_NAME, Table, heading_key, standard_headings,
)
from actionplan.spreadsheet.files import RawSheet

_HEADING_SEARCH_ROWS = 10  # a one-table spreadsheet may have a title above its headings


@dataclass(frozen=True)
class Origin:
    """Where a value came from: a table, a row and (for a cell) a column."""

    file: str
    sheet: str = ""
    row: int | None = None
    letter: str | None = None
    heading: str | None = None

    @property
    def row_name(self) -> str:
        """ "Actions row 7" in a workbook, "row 7" in a .csv file."""
        return f"{self.sheet} row {self.row}".strip() if self.row is not None else self.file

    def problem(self, where: str, what: str, fix: str, severity: str = "error") -> Problem:
        file = ":".join(filter(None, [self.file, self.sheet]))
        if self.row is not None:
            file += f":row {self.row}"
        if self.letter:
            where = f"{where} (column {self.letter}, {self.heading})" if where else (
                f"column {self.letter} ({self.heading})")
        return Problem(file, None, None, where or "row", what, fix, severity)


@dataclass
class Row:
    number: int
    cells: dict[str, str]
    table: ParsedTable
    used: bool = False

    def get(self, key: str) -> str:
        return self.cells.get(key, "")

    def origin(self, key: str | None = None) -> Origin:
        table = self.table
        if key is None or key not in table.letters:
            return Origin(table.file, table.sheet, self.number)
        return Origin(table.file, table.sheet, self.number, table.letters[key],
                      table.headings[key])

    def is_empty(self, keys) -> bool:
        return not any(self.get(k) for k in keys)


@dataclass
class ParsedTable:
    table: Table
    file: str
    sheet: str
    letters: dict[str, str] = field(default_factory=dict)   # column key -> column letter
    headings: dict[str, str] = field(default_factory=dict)  # column key -> heading as written
    rows: list[Row] = field(default_factory=list)
    heading_row: int | None = None  # the row number of the headings, where the sheet has rows

    def has(self, key: str) -> bool:
        return key in self.letters


@dataclass
class HeadingWords:
    """Extra headings accepted for some columns: mapping file, plan labels, level labels."""

    mapping: dict[str, str] = field(default_factory=dict)   # heading_key -> column key
    labels: dict[str, str] = field(default_factory=dict)    # plan.labels field -> heading
    level_labels: list[str] = field(default_factory=list)


def identify(sheets: list[RawSheet]) -> tuple[dict[str, RawSheet], list[Problem]]:
    """Which raw sheet holds which table; a workbook with none of ours is one Actions table."""
    found: dict[str, RawSheet] = {}
    problems: list[Problem] = []
    unknown = []
    for sheet in sheets:
        name = sheet.name.strip().casefold()
        if name == README_SHEET.casefold():
            continue
        if name in TABLES_BY_NAME and name not in found:
            found[name] = sheet
        elif sheet.rows:
            unknown.append(sheet)
    if not found and unknown:
        return {ACTIONS.name.casefold(): unknown[0]}, problems
    for sheet in unknown:
        problems.append(Problem(sheet.place, None, None, "sheet",
                                f'the sheet "{sheet.name}" is not part of the layout, so it was '
                                "not read", "rename it to one of: " + ", ".join(
                                    t.name for t in TABLES_BY_NAME.values()), "warning"))
    return found, problems


def parse_table(table: Table, sheet: RawSheet, words: HeadingWords, *,
                search_headings: bool = False) -> tuple[ParsedTable, list[Problem]]:
    parsed = ParsedTable(table, sheet.file, sheet.sheet)
    if not sheet.rows:
        return parsed, []
    accepted = _accepted_headings(table, words)
    start = _heading_row(sheet, accepted) if search_headings else 0
    heading_number, headings = sheet.rows[start]
    parsed.heading_row = heading_number
    problems = _map_headings(parsed, headings, accepted, heading_number)
    for number, texts in sheet.rows[start + 1:]:
        cells = {key: texts[index] for key, index in _indices(parsed).items()
                 if index < len(texts) and texts[index]}
        if cells:
            parsed.rows.append(Row(number, cells, parsed))
    return parsed, problems


def parse_fields(table: Table, sheet: RawSheet) -> tuple[ParsedTable, list[Problem]]:
    """A Field / Value table: each row names a field (by its heading) and gives its value."""
    parsed = ParsedTable(table, sheet.file, sheet.sheet)
    accepted = standard_headings(table)
    problems: list[Problem] = []
    rows = sheet.rows
    if rows and heading_key(rows[0][1][0] if rows[0][1] else "") == "field":
        rows = rows[1:]
    for number, texts in rows:
        name = texts[0] if texts else ""
        key = accepted.get(heading_key(name))
        if key is None:
            if name:
                problems.append(_unknown_heading(Origin(sheet.file, sheet.sheet, number), name,
                                                 [c.heading for c in table.columns], "field"))
            continue
        if key in parsed.letters:
            problems.append(Origin(sheet.file, sheet.sheet, number).problem(
                f"field {name}", "this field is listed twice", "keep one row for it"))
            continue
        parsed.letters[key], parsed.headings[key] = "B", name
        value = texts[1] if len(texts) > 1 else ""
        parsed.rows.append(Row(number, {key: value}, parsed))
    return parsed, problems


def _accepted_headings(table: Table, words: HeadingWords) -> list[dict[str, str]]:
    """Heading lookups, strongest first."""
    standard = {heading_key(c.heading): c.key for c in table.columns}
    labels = {heading_key(text): column.key for column in table.columns if column.label
              for text in [words.labels.get(column.label)] if text}
    others = standard_headings(table)
    if table is ACTIONS:
        for label in words.level_labels:
            others.setdefault(heading_key(label), "group_title")
            others.setdefault(heading_key(f"{label} number"), "group_number")
            others.setdefault(heading_key(f"{label} id"), "group_id")
    mapping = {h: k for h, k in words.mapping.items() if any(c.key == k for c in table.columns)}
    return [mapping, standard, labels, others]


def _lookup(accepted: list[dict[str, str]], heading: str) -> str | None:
    key = heading_key(heading)
    for table in accepted:
        if key in table:
            return table[key]
    return None


def _heading_row(sheet: RawSheet, accepted) -> int:
    """The row (of the first few) with the most headings we know; the first on a tie."""
    known = [sum(_lookup(accepted, text) is not None for text in texts if text)
             for _, texts in sheet.rows[:_HEADING_SEARCH_ROWS]]
    return known.index(max(known))


def _map_headings(parsed: ParsedTable, headings: list[str], accepted, number: int) -> list[Problem]:
    from openpyxl.utils import get_column_letter

    problems = []
    names = sorted({c.heading for c in parsed.table.columns})
    for index, heading in enumerate(headings):
        letter = get_column_letter(index + 1)
        origin = Origin(parsed.file, parsed.sheet, number, letter, heading)
        if not heading:
            continue
        key = _lookup(accepted, heading)
        if key is None:
            problems.append(_unknown_heading(origin, heading, names, "column"))
        elif key in parsed.letters:
            problems.append(origin.problem("", f'this column and column {parsed.letters[key]} '
                                           f'("{parsed.headings[key]}") both hold '
                                           f'{parsed.table.column(key).heading}',
                                           "delete or rename one of them"))
        else:
            parsed.letters[key], parsed.headings[key] = letter, heading
    return problems


def _indices(parsed: ParsedTable) -> dict[str, int]:
    from openpyxl.utils import column_index_from_string
    return {key: column_index_from_string(letter) - 1 for key, letter in parsed.letters.items()}


def _unknown_heading(origin: Origin, heading: str, names: list[str], noun: str) -> Problem:
    guess = difflib.get_close_matches(heading, names, n=1, cutoff=0.6)
    fix = f'did you mean "{guess[0]}"? ' if guess else ""
    fix += (f"Rename it to one of the headings in the guide, or map it in a --columns file; "
            f"its {'values were' if noun == 'column' else 'value was'} not imported")
    return Origin(origin.file, origin.sheet, origin.row).problem(
        f"{noun} {origin.letter}" if origin.letter else noun,
        f'the {noun} "{heading}" is not one this layout knows', fix, "warning")
