"""`actionplan update --rag --percent`: the officer's rating and percent complete of a new
progress update, written where the schema puts them and checked before the file is saved."""

from __future__ import annotations

import shutil

from actionplan.api import read_plan_file

from ..conftest import FIXTURES

SOURCE = FIXTURES / "monitoring" / "plans" / "monitoring.yaml"


def test_update_writes_the_rating_and_percent(project, run):
    shutil.copy(SOURCE, project / "data" / "plans")
    path = project / "data" / "plans" / SOURCE.name
    code, out, err = run("update", "1.2", "--plan", "monitoring-plan", "--status", "completed",
                         "--rag", "blue", "--percent", "100%", "--text", "Published.",
                         "--date", "2024-12-01")
    assert (code, err) == (0, ""), err
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    at = lines.index("- date: '2024-12-01'")
    assert lines[at:at + 5] == ["- date: '2024-12-01'", "status: completed", "rag: blue",
                                "percent_complete: 100", "text: Published."]
    plan, problems = read_plan_file(path)
    assert problems == []
    action = next(a for a, _ in plan.all_actions() if a.id == "1.2")
    assert action.officer_rating.words == "Blue (complete)"
    assert action.percent_update.percent_complete == 100


def test_a_percent_over_100_is_refused_and_nothing_is_saved(project, run):
    shutil.copy(SOURCE, project / "data" / "plans")
    path = project / "data" / "plans" / SOURCE.name
    before = path.read_bytes()
    code, out, err = run("update", "1.2", "--plan", "monitoring-plan", "--status",
                         "in_progress", "--percent", "140", "--text", "Nearly.",
                         "--date", "2024-12-01")
    assert code == 1 and path.read_bytes() == before
    assert "progress update 2 > percent_complete: Percent_complete is 140, above the highest " \
           "allowed value (100). Write a number from 0 to 100." in err
    assert "The update was not saved" in err
