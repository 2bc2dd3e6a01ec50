"""The plugin's options: checked by MkDocs when it loads mkdocs.yml (mkdocs_plugin/config.py),
and every one of them listed in README's option table."""

from __future__ import annotations

import datetime as dt
import logging
import re
from pathlib import Path

import pytest
from mkdocs.config import base, load_config
from mkdocs.exceptions import Abort

from actionplan.mkdocs_plugin.config import ActionPlanConfig

from .conftest import ROOT
from .tiny_site import NO_HISTORY, make_project, mkdocs, mkdocs_yml


def _load(tmp_path: Path, options: str):
    project = make_project(tmp_path / "project", mkdocs_yml(NO_HISTORY + options))
    return load_config(str(project / "mkdocs.yml")).plugins["actionplan"].config


@pytest.mark.parametrize("option,message", [
    ("as_of: soon", 'option \'as_of\': as_of "soon" is not a date written as YYYY-MM-DD'),
    ('as_of: "2026-13-01"', 'as_of "2026-13-01" is not a date written as YYYY-MM-DD'),
    ("update_cadence: quarterly", 'option \'update_cadence\': update_cadence "quarterly" is '
                                  "not an ISO 8601 duration"),
    ("update_cadence: P", 'update_cadence "P" is not an ISO 8601 duration'),
    ("page_size: 0", "option 'page_size': 0 is not a whole number of 1 or more"),
    ("page_size: true", "option 'page_size': True is not a whole number of 1 or more"),
    ("page_size: ten", "option 'page_size': 'ten' is not a whole number of 1 or more"),
    ("page_size: 2.5", "option 'page_size': 2.5 is not a whole number of 1 or more"),
])
def test_a_wrong_option_is_refused_when_mkdocs_yml_is_loaded(tmp_path, caplog, option, message):
    with caplog.at_level(logging.ERROR, logger="mkdocs"), pytest.raises(Abort):
        _load(tmp_path, f"      {option}\n")
    errors = "\n".join(r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR)
    assert "Plugin 'actionplan'" in errors and message in errors, errors


def test_a_wrong_option_stops_the_build_with_a_message_and_no_traceback(tmp_path):
    project = make_project(tmp_path / "project", mkdocs_yml(NO_HISTORY + "      page_size: 0\n"))
    result = mkdocs(project, "build", "--strict")
    assert result.returncode == 1
    assert "Plugin 'actionplan' option 'page_size': 0 is not a whole number" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert not (project / "site").exists()


def test_good_options_are_read_as_their_types(tmp_path):
    config = _load(tmp_path, "      as_of: 2026-11-01\n      update_cadence: P1Y\n"
                             "      page_size: 3\n      data_dir: plans-data\n")
    project = tmp_path / "project"
    assert config.as_of == dt.date(2026, 11, 1)
    assert (config.update_cadence, config.page_size) == ("P1Y", 3)
    assert Path(config.data_dir) == project / "plans-data"  # relative to mkdocs.yml
    assert Path(config.templates_dir) == project / "overrides" / "actionplan"


def test_a_quoted_date_and_no_date_are_read_too(tmp_path):
    assert _load(tmp_path / "quoted", '      as_of: "2026-11-01"\n').as_of == dt.date(2026, 11, 1)
    assert _load(tmp_path / "unset", "").as_of is None


# README ------------------------------------------------------------------------------------

def _option_names(config_class: type[base.Config], prefix: str = "") -> set[str]:
    names = set()
    for name, option in config_class._schema:
        sub = getattr(option, "config_class", None)
        if sub is not None and name != "known_issues":
            names |= _option_names(sub, f"{prefix}{name}.")
        else:
            names.add(prefix + name)
    return names


def test_readme_lists_every_option_of_the_plugin_and_no_other():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    listed = re.findall(r"^\| `([a-z_.]+)` \|", readme, re.MULTILINE)
    options = _option_names(ActionPlanConfig)
    assert len(options) >= 25 and {"as_of", "history.enabled", "accessibility.email"} <= options
    assert sorted(listed) == sorted(options)
