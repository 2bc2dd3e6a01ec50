"""The guide's reporting-round walk-through works as written (issue 18.3).

The test follows "Collect progress from every lead" in content/updating-a-plan.md on a copy
of this site in a git repository: it runs the section's commands in order, fills the returns
with the answers of its table, checks every answer the guide quotes word for word, and then
reads the changelog history to see the round's Change-reason beside the new updates.
"""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
from openpyxl import load_workbook

from actionplan.history import read_history
from actionplan.rounds.layout import COLUMNS

from ..gitrepo import git
from ..guide import GUIDE, fenced_blocks, table
from ..tiny_site import clone_bundled_site

SECTION = GUIDE[GUIDE.index("## Collect progress from every lead"):
                GUIDE.index("\n## What the error messages mean")]
MESSAGES = GUIDE[GUIDE.index("### Reporting round messages"):]


def steps(section: str) -> list[tuple[str, list[str] | None]]:
    """Each command of the ```sh blocks, with the answer the guide quotes after its block."""
    found = fenced_blocks(section)
    result = []
    for number, (language, lines) in enumerate(found):
        if language != "sh":
            continue
        following = found[number + 1] if number + 1 < len(found) else None
        answer = following[1] if following and not following[0] else None
        result += [(line, None) for line in lines[:-1]] + [(lines[-1], answer)]
    return result


@pytest.fixture
def site(tmp_path: Path, monkeypatch) -> Path:
    clone_bundled_site(tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def fill_returns(folder: Path) -> list[dict[str, str]]:
    """Type the answers of the guide's table into the returns, as the leads would."""
    answers = table(SECTION, "Return")
    for name in sorted({row["Return"] for row in answers}):
        book = load_workbook(folder / name)
        sheet = book["Actions"]
        headings = [c.value for c in sheet[1]]
        for row in sheet.iter_rows(min_row=2):
            for answer in (a for a in answers if a["Return"] == name):
                if row[headings.index("Action id")].value == answer["Action id"]:
                    for heading, value in answer.items():
                        if heading not in ("Return", "Action id") and value:
                            row[headings.index(heading)].value = value
        book.save(folder / name)
    return answers


def test_the_guide_walks_through_a_round(site, run):
    commands = steps(SECTION)
    assert [c.split()[:3] for c, _ in commands] == [
        ["actionplan", "round", "open"], ["actionplan", "round", "status"],
        ["actionplan", "round", "import"], ["actionplan", "validate"], ["git", "add", "data"],
        ["git", "commit", "-F"]]
    answers = []
    for command, quoted in commands:
        program, *args = shlex.split(command)
        if program == "git":
            git(site, *args)
            continue
        code, out, err = run(*args)
        assert (code, err) == (0, ""), (command, err)
        if quoted is not None:
            assert [ln.strip() for ln in out.splitlines() if ln.strip()] == quoted, command
        if args[:2] == ["round", "open"]:
            answers = fill_returns(site / "returns" / "2018-q2")
    assert len(answers) == 3

    # The changelog reads the round's reason for each update the round added.
    history = read_history(site, site / "data")
    latest = max(e.revision.date for e in history.entries)
    added = [e for e in history.entries if e.revision.date == latest]
    assert {e.subject_id for e in added} == {a["Action id"] for a in answers}
    round_reason = "Progress reported by the action leads in reporting round 2018-q2."
    assert {e.revision.reason for e in added} == {round_reason}
    # An update that gives its own reason (why the date moved) is shown with it.
    expected = {a["Action id"]: a["Reason"] or round_reason for a in answers}
    assert {e.subject_id: e.reason for e in added} == expected


def test_the_guide_describes_every_column_of_a_return():
    described = [row["Column"] for row in table(SECTION, "Column")]
    assert described == [column.heading for column in COLUMNS]
    for row in table(SECTION, "Column"):
        fill = next(c.fill for c in COLUMNS if c.heading == row["Column"])
        assert row["What it holds"].startswith("To fill") == fill
        assert row["What it holds"].endswith("Read-only.") != fill


def quoted_in_guide(line: str) -> bool:
    """An error line as the command prints it, quoted (without its `error: `) in the guide."""
    return f"\n{line.removeprefix('error: ')}\n" in MESSAGES
