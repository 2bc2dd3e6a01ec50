"""YAML syntax mistakes officers make get a plain-English explanation and fix."""

from __future__ import annotations

import pytest

from actionplan.api import read_plan_file


@pytest.mark.parametrize("line,message", [
    ("title: [Draft] Equality plan", "a value that starts with [ is read as a list, and this "
     'one is not a complete list. If it is text, put the whole value in double quotes'),
    ("title: {Draft Equality plan", "a value that starts with { is read as a set of fields, "
     "and this one is not complete. If it is text, put the whole value in double quotes"),
    ("title: @council plan", "a value starts with a character YAML keeps for itself (such as "
     "@, ` or %). Put the whole value in double quotes."),
])
def test_values_that_yaml_reads_as_something_else(write_plan, line, message):
    path = write_plan(f"schema_version: 1\nplan:\n  {line}\n  id: x\n")
    _, (problem,) = read_plan_file(path, "data/plans/plan.yaml")
    assert problem.format().startswith("data/plans/plan.yaml:")
    assert f"file: YAML syntax: {message}" in problem.format()


@pytest.mark.parametrize("value,column", [("[completed", 10), ("{completed", 10)])
def test_an_unclosed_list_is_found_on_its_own_line(write_plan, value, column):
    # YAML gives up on the next line; the officer's mistake is where the [ or { is.
    path = write_plan("schema_version: 1\nplan:\n  id: x\n"
                      f"  title: {value}\n  period: 2020\n")
    _, (problem,) = read_plan_file(path, "data/plans/plan.yaml")
    assert problem.format().startswith(f"data/plans/plan.yaml:4:{column}: file: YAML syntax: ")
