"""Shared fixtures: paths to the project, its data, a tiny data folder, the bundled site built
once for the session, and the browser."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")

# The markers (pyproject.toml) a test gets from the fixtures it uses, directly or not.
_MARKED_BY_FIXTURE = {"shared_browser": ("browser", "slow"), "bundled_site": ("slow",),
                      "wheel": ("slow",), "paged_site": ("slow",)}


def pytest_configure(config):
    # Registered here, not in tests/a11y/conftest.py: pytest-xdist's controller loads this
    # file but collects no tests, so it never loads the conftest files below it.
    from tests.a11y import run_record

    if not config.pluginmanager.is_registered(run_record):
        config.pluginmanager.register(run_record, "actionplan-a11y-run-record")


def pytest_collection_modifyitems(items):
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        names = {name for fixture in used & _MARKED_BY_FIXTURE.keys()
                 for name in _MARKED_BY_FIXTURE[fixture]}
        for name in sorted(names):
            item.add_marker(name)
        if "browser" in names and not item.nodeid.startswith(BROWSER_TEST_FOLDERS):
            raise pytest.UsageError(f"{item.nodeid} drives the browser: move it under one of "
                                    f"{BROWSER_TEST_FOLDERS}, where the browser tests run")


# Under pytest-xdist (.ci/run: `pytest -n auto`), the browser tests run in two processes:
# the sweep of every page of the bundled site in one, the other browser tests in another
# (each shares one Chromium and one build of the bundled site). They start first, being the
# longest; the other test modules fill the processes as they free up, a module at a time so
# that its module fixtures are made once.
BROWSER_TEST_FOLDERS = ("tests/a11y/", "tests/adoption/")
WHOLE_SITE_SWEEP = "tests/a11y/test_bundled_site.py"


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    from xdist.scheduler import LoadScopeScheduling

    class BrowserTestsFirst(LoadScopeScheduling):
        def __init__(self, config, log=None):
            super().__init__(config, log)
            # Work in collection order (tests/a11y comes first), not largest scope first.
            config.option.loadscopereorder = False

        # By path, not by marker: the scheduler sees test ids only (and pytest 9.2 no
        # longer lets pytest-xdist 3.8 put an xdist_group name into them).
        def _split_scope(self, nodeid: str) -> str:
            if nodeid.startswith(WHOLE_SITE_SWEEP):
                return "browser: the whole-site sweep"
            if nodeid.startswith(BROWSER_TEST_FOLDERS):
                return "browser"
            return super()._split_scope(nodeid)

    return BrowserTestsFirst(config, log)


@pytest.fixture
def mini_data_dir() -> Path:
    return FIXTURES / "data"


@pytest.fixture
def write_plan(tmp_path):
    """Write YAML text as a plan file in a fresh data folder; return the file's path."""
    def write(text: str, name: str = "plan.yaml", raw: bytes | None = None) -> Path:
        path = tmp_path / "data" / "plans" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if raw is not None:
            path.write_bytes(raw)
        else:
            path.write_text(text, encoding="utf-8")
        return path
    return write


@pytest.fixture(scope="session")
def bundled_site(tmp_path_factory) -> Path:
    """The bundled site (this repository's mkdocs.yml, data and git history) built once with
    `mkdocs build --strict`, for every test that reads it: the resident, navigation and
    browser tests. Read it only; a test that changes a site builds its own.

    Under pytest-xdist the test processes share one build, in the run's shared temporary
    folder: the first process to ask makes it, under a lock the others wait on."""
    from .tiny_site import built_site

    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return built_site(ROOT, site_dir=tmp_path_factory.mktemp("bundled") / "site")
    shared = tmp_path_factory.getbasetemp().parent / "bundled"
    shared.mkdir(exist_ok=True)
    site, built = shared / "site", shared / "built"
    with open(shared / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not built.exists():
            built_site(ROOT, site_dir=site)
            built.touch()
    return site


@pytest.fixture(scope="session")
def shared_browser():
    """One headless Chromium for the test process: Playwright's sync API allows one running
    instance per thread, so the browser tests (tests/a11y, tests/adoption) of a process share
    it."""
    from playwright.sync_api import sync_playwright

    from tests.a11y import tools
    from tests.a11y.browser import launch

    tools.require_browser()
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()
