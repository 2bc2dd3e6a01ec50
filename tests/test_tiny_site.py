"""The test helpers' `mkdocs` command run in the test process says and returns what the
`mkdocs` program does, and leaves the process as it found it (tests/tiny_site.py)."""

from __future__ import annotations

import logging
import re
import warnings

import pytest

from .tiny_site import make_project, mkdocs

# The staging folder's random name and the build's timing differ between any two runs.
_VARYING = re.compile(r"\.site\.actionplan-new-\w+|[\d.]+ seconds")
BROKEN_PLAN = "schema_version: 1\nplan:\n  id: broken\n  title: Broken\n  dew: 2026\n"


@pytest.mark.parametrize("args", [("build", "--strict"), ("build", "-q"), ("--version",),
                                  ("build", "--no-such-option")])
def test_in_this_process_as_the_program(tmp_path, args):
    project = make_project(tmp_path / "project", plans={"plan.yaml": BROKEN_PLAN})
    here = mkdocs(project, *args)
    program = mkdocs(project, *args, own_process=True)
    assert here.returncode == program.returncode
    assert _VARYING.sub("", here.stderr) == _VARYING.sub("", program.stderr)
    assert here.stdout == program.stdout
    if args[0] == "build" and len(args) == 2 and args[1] != "--no-such-option":
        assert here.returncode == 1 and 'Unknown field "dew"' in here.stderr + here.stdout


def test_the_process_is_left_as_it_was(tmp_path):
    project = make_project(tmp_path / "project")
    loggers = [logging.getLogger(n) for n in ("mkdocs", "mkdocs.commands.build")]
    before = [(lg.handlers[:], lg.filters[:], lg.level, lg.propagate) for lg in loggers]
    showwarning, filters = warnings.showwarning, warnings.filters[:]
    assert mkdocs(project, "build", "--strict", "-q").returncode == 0
    assert [(lg.handlers, lg.filters, lg.level, lg.propagate) for lg in loggers] == before
    assert (warnings.showwarning, warnings.filters) == (showwarning, filters)
