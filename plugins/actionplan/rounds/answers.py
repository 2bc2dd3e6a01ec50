"""Read a return back: each filled row becomes an answer, each problem is named by workbook,
sheet, row and column with what is wrong and how to fix it.

A return is matched to what was sent (round.json): only the actions sent to that lead may be
answered, and the read-only cells must still say what they said when it was sent. Rows whose
cells to fill are all empty are no answer: a return left untouched changes nothing.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from actionplan.edit.progress import UPDATE_CODES, lacks_revised_due, read_status
from actionplan.model.dates import impossible_day_in, parse_fuzzy_date, placing_hint
from actionplan.model.vocabulary import STATUSES
from actionplan.problems import DataError, Problem
from actionplan.rounds.layout import ACTIONS_SHEET, COLUMNS, READ_ONLY
from actionplan.rounds.manifest import SentAction, SentReturn
from actionplan.spreadsheet.files import RawSheet, read_sheets

MISSING, UNTOUCHED, PARTLY, RETURNED = "missing", "untouched", "partly filled", "returned"
UNREADABLE = "cannot be read"


@dataclass(frozen=True)
class Answer:
    plan: str
    action: str
    status: str
    text: str
    revised_due: str | None
    reason: str | None
    workbook: str
    row: int

    @property
    def place(self) -> str:
        return f"{self.workbook}:{ACTIONS_SHEET}:row {self.row}"

    @property
    def says(self) -> tuple:
        return self.status, self.text, self.revised_due, self.reason


@dataclass
class ReadReturn:
    sent: SentReturn
    workbook: str  # as officers name it: returns/2019-q1/communications-officer.xlsx
    state: str = UNTOUCHED
    answered: int = 0  # rows with something in a cell to fill
    answers: list[Answer] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def read_return(folder: Path, folder_name: str, sent: SentReturn) -> ReadReturn:
    result = ReadReturn(sent, f"{folder_name}/{sent.file}")
    path = folder / sent.file
    if not path.is_file():
        result.state = MISSING
        result.problems.append(Problem(result.workbook, None, None, "file",
                                       "this return is not in the round folder",
                                       "put the workbook back under this name (as sent, or as "
                                       "the lead filled it in)", "warning"))
        return result
    try:
        sheets, warnings = read_sheets(path, result.workbook)
    except DataError as error:  # damaged, or formulas saved without their values
        result.problems += error.problems
        result.state = UNREADABLE
        return result
    result.problems += warnings  # control characters left out of a cell
    sheet = next((s for s in sheets if s.sheet.casefold() == ACTIONS_SHEET.casefold()), None)
    if sheet is None:
        result.problems.append(Problem(result.workbook, None, None, "file",
                                       f"the workbook has no {ACTIONS_SHEET} sheet",
                                       "use the workbook the round sent, with its sheets as "
                                       "they were"))
        result.state = UNREADABLE
        return result
    if not _read_rows(sheet, result):
        result.state = UNREADABLE
        return result
    result.state = (UNTOUCHED if not result.answered else
                    RETURNED if result.answered >= len(sent.actions) else PARTLY)
    return result


def _read_rows(sheet: RawSheet, result: ReadReturn) -> bool:
    """Read the rows into `result`; False when the columns cannot be found."""
    if not sheet.rows:
        return True  # every row deleted: nothing answered
    header_row, headings = sheet.rows[0]
    positions = _positions(headings, sheet, header_row, result)
    if positions is None:
        return False
    sent = {(a.plan, a.action): a for a in result.sent.actions}
    seen: dict[tuple[str, str], int] = {}
    for number, texts in sheet.rows[1:]:
        cells = {key: texts[at] if at < len(texts) else "" for key, at in positions.items()}
        row = _Row(sheet, number, cells, positions, result)
        key = (cells["plan"], cells["action"])
        action = sent.get(key)
        if action is None:
            row.problem("action", *_not_sent(cells, result.sent))
            continue
        if key in seen:
            row.problem("action", f"action {key[1]} is also on row {seen[key]}",
                        "keep one row for each action: delete this row")
            continue
        seen[key] = number
        _check_read_only(row, action)
        if any(cells[c.key] for c in COLUMNS if c.fill):
            result.answered += 1
            answer = _answer(row, action)
            if answer is not None:
                result.answers.append(answer)
    return True


@dataclass
class _Row:
    sheet: RawSheet
    number: int
    cells: dict[str, str]
    positions: dict[str, int]
    result: ReadReturn

    def problem(self, key: str, what: str, fix: str, severity: str = "error") -> None:
        column = next(c for c in COLUMNS if c.key == key)
        self.result.problems.append(Problem(
            f"{self.sheet.place}:row {self.number}", None, None,
            f"column {_letter(self.positions[key])} ({column.heading})", what, fix, severity))


def _positions(headings: list[str], sheet: RawSheet, row: int,
               result: ReadReturn) -> dict[str, int] | None:
    """Each column's place, found by its heading (a column moved is still read)."""
    found = {h.strip().casefold(): i for i, h in reversed(list(enumerate(headings)))}
    missing = [c for c in COLUMNS if c.heading.casefold() not in found]
    for column in missing:
        result.problems.append(Problem(
            f"{sheet.place}:row {row}", None, None, f"column {column.heading}",
            "the heading of this column is missing or was changed",
            f'put back the column headed "{column.heading}" as the round sent it (copy it '
            "from the sent return)"))
    return None if missing else {c.key: found[c.heading.casefold()] for c in COLUMNS}


def _not_sent(cells: dict[str, str], sent: SentReturn) -> tuple[str, str]:
    ids = sorted({a.action for a in sent.actions})
    guess = difflib.get_close_matches(cells["action"], ids, n=1)
    what = (f'action "{cells["action"]}" of plan "{cells["plan"]}" is not one of the actions '
            f"this return was sent for ({sent.lead})")
    fix = (f"did you mean {guess[0]}? " if guess else "") + (
        "Put back the plan and action id as sent; answers for other actions go in their "
        "lead's return (or use `actionplan update`)")
    return what, fix


def _check_read_only(row: _Row, action: SentAction) -> None:
    for column, was in zip(READ_ONLY, action.cells):
        now = row.cells[column.key]
        if column.key in ("plan", "action") or now == was:
            continue
        row.problem(column.key, f'this column is read-only, and this cell was changed from '
                    f'"{_short(was)}" to "{_short(now)}"',
                    f'put back "{_short(was)}" (copy it from the sent return); news goes in '
                    "the Update column")


def _answer(row: _Row, action: SentAction) -> Answer | None:
    cells = row.cells
    before = len(row.result.problems)
    status = _status(row, cells["new_status"])
    if not cells["text"]:
        row.problem("text", "the row has an answer but no update text",
                    "write what has happened since the last update, in plain words residents "
                    "will read")
    revised = cells["revised_due"] or None
    if status and lacks_revised_due(status, revised):
        row.problem("revised_due", '"rescheduled" means the target date was revised, but no '
                    "new date was given", 'write the new target date, for example "March '
                    '2027", and why it moved in the Reason column')
    if revised:
        _check_date(row, revised)
    if status is None or any(p.severity == "error" for p in row.result.problems[before:]):
        return None
    return Answer(action.plan, action.action, status, cells["text"], revised,
                  cells["reason"] or None, row.result.workbook, row.number)


def _status(row: _Row, written: str) -> str | None:
    choose = "choose one from the cell's list: " + ", ".join(UPDATE_CODES)
    if not written:
        row.problem("new_status", "the row has an answer but no new status", choose)
        return None
    code = read_status(written) or _by_label(written)
    if code is None:
        guess = difflib.get_close_matches(written, UPDATE_CODES, n=1)
        row.problem("new_status", f'"{written}" is not a status code',
                    (f'did you mean "{guess[0]}"? Choose' if guess else "Choose")
                    + choose.removeprefix("choose"))
    elif code != written:
        row.problem("new_status", f'the status code is written "{written}"; it is read as '
                    f"{code}", f"choose {code} from the cell's list", "warning")
    return code


def _by_label(written: str) -> str | None:
    """The code of a status written as the site shows it ("Target date revised")."""
    words = " ".join(written.split()).casefold()
    return next((code for code in UPDATE_CODES if STATUSES[code].label.casefold() == words),
                None)


def _check_date(row: _Row, text: str) -> None:
    impossible = impossible_day_in(text)
    if impossible:
        row.problem("revised_due", f'"{impossible}" is a day no calendar has',
                    "check the day and the month")
    elif not parse_fuzzy_date(text).placed:
        row.problem("revised_due", f'"{text}" is not a date actionplan can read',
                    placing_hint(text, None))


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[:limit].rstrip() + "…"


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter
    return get_column_letter(index + 1)


def conflicts(returns: list[ReadReturn]) -> list[Problem]:
    """Two returns that answer one action differently: both named, neither applied."""
    first: dict[tuple[str, str], Answer] = {}
    problems = []
    for answer in (a for r in returns for a in r.answers):
        key = (answer.plan, answer.action)
        other = first.setdefault(key, answer)
        if other is not answer and other.says != answer.says:
            problems.append(Problem(
                answer.place, None, None, f"action {answer.action} (plan {answer.plan})",
                f"two returns answer this action differently: {other.place} says "
                f'{other.status}, "{_short(other.text, 60)}"; {answer.place} says '
                f'{answer.status}, "{_short(answer.text, 60)}"',
                "agree one answer with both leads, then clear the other return's row (New "
                "status, Update, Revised target date, Reason) and import again"))
    return problems


def unique_answers(returns: list[ReadReturn]) -> list[Answer]:
    """Each action's answer once (two returns may give the same answer)."""
    chosen: dict[tuple[str, str], Answer] = {}
    for answer in (a for r in returns for a in r.answers):
        chosen.setdefault((answer.plan, answer.action), answer)
    return list(chosen.values())
