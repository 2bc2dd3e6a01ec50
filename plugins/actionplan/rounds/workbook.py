"""Write one return: an Instructions sheet, then the lead's actions with columns to fill in.

The read-only columns are locked (the sheet is protected, without a password: it guards
against slips, not people); the columns to fill are unlocked, kept as text (so Excel does not
turn "March 2027" into a date), and New status offers the status codes as a drop-down list.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from actionplan.edit.progress import UPDATE_CODES
from actionplan.model.vocabulary import STATUSES
from actionplan.rounds.layout import ACTIONS_SHEET, COLUMNS, INSTRUCTIONS_SHEET, column_letter
from actionplan.rounds.sending import Return
from actionplan.spreadsheet.files import text_cell


def write_return(path: Path, sent: Return, *, round_name: str, deadline: str | None,
                 return_to: str | None) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    _write_instructions(workbook.active, sent, round_name, deadline, return_to)
    _write_actions(workbook.create_sheet(ACTIONS_SHEET), sent)
    workbook.properties.creator = "actionplan"
    workbook.save(path)


def instructions(sent: Return, round_name: str, deadline: str | None,
                 return_to: str | None) -> list[str]:
    """The Instructions sheet, a line a row."""
    back = f"Send it back to: {return_to}" if return_to else (
        "Send it back to the officer who sent it to you.")
    due = date.fromisoformat(deadline) if deadline else None
    by = f"Please send it back by {due.day} {due:%B %Y}." if due else "No deadline was set."
    lines = [f"Progress return: {round_name}", "",
             f"For: {sent.lead}",
             f"Actions: {len(sent.rows)}",
             by, back, "",
             "What to fill in:",
             f"- On the {ACTIONS_SHEET} sheet, each row is one action you lead (or one you lead "
             "an activity of: see Your part).",
             "- For each action, fill in New status (choose from the list) and Update (what "
             "has happened since the last update, in plain words residents will read).",
             "- If the target date has moved, choose rescheduled, write the new date in "
             "Revised target date (for example \"March 2027\" or \"31/03/2027\") and say why "
             "in Reason.",
             "- Leave a row empty if you cannot report on it: an empty row adds nothing.",
             "- The other columns show the action as it is published; they are locked. Do not "
             "add, remove or rename columns, and keep the file name.",
             "- Save the file as Excel Workbook (.xlsx) and send it back.", "",
             "Status codes (New status):"]
    lines += [f"- {code}: {STATUSES[code].label}. {STATUSES[code].meaning}"
              for code in UPDATE_CODES]
    return lines


def _write_instructions(sheet, sent: Return, round_name: str, deadline: str | None,
                        return_to: str | None) -> None:
    from openpyxl.styles import Alignment, Font

    sheet.title = INSTRUCTIONS_SHEET
    sheet.column_dimensions["A"].width = 110
    for number, line in enumerate(instructions(sent, round_name, deadline, return_to), 1):
        cell = text_cell(sheet, number, 1, line)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if line.endswith(":") and not line.startswith("-"):
            cell.font = Font(bold=True)
    sheet.cell(row=1, column=1).font = Font(bold=True, size=14)
    sheet.protection.sheet = True  # nothing to fill in here


def _write_actions(sheet, sent: Return) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill, Protection

    wrap = Alignment(wrap_text=True, vertical="top")
    to_fill = PatternFill("solid", fgColor="FFF2CC")  # pale yellow: where to type
    last = len(sent.rows) + 1
    for index, column in enumerate(COLUMNS):
        letter = column_letter(index)
        cell = text_cell(sheet, 1, index + 1, column.heading)
        cell.font = Font(bold=True)
        cell.alignment = wrap
        sheet.column_dimensions[letter].width = column.width
        for number, row in enumerate(sent.rows, start=2):
            value = row.cells.get(column.key, "")
            cell = text_cell(sheet, number, index + 1, value) if value else sheet.cell(
                row=number, column=index + 1)
            cell.alignment = wrap
            cell.number_format = "@"
            if column.fill:
                cell.protection = Protection(locked=False)
                cell.fill = to_fill
        if column.key == "new_status" and sent.rows:
            _status_choices(sheet, f"{letter}2:{letter}{last}")
    sheet.freeze_panes = "C2"
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False  # widths and heights may still be changed
    sheet.protection.formatRows = False


def _status_choices(sheet, cells: str) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    check = DataValidation(type="list", formula1='"' + ",".join(UPDATE_CODES) + '"',
                           allow_blank=True, showErrorMessage=True,
                           error="Choose one of: " + ", ".join(UPDATE_CODES))
    check.add(cells)
    sheet.add_data_validation(check)
