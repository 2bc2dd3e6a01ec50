"""Every kind of import problem names the file, the sheet, the row (and column), and the fix.

Nothing is written when an import has errors.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook, load_workbook

from actionplan.api import read_plan_file

STATUS_CODES = ("not_started, in_progress, ongoing, completed, rescheduled, transferred, "
                "withdrawn, unknown")


# The messages the officers' guide quotes (tests/officer/test_error_guide.py checks it).
MESSAGES = {
    "check": (
        'new.xlsx:Progress:row 2: action 1.1 > progress update 1 > status (column C, Status): '
        f'Status "in progres" is not one of: {STATUS_CODES}. Did you mean "in_progress"? '
        'Use one of the values listed.'),
    "nothing written": (
        "1 error: nothing was written. Fix the rows listed above and import again."),
    "repeated id": (
        'new.xlsx:Actions:row 4: action 1.1 > id (column B, Action id): Action id "1.1" is used '
        'twice (first on Actions row 2). Give each action its own id (ids must be unique '
        'within a plan).'),
    "missing field": (
        'new.xlsx:Plan: plan: The field "title" is missing. Fill in the "Title" row of the Plan '
        'sheet.'),
    "unknown column": (
        'new.xlsx:Actions:row 1: column F: The column "Lede" is not one this layout knows. '
        'Did you mean "Leads"? Rename it to one of the headings in the guide, or map it in a '
        '--columns file; its values were not imported.'),
    "two columns": (
        'new.xlsx:Actions:row 1: column F (When): This column and column E ("Target dates") '
        'both hold Target dates. Delete or rename one of them.'),
    "no group": (
        "new.xlsx:Actions:row 2: action: This action has no group. Fill the Group id (or, "
        "without a Groups sheet, the Group title) on this row or a row above it."),
    "words differ": (
        'new.xlsx:Dates:row 2: column C (Date as written): No date of action 1.1 reads "April '
        '2026" in the main sheet, so this row was not used. Give the date the same words in '
        "both places, or delete this row."),
    "plan id": (
        'new.xlsx:Plan:row 2: plan (column B, Plan id): The Plan id "new-plan" is not the plan '
        "being imported (other-plan). Import with --plan new-plan, or correct the Plan id."),
    "unknown item": (
        "new.xlsx:Notes:row 2: action 9.9: Action 9.9 is not in the plan, so this row was not "
        "used. Correct the id (see the Actions and Progress sheets), or delete this row."),
    "reference": (
        'new.xlsx:Notes:row 3: column A (Belongs to): "the first action" is not a reference. '
        "Write plan, group ID, action ID, action ID > activity ID or action ID > update N, for "
        "example: action 1.1 > update 2."),
    "yes or no": ('new.xlsx:Notes:row 4: column C (Public): "perhaps" is not yes or no. Write '
                  "yes or no."),
    "line range": (
        'new.xlsx:Sources:row 2: column B (Lines): "fifteen" is not a line range. Write the '
        "first and last line, for example 15-18."),
    "not a spreadsheet": (
        "plan.docx: file: This is not a .xlsx or .csv file. Save the spreadsheet as Excel "
        "Workbook (.xlsx) or as CSV UTF-8 (.csv), then import that file."),
    "no file": "missing.xlsx: file: There is no such file. Check the file name and folder.",
    "unknown sheet": (
        'new.xlsx:My notes: sheet: The sheet "My notes" is not part of the layout, so it was '
        "not read. Rename it to one of: Plan, Levels, Headings, Strand key, Footnotes, "
        "Abbreviations, Groups, Actions, Activities, Measures, Measure values, Equality duty "
        "aims, Progress, Progress items, Leads, Dates, Notes, Sources."),
}


def workbook(path: str, sheets: dict[str, list[list[str]]]) -> str:
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


PLAN_ROWS = [["Field", "Value"], ["Plan id", "new-plan"], ["Title", "New plan"],
             ["Organisation", "Example Council"], ["Organisation kind", "local_authority"],
             ["Organisation basis", "stated"]]
LEVELS = [["Kind", "Label"], ["objective", "Objective"]]
GROUPS = [["Group id", "Title"], ["objective-1", "First objective"]]
ACTIONS = [["Group id", "Action id", "Number", "Action", "Target dates"],
           ["objective-1", "1.1", "1.1", "First action", "April 2027"],
           ["", "1.2", "1.2", "Second action", "Ongoing"]]


def good_sheets(**changes) -> dict[str, list[list[str]]]:
    sheets = {"Plan": PLAN_ROWS, "Levels": LEVELS, "Groups": GROUPS, "Actions": ACTIONS}
    sheets.update(changes)
    return sheets


def imported(run, path: str, *args: str) -> tuple[int, str, str]:
    code, out, err = run("import", path, *args)
    return code, out, err


def test_a_good_workbook_is_imported(project, run):
    code, out, err = imported(run, workbook("new.xlsx", good_sheets()))
    assert (code, err) == (0, "")
    assert out.startswith("Created data/plans/new-plan.yaml: 1 group, 2 actions, 0 progress "
                          "updates.")


def test_a_check_failure_is_placed_at_its_row_and_column(project, run):
    progress = [["Action id", "Date", "Status", "Progress"],
                ["1.1", "2026-05-01", "in progres", "Started."]]
    code, out, err = imported(run, workbook("new.xlsx", good_sheets(Progress=progress)))
    assert code == 1 and not (project / "data" / "plans" / "new-plan.yaml").exists()
    assert err.splitlines()[0] == "error: " + MESSAGES['check']
    assert err.splitlines()[-1] == MESSAGES['nothing written']


def test_a_repeated_action_id_names_both_rows(project, run):
    actions = ACTIONS + [["", "1.1", "1.3", "Third action", ""]]
    code, _, err = imported(run, workbook("new.xlsx", good_sheets(Actions=actions)))
    assert code == 1
    assert err.splitlines()[0] == "error: " + MESSAGES['repeated id']


def test_a_missing_field_says_where_to_fill_it_in(project, run):
    plan = [row for row in PLAN_ROWS if row[0] != "Title"]
    code, _, err = imported(run, workbook("new.xlsx", good_sheets(Plan=plan)))
    assert code == 1
    assert err.splitlines()[0] == "error: " + MESSAGES['missing field']


def test_an_unknown_column_is_reported_and_not_read(project, run):
    actions = [row + [extra] for row, extra in zip(ACTIONS, ["Lede", "Head of HR", ""])]
    code, out, err = imported(run, workbook("new.xlsx", good_sheets(Actions=actions)))
    assert code == 0
    assert out.splitlines()[0] == "warning: " + MESSAGES['unknown column']


def test_two_columns_for_one_field_is_an_error(project, run):
    actions = [row + [extra] for row, extra in zip(ACTIONS, ["When", "May 2027", ""])]
    code, _, err = imported(run, workbook("new.xlsx", good_sheets(Actions=actions)))
    assert code == 1
    assert err.splitlines()[0] == "error: " + MESSAGES['two columns']


def test_an_action_with_no_group_is_an_error(project, run):
    actions = [ACTIONS[0], ["", "1.1", "1.1", "First action", ""]]
    code, _, err = imported(run, workbook("new.xlsx", good_sheets(Actions=actions)))
    assert code == 1
    assert err.splitlines()[0] == "error: " + MESSAGES['no group']


def test_rows_about_items_that_do_not_exist(project, run):
    notes = [["Belongs to", "Kind", "Public", "Note"],
             ["action 9.9", "other", "", "A note."],
             ["the first action", "other", "", "A note."],
             ["action 1.1", "other", "perhaps", "A note."]]
    sources = [["Belongs to", "Lines"], ["action 1.1", "fifteen"]]
    code, _, err = imported(run, workbook("new.xlsx", good_sheets(Notes=notes,
                                                                  Sources=sources)))
    assert code == 1
    assert err.splitlines()[:4] == ["error: " + MESSAGES[k] for k in ("unknown item", "reference",
                                                           "yes or no", "line range")]


def test_detail_whose_words_no_longer_match_is_reported_not_lost_silently(project, run):
    dates = [["Belongs to", "Field", "Date as written", "Kind", "Start", "End"],
             ["action 1.1", "due", "April 2026", "month", "2026-04-01", "2026-04-30"]]
    code, out, err = imported(run, workbook("new.xlsx", good_sheets(Dates=dates)))
    assert code == 0
    assert out.splitlines()[0] == "warning: " + MESSAGES['words differ']


def test_the_plan_id_in_the_sheet_must_match_the_command(project, run):
    code, _, err = imported(run, workbook("new.xlsx", good_sheets()), "--plan", "other-plan")
    assert code == 1
    assert err.splitlines()[0] == "error: " + MESSAGES['plan id']


def test_csv_rows_are_numbered_as_a_spreadsheet_shows_them(project, run):
    Path("new.csv").write_text(
        "[Plan]\nField,Value\nTitle,New plan\nOrganisation,Example Council\n"
        "Organisation kind,local_authority\nOrganisation basis,stated\n"
        "[Levels]\nKind,Label\nobjective,Objective\n"
        "[Actions]\nGroup title,Action id,Action,Leads\n"
        'First objective,1.1,"An action\nover two lines",Head of HR\n'
        "First objective,1.2,Another,\n"
        "[Progress]\nAction id,Status,Progress\n1.2,done,Finished.\n", encoding="utf-8")
    code, _, err = imported(run, "new.csv", "--plan", "new-plan")
    assert code == 1
    assert err.splitlines()[0].startswith(
        'error: new.csv:row 16: action 1.2 > progress update 1 > status (column B, Status): Status '
        '"done" is not one of')


def test_only_spreadsheets_are_imported(project, run):
    Path("plan.docx").write_bytes(b"PK")
    assert run("import", "plan.docx", "--plan", "x") == (
        1, "", f"error: {MESSAGES['not a spreadsheet']}\n1 error: nothing was changed.\n")
    assert run("import", "missing.xlsx")[2] == (f"error: {MESSAGES['no file']}\n"
                                                "1 error: nothing was changed.\n")


def test_a_sheet_outside_the_layout_is_reported(project, run):
    sheets = good_sheets()
    sheets["My notes"] = [["To do"], ["Ask Sam"]]
    code, out, _ = imported(run, workbook("new.xlsx", sheets))
    assert code == 0
    assert out.splitlines()[0] == "warning: " + MESSAGES["unknown sheet"]


def test_a_failed_import_leaves_an_existing_plan_untouched(project, run):
    assert run("export", "charnwood-2016-2018")[0] == 0
    book = load_workbook("spreadsheets/charnwood-2016-2018.xlsx")
    book["Actions"]["B2"] = "Not An Id"
    book.save("spreadsheets/charnwood-2016-2018.xlsx")
    path = project / "data" / "plans" / "charnwood-2016-2018.yaml"
    before = path.read_bytes()
    code, _, err = run("import", "spreadsheets/charnwood-2016-2018.xlsx")
    assert code == 1 and path.read_bytes() == before
    assert err.splitlines()[0].startswith(
        'error: spreadsheets/charnwood-2016-2018.xlsx:Actions:row 2: action Not An Id > id (column B, Action id): '
        'Id "Not An Id" is not a valid identifier. Use lower-case letters')
    # Its progress update, on the Progress sheet, now belongs to no action: also reported.
    assert "spreadsheets/charnwood-2016-2018.xlsx:Progress:row 2: action 1.1: Action 1.1 is not in" in err


def test_groups_named_in_the_actions_sheet_beside_an_empty_groups_sheet(project, run):
    # As in the template: a Groups sheet with headings only, the groups named on action rows.
    actions = [["Group number", "Group title", "Number", "Action"],
               ["1", "First objective", "1.1", "First action"], ["", "", "1.2", "Second"]]
    sheets = good_sheets(Groups=[["Group id", "Title"]], Actions=actions)
    code, out, err = imported(run, workbook("new.xlsx", sheets))
    assert (code, err) == (0, ""), err
    assert out.startswith("Created data/plans/new-plan.yaml: 1 group, 2 actions")


def test_a_repeated_group_id_and_a_group_inside_itself(project, run):
    groups = [["Group id", "Parent group id", "Title"], ["a", "b", "A"], ["b", "a", "B"],
              ["a", "", "A again"]]
    actions = [["Group id", "Action id", "Action"], ["a", "1", "One"], ["b", "2", "Two"]]
    code, _, err = imported(run, workbook("new.xlsx", good_sheets(Groups=groups,
                                                                  Actions=actions)))
    assert code == 1
    lines = err.splitlines()
    assert ("error: new.xlsx:Groups:row 2: group a (column B, Parent group id): The parent group \"b\" "
            "is inside this group. Correct the Parent group id: a group cannot be inside "
            "itself.") in lines
    assert ("error: new.xlsx:Groups:row 4: group a (column A, Group id): This group id is used twice "
            "(first on Groups row 2). Give each group its own id.") in lines


def test_a_csv_template_saved_by_a_european_excel(project, run):
    """Semicolons between cells and Windows (cp1252) text, as some Excel versions save CSV."""
    import csv

    assert run("template", "--format", "csv")[0] == 0
    rows, section = [], None
    for row in csv.reader(Path("spreadsheets/plan-template.csv").open(encoding="utf-8-sig", newline="")):
        section = row[0] if len(row) == 1 and row[0].startswith("[") else section
        if section == "[Plan]" and row[:1] in (["Title"], ["Organisation"]):
            row[1] = "Café plan" if row[0] == "Title" else "Example Council"
        rows.append(row)
        if section == "[Actions]" and row[:1] == ["Group id"]:
            cells = dict.fromkeys(row, "")
            cells.update({"Group title": "Objective one", "Number": "1.1",
                          "Action": "Do the thing", "Leads": "Head of X\nHead of Y"})
            rows.append(list(cells.values()))
    with open("plan.csv", "w", encoding="cp1252", newline="") as out:
        csv.writer(out, delimiter=";").writerows(rows)
    code, out, err = run("import", "plan.csv", "--plan", "cafe")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        'warning: plan.csv: file: The file is not UTF-8 text, so it was read as Windows (cp1252) text. '
        'Check accented letters and symbols in the result; to be sure, save the file as "CSV '
        'UTF-8".', "Created data/plans/cafe.yaml: 1 group, 1 action, 0 progress updates.",
        "1 warning: read the warnings above.",
        "Check it with: actionplan validate data/plans/cafe.yaml"]
    plan, problems = read_plan_file(project / "data" / "plans" / "cafe.yaml")
    (action,) = plan.groups[0].actions
    assert plan.title == "Café plan" and [x.text for x in action.leads] == ["Head of X",
                                                                             "Head of Y"]


def test_a_damaged_workbook_is_reported_not_a_traceback(project, run):
    Path("broken.xlsx").write_bytes(b"this is not a zip file")
    assert run("import", "broken.xlsx", "--plan", "x") == (
        1, "", "error: broken.xlsx: file: The file cannot be read as an Excel workbook (it may be "
        "damaged, protected by a password, or another kind of file named .xlsx). Open it in "
        "Excel and save it again as Excel Workbook (.xlsx), or save it as CSV UTF-8.\n1 error: nothing was changed.\n")


def test_an_export_to_a_folder_that_does_not_exist_is_reported(project, run):
    code, out, err = run("export", "charnwood-2016-2018", "--output", "no/such/folder/p.xlsx")
    assert code == 1 and err.startswith("no/such/folder/p.xlsx: file: No such file or directory.")
