"""The layout of a return workbook: its sheets and columns, shared by writing and reading."""

from __future__ import annotations

from dataclasses import dataclass

INSTRUCTIONS_SHEET = "Instructions"
ACTIONS_SHEET = "Actions"


@dataclass(frozen=True)
class ReturnColumn:
    key: str
    heading: str
    width: int
    fill: bool = False  # the lead fills it in; every other column is read-only


COLUMNS = (
    ReturnColumn("plan", "Plan", 22),
    ReturnColumn("action", "Action id", 10),
    ReturnColumn("title", "Action", 50),
    ReturnColumn("part", "Your part", 16),
    ReturnColumn("due", "Target date", 18),
    ReturnColumn("status", "Current status", 18),
    ReturnColumn("judgement", "Site's judgement", 20),
    ReturnColumn("last_update", "Last update", 50),
    ReturnColumn("new_status", "New status", 16, fill=True),
    ReturnColumn("text", "Update", 60, fill=True),
    ReturnColumn("revised_due", "Revised target date", 20, fill=True),
    ReturnColumn("reason", "Reason", 40, fill=True),
)
READ_ONLY = tuple(c for c in COLUMNS if not c.fill)
TO_FILL = tuple(c for c in COLUMNS if c.fill)


def column_letter(index: int) -> str:
    """A, B, ... for the 0-based position of a column (the layout has fewer than 26)."""
    return chr(ord("A") + index)
