"""Officers' commands on a plan with no groups (top-level `actions:`): export and import
round trip, a one-table import, `update` and `new-plan --flat`."""

from __future__ import annotations

import dataclasses
import shutil

import pytest
from openpyxl import Workbook

from actionplan.api import read_plan_file
from actionplan.edit.new_plan import VALUES
from actionplan.edit.yaml_edit import normal_form
from actionplan.load import read_yaml_file

from ..conftest import FIXTURES

FLAT = FIXTURES / "flat" / "plans" / "flat.yaml"
PATH = "data/plans/flat.yaml"


@pytest.fixture
def flat(project):
    shutil.copy(FLAT, project / PATH)
    return project / PATH


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_a_flat_plan_round_trips_through_a_spreadsheet(flat, project, run, fmt):
    assert run("export", "flat-plan", "--format", fmt, "--output", f"plan.{fmt}")[0] == 0
    code, out, err = run("import", f"plan.{fmt}", "--plan", "flat-plan", "--data", "fresh")
    assert (code, err) == (0, ""), err
    assert out.startswith("Created fresh/plans/flat-plan.yaml: 3 actions, 2 progress updates.")
    written = read_yaml_file(project / "fresh/plans/flat-plan.yaml").data
    assert "groups" not in written and "levels" not in written["plan"]
    assert normal_form(written) == normal_form(read_yaml_file(flat).data)
    new_plan, problems = read_plan_file(project / "fresh/plans/flat-plan.yaml")
    old_plan, _ = read_plan_file(flat)
    assert problems == []
    assert dataclasses.replace(new_plan, data_file=old_plan.data_file) == old_plan


def test_an_unchanged_export_of_a_flat_plan_leaves_the_file_byte_for_byte(flat, run):
    before = flat.read_bytes()
    assert run("export", "flat-plan")[0] == 0
    code, out, err = run("import", "spreadsheets/flat-plan.xlsx")
    assert (code, err) == (0, "") and out.startswith(f"Updated {PATH}: 3 actions")
    assert flat.read_bytes() == before


def _one_table(path: str, rows: list[list[str]]) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["Action", "Lead", "Target date", "Status", "Progress"])
    for row in rows:
        sheet.append(row)
    book.save(path)


def test_a_one_table_sheet_with_no_groups_updates_a_flat_plan(flat, run):
    _one_table("mine.xlsx", [
        ["Make the library step-free", "Head of Libraries", "December 2021", "completed",
         "Ramp installed."],
        ["Translate the council tax leaflet", "Customer Services Manager", "June 2022",
         "completed", "All five languages done."],
        ["Run a staff equality survey", "HR Manager", "", "", ""],
        ["Review the complaints process", "Head of Customer Services", "May 2022", "", ""],
    ])
    code, out, err = run("import", "mine.xlsx", "--plan", "flat-plan")
    assert (code, err) == (0, ""), err
    assert "Actions added: action-1." in out and "Actions changed: translate-leaflets." in out
    data = read_yaml_file(flat).data
    assert "groups" not in data
    assert [a["id"] for a in data["actions"]] == [
        "step-free-library", "translate-leaflets", "staff-survey", "action-1"]
    assert data["actions"][1]["progress"][-1]["text"] == "All five languages done."
    assert read_plan_file(flat)[1] == []


def _filled_template(*, keep_levels: bool = False) -> None:
    """The template with a plan's title and two actions with no group, saved as new.xlsx."""
    from openpyxl import load_workbook

    book = load_workbook("spreadsheets/plan-template.xlsx")
    plan = book["Plan"]
    for row in plan.iter_rows(min_row=2):
        value = {"Plan id": "fair-2026", "Title": "Fairness Plan 2026",
                 "Organisation": "Example Council"}.get(row[0].value)
        if value:
            row[1].value = value
    levels = book["Levels"]
    if not keep_levels:
        levels.delete_rows(2, levels.max_row)  # no objectives: no levels
    actions = book["Actions"]
    headings = [c.value for c in actions[1]]
    for title, lead in (("Translate the leaflets", "Head of Service"),
                        ("Train the staff", "HR Manager")):
        actions.append([{"Action": title, "Lead": lead}.get(h) for h in headings])
    book.save("new.xlsx")


def test_the_templates_level_left_in_a_plan_with_no_groups_is_a_warning_at_its_row(project,
                                                                                     run):
    assert run("template")[0] == 0
    _filled_template(keep_levels=True)
    code, out, err = run("import", "new.xlsx", "--plan", "fair-2026")
    assert code == 0
    assert ("warning: new.xlsx:Levels:row 2: plan > level 1: This plan has no groups, so its "
            "levels name nothing. Delete the rows of the Levels sheet (a plan whose actions have "
            "no groups has no levels), or give each action its group.") in out + err


def test_a_one_table_sheet_with_no_groups_makes_a_new_flat_plan(project, run):
    assert run("template")[0] == 0
    _filled_template()
    code, out, err = run("import", "new.xlsx", "--plan", "fair-2026")
    assert (code, err) == (0, ""), err
    data = read_yaml_file(project / "data/plans/fair-2026.yaml").data
    assert "groups" not in data and "levels" not in data["plan"]
    assert [a["title"] for a in data["actions"]] == ["Translate the leaflets", "Train the staff"]
    assert read_plan_file(project / "data/plans/fair-2026.yaml")[1] == []


def test_update_adds_progress_to_an_action_of_a_flat_plan(flat, run):
    code, out, err = run("update", "staff-survey", "--plan", "flat-plan", "--status",
                         "in_progress", "--text", "Survey sent.", "--date", "2022-03-15")
    assert (code, err) == (0, ""), err
    progress = read_yaml_file(flat).data["actions"][2]["progress"]
    assert progress == [{"date": "2022-03-15", "status": "in_progress", "text": "Survey sent."}]


def test_new_plan_flat_writes_a_starter_with_no_groups_that_passes_every_check(project, run):
    assert run("new-plan", "fair-2026", "--flat")[0] == 0
    path = project / "data" / "plans" / "fair-2026.yaml"
    text = path.read_text(encoding="utf-8")
    assert "\ngroups:" not in text and "levels:" not in text and "\nactions:" in text
    for wanted, example in VALUES.values():
        text = text.replace(f"REPLACE: {wanted}", example.replace('"', "'"))
    assert '"REPLACE: ' not in text  # every placeholder replaced
    path.write_text(text, encoding="utf-8")
    plan, problems = read_plan_file(path)
    assert problems == [] and plan.is_flat and len(plan.actions) == 2


def test_a_sheet_that_empties_a_flat_plan_says_where_the_actions_go(flat, run):
    _one_table("mine.xlsx", [])
    code, _, err = run("import", "mine.xlsx", "--plan", "flat-plan")
    assert code == 1
    assert err.splitlines()[0] == (
        "error: mine.xlsx:Sheet:row 1: plan: Actions must list at least 1 item. Add at least "
        "one row to the Actions sheet.")
