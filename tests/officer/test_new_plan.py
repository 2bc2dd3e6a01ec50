"""`actionplan new-plan`: a commented starter file that passes every check."""

from __future__ import annotations

from pathlib import Path

from actionplan.api import load_site, read_plan_file
from actionplan.edit.new_plan import VALUES
from actionplan.validate.schema_check import SCHEMA_PATH


# The messages the officers' guide quotes (tests/officer/test_error_guide.py checks it).
MESSAGES = {
    "bad id": ('Equality 2026: plan id: "Equality 2026" is not a valid plan id. Use lower-case '
               'letters, digits, dots, hyphens and underscores, for example "equality-2026".'),
    "exists": ("data/plans/charnwood-2016-2018.yaml: file: This file already exists. Choose "
               "another plan id, or edit the existing file."),
    "placeholder": (
        "data/plans/equality-2026.yaml:13:11: plan > organisation > name: This is still the "
        'starter\'s placeholder text ("REPLACE: the organisation\'s name, for example Kingsbury '
        'Borough Council"), which would be published as it is. Replace the whole text with the '
        "organisation's name, for example Kingsbury Borough Council."),
}


def refused(message: str) -> str:
    """What the command prints when it stops on one error: the error, marked, and the count."""
    return f"error: {message}\n1 error: nothing was changed.\n"


def test_new_plan_writes_a_commented_starter_whose_placeholders_are_errors(project, run):
    code, out, err = run("new-plan", "equality-2026", "--title", "Equality Plan 2026-2028")
    assert (code, err) == (0, "")
    path = project / "data" / "plans" / "equality-2026.yaml"
    assert out.startswith("Created data/plans/equality-2026.yaml: replace each text beginning "
                          '"REPLACE:"')
    text = path.read_text(encoding="utf-8")
    schema_line, *rest = text.splitlines()
    assert (path.parent / schema_line.split("$schema=")[1]).resolve() == \
        Path(str(SCHEMA_PATH)).resolve()
    assert sum(line.lstrip().startswith("#") or " # " in line for line in rest) >= 10
    # Every value the officer must write is a placeholder the checks stop on, at its line.
    plan, problems = read_plan_file(path, "data/plans/equality-2026.yaml")
    assert plan is None and len(problems) == len(VALUES) - 1  # the title was given
    assert all(p.severity == "error" and "placeholder" in p.what for p in problems)
    (org,) = [p for p in problems if p.where == "plan > organisation > name"]
    assert org.format() == MESSAGES["placeholder"]
    assert rest[org.line - 2].strip().startswith('name: "REPLACE: ')
    code, _, err = run("validate", path)
    assert code == 1 and err.splitlines()[-1] == f"{len(VALUES) - 1} errors in 1 file."


def test_the_starter_with_its_placeholders_replaced_passes_every_check(project, run):
    assert run("new-plan", "equality-2026")[0] == 0
    path = project / "data" / "plans" / "equality-2026.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count('"REPLACE: ') == len(VALUES)
    for wanted, example in VALUES.values():
        text = text.replace(f"REPLACE: {wanted}", example.replace('"', "'"))
    path.write_text(text, encoding="utf-8")
    plan, problems = read_plan_file(path)
    assert problems == [] and plan.id == "equality-2026"
    assert plan.title == "Example equality action plan"
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


def test_new_sites_example_plan_has_example_words_not_placeholders(tmp_path):
    from actionplan.scaffold.new_site import EXAMPLE_PLAN, create_site

    site = create_site(tmp_path / "site", site_url="https://plans.example.org/",
                       site_name="Plans", today="2026-01-05")
    path = site.root / "data" / "plans" / f"{EXAMPLE_PLAN}.yaml"
    assert "REPLACE:" not in path.read_text(encoding="utf-8")
    plan, problems = read_plan_file(path)
    assert problems == [] and plan.organisation.name == "Example Borough Council"
