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
# Pages: every page of the bundled site (479 pages, about 3.5 minutes on 2 cores); a larger
# site gets every kind of page of every plan and an even spread of the rest.
SWEEP_LIMIT = 600
# Tabs swept at once: axe runs in one while the next page loads in the other. More gain
# nothing on 2 cores (measured: 3 tabs were slower than 2).
SWEEP_TABS = 2
_keys: dict[str, str] = {}  # test node id -> the check it belongs to
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

    Every page (about 0.75 s each on 2 cores, in one tab), up to SWEEP_LIMIT pages; a larger
    site gets every kind of page of every plan and an even spread of the rest, unless
    A11Y_ALL_PAGES=1. This sweep is most of the browser tests' time: of each page's, axe takes
    about half and loading the page a third (the build, shared, and the Nu checker, one Java
    run over every page, are a small part), hence two tabs, one loading while axe checks the
    other.
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


def pytest_collection_modifyitems(items):
    for item in items:
        marker = item.get_closest_marker("a11y_check")
        if marker is not None:
            _keys[item.nodeid] = marker.args[0]


def pytest_runtest_logreport(report):
    key = _keys.get(report.nodeid)
    if key is None:
        return
    if report.failed or report.skipped:
        _run["failed"] = True
    elif report.when == "call":
        _run["passed"].add(key)


def pytest_sessionfinish(session, exitstatus):
    # Only a complete, passing run is recorded: every check ran, none failed or skipped.
    if exitstatus != 0 or _run["failed"] or _run["passed"] != set(CHECKS) or not _run["pages"]:
        return
    run = RecordedRun(date=dt.date.today(), tools=_tool_versions(),
                      checks=tuple(CHECKS.values()), passed=tuple(CHECKS), pages=_run["pages"],
                      site_pages=_run["site_pages"])
    write_test_run(RECORD, run)


def _tool_versions() -> tuple[str, ...]:
    return (f"axe-core {tools.axe_version()}", f"Nu Html Checker (vnu-jar) {tools.vnu_version()}",
            _run["browser"] or "Chromium", f"Playwright {tools.playwright_version()}",
            _java_version())


def _java_version() -> str:
    out = subprocess.run(["java", "-version"], capture_output=True, text=True, timeout=60).stderr
    match = re.search(r'version "([^"]+)"', out)
    return f"Java {match.group(1)}" if match else "Java"
