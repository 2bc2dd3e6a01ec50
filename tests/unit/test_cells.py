"""Cells: lists one item per line, bullets, yes/no, line ranges, references, Excel's types."""

from __future__ import annotations

import datetime

import pytest

from actionplan.spreadsheet.cells import (
    CellError, cell_text, join_items, line_range, parse_ref, split_items, yes_no,
)


@pytest.mark.parametrize("items", [
    ["Head of HR", "Equality Officer"],
    ["A measure\nwith two lines", "Another"],
    ["Para one.\n\nPara two.", "  not indented? no: kept", "- starts like a bullet"],
    ["* a Markdown list item", "plain"],
])
def test_list_cells_give_back_the_same_items(items):
    items = [i.strip() for i in items]
    assert split_items(join_items(items)) == items


def test_officers_bullets_and_blank_lines_are_read_as_items():
    assert split_items("• Head of HR\n• Equality Officer") == ["Head of HR", "Equality Officer"]
    assert split_items("Head of HR\n\n  Equality Officer  \n") == ["Head of HR", "Equality Officer"]


def test_yes_no_and_line_ranges():
    assert yes_no("Yes") is True and yes_no("n") is False
    with pytest.raises(CellError, match="not yes or no"):
        yes_no("maybe")
    assert line_range("15-18") == [15, 18] and line_range("7") == [7, 7]
    with pytest.raises(CellError, match="not a line range"):
        line_range("fifteen")


def test_references():
    assert parse_ref("action 1.1 > update 2") == [("action", "1.1"), ("update", "2")]
    assert parse_ref("Plan") == [("plan", "")]
    with pytest.raises(CellError, match="is not a reference"):
        parse_ref("the first action")


def test_cells_as_excel_stores_them():
    assert cell_text(1.0) == "1" and cell_text(1.1) == "1.1" and cell_text(True) == "yes"
    assert cell_text(datetime.datetime(2018, 4, 30)) == "2018-04-30"
    # Excel turns "April 2018" typed into a cell into a date shown as Apr-18.
    assert cell_text(datetime.datetime(2018, 4, 1), "mmm-yy") == "April 2018"
    assert cell_text("line one\r\nline two ") == "line one\nline two"
    assert cell_text("pasted from Word\x0bits line break") == "pasted from Word\nits line break"
