"""Importing the package does nothing but define things (issue 21): no module of it changes
the logging set-up when imported. A handler installed on import would print to whatever
stream was current then, in every program that merely imports actionplan."""

from __future__ import annotations

import json
import subprocess
import sys

from .tiny_site import ENV

# Run in a fresh interpreter: this process has imported everything long ago. The libraries
# the package builds on are imported first, so what they set up is not counted against it.
SCRIPT = r"""
import importlib, json, logging, pkgutil, sys
import jinja2, markdown, mkdocs.plugins, mkdocs.config.config_options, mkdocs.structure.files
import yaml, jsonschema, openpyxl, nh3, babel.dates, orjson, ruamel.yaml

def state():
    loggers = {"": logging.getLogger()}
    loggers.update((name, logger) for name, logger in logging.root.manager.loggerDict.items()
                   if isinstance(logger, logging.Logger))
    return {name: [[type(h).__name__ for h in lg.handlers], lg.level, lg.propagate,
                   len(lg.filters)] for name, lg in loggers.items()}

import actionplan
before = state()
modules = [m.name for m in pkgutil.walk_packages(actionplan.__path__, "actionplan.")
           if not m.name.endswith("__main__")]
for name in modules:
    importlib.import_module(name)
after = state()
changed = {name: [before.get(name), value] for name, value in after.items()
           if value[0] or value != before.get(name, [[], 0, True, 0])}
print(json.dumps({"modules": modules, "changed": changed}))
"""


def test_importing_every_module_changes_no_logging_set_up():
    result = subprocess.run([sys.executable, "-c", SCRIPT], env=ENV, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert len(report["modules"]) > 80 and "actionplan.mkdocs_plugin.serve" in report["modules"]
    assert report["changed"] == {}
