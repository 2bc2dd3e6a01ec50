"""The record of the accessibility checks' last run (tests/a11y/last-run.json), which the
accessibility statement reports: written only for a complete, passing run.

A pytest plugin, registered by tests/conftest.py so that it is there in every process: the
tests run in pytest-xdist's workers, and only the controller, which runs no test, knows when
the whole run has ended. Each worker hands over what its checks did; the controller records.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest

from actionplan.accessibility.record import RecordedRun, write_test_run

from . import tools

RECORD = Path(__file__).parent / "last-run.json"

# Each check the statement reports, by the key its tests carry in @pytest.mark.a11y_check(key).
CHECKS = {
    "axe": "axe-core in headless Chromium: WCAG 2.0, 2.1 and 2.2 level A and AA rules, and "
           "axe's best practices",
    "vnu": "Nu Html Checker on every page and on the site's own style sheet",
    "structure": "Structure: one main heading, headings in order, landmarks, language, unique "
                 "titles, table captions and header scopes, status in words",
    "reflow": "Pages 320 CSS pixels wide: no scrolling sideways",
    "text-resize": "Text at 200%: nothing scrolls sideways or is cut off",
    "keyboard": "Keyboard only: skip link first, every focus stop visible with a focus "
                "indicator, in reading order; menu and search work from the keyboard",
    "no-js": "JavaScript switched off: every page's content and navigation can be reached",
    "print": "Printing: only the content, whole, with every link's address shown",
    "hostile-text": "Text fields carrying script, frames, styles and javascript: links are "
                    "shown as text and nothing runs",
}

# What this process saw; the fixtures in tests/a11y/conftest.py fill in the browser and pages.
RUN: dict = {"browser": "", "pages": 0, "site_pages": 0, "passed": set(), "failed": False}


def pytest_configure(config):
    config.addinivalue_line("markers", "a11y_check(key): an accessibility check reported in "
                            "the statement (see CHECKS in tests/a11y/run_record.py)")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    marker = item.get_closest_marker("a11y_check")
    if marker is not None:
        if report.failed or report.skipped:
            RUN["failed"] = True
        elif report.when == "call":
            RUN["passed"].add(marker.args[0])
    return report


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    """pytest-xdist's controller: a worker has finished and handed over its part."""
    part = getattr(node, "workeroutput", {}).get("a11y_run")
    if error or part is None:
        RUN["failed"] = RUN["failed"] or bool(error)
        return
    RUN["failed"] = RUN["failed"] or part["failed"]
    RUN["passed"] |= set(part["passed"])
    RUN["browser"] = RUN["browser"] or part["browser"]
    RUN["pages"] = max(RUN["pages"], part["pages"])
    RUN["site_pages"] = max(RUN["site_pages"], part["site_pages"])


def pytest_sessionfinish(session, exitstatus):
    worker_output = getattr(session.config, "workeroutput", None)
    if worker_output is not None:  # a pytest-xdist worker: the controller records the run
        worker_output["a11y_run"] = {**RUN, "passed": sorted(RUN["passed"])}
        return
    # Only a complete, passing run is recorded: every check ran, none failed or skipped.
    if exitstatus != 0 or RUN["failed"] or RUN["passed"] != set(CHECKS) or not RUN["pages"]:
        return
    run = RecordedRun(date=dt.date.today(), tools=_tool_versions(),
                      checks=tuple(CHECKS.values()), passed=tuple(CHECKS), pages=RUN["pages"],
                      site_pages=RUN["site_pages"])
    write_test_run(RECORD, run)


def _tool_versions() -> tuple[str, ...]:
    return (f"axe-core {tools.axe_version()}", f"Nu Html Checker (vnu-jar) {tools.vnu_version()}",
            RUN["browser"] or "Chromium", f"Playwright {tools.playwright_version()}",
            _java_version())


def _java_version() -> str:
    out = subprocess.run(["java", "-version"], capture_output=True, text=True, timeout=60).stderr
    match = re.search(r'version "([^"]+)"', out)
    return f"Java {match.group(1)}" if match else "Java"
