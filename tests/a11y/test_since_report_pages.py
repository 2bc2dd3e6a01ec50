"""The "Since the last report" pages with every kind of entry on them (the bundled plans have
one report each, so the sweep of the bundled site only meets the page that says so): axe-core,
structure and 320 px reflow in Chromium, and the Nu HTML Checker."""

from __future__ import annotations

from pathlib import Path

import pytest

from .browser import local_session
from .checks import report, sweep_site
from .server import serve
from .vnu import vnu_errors
from ..tiny_site import build_in_process, make_project

FIXTURE = Path(__file__).parents[1] / "fixtures" / "reports" / "data"
PAGES = ["plans/report-plan/since-last-report/",
         "plans/report-plan/since-last-report/2021-03-31-to-2021-06-30/",
         "plans/report-plan/since-last-report/2021-03-31-to-2021-09-30/"]


@pytest.fixture(scope="module")
def report_site(tmp_path_factory) -> Path:
    return build_in_process(make_project(tmp_path_factory.mktemp("reports") / "project",
                                         data=FIXTURE))


@pytest.mark.a11y_check("axe")
def test_report_pages_pass_axe_structure_and_reflow(browser, report_site):
    session = local_session(browser, with_axe=True)
    with serve(report_site) as url:
        sweep = sweep_site(session.new_page(), url, PAGES)
    session.context.close()
    assert len(sweep.pages) == len(PAGES)
    findings = sweep.axe + sweep.structure + sweep.reflow
    assert not findings, report(findings)


@pytest.mark.a11y_check("vnu")
def test_report_pages_are_valid_html(report_site):
    errors = vnu_errors(*(report_site / page / "index.html" for page in PAGES))
    assert not errors, report(errors)
