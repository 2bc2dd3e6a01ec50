"""`actionplan update`: one dated progress update, added to the right file without disturbing it."""

from __future__ import annotations

import difflib

from actionplan.api import read_plan_file

from ..unit.plan_text import VALID


# The messages the officers' guide quotes (tests/officer/test_error_guide.py checks it).
MESSAGES = {
    "no such action": (
        "data: action 4.66: No action in the plans in data has this id. Did you mean 4.6, 46, 4.6.1? "
        "Use the action's id as it appears after `- id:` in the plan file (or in the "
        "Action id column of an exported spreadsheet)."),
    "several plans": (
        "data: action 1: More than one plan has an action with this id "
        "(city-council-equalities-2013-2016, kingston-2015-2016). Say which plan with --plan, "
        "for example --plan city-council-equalities-2013-2016."),
    "status": (
        'actionplan update: --status: "complete" is not a status code. Did you mean '
        '"completed"? Use one of: not_started, in_progress, ongoing, completed, rescheduled, '
        "transferred, withdrawn, unknown."),
    "rescheduled without a date": (
        'actionplan update: --status: "rescheduled" means the target date was revised, but no '
        'new date was given. Add the new target date with --revised-due, for example '
        '--revised-due "March 2027", and why it moved with --reason.'),
}


def refused(message: str) -> str:
    """What the command prints when it stops on one error: the error, marked, and the count."""
    return f"error: {message}\n1 error: nothing was changed.\n"


def added_lines(before: str, after: str) -> list[str]:
    diff = difflib.ndiff(before.splitlines(), after.splitlines())
    changes = [line for line in diff if line[:1] in "+-"]
    assert all(line.startswith("+") for line in changes), changes  # nothing removed or changed
    return [line[2:] for line in changes]


def test_update_appends_a_dated_update_and_changes_nothing_else(project, run):
    path = project / "data" / "plans" / "charnwood-2016-2018.yaml"
    before = path.read_text(encoding="utf-8")
    code, out, err = run("update", "4.6", "--status", "completed", "--text",
                         "Training finished: 40 staff.", "--date", "2018-06-30")
    assert (code, err) == (0, "")
    after = path.read_text(encoding="utf-8")
    assert added_lines(before, after) == ["    - date: '2018-06-30'", "      status: completed",
                                          "      text: 'Training finished: 40 staff.'"]
    line = after.splitlines().index("    - date: '2018-06-30'") + 1
    assert out == (f"Added progress update 2 to action 4.6 (plan charnwood-2016-2018) in "
                   f"data/plans/charnwood-2016-2018.yaml:{line}: 2018-06-30, completed.\n")
    plan, problems = read_plan_file(path)
    action = next(a for a, _ in plan.all_actions() if a.id == "4.6")
    assert action.status.code == "completed" and action.progress[-1].date.text == "2018-06-30"
    assert problems == []


def test_an_empty_flow_list_becomes_a_list_of_updates(project, run):
    path = project / "data" / "plans" / "kingston-2015-2016.yaml"
    before = path.read_text(encoding="utf-8")
    code, _, _ = run("update", "1", "--plan", "kingston-2015-2016", "--status", "in_progress",
                     "--text", "Survey analysed.\nReport due in May.", "--date", "2015-11-02")
    assert code == 0
    after = path.read_text(encoding="utf-8")
    assert ("        progress:\n          - date: '2015-11-02'\n            status: in_progress\n"
            "            text: |-\n              Survey analysed.\n"
            "              Report due in May.\n") in after
    assert after.count("progress: []") == before.count("progress: []") - 1
    assert after.startswith(before.split("\n", 3)[0])  # the schema line and comments stay


def test_an_action_without_progress_gets_the_key_before_its_notes(project, run):
    path = project / "data" / "plans" / "test.yaml"
    path.write_text("# my comment\n" + VALID.replace(
        '        title: Second action\n',
        '        title: Second action  # why\n        notes:\n'
        '          - {kind: other, text: A note.}\n'), encoding="utf-8")
    code, out, err = run("update", "1.2", "--plan", "test-plan", "--status", "not_started",
                         "--text", "Planned.", "--date", "2026-01-05")
    assert code == 0, err
    text = path.read_text(encoding="utf-8")
    assert text.index("progress:\n          - date: '2026-01-05'") < text.index("notes:")
    assert "# my comment" in text and "# why" in text


def test_unknown_action_is_reported_with_close_ids(project, run):
    code, out, err = run("update", "4.66", "--status", "completed", "--text", "x")
    assert code == 1
    assert err == refused(MESSAGES["no such action"])


def test_an_id_in_several_plans_asks_which_plan(project, run):
    code, _, err = run("update", "1", "--status", "completed", "--text", "x")
    assert code == 1
    assert err == refused(MESSAGES["several plans"])


def test_a_mistyped_status_is_refused_with_the_code_it_looks_like(project, run):
    path = project / "data" / "plans" / "charnwood-2016-2018.yaml"
    before = path.read_bytes()
    code, _, err = run("update", "4.6", "--status", "complete", "--text", "x")
    assert code == 1 and path.read_bytes() == before
    assert err == refused(MESSAGES["status"])


def test_a_date_not_written_yyyy_mm_dd_is_refused(project, run, capsys):
    try:
        run("update", "4.6", "--status", "completed", "--text", "x", "--date", "30/06/2018")
    except SystemExit as exit:
        assert exit.code == 2
    assert '"30/06/2018" is not a date written YYYY-MM-DD' in capsys.readouterr().err


def test_nothing_is_written_when_the_file_would_not_pass_the_checks(project, run):
    path = project / "data" / "plans" / "charnwood-2016-2018.yaml"
    broken = path.read_text(encoding="utf-8").replace("code: in_progress", "code: in progres")
    path.write_text(broken, encoding="utf-8")
    code, _, err = run("update", "1.1", "--status", "completed", "--text", "x")
    assert code == 1 and path.read_text(encoding="utf-8") == broken
    assert 'Code "in progres" is not one of' in err
    assert "The update was not saved" in err and "It is unchanged." in err


def test_an_update_dated_before_an_earlier_one_is_added_with_a_warning(project, run):
    assert run("update", "4.6", "--status", "in_progress", "--text", "a", "--date",
               "2018-06-30")[0] == 0
    code, out, err = run("update", "4.6", "--status", "in_progress", "--text", "b", "--date",
                         "2018-05-01")
    assert (code, err) == (0, "")
    warning, done = out.splitlines()
    assert warning == ("warning: data/plans/charnwood-2016-2018.yaml:608: action 4.6 > progress update "
                       "3: This update is dated 2018-05-01, before an earlier update "
                       "(2018-06-30); updates are listed oldest first. Check the date; if it is "
                       "right, move the update up in the file.")
    assert done.startswith("Added progress update 3 to action 4.6")
    assert done.endswith(", in_progress. (1 warning: read the warnings above.)")


def test_an_empty_progress_key_gets_the_update(project, run):
    path = project / "data" / "plans" / "test.yaml"
    path.write_text(VALID.replace("        title: Second action\n",
                                  "        title: Second action\n        progress:\n"),
                    encoding="utf-8")
    code, _, err = run("update", "1.2", "--plan", "test-plan", "--status", "ongoing",
                       "--text", "Started.", "--date", "2026-01-05")
    assert (code, err) == (0, "")
    assert "        progress:\n          - date: '2026-01-05'\n" in path.read_text(encoding="utf-8")


def test_a_revised_target_and_reason_are_written_and_shown(project, run):
    path = project / "data" / "plans" / "charnwood-2016-2018.yaml"
    before = path.read_text(encoding="utf-8")
    code, out, err = run("update", "4.6", "--status", "rescheduled", "--text",
                         "Scheme delayed.", "--date", "2018-06-30", "--revised-due",
                         "March 2019", "--reason", "The provider withdrew.")
    assert (code, err) == (0, ""), err
    assert added_lines(before, path.read_text(encoding="utf-8")) == [
        "    - date: '2018-06-30'", "      status: rescheduled", "      revised_due: March 2019",
        "      text: Scheme delayed.", "      reason: The provider withdrew."]
    assert out.endswith(": 2018-06-30, rescheduled.\n")
    plan, problems = read_plan_file(path)
    action = next(a for a, _ in plan.all_actions() if a.id == "4.6")
    update = action.progress[-1]
    assert (update.revised_due.text, update.reason) == ("March 2019", "The provider withdrew.")
    assert action.status.code == "rescheduled" and problems == []


def test_rescheduled_without_a_revised_target_is_refused(project, run):
    path = project / "data" / "plans" / "charnwood-2016-2018.yaml"
    before = path.read_bytes()
    for blank in ([], ["--revised-due", "  "]):
        code, out, err = run("update", "4.6", "--status", "rescheduled", "--text", "x",
                             "--reason", "why", *blank)
        assert (code, out) == (1, "") and path.read_bytes() == before
        assert err == refused(MESSAGES["rescheduled without a date"])


def test_a_revised_target_the_calendar_cannot_place_is_written_with_a_warning(project, run):
    code, out, err = run("update", "4.6", "--status", "rescheduled", "--text", "x",
                         "--date", "2018-06-30", "--revised-due", "When funding allows")
    assert (code, err) == (0, "")
    warning, done = out.splitlines()
    assert warning.startswith("warning: data/plans/charnwood-2016-2018.yaml:")
    assert "action 4.6" in warning and '"When funding allows"' in warning
    assert done.startswith("Added progress update 2 to action 4.6")
