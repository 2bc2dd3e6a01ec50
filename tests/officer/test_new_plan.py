"""`actionplan new-plan`: a commented starter file that passes every check."""

from __future__ import annotations

from pathlib import Path

from actionplan.api import load_site, read_plan_file
from actionplan.validate.schema_check import SCHEMA_PATH


# The messages the officers' guide quotes (tests/officer/test_error_guide.py checks it).
MESSAGES = {
    "bad id": ('Equality 2026: plan id: "Equality 2026" is not a valid plan id. Use lower-case '
               'letters, digits, dots, hyphens and underscores, for example "equality-2026".'),
    "exists": ("data/plans/charnwood-2016-2018.yaml: file: This file already exists. Choose "
               "another plan id, or edit the existing file."),
}


def refused(message: str) -> str:
    """What the command prints when it stops on one error: the error, marked, and the count."""
    return f"error: {message}\n1 error: nothing was changed.\n"


def test_new_plan_writes_a_commented_starter_that_validates(project, run):
    code, out, err = run("new-plan", "equality-2026", "--title", "Equality Plan 2026-2028")
    assert (code, err) == (0, "")
    path = project / "data" / "plans" / "equality-2026.yaml"
    assert out.startswith("Created data/plans/equality-2026.yaml:")
    plan, problems = read_plan_file(path)
    assert problems == [] and plan.id == "equality-2026"
    assert plan.title == "Equality Plan 2026-2028"
    text = path.read_text(encoding="utf-8")
    schema_line, *rest = text.splitlines()
    assert (path.parent / schema_line.split("$schema=")[1]).resolve() == \
        Path(str(SCHEMA_PATH)).resolve()
    assert sum(line.lstrip().startswith("#") or " # " in line for line in rest) >= 10
    assert run("validate", path)[0] == 0
    site, _ = load_site(project / "data")  # and the site still loads with it
    assert "equality-2026" in [p.id for p in site.plans]


def test_new_plan_refuses_a_bad_id_and_an_existing_file(project, run):
    code, _, err = run("new-plan", "Equality 2026")
    assert code == 1 and err == refused(MESSAGES["bad id"])
    code, _, err = run("new-plan", "charnwood-2016-2018")
    assert code == 1
    assert err == refused(MESSAGES["exists"])


def test_new_plan_refuses_an_id_another_file_already_uses(project, run):
    plans = project / "data" / "plans"
    (plans / "charnwood-2016-2018.yaml").rename(plans / "charnwood.yaml")
    code, _, err = run("new-plan", "charnwood-2016-2018")
    assert code == 1 and not (plans / "charnwood-2016-2018.yaml").exists()
    assert err.startswith('error: data/plans/charnwood.yaml: file: A plan with the id '
                          '"charnwood-2016-2018" is already in this file.')
