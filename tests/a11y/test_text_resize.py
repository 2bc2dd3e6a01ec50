"""Text at 200% (WCAG 1.4.4), one page of each kind: nothing scrolls sideways or is cut off."""

from __future__ import annotations

import pytest

from .browser import local_session
from .checks import clipped_text_findings, enlarge_text, open_page, reflow_findings, report, \
    sample_paths

pytestmark = pytest.mark.a11y_check("text-resize")


@pytest.mark.parametrize("width", [1280, 640])
def test_text_at_200_percent_still_reads(browser, site_url, site_paths, width):
    session = local_session(browser, width=width)
    page = session.new_page()
    findings = []
    for path in sample_paths(site_paths):
        open_page(page, site_url + path)
        before = page.evaluate("() => getComputedStyle(document.body).fontSize")
        enlarge_text(page)
        after = page.evaluate("() => getComputedStyle(document.body).fontSize")
        assert float(after[:-2]) >= 1.99 * float(before[:-2]), (before, after)
        page.evaluate("() => new Promise((done) => requestAnimationFrame(done))")
        findings += reflow_findings(page, path) + clipped_text_findings(page, path)
    session.context.close()
    assert not findings, report(findings)
