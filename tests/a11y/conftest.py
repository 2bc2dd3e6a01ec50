"""Fixtures for the browser and validator checks, and the record of their last run.

The bundled site (built once per session, tests/conftest.py) is served on 127.0.0.1 and swept
once (every page: axe-core, structure, reflow); the tests then read that sweep. When every check marked
`a11y_check` passes, tests/a11y/last-run.json is rewritten for the accessibility statement.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from pathlib import Path

import pytest

from actionplan.accessibility.record import RecordedRun, write_test_run

from . import tools
from .browser import local_session
from .checks import sweep_paths, sweep_site
from .server import page_paths, serve

RECORD = Path(__file__).parent / "last-run.json"
# Pages: every page of the bundled site (485 pages, about 5 minutes on 2 cores); a larger
# site gets every kind of page of every plan and an even spread of the rest.
SWEEP_LIMIT = 600
# Tabs swept at once. With the browser's cache on (no request routing), two tabs were no
# faster than one on 2 cores (0.60-0.70 s a page either way) and left the other test
# process less of the second core; sweep_site takes more where cores are spare.
SWEEP_TABS = 1
_run = {"browser": "", "pages": 0, "site_pages": 0, "passed": set(), "failed": False}


@pytest.fixture(scope="session")
def browser(shared_browser):
    _run["browser"] = f"Chromium {shared_browser.version}"
    return shared_browser


@pytest.fixture(scope="session")
def site_url(bundled_site):
    with serve(bundled_site) as url:
        yield url


@pytest.fixture(scope="session")
def site_paths(bundled_site) -> list[str]:
    return page_paths(bundled_site)


@pytest.fixture(scope="session")
def site_sweep(browser, site_url, site_paths):
    """The bundled site's pages, each loaded once: axe-core, structure and 320 px reflow.

    Every page (about 0.6 s each on 2 cores), up to SWEEP_LIMIT pages; a larger site gets
    every kind of page of every plan and an even spread of the rest, unless A11Y_ALL_PAGES=1.
    This sweep is most of the browser tests' time: of each page's, axe takes about half and
    loading the page 40% (the build, shared, and the Nu checker, one Java run over every
    page, are a small part).
    """
    limit = len(site_paths) if os.environ.get("A11Y_ALL_PAGES") == "1" else SWEEP_LIMIT
    session = local_session(browser, with_axe=True, search_index=False)
    tabs = [session.new_page() for _ in range(SWEEP_TABS)]
    sweep = sweep_site(tabs, site_url, sweep_paths(site_paths, limit))
    sweep.blocked = list(session.blocked)
    session.context.close()
    _run["pages"], _run["site_pages"] = len(sweep.pages), len(site_paths)
    return sweep


# The record of the run ------------------------------------------------------------------------

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


def pytest_configure(config):
    config.addinivalue_line("markers", "a11y_check(key): an accessibility check reported in "
                            "the statement (see CHECKS in tests/a11y/conftest.py)")
    if config.pluginmanager.hasplugin("xdist"):
        config.pluginmanager.register(_RunsInWorkers(), "actionplan-a11y-record")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    marker = item.get_closest_marker("a11y_check")
    if marker is not None:
        if report.failed or report.skipped:
            _run["failed"] = True
        elif report.when == "call":
            _run["passed"].add(marker.args[0])
    return report


def pytest_sessionfinish(session, exitstatus):
    worker_output = getattr(session.config, "workeroutput", None)
    if worker_output is not None:  # a pytest-xdist worker: the controller records the run
        worker_output["a11y_run"] = {**_run, "passed": sorted(_run["passed"])}
        return
    # Only a complete, passing run is recorded: every check ran, none failed or skipped.
    if exitstatus != 0 or _run["failed"] or _run["passed"] != set(CHECKS) or not _run["pages"]:
        return
    run = RecordedRun(date=dt.date.today(), tools=_tool_versions(),
                      checks=tuple(CHECKS.values()), passed=tuple(CHECKS), pages=_run["pages"],
                      site_pages=_run["site_pages"])
    write_test_run(RECORD, run)


class _RunsInWorkers:
    """Under pytest-xdist the checks run in worker processes: each hands its part of the run
    to the controller, which records the whole run once every worker has finished."""

    @pytest.hookimpl(optionalhook=True)
    def pytest_testnodedown(self, node, error):
        part = getattr(node, "workeroutput", {}).get("a11y_run")
        if error or part is None:
            _run["failed"] = _run["failed"] or bool(error)
            return
        _run["failed"] = _run["failed"] or part["failed"]
        _run["passed"] |= set(part["passed"])
        _run["browser"] = _run["browser"] or part["browser"]
        _run["pages"] = max(_run["pages"], part["pages"])
        _run["site_pages"] = max(_run["site_pages"], part["site_pages"])


def _tool_versions() -> tuple[str, ...]:
    return (f"axe-core {tools.axe_version()}", f"Nu Html Checker (vnu-jar) {tools.vnu_version()}",
            _run["browser"] or "Chromium", f"Playwright {tools.playwright_version()}",
            _java_version())


def _java_version() -> str:
    out = subprocess.run(["java", "-version"], capture_output=True, text=True, timeout=60).stderr
    match = re.search(r'version "([^"]+)"', out)
    return f"Java {match.group(1)}" if match else "Java"
