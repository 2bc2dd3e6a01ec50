"""The officers' guide documents the spreadsheet layout the code uses, every sheet and column."""

from __future__ import annotations

import pytest

from actionplan.spreadsheet.columns import TABLES

from ..conftest import ROOT

GUIDE = (ROOT / "content" / "updating-a-plan.md").read_text(encoding="utf-8")
LAYOUT = GUIDE[GUIDE.index("### The spreadsheet layout"):GUIDE.index("## The YAML route")]


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
def test_every_sheet_and_column_is_in_the_guide(table):
    section = LAYOUT[LAYOUT.index(f"#### {table.name}\n"):]
    section = section[:section.find("\n#### ", 1) if "\n#### " in section[1:] else None]
    assert table.help in section
    for column in table.columns:
        assert f"| {column.heading} | {column.help.replace('|', chr(92) + '|')} |" in section
