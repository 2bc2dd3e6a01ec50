"""Dates the grammar cannot place are warnings naming file, line, the words and a fix;
`validate --strict` then fails, as `mkdocs build --strict` does."""

from __future__ import annotations

from datetime import date

from actionplan.api import read_plan_file
from actionplan.cli import main

from .plan_text import VALID

PERIOD_2015_16 = VALID.replace("  levels:", '  period: "2015-16"\n  levels:')


def warnings_for(write_plan, text):
    plan, problems = read_plan_file(write_plan(text), "data/plans/plan.yaml")
    return plan, [p for p in problems if p.severity == "warning"]


def test_december_15_is_read_as_december_2015_in_a_2015_16_plan(write_plan, capsys):
    text = PERIOD_2015_16.replace("due: [April 2018]", 'due: ["By end of December 15"]')
    plan, warnings = warnings_for(write_plan, text)
    due = plan.groups[0].actions[0].due[0]
    assert warnings == []
    assert (due.start, due.end, due.basis) == (date(2015, 12, 31), date(2015, 12, 31), "inferred")
    assert main(["validate", "--strict", str(write_plan(text))]) == 0


def test_december_15_without_a_period_warns_with_file_line_and_text(write_plan):
    text = VALID.replace("due: [April 2018]", 'due: ["By end of December 15"]')
    plan, warnings = warnings_for(write_plan, text)
    assert len(warnings) == 1
    warning = warnings[0].format()
    assert warning.startswith("data/plans/plan.yaml:15:")
    assert '"By end of December 15"' in warning and "not used to judge progress" in warning
    assert 'Write the year in full, for example "By end of December 2015"' in warning
    assert not plan.groups[0].actions[0].due[0].placed


def test_unplaceable_date_warns_and_strict_validate_fails(write_plan, capsys):
    path = write_plan(VALID.replace("due: [April 2018]", 'due: ["11/25/2015"]'))
    assert main(["validate", str(path)]) == 0
    assert main(["validate", "--strict", str(path)]) == 1
    out = capsys.readouterr()
    printed = out.out + out.err
    assert f"{path}:15:" in printed and '"11/25/2015"' in printed and "day first" in printed
    assert "--strict fails on warnings" in out.err


def test_update_dates_are_checked_too(write_plan):
    text = VALID.replace("            text: Started.",
                         "            text: Started.\n            date: Sometime soon")
    _, warnings = warnings_for(write_plan, text)
    assert [(w.line, w.where) for w in warnings] == [(19, "action 1.1 > progress update 1 > date")]


def test_an_event_the_editor_names_as_such_is_not_warned_about(write_plan):
    text = VALID.replace("due: [April 2018]",
                         'due: [{text: "Following the inquiry", kind: event}]')
    plan, warnings = warnings_for(write_plan, text)
    assert warnings == [] and not plan.groups[0].actions[0].due[0].placed


def test_uk_numeric_date_is_day_first_in_the_model(write_plan):
    plan, warnings = warnings_for(write_plan, VALID.replace("due: [April 2018]",
                                                            'due: ["5/11/2015"]'))
    assert warnings == [] and plan.groups[0].actions[0].due[0].start == date(2015, 11, 5)


def test_an_unplaceable_date_stops_mkdocs_build_strict(tmp_path):
    # The command line is the point here: a publisher's CI runs `mkdocs build --strict`.
    from ..tiny_site import make_project, mkdocs

    text = VALID.replace("due: [April 2018]", 'due: ["By end of March annually", "Xmas"]')
    project = make_project(tmp_path / "project", plans={"plan.yaml": text})
    result = mkdocs(project, "build", "--strict")
    assert result.returncode == 1
    assert ('WARNING -  actionplan: data/plans/plan.yaml:15:43: action 1.1 > target date 2: '
            'The date "Xmas" cannot be placed on a calendar') in result.stderr
    assert "By end of March annually" not in result.stderr  # recurring: understood
