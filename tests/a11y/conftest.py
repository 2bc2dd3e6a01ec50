"""Fixtures for the browser and validator checks.

The bundled site (built once per session, tests/conftest.py) is served on 127.0.0.1 and swept
once (every page: axe-core, structure, reflow); the tests then read that sweep. When every
check marked `a11y_check` passes, tests/a11y/last-run.json is rewritten for the
accessibility statement (tests/a11y/run_record.py).
"""

from __future__ import annotations

import os

import pytest

from .browser import local_session
from .checks import sweep_paths, sweep_site
from .run_record import RUN
from .server import page_paths, serve

# Pages: every page of the bundled site (485 pages, about 5 minutes on 2 cores); a larger
# site gets every kind of page of every plan and an even spread of the rest.
SWEEP_LIMIT = 600
# Tabs swept at once. With the browser's cache on (no request routing), two tabs were no
# faster than one on 2 cores (0.60-0.70 s a page either way) and left the other test
# process less of the second core; sweep_site takes more where cores are spare.
SWEEP_TABS = 1


@pytest.fixture(scope="session")
def browser(shared_browser):
    RUN["browser"] = f"Chromium {shared_browser.version}"
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
    session = local_session(browser, with_axe=True)
    tabs = [session.new_page() for _ in range(SWEEP_TABS)]
    sweep = sweep_site(tabs, site_url, sweep_paths(site_paths, limit))
    sweep.blocked = list(session.blocked)
    session.context.close()
    RUN["pages"], RUN["site_pages"] = len(sweep.pages), len(site_paths)
    return sweep
