"""Messages officers met when publishing a plan of their own (issue 18, item 5): status codes
in any case and spacing, errors and warnings counted and marked apart, one message per unknown
field, a place for every import problem, and spreadsheets kept out of the repository."""

from __future__ import annotations

import pytest

from actionplan.api import read_plan_file

from ..conftest import ROOT
from ..unit.plan_text import VALID
from .test_import_problems import good_sheets, imported, workbook

LOOSE = {
    "message": (
        "warning: data/plans/plan.yaml:17:21: action 1.1 > progress update 1 > status: The "
        'status code is written "In progress"; it is read as in_progress. Write `in_progress` '
        "(status codes are lower case, with _ between words)."),
}


@pytest.mark.parametrize("written,code", [("Completed", "completed"),
                                          ("In progress", "in_progress"),
                                          ("in-progress", "in_progress"),
                                          (" NOT  started", "not_started"),
                                          ("{code: Ongoing, text: Ongoing.}", "ongoing")])
def test_a_status_code_in_any_case_and_spacing_is_read_with_a_warning(write_plan, written,
                                                                      code):
    path = write_plan(VALID.replace("status: in_progress", f"status: {written}"))
    plan, problems = read_plan_file(path, "data/plans/plan.yaml")
    assert plan is not None
    action = next(a for a, _ in plan.all_actions() if a.id == "1.1")
    assert action.status.code == code
    (warning,) = problems
    assert warning.severity == "warning" and warning.line == 17
    assert warning.what.endswith(f"; it is read as {code}")
    assert warning.fix.startswith(f"write `{code}`")


def test_validate_prints_the_status_warning_marked_and_counted(write_plan, tmp_path,
                                                               monkeypatch, run):
    write_plan(VALID.replace("status: in_progress", "status: In progress"))
    monkeypatch.chdir(tmp_path)
    code, out, err = run("validate")
    assert (code, err) == (0, "")
    assert out.splitlines() == [LOOSE["message"], "1 file checked: no errors (1 warning)."]
    code, out, err = run("validate", "--strict")
    assert code == 1 and err == ("1 warning in 1 file, and --strict fails on warnings (as "
                                 "`mkdocs build --strict` does).\n")


def test_errors_and_warnings_are_counted_apart(write_plan, tmp_path, monkeypatch, run):
    write_plan(VALID.replace("status: in_progress", "status: In progress")
               .replace("        due: [April 2018]", "        dew: [April 2018]"))
    monkeypatch.chdir(tmp_path)
    code, out, err = run("validate")
    assert code == 1
    assert out.splitlines() == [LOOSE["message"]]
    *errors, total = err.splitlines()
    assert [line.split(":")[0] for line in errors] == ["error"]
    assert total == "1 error, 1 warning in 1 file."


def test_one_message_per_unknown_field(write_plan):
    path = write_plan(VALID.replace("        due: [April 2018]",
                                    "        due: [April 2018]\n        colour: green\n"
                                    "        cost: 5000"))
    _, problems = read_plan_file(path, "data/plans/plan.yaml")
    assert [(p.line, p.what) for p in problems] == [(16, 'unknown field "colour"'),
                                                     (17, 'unknown field "cost"')]
    assert all(p.where == "action 1.1" and "Fields allowed here:" in p.fix for p in problems)


def test_the_update_command_reads_a_loose_status_code_with_a_warning(project, run):
    code, out, err = run("update", "4.6", "--status", "In progress", "--text", "x", "--date",
                         "2018-06-30")
    assert (code, err) == (0, "")
    warning, done = out.splitlines()
    assert warning == ('warning: actionplan update: --status: The status code is written "In '
                       'progress"; it is read as in_progress. Write `--status in_progress` '
                       "(status codes are lower case, with _ between words).")
    assert done.endswith(": 2018-06-30, in_progress. (1 warning: read the warnings above.)")
    text = (project / "data" / "plans" / "charnwood-2016-2018.yaml").read_text("utf-8")
    assert "      status: in_progress\n      text: x\n" in text


def test_an_import_reads_a_loose_status_code_and_warns_at_its_row(project, run):
    progress = [["Action id", "Date", "Status", "Progress"],
                ["1.1", "2026-05-01", "Completed", "Done."]]
    code, out, err = imported(run, workbook("new.xlsx", good_sheets(Progress=progress)))
    assert (code, err) == (0, ""), err
    assert out.splitlines()[0] == (
        "warning: new.xlsx:Progress:row 2: action 1.1 > progress update 1 > status (column C, "
        'Status): The status code is written "Completed"; it is read as completed. Write '
        "`completed` (status codes are lower case, with _ between words).")
    assert "1 warning: read the warnings above." in out.splitlines()
    text = (project / "data" / "plans" / "new-plan.yaml").read_text("utf-8")
    assert "status: completed" in text and "Completed" not in text


def test_an_import_with_no_action_rows_names_the_actions_sheet(project, run):
    code, _, err = imported(run, workbook("new.xlsx", good_sheets(
        Groups=[["Group id", "Title"]], Actions=[["Group id", "Action id", "Action"]])))
    assert code == 1
    assert err.splitlines() == [
        "error: new.xlsx:Actions:row 1: plan: Groups must list at least 1 item. Add at least "
        "one row to the Actions sheet, each action with its group (Group id, or Group title).",
        "1 error: nothing was written. Fix the rows listed above and import again."]


@pytest.mark.parametrize("has_last_good", [True, False])
def test_the_preview_notice_reads_as_sentences(has_last_good):
    from actionplan.mkdocs_plugin.serve import notice_html
    from actionplan.problems import Problem
    from actionplan.render.renderer import Renderer

    problem = Problem("data/plans/plan.yaml", 3, 1, "plan", "something is wrong", "fix it")
    html = notice_html(Renderer(), [problem], "index.md", has_last_good=has_last_good)
    assert ("worked. Fix the problems" if has_last_good else "read. Fix the problems") in html


@pytest.mark.parametrize("command,name", [(["template"], "plan-template.xlsx"),
                                          (["export", "charnwood-2016-2018"],
                                           "charnwood-2016-2018.xlsx")])
def test_spreadsheets_go_to_a_folder_gitignore_covers(project, run, command, name):
    code, out, _ = run(*command)
    assert code == 0 and (project / "spreadsheets" / name).is_file()
    assert f"Wrote spreadsheets/{name}" in out
    assert not list(project.glob("*.xlsx"))
    for ignore in (ROOT / ".gitignore",
                   ROOT / "plugins" / "actionplan" / "scaffold" / "files" / "gitignore"):
        assert "/spreadsheets/" in ignore.read_text("utf-8").splitlines()
    assert run(*command, "--output", "mine.xlsx")[0] == 0 and (project / "mine.xlsx").is_file()


def test_a_placeholder_in_a_spreadsheet_is_an_error_at_its_row(project, run):
    from .test_import_problems import PLAN_ROWS

    plan = [row if row[0] != "Organisation" else ["Organisation", "REPLACE: the council's name"]
            for row in PLAN_ROWS]
    code, _, err = imported(run, workbook("new.xlsx", good_sheets(Plan=plan)))
    assert code == 1 and not (project / "data" / "plans" / "new-plan.yaml").exists()
    assert err.splitlines()[0] == (
        "error: new.xlsx:Plan:row 4: plan > organisation > name (column B, Organisation): This "
        "is still the starter's placeholder text (\"REPLACE: the council's name\"), which would "
        "be published as it is. Replace the whole text with the council's name.")
