"""Even a fault in actionplan itself, or a file it may not read, is a message, not a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from actionplan import api, cli
from actionplan.load.yaml_source import read_yaml_file
from actionplan.problems import DataError

from ..unit.plan_text import VALID


def test_validate_reports_an_internal_fault_plainly(write_plan, monkeypatch, capsys):
    path = write_plan(VALID)

    def broken(*args, **kwargs):
        raise KeyError("levels")

    monkeypatch.setattr(cli, "read_plan_file", broken)
    assert cli.main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}: file: Actionplan failed while checking this file (KeyError: 'levels')" in err
    assert "please report it" in err and "Traceback" not in err


def test_an_unreadable_file_is_a_problem(write_plan, monkeypatch):
    path = write_plan(VALID)

    def refuse(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(DataError) as caught:
        read_yaml_file(path, "data/plans/plan.yaml")
    assert caught.value.report().splitlines()[1] == (
        "data/plans/plan.yaml: file: The file cannot be read (Permission denied). "
        "Check that the file exists and that you may read it.")


def test_validate_names_a_missing_path(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert cli.main(["validate", "nowhere.yaml"]) == 1
    assert capsys.readouterr().err == "nowhere.yaml: no such file or folder\n"


def test_read_plan_text_and_data_report_problems_instead_of_raising():
    plan, problems = api.read_plan_text("plan: [unclosed\n", "x.yaml")
    # Found where the [ is left open, not at the end of the file where YAML gave up.
    assert plan is None and problems[0].format().startswith("x.yaml:1:7: file: YAML syntax")
    plan, problems = api.read_plan_data({"schema_version": 1}, "x.json")
    assert plan is None and {p.what for p in problems} == {'the field "plan" is missing',
                                                           'the field "groups" is missing'}
