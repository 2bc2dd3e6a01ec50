"""The issue's "done when": an officer takes the template spreadsheet, fills five rows, imports
it, runs validate and sees the new plan in `mkdocs serve`, following only the guide.

The test follows content/updating-a-plan.md itself: it runs the commands of its "Start a new
plan from the template" steps, types in the values of its two example tables, and checks the
answers the guide says to expect, on a copy of this site.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from .guide import GUIDE, fenced_blocks, table
from .serving import Server
from .tiny_site import clone_bundled_site

BIN = Path(sys.executable).parent


def guide_section(title: str) -> str:
    start = GUIDE.index(f"### {title}\n")
    end = GUIDE.index("\n### ", start + 1)
    return GUIDE[start:end]


STEPS = guide_section("Start a new plan from the template")


def commands(section: str) -> list[str]:
    """The commands of the section's ```sh blocks, in order."""
    return [line for language, lines in fenced_blocks(section) if language == "sh"
            for line in lines]


def quoted_output(section: str) -> list[str]:
    """The answers the section quotes (its plain ``` blocks)."""
    return [line for language, lines in fenced_blocks(section) if not language
            for line in lines]


def run(project: Path, command: str) -> subprocess.CompletedProcess:
    program, *args = command.split()
    assert program in ("actionplan", "mkdocs"), command
    return subprocess.run([str(BIN / program), *_unquote(args)], cwd=project,
                          capture_output=True, text=True, timeout=300)


def _unquote(args: list[str]) -> list[str]:
    return [a.strip('"') for a in args]


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A copy of this site: its configuration, pages, theme overrides and plans."""
    return clone_bundled_site(tmp_path)  # officers work in a clone of the site


def fill_in(path: Path) -> list[dict[str, str]]:
    """What the guide's steps 3 and 5 ask the officer to type into the template."""
    book = load_workbook(path)
    plan = book["Plan"]
    for row in table(STEPS, "Field"):
        cell = next(r[1] for r in plan.iter_rows(min_row=2) if r[0].value == row["Field"])
        cell.value = row["Value"]
    actions = book["Actions"]
    headings = [c.value for c in actions[1]]
    rows = table(STEPS, "Group number")
    for number, row in enumerate(rows, start=2):
        for heading, value in row.items():
            if value:
                actions.cell(row=number, column=headings.index(heading) + 1, value=value)
    book.save(path)
    return rows


def test_template_five_rows_import_validate_and_see_the_plan(site):
    steps = commands(STEPS)
    answers = quoted_output(STEPS)
    assert steps[:3] == ["actionplan template",
                         "actionplan import spreadsheets/plan-template.xlsx --plan equality-2026",
                         "actionplan validate"]

    made = run(site, steps[0])
    assert made.returncode == 0, made.stderr
    rows = fill_in(site / "spreadsheets" / "plan-template.xlsx")
    assert len(rows) == 5

    imported = run(site, steps[1])
    assert imported.returncode == 0, imported.stderr + imported.stdout
    assert imported.stdout.splitlines() == answers[:2]  # exactly what the guide says

    checked = run(site, steps[2])
    assert checked.returncode == 0, checked.stderr
    assert re.fullmatch(r"\d+ files checked: no errors\.\n", checked.stdout)

    url = re.search(r"<(http://127\.0\.0\.1:8000/plans/equality-2026/)>", STEPS).group(1)
    server = Server(site)
    try:
        path = url.removeprefix("http://127.0.0.1:8000")
        server.wait_for("the new plan's page",
                        lambda: server.page_has("Equality Action Plan 2026-2028", path))
        groups = "".join(server.get(path + group)[1] for group in ("objective-1/",
                                                                   "objective-2/"))
        for row in rows:
            assert row["Action"] in groups
        _, action = server.get(path + "actions/1.1/")
        assert "Ten leaflets converted so far." in action and "Head of Communications" in action
    finally:
        server.stop()

    published = run(site, "mkdocs build --strict")
    assert published.returncode == 0, published.stderr
    assert (site / "site" / "plans" / "equality-2026" / "actions" / "2.2" / "index.html").is_file()
