"""Read and write tables as .xlsx workbooks (one sheet per table) or .csv files.

A .csv file holds one table, or several one under another, each starting with a row that
holds only its name in square brackets, such as [Actions]. Row numbers are the rows a
spreadsheet program shows (a cell with line breaks is still one row).
"""

from __future__ import annotations

import csv
import io
import os
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from actionplan.export.csv_export import FORMULA_STARTS, protect
from actionplan.problems import DataError, Problem
from actionplan.spreadsheet.cells import cell_text, excel_escaped
from actionplan.spreadsheet.columns import README_SHEET, TABLES, TABLES_BY_NAME, Column, Table
from actionplan.text_safety import without_xml_unsafe, xml_unsafe

FORMATS = ("xlsx", "csv")


@dataclass
class RawSheet:
    """A table as read: its name, its file and sheet (for messages), its non-empty rows."""

    name: str
    file: str
    sheet: str = ""  # the sheet's name in a workbook; "" in a .csv file (rows are numbered
    rows: list[tuple[int, list[str]]] = field(default_factory=list)  # through the whole file)

    @property
    def place(self) -> str:
        return f"{self.file}:{self.sheet}" if self.sheet else self.file


@dataclass
class OutTable:
    """A table to write: the layout it follows, its headings and its rows of cell texts."""

    table: Table
    headings: list[str]
    columns: list[Column]
    rows: list[list[str]]
    cell_choices: dict[tuple[int, int], tuple[str, ...]] = field(default_factory=dict)


def spreadsheet_format(path: Path) -> str | None:
    suffix = path.suffix.casefold().lstrip(".")
    return suffix if suffix in FORMATS else None


# --- reading ------------------------------------------------------------------------------

def read_sheets(path: Path, display: str) -> tuple[list[RawSheet], list[Problem]]:
    if spreadsheet_format(path) == "xlsx":
        return _read_xlsx(path, display)
    return _read_csv(path, display)


def _read_xlsx(path: Path, display: str) -> tuple[list[RawSheet], list[Problem]]:
    # openpyxl, which it imports, is needed by the import commands only
    from actionplan.spreadsheet.excel_strings import decoded, open_workbook

    try:
        workbook = open_workbook(path)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise DataError([Problem(display, None, None, "file", "the file cannot be read as an "
                                 "Excel workbook (it may be damaged, protected by a password, "
                                 "or another kind of file named .xlsx)",
                                 "open it in Excel and save it again as Excel Workbook (.xlsx), "
                                 "or save it as CSV UTF-8")]) from None
    formulas = _formula_cells(path)
    try:
        sheets: list[RawSheet] = []
        lost: list[Problem] = []
        problems: list[Problem] = []
        for sheet in workbook.worksheets:
            raw = RawSheet(sheet.title, display, sheet.title)
            for row in sheet.iter_rows():
                lost += [_formula_without_value(display, sheet.title, c) for c in row
                         if c.value is None and (sheet.title, _where(c)) in formulas]
                texts = [cell_text(decoded(c.value),
                                   getattr(c, "number_format", "General") or "General")
                         for c in row]
                if any(texts):  # empty cells of a read-only sheet carry no row number
                    number = next(n for c in row if (n := getattr(c, "row", None)))
                    raw.rows.append((number, _storable(texts, raw, number, problems)))
            sheets.append(raw)
        if lost:
            raise DataError(lost)  # importing would silently empty these fields
        return sheets, problems
    finally:
        workbook.close()


def _formula_cells(path: Path) -> set[tuple[str, tuple[int, int]]]:
    """(sheet, (row, column)) of every formula cell: read without `data_only`, a formula cell
    holds its formula, while with it, a formula saved without its value reads as empty."""
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=False)
    try:
        return {(sheet.title, _where(c)) for sheet in workbook.worksheets
                for row in sheet.iter_rows() for c in row if getattr(c, "data_type", "") == "f"}
    finally:
        workbook.close()


def _where(cell) -> tuple[int, int]:
    return getattr(cell, "row", 0), getattr(cell, "column", 0)


def _formula_without_value(display: str, sheet: str, cell) -> Problem:
    return Problem(f"{display}:{sheet}", None, None, f"cell {cell.coordinate}",
                   "this cell holds a formula saved without its value, so what it shows cannot "
                   "be read (importing would leave the field empty)",
                   "type the text into the cell instead of a formula (or copy the cells and "
                   "paste them back as values), save the workbook in Excel, and import again")


def _read_csv(path: Path, display: str) -> tuple[list[RawSheet], list[Problem]]:
    raw_bytes = path.read_bytes()
    problems: list[Problem] = []
    try:
        text = raw_bytes.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw_bytes.decode("cp1252", errors="replace")
        problems.append(Problem(display, None, None, "file", "the file is not UTF-8 text, so "
                                "it was read as Windows (cp1252) text",
                                "check accented letters and symbols in the result; to be sure, "
                                "save the file as \"CSV UTF-8\"", "warning"))
    reader = csv.reader(io.StringIO(text, newline=""), dialect=_dialect(text))
    sheets: list[RawSheet] = []
    current = RawSheet("", display)
    for number, row in enumerate(reader, start=1):
        texts = _trim([cell_text(_as_typed(value)) for value in row])
        if not any(texts):
            continue
        section = _section_name(texts)
        if section is not None:
            current = RawSheet(section, display)
            sheets.append(current)
            continue
        if not sheets:
            sheets.append(current)  # rows before any [Name] row: a one-table file
        current.rows.append((number, _storable(texts, current, number, problems)))
    return sheets, problems


def _as_typed(cell: str) -> str:
    """A cell without the apostrophe `protect` put in front of formula-like text; an
    apostrophe an officer typed before ordinary text stays."""
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(FORMULA_STARTS) else cell


def _dialect(text: str):
    """Comma, or the semicolon or tab some Excel versions and locales write: whichever splits
    the heading rows (the first row, and each row after a [Name] row) into the most cells.
    csv.Sniffer guesses wrong on files with long text cells."""
    lines = [line for line in text.splitlines() if line.strip()]
    headings = [following for line, following in zip(lines, lines[1:])
                if re.fullmatch(r'\s*"?\[[^\]]+\]"?[,;\t]*\s*', line)] or lines[:1]

    def cells(delimiter: str) -> int:
        return sum(len(row) for row in csv.reader(headings, delimiter=delimiter))
    best = max((",", ";", "\t"), key=cells)  # max keeps the first (comma) on a tie
    return type("Dialect", (csv.excel,), {"delimiter": best})


def _section_name(texts: list[str]) -> str | None:
    if len(texts) == 1 and texts[0].startswith("[") and texts[0].endswith("]"):
        name = texts[0][1:-1].strip()
        if name.casefold() in TABLES_BY_NAME or name.casefold() == README_SHEET.casefold():
            return name
    return None


def _storable(texts: list[str], sheet: RawSheet, row: int,
              problems: list[Problem]) -> list[str]:
    """The row's texts without the control characters plan files cannot hold (a line break
    from Word is a line break already: see cell_text); each cell that had one is reported."""
    kept = []
    for index, text in enumerate(texts, start=1):
        unsafe = xml_unsafe(text)
        if unsafe:
            from openpyxl.utils import get_column_letter
            problems.append(Problem(
                f"{sheet.place}:row {row}", None, None, f"column {get_column_letter(index)}",
                f"this cell held an invisible control character ({', '.join(unsafe)}) that a "
                "plan file cannot hold, so it was left out",
                "check that the text reads as meant in the plan file", "warning"))
            text = without_xml_unsafe(text).strip()
        kept.append(text)
    return _trim(kept)


def _trim(texts: list[str]) -> list[str]:
    while texts and not texts[-1]:
        texts = texts[:-1]
    return texts


# --- writing ------------------------------------------------------------------------------

def write_tables(path: Path, tables: list[OutTable], readme: list[str]) -> None:
    """Write the file whole or not at all: into a temporary file, then renamed into place."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp{path.suffix}")
    try:
        if spreadsheet_format(path) == "xlsx":
            _write_xlsx(temporary, tables, readme, name=path.name)
        else:
            _write_csv(temporary, tables, readme)
        os.replace(temporary, path)
    except OSError as error:
        error.filename = str(path)  # the file the officer named, not the temporary one
        raise
    finally:
        temporary.unlink(missing_ok=True)


def _write_csv(path: Path, tables: list[OutTable], readme: list[str]) -> None:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([f"[{README_SHEET}]"])
    for line in readme:
        writer.writerow([protect(line)])
    for table in tables:
        writer.writerow([])
        writer.writerow([f"[{table.table.name}]"])
        writer.writerow([protect(heading) for heading in table.headings])
        # Text a spreadsheet would run as a formula gets an apostrophe, as in the public
        # downloads; import takes it off again.
        writer.writerows([protect(value) for value in row] for row in table.rows)
    # UTF-8 with a byte-order mark: Excel then opens accented letters correctly.
    path.write_bytes(out.getvalue().encode("utf-8-sig"))


def _write_xlsx(path: Path, tables: list[OutTable], readme: list[str], *, name: str) -> None:
    from openpyxl import Workbook
    from openpyxl.utils.exceptions import IllegalCharacterError

    workbook = Workbook()
    _write_readme(workbook.active, readme)
    for table in tables:
        try:
            _write_sheet(workbook.create_sheet(table.table.name), table)
        except IllegalCharacterError:
            raise DataError([Problem(name, None, None, table.table.name, "the plan has a "
                                     "control character that Excel cannot store",
                                     "export with --format csv, or remove the character from "
                                     "the plan file")]) from None
    workbook.properties.creator = "actionplan"
    workbook.save(path)


def _write_readme(sheet, readme: list[str]) -> None:
    from openpyxl.styles import Alignment, Font

    sheet.title = README_SHEET
    sheet.column_dimensions["A"].width = 110
    for number, line in enumerate(readme, start=1):
        cell = text_cell(sheet, number, 1, line)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if line and not line.startswith((" ", "-")) and line.endswith(":"):
            cell.font = Font(bold=True)
    sheet.cell(row=1, column=1).font = Font(bold=True, size=14)


# Rows below the data offered a drop-down list where a column has choices.
_SPARE_ROWS = 500


def _write_sheet(sheet, table: OutTable) -> None:
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wrap = Alignment(wrap_text=True, vertical="top")
    for index, (heading, column) in enumerate(zip(table.headings, table.columns), start=1):
        cell = text_cell(sheet, 1, index, heading)
        cell.font = Font(bold=True)
        cell.alignment = wrap
        cell.comment = Comment(column.help, "actionplan", width=320, height=140)
        letter = get_column_letter(index)
        dimension = sheet.column_dimensions[letter]
        dimension.width = column.width
        # Text format for the whole column, so what officers type stays text: Excel would
        # turn 1.10 into 1.1 and "April 2018" into a date.
        dimension.number_format = "@"
        dimension.alignment = wrap
        _add_choices(sheet, column.choices, f"{letter}2:{letter}{len(table.rows) + _SPARE_ROWS}")
    for row_number, values in enumerate(table.rows, start=2):
        for index, value in enumerate(values, start=1):
            if value:
                cell = text_cell(sheet, row_number, index, value)
                cell.number_format = "@"
                cell.alignment = wrap
    sheet.freeze_panes = "A2"
    for (row, col), choices in table.cell_choices.items():
        _add_choices(sheet, choices, f"{get_column_letter(col)}{row}")


def text_cell(sheet, row: int, column: int, value):
    """A cell holding `value` as text: openpyxl would store text starting with = as a live
    formula (one that sends cell contents to a web address, say), and text such as "_x000B_"
    as it is, which Excel would show as a control character."""
    if isinstance(value, str):
        value = excel_escaped(value)
    cell = sheet.cell(row=row, column=column, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
    return cell


def _add_choices(sheet, choices: tuple[str, ...], cells: str) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    listed = ",".join(choices)
    if not choices or len(listed) > 250:  # Excel's limit for a list typed into the rule
        return
    check = DataValidation(type="list", formula1=f'"{listed}"', allow_blank=True,
                           showErrorMessage=True, error="Choose one of: " + ", ".join(choices))
    check.add(cells)
    sheet.add_data_validation(check)


def layout_readme(title: str) -> list[str]:
    """The Read me sheet: what the file is, how to use it, and every table and column."""
    lines = [title, "",
             "How to use this file:",
             "- Edit the sheets, save, then run: actionplan import THIS-FILE --plan PLAN-ID",
             "- Then check the plan with: actionplan validate",
             "- Cells with several items have one item per line (Alt+Enter in Excel).",
             "- Ids (Plan id, Group id, Action id) are used in web addresses: keep them as they"
             " are once published.",
             "- This sheet is not read back. Hover over a column heading for what it holds.",
             "- The guide \"How to update a plan\" on the site explains every sheet and every"
             " error message.", ""]
    for table in TABLES:
        lines.append(f"{table.name}:")
        lines.append(f"  {table.help}")
        for column in table.columns:
            lines.append(f"  - {column.heading}: {column.help}")
        lines.append("")
    return lines
