"""`actionplan import`: a spreadsheet becomes (or updates) a plan file, checked first.

The spreadsheet is read into plan data (keeping what an existing plan has that the sheet
leaves out), checked with exactly the checks of `actionplan validate` with every problem
placed at its spreadsheet row and column, and only then written: into the existing file
changing as little as possible (comments and layout kept), or as a new file.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from actionplan.api import check_document
from actionplan.edit.locate import display, plan_file_for
from actionplan.plan_values import ID_PATTERN
from actionplan.edit.yaml_edit import (
    assign, dump_text, has_schema_comment, load_text, new_file_text, schema_comment,
    write_checked,
)
from actionplan.edit.safe_write import ReadSnapshot, changed_problem, editing, read_for_edit
from actionplan.load import SourceDocument, parse_yaml_bytes, read_yaml_file
from actionplan.problems import DataError, Problem
from actionplan.spreadsheet import columns
from actionplan.spreadsheet.files import spreadsheet_format
from actionplan.spreadsheet.reading import Reading, Spreadsheet


@dataclass
class ImportOutcome:
    target: str
    created: bool
    written: bool
    problems: list[Problem] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)


def import_spreadsheet(path: Path, *, data_dir: Path, plan_id: str | None = None,
                       mapping_file: Path | None = None, dry_run: bool = False) -> ImportOutcome:
    name = display(path)
    _check_input(path, name)
    book = Spreadsheet(path, name)
    plan_id = _plan_id(plan_id, book, name)
    mapping, mapping_problems = read_mapping(mapping_file) if mapping_file else ({}, [])
    existing_file = plan_file_for(data_dir, plan_id)
    target = existing_file or data_dir / "plans" / f"{plan_id}.yaml"
    target_name = display(target)
    target = target.resolve() if existing_file else target  # a linked file: edited in place
    if dry_run:
        return _merge_and_check(book, target_name, existing_file, read_for_edit(target),
                                plan_id, mapping, mapping_problems)[0]
    # Read, merge and write under the lock, from the bytes read: no other edit is lost.
    with editing(target, display_name=target_name):
        read = read_for_edit(target)
        if (read.raw is None) != (existing_file is None):
            raise DataError([changed_problem(target_name, created=read.raw is not None)])
        outcome, reading = _merge_and_check(book, target_name, existing_file, read, plan_id,
                                            mapping, mapping_problems)
        if _has_errors(outcome.problems):
            return outcome
        text = _file_text(target, read, reading.data)
        written = write_checked(target, text, display_name=target_name, read=read,
                                expected=reading.data)
    outcome.problems += [p for p in written if p not in outcome.problems]
    outcome.written = not _has_errors(written)
    return outcome


def _merge_and_check(book: Spreadsheet, target_name: str, existing_file: Path | None,
                     read: ReadSnapshot, plan_id: str, mapping: dict,
                     mapping_problems: list[Problem]) -> tuple[ImportOutcome, Reading]:
    """The spreadsheet read over the plan as `read` holds it, with every problem found."""
    existing = parse_yaml_bytes(read.raw, target_name).data if read.raw is not None else None
    reading = book.read(plan_id=plan_id, existing=existing, mapping=mapping)
    outcome = ImportOutcome(target_name, existing_file is None, False,
                            mapping_problems + reading.problems, reading.summary)
    outcome.problems += _check(reading, target_name)  # all problems at once, rows and checks
    return outcome, reading


def _check_input(path: Path, name: str) -> None:
    if not path.is_file():
        raise DataError([Problem(name, None, None, "file", "there is no such file",
                                 "check the file name and folder")])
    if spreadsheet_format(path) is None:
        raise DataError([Problem(name, None, None, "file", "this is not a .xlsx or .csv file",
                                 "save the spreadsheet as Excel Workbook (.xlsx) or as CSV UTF-8 "
                                 "(.csv), then import that file")])


def _plan_id(given: str | None, book: Spreadsheet, name: str) -> str:
    plan_id = given or book.plan_id()
    if not plan_id:
        raise DataError([Problem(name, None, None, "plan", "the spreadsheet does not say which "
                                 "plan it is", "add --plan PLAN-ID to the command, or fill the "
                                 "Plan id row of the Plan sheet")])
    if not ID_PATTERN.match(plan_id):
        raise DataError([Problem(name, None, None, "plan", f'"{plan_id}" is not a valid plan id',
                                 "use lower-case letters, digits, dots, hyphens and "
                                 "underscores, for example equality-plan-2026")])
    return plan_id


def _check(reading: Reading, target_name: str) -> list[Problem]:
    """The checks of `actionplan validate`, each problem placed at its spreadsheet cell."""
    marks, origins = reading.origins.marks(reading.data)
    document = SourceDocument(target_name, reading.data, value_marks=marks, key_marks=marks)
    return [reading.origins.translate(p, origins) for p in check_document(document)]


def _file_text(target: Path, read: ReadSnapshot, data: dict) -> str:
    if read.raw is None:
        return new_file_text(data, target, ["Imported from a spreadsheet with `actionplan "
                                            "import`. Comments you add are kept by later imports."])
    yaml, document = load_text(read.text)
    assign(document, data)
    text = dump_text(yaml, document)
    return text if has_schema_comment(text) else schema_comment(target) + "\n" + text


def _has_errors(problems: list[Problem]) -> bool:
    return any(p.severity == "error" for p in problems)


# --- column mapping files -----------------------------------------------------------------

def read_mapping(path: Path) -> tuple[dict[str, str], list[Problem]]:
    """A YAML file of `Their heading: field` lines -> {heading key: column key}."""
    name = display(path)
    try:
        data = read_yaml_file(path, name).data
    except DataError as error:
        return {}, error.problems
    except OSError:
        return {}, [Problem(name, None, None, "file", "the column mapping file cannot be read",
                            "check the file name given to --columns")]
    if not isinstance(data, dict):
        return {}, [Problem(name, 1, 1, "file", "the file is not a list of `Heading: field` "
                            "lines", 'write one line per heading, for example "Key activity: '
                            'activities"')]
    known = _mapping_targets()
    mapping, problems = {}, []
    for heading, target in data.items():
        key = known.get(columns.heading_key(str(target or "")))
        if key is None:
            guess = difflib.get_close_matches(str(target), sorted(known), n=1)
            problems.append(Problem(name, None, None, f'"{heading}"', f'"{target}" is not a '
                                    "column of the layout", (f'did you mean "{guess[0]}"? '
                                                             if guess else "") +
                                    "Use a column name from the guide, such as leads or due"))
        else:
            mapping[columns.heading_key(str(heading))] = key
    return mapping, problems


def _mapping_targets() -> dict[str, str]:
    targets: dict[str, str] = {}
    for table in columns.TABLES:
        for column in table.columns:
            targets.setdefault(columns.heading_key(column.key.replace("_", " ")), column.key)
            targets.setdefault(columns.heading_key(column.heading), column.key)
    return targets
