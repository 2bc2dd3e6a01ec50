"""Export then import gives back the same data, for every bundled plan, as .xlsx and as .csv."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from actionplan.api import read_plan_file
from actionplan.edit.yaml_edit import normal_form
from actionplan.load import read_yaml_file

from ..conftest import FIXTURES, ROOT

# Every plan bundled now or later (data/plans/*.yaml), and the fixture with the rarer fields.
PLANS = sorted((ROOT / "data" / "plans").glob("*.yaml")) + [FIXTURES / "data" / "plans" /
                                                            "mini.yaml"]
CASES = [pytest.param(path, fmt, id=f"{path.stem}-{fmt}") for path in PLANS
         for fmt in ("xlsx", "csv")]


def plan_id(path: Path) -> str:
    return read_yaml_file(path).data["plan"]["id"]


@pytest.mark.parametrize("source,fmt", CASES)
def test_export_then_import_into_an_empty_folder_gives_the_same_plan(source, fmt, project, run):
    pid = plan_id(source)
    code, out, err = run("export", pid, "--format", fmt, "--output", f"plan.{fmt}")
    assert (code, err) == (0, "")
    target_dir = project / "fresh"
    code, out, err = run("import", f"plan.{fmt}", "--plan", pid, "--data", target_dir)
    assert (code, err) == (0, ""), err
    # A new plan has no settled leads yet: a lead that may join two ("Neighbourhoods and
    # Partnerships Manager") is the one warning such an import may give.
    lines = out.splitlines()
    warnings = [line for line in lines if line.startswith("warning: ")]
    assert all("may name 2 leads" in line for line in warnings), warnings
    assert lines[len(warnings)].startswith(f"Created fresh/plans/{pid}.yaml: ")
    written = target_dir / "plans" / f"{pid}.yaml"
    original = read_yaml_file(source).data
    assert normal_form(read_yaml_file(written).data) == normal_form(original)
    new_plan, problems = read_plan_file(written)
    old_plan, _ = read_plan_file(source)
    assert problems == []
    # The model, field by field (only the file it was read from differs).
    assert dataclasses.replace(new_plan, data_file=old_plan.data_file) == old_plan
    assert written.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=")


@pytest.mark.parametrize("source,fmt", CASES)
def test_import_of_an_unchanged_export_leaves_the_plan_file_byte_for_byte(source, fmt, project,
                                                                           run):
    pid = plan_id(source)
    path = project / "data" / "plans" / source.name
    before = path.read_bytes()
    assert run("export", pid, "--format", fmt)[0] == 0
    code, out, err = run("import", f"spreadsheets/{pid}.{fmt}")  # plan id from the Plan sheet
    assert (code, err) == (0, ""), err
    assert out.startswith(f"Updated data/plans/{source.name}: ")
    assert "Actions changed" not in out and "added" not in out and "removed" not in out
    assert path.read_bytes() == before


def test_an_edit_in_the_export_changes_only_that_value_in_the_file(project, run):
    from openpyxl import load_workbook

    assert run("export", "charnwood-2016-2018")[0] == 0
    book = load_workbook("spreadsheets/charnwood-2016-2018.xlsx")
    sheet = book["Progress"]
    headings = [c.value for c in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "4.6")
    row[headings.index("Progress to date")].value = "Training delivered to all managers."
    book.save("spreadsheets/charnwood-2016-2018.xlsx")
    path = project / "data" / "plans" / "charnwood-2016-2018.yaml"
    before = path.read_text(encoding="utf-8").splitlines()
    code, out, err = run("import", "spreadsheets/charnwood-2016-2018.xlsx")
    assert code == 0 and "Actions changed: 4.6." in out
    after = path.read_text(encoding="utf-8").splitlines()
    changed = [(a, b) for a, b in zip(before, after) if a != b]
    assert len(before) == len(after) and len(changed) == 1
    assert changed[0][1].endswith("text: Training delivered to all managers.")


def test_the_export_uses_the_plans_own_headings(project, run):
    from openpyxl import load_workbook

    assert run("export", "lewisham-ewg-2015")[0] == 0
    book = load_workbook("spreadsheets/lewisham-ewg-2015.xlsx")
    actions = [c.value for c in book["Actions"][1]]
    progress = [c.value for c in book["Progress"][1]]
    assert actions[:4] == ["Group id", "Action id", "Number", "What"]
    assert {"When", "Who", "Outcome/ Output/ Measure"} <= set(actions)
    assert {"Progress", "Further Action", "Impact"} <= set(progress)
    assert book.sheetnames[0] == "Read me"
    shutil.copy("spreadsheets/lewisham-ewg-2015.xlsx", "copy.xlsx")


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_previous_ids_go_through_a_spreadsheet(fmt, project, run):
    path = project / "data" / "plans" / "mini.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        '- id: "1.1.2"\n', '- id: "1.1.2"\n            previous_ids: ["1.1.2-old", "1.2"]\n').replace(
        "  - id: objective-1\n", "  - id: objective-1\n    previous_ids: [objective-a]\n").replace(
        "  id: mini-plan\n", "  id: mini-plan\n  previous_ids: [mini]\n"),
        encoding="utf-8")
    assert run("export", "mini-plan", "--format", fmt, "--output", f"plan.{fmt}")[0] == 0
    code, _, err = run("import", f"plan.{fmt}", "--plan", "mini-plan", "--data", "fresh")
    assert (code, err) == (0, ""), err
    plan, problems = read_plan_file(project / "fresh" / "plans" / "mini-plan.yaml")
    assert problems == []
    assert [a.previous_ids for a, _ in plan.all_actions()] == [(), ("1.1.2-old", "1.2")]
    assert [g.previous_ids for g, _ in plan.all_groups()] == [("objective-a",), ()]
    assert plan.previous_ids == ("mini",)
