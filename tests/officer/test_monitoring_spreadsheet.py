"""The monitoring fields through the spreadsheet route: export then import keeps every one of
them (officer's rating, percent complete, budget, measure figures and values), and a bad
figure in a cell is an error at its sheet, row and column."""

from __future__ import annotations

import dataclasses
import shutil

import pytest
from openpyxl import load_workbook

from actionplan.api import read_plan_file
from actionplan.edit.yaml_edit import normal_form
from actionplan.load import read_yaml_file

from ..conftest import FIXTURES

SOURCE = FIXTURES / "monitoring" / "plans" / "monitoring.yaml"
PID = "monitoring-plan"


@pytest.fixture
def monitoring(project):
    shutil.copy(SOURCE, project / "data" / "plans")
    return project


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_export_then_import_keeps_every_monitoring_field(monitoring, run, fmt):
    code, out, err = run("export", PID, "--format", fmt, "--output", f"plan.{fmt}")
    assert (code, err) == (0, "")
    code, out, err = run("import", f"plan.{fmt}", "--plan", PID, "--data", monitoring / "fresh")
    assert (code, err) == (0, ""), err
    written = monitoring / "fresh" / "plans" / f"{PID}.yaml"
    assert normal_form(read_yaml_file(written).data) == normal_form(read_yaml_file(SOURCE).data)
    new_plan, problems = read_plan_file(written)
    old_plan, _ = read_plan_file(SOURCE)
    assert problems == []
    assert dataclasses.replace(new_plan, data_file=old_plan.data_file) == old_plan


def test_an_unchanged_export_imports_without_a_change(monitoring, run):
    path = monitoring / "data" / "plans" / SOURCE.name
    before = path.read_bytes()
    assert run("export", PID)[0] == 0
    code, out, err = run("import", f"spreadsheets/{PID}.xlsx")
    assert (code, err) == (0, ""), err
    assert path.read_bytes() == before


def _edit(monitoring, sheet: str, heading: str, row: int, value) -> str:
    book = load_workbook(monitoring / "spreadsheets" / f"{PID}.xlsx")
    table = book[sheet]
    headings = [c.value for c in table[1]]
    column = headings.index(heading) + 1
    table.cell(row=row, column=column).value = value
    book.save(monitoring / "spreadsheets" / f"{PID}.xlsx")
    return table.cell(row=row, column=column).column_letter


@pytest.mark.parametrize("sheet, heading, row, value, where, fix", [
    ("Progress", "Percent complete", 2, "about half",
     "action 1.1 > progress update 1 > percent_complete", "Write a plain number here"),
    ("Progress", "Percent complete", 3, "45%",
     "action 1.1 > progress update 2 > percent_complete", "Write 45: a plain number"),
    ("Actions", "Budget", 2, "£25,000", "action 1.1 > budget > amount",
     "Write 25000: a plain number"),
    ("Measure values", "Value", 2, "twelve", "action 1.1 > measure m1 > value 1 > value",
     "Write a plain number here"),
])
def test_a_figure_that_is_not_a_number_is_an_error_at_its_cell(monitoring, run, sheet, heading,
                                                                row, value, where, fix):
    assert run("export", PID)[0] == 0
    letter = _edit(monitoring, sheet, heading, row, value)
    code, out, err = run("import", f"spreadsheets/{PID}.xlsx")
    assert code == 1
    assert (f"{PID}.xlsx:{sheet}:row {row}: {where} (column {letter}, {heading}): "
            f"{where.rsplit(' > ', 1)[1].capitalize()} should be a number, but is text. {fix}"
            ) in err
    assert "1 error: nothing was written" in err


def test_a_percent_out_of_range_is_the_plan_checks_error_at_its_cell(monitoring, run):
    assert run("export", PID)[0] == 0
    letter = _edit(monitoring, "Progress", "Percent complete", 2, 140)
    code, out, err = run("import", f"spreadsheets/{PID}.xlsx")
    assert code == 1
    assert (f"{PID}.xlsx:Progress:row 2: action 1.1 > progress update 1 > percent_complete "
            f"(column {letter}, Percent complete): ") in err
    assert "Percent_complete is 140, above the highest allowed value (100). Write a number from 0 to 100." in err
