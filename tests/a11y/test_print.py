"""Printing a plan or an action (a committee paper): only the content, nothing cut off,
every link followed by where it leads, folded notes opened."""

from __future__ import annotations

import pytest

from .browser import local_session
from .checks import open_page, reflow_findings, report

pytestmark = pytest.mark.a11y_check("print")

# The printable width of A4 with the style sheet's margins, in CSS pixels.
A4_WIDTH = 672

_AFTER = "el => getComputedStyle(el, '::after').content"


@pytest.fixture
def printed(browser, site_url, site_paths):
    """An action page with transcription notes, as the browser lays it out for print."""
    session = local_session(browser, width=A4_WIDTH)
    page = session.new_page()

    def open_for_print(path: str):
        open_page(page, site_url + path)
        page.emulate_media(media="print")
        page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
        return page

    yield open_for_print
    session.context.close()


def _a_page_with_notes(bundled_site, site_paths, kind: str) -> str:
    for path in site_paths:
        if kind in path and "ap-notes" in (bundled_site / path / "index.html").read_text(
                encoding="utf-8"):
            return path
    raise AssertionError(f"no {kind} page has transcription notes")


@pytest.mark.parametrize("kind", ["/actions/", "plans/"])
def test_printed_page_is_the_content_alone(printed, bundled_site, site_paths, kind):
    path = _a_page_with_notes(bundled_site, site_paths, kind)
    page = printed(path)
    for chrome in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer",
                   ".md-search", ".ap-breadcrumbs"):
        assert not page.locator(chrome).first.is_visible(), f"{chrome} is printed"
    assert page.locator("article h1").is_visible()
    assert not reflow_findings(page, path), report(reflow_findings(page, path))
    assert page.locator("details.ap-notes[open]").count() >= 1, "folded notes are not printed"


def test_printed_links_show_where_they_lead(printed, site_paths, site_url):
    page = printed(next(p for p in site_paths if "/actions/" in p))
    plan_link = page.locator(".ap-context a").first
    target = plan_link.evaluate("el => el.href")
    assert target.startswith(site_url)
    assert plan_link.get_attribute("data-print-href") == target
    assert f" ({target})" in plan_link.evaluate(_AFTER)  # printed after the link text
    in_page = page.locator(".md-content a[href^='#']")
    for i in range(in_page.count()):
        assert in_page.nth(i).evaluate(_AFTER) in ("none", "normal")
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    assert page.locator("[data-print-href]").count() == 0


def test_pdf_of_an_action_page(printed, site_paths):
    page = printed(next(p for p in site_paths if "/actions/" in p))
    pdf = page.pdf(format="A4", print_background=False)
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page") >= 1
