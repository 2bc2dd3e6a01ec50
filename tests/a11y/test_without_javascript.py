"""JavaScript switched off: every page's content and its whole menu can still be reached.

Material's menu on small screens is a drawer opened by script; without it the menu is shown
in the page. Search needs script, so it is hidden rather than left as a dead control.
"""

from __future__ import annotations

import pytest

from .browser import local_session
from .checks import keyboard_findings, report, sample_paths, tab_through

pytestmark = pytest.mark.a11y_check("no-js")

# Links to other pages; the menu's copy of "on this page" links is shown beside it on desktops.
_MENU_LINKS = """() => [...document.querySelectorAll('.md-sidebar--primary a[href]:not([href^="#"])')]
  .filter((a) => { const r = a.getBoundingClientRect(); const s = getComputedStyle(a);
                   return r.width > 0 && r.height > 0 && r.left >= 0 && s.visibility === 'visible'; })
  .map((a) => a.getAttribute('href'))"""
_ALL_MENU_LINKS = "() => [...document.querySelectorAll('.md-sidebar--primary a[href]:not([href^=\"#\"])')]" \
                  ".map((a) => a.getAttribute('href'))"


WIDTHS = (320, 1280)


@pytest.fixture(scope="module")
def walks_without_script(browser, site_url, site_paths) -> dict[int, dict]:
    """A page of each kind at each width with script off, each page loaded once: what the
    menu and content show, then a walk with Tab."""
    walks = {}
    for width in WIDTHS:
        session = local_session(browser, width=width, javascript=False)
        page = session.new_page()
        problems, findings = [], []
        for path in sample_paths(site_paths):
            page.goto(site_url + path)  # nothing to wait for: no script runs
            problems += _shown_without_script(page, path)
            findings += keyboard_findings(path, tab_through(page))
        session.context.close()
        walks[width] = {"problems": problems, "findings": findings}
    return walks


def _shown_without_script(page, path: str) -> list[str]:
    problems = []
    if page.evaluate("() => document.documentElement.className") != "no-js":
        problems.append(f"/{path}: <html> is not marked no-js")
    menu = set(page.evaluate(_ALL_MENU_LINKS))
    shown = set(page.evaluate(_MENU_LINKS))
    if not menu or menu - shown:
        problems.append(f"/{path}: menu links out of reach: {sorted(menu - shown) or 'no menu'}")
    if not page.locator("article h1").is_visible():
        problems.append(f"/{path}: the main heading is not shown")
    if page.locator(".md-search__input").is_visible():
        problems.append(f"/{path}: a search field is shown that cannot work without script")
    return problems


@pytest.mark.parametrize("width", WIDTHS)
def test_whole_menu_and_content_are_shown_without_javascript(walks_without_script, width):
    problems = walks_without_script[width]["problems"]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("width", WIDTHS)
def test_keyboard_walk_without_javascript(walks_without_script, width):
    findings = walks_without_script[width]["findings"]
    assert not findings, report(findings)
