"""Warnings and errors follow MkDocs conventions, so --strict behaves as a publisher expects.

An error (bad data) stops every build. A warning (a plan that is valid but odd) is logged
through the plugin's logger: a plain build goes ahead, a --strict build fails and, being
a failed build, leaves the last good site in place.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from actionplan import cli

from ..unit.plan_text import VALID
from .test_staged_output import snapshot
from ..tiny_site import make_project, mkdocs

# A valid plan with one warning: a group with both sub-groups and actions of its own.
WARNED = VALID.replace("  levels: [{kind: objective, label: Objective}]",
                       "  levels: [{kind: objective, label: Objective}, {kind: area, label: Area}]"
                       ).replace("    actions:\n", "    groups:\n      - {id: area-1, title: Area}\n"
                                 "    actions:\n", 1)
WARNING = ("data/plans/plan.yaml:8:5: group objective-1: This group has both sub-groups and "
           "actions of its own. Move its actions into one of its sub-groups.")
ERRORED = VALID.replace("status: in_progress", "status: in progres")


@pytest.fixture
def project(tmp_path) -> Path:
    project = make_project(tmp_path / "project", plans={"plan.yaml": VALID})
    assert mkdocs(project, "build", "--strict").returncode == 0
    return project


def write(project: Path, text: str) -> None:
    (project / "data" / "plans" / "plan.yaml").write_text(text, encoding="utf-8")


def test_a_warning_is_a_mkdocs_warning_and_a_plain_build_goes_ahead(project):
    write(project, WARNED)
    result = mkdocs(project, "build")
    assert result.returncode == 0, result.stderr
    assert f"WARNING -  actionplan: {WARNING}" in result.stderr
    assert (project / "site" / "plans" / "test-plan" / "area-1" / "index.html").is_file()


def test_a_warning_fails_a_strict_build_and_the_last_site_stays(project):
    before = snapshot(project / "site")
    write(project, WARNED)
    result = mkdocs(project, "build", "--strict")
    assert result.returncode == 1
    assert f"WARNING -  actionplan: {WARNING}" in result.stderr
    assert "Aborted with 1 warnings in strict mode!" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(project / "site") == before


@pytest.mark.parametrize("flags", [[], ["--strict"]], ids=["plain", "strict"])
def test_an_error_stops_every_build(project, flags):
    before = snapshot(project / "site")
    write(project, ERRORED)
    result = mkdocs(project, "build", *flags)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "ERROR   -  1 problem in the plan data:" in result.stderr
    assert 'data/plans/plan.yaml:17:21: action 1.1 > progress update 1 > status: Status ' \
           '"in progres" is not one of' in result.stderr
    assert snapshot(project / "site") == before


def test_validate_reports_warnings_and_fails_on_them_only_when_strict(project, monkeypatch,
                                                                      capsys):
    write(project, WARNED)
    monkeypatch.chdir(project)
    assert cli.main(["validate"]) == 0
    out = capsys.readouterr()
    assert out.out.splitlines() == ["warning: " + WARNING,
                                    "1 file checked: no errors (1 warning)."]
    assert cli.main(["validate", "--strict"]) == 1
    out = capsys.readouterr()
    assert WARNING in out.out and "--strict fails on warnings" in out.err
