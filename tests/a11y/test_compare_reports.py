"""The report chooser on a plan's "Since the last report" page, in the browser: for every pair
of the quarterly fixture's five reports it lists the model's own changes (the same actions
under the same kinds as `changes_between`, in the pages' words where the pair has a page),
keeps the choice in the address, is used by keyboard alone, announces its result, passes
axe and reflows at 320 px; without JavaScript it is hidden and the pages are linked."""

from __future__ import annotations

from html import unescape
from itertools import combinations
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from actionplan.api import load_site
from actionplan.facets.reports import changes_between, plan_reports

from .browser import local_session
from .checks import (axe_findings, keyboard_findings, open_page, reflow_findings, report,
                     structure_findings, tab_through)
from .server import serve
from ..test_since_report import _section
from ..tiny_site import build_in_process, make_project

FIXTURE = Path(__file__).parents[1] / "fixtures" / "reports-quarterly" / "data"
FOLDER = "plans/quarterly-plan/since-last-report/"
KINDS = ("status-changes", "moved-targets", "withdrawals", "first-updates", "new-updates")


@pytest.fixture(scope="module")
def quarterly_site(tmp_path_factory) -> Path:
    return build_in_process(make_project(tmp_path_factory.mktemp("compare") / "project",
                                         data=FIXTURE))


@pytest.fixture(scope="module")
def site_url(quarterly_site):
    with serve(quarterly_site) as url:
        yield url


@pytest.fixture(scope="module")
def plan():
    return load_site(FIXTURE)[0].plan("quarterly-plan")


def _expected(plan, b: int, a: int):
    """The model's changes from report b to report a, as action pages per kind."""
    reports = plan_reports(plan)
    changes = changes_between(plan, reports[b], reports[a], latest=a == len(reports) - 1)
    lists = (changes.status_changes, changes.moved_targets, changes.withdrawals,
             changes.first_updates, changes.updates_only)
    pages = {kind: [f"plans/{plan.id}/actions/{c.action.id}/" for c in found]
             for kind, found in zip(KINDS, lists)}
    return changes, pages


def _shown(page, base: str) -> dict[str, list[str]]:
    """The action pages the chooser lists under each kind."""
    shown = {}
    for kind in KINDS:
        hrefs = page.eval_on_selector_all(f'#ap-compare-results ul[data-kind="{kind}"] > li > a',
                                          "els => els.map(e => e.href)")
        shown[kind] = [urlsplit(h).path.removeprefix(urlsplit(base).path) for h in hrefs]
    return shown


def _entry_words(page, kind: str) -> list[str]:
    texts = page.eval_on_selector_all(f'#ap-compare-results ul[data-kind="{kind}"] > li',
                                      "els => els.map(e => e.textContent)")
    return [" ".join(unescape(t).split()) for t in texts]


def _wait_for_chooser(page) -> None:
    page.wait_for_selector("#compare:not([hidden])")


def test_every_pair_of_reports_matches_the_model(browser, site_url, quarterly_site, plan):
    reports = plan_reports(plan)
    assert len(reports) >= 4
    session = local_session(browser)
    page = session.new_page()
    open_page(page, site_url + FOLDER)
    _wait_for_chooser(page)
    compared = 0
    for b, a in combinations(range(len(reports)), 2):
        page.select_option("#ap-compare-from", reports[b].key)
        page.select_option("#ap-compare-to", reports[a].key)
        page.click("#compare button[type=submit]")
        changes, expected = _expected(plan, b, a)
        assert _shown(page, site_url) == expected, (reports[b].key, reports[a].key)
        count = page.locator("#ap-compare-count").text_content() or ""
        n = len(changes.changes)
        assert f": {n} action{'' if n == 1 else 's'} changed (" in count
        assert parse_qs(urlsplit(page.url).query) == {"from": [reports[b].key],
                                                      "to": [reports[a].key]}
        # Where the pair has a page of its own, the chooser words each entry as it does.
        own = quarterly_site / FOLDER / f"{reports[b].key}-to-{reports[a].key}" / "index.html"
        if a == len(reports) - 1 and b == a - 1:
            own = quarterly_site / FOLDER / "index.html"
        if own.exists():
            html = own.read_text(encoding="utf-8")
            for kind in KINDS:
                assert _entry_words(page, kind) == _section(html, kind), (own, kind)
            compared += 1
    assert compared == 2 * len(reports) - 3  # every page of the linear set was compared
    # A choice the wrong way round is refused in words, with nothing listed.
    page.select_option("#ap-compare-from", reports[3].key)
    page.select_option("#ap-compare-to", reports[1].key)
    page.click("#compare button[type=submit]")
    assert "must be earlier" in (page.locator("#ap-compare-count").text_content() or "")
    assert page.locator("#ap-compare-results li").count() == 0
    session.context.close()


def test_officer_text_is_inserted_as_text(browser, site_url):
    session = local_session(browser)
    page = session.new_page()
    open_page(page, site_url + FOLDER + "?from=2022-06-30&to=2023-06-30")
    _wait_for_chooser(page)
    page.wait_for_selector('#ap-compare-results ul[data-kind="withdrawals"]')
    assert page.locator("#ap-compare-results em").count() == 0
    words = _entry_words(page, "withdrawals")
    assert any("Merged into action 1 <em>see note</em> & more." in w for w in words)
    session.context.close()


@pytest.mark.a11y_check("axe")
def test_a_shared_choice_is_restored_and_passes_axe_and_reflow(browser, site_url, plan):
    reports = plan_reports(plan)
    session = local_session(browser, with_axe=True)
    page = session.new_page()
    # From the first report to the fourth: the other new updates fall under two statuses.
    open_page(page, site_url + FOLDER + f"?from={reports[0].key}&to={reports[3].key}")
    _wait_for_chooser(page)
    assert page.input_value("#ap-compare-from") == reports[0].key
    assert page.input_value("#ap-compare-to") == reports[3].key
    assert _shown(page, site_url) == _expected(plan, 0, 3)[1]
    assert page.locator("#ap-compare-results h5").all_inner_texts() == [
        "Status still In progress", "Status still Ongoing"]
    findings = axe_findings(page, FOLDER + " (two reports chosen)")
    page.set_viewport_size({"width": 320, "height": 800})
    findings += reflow_findings(page, FOLDER + " (two reports chosen, 320 px)")
    # Each control is a target at least 44 CSS pixels high, at 320 px too.
    for selector in ("#ap-compare-from", "#ap-compare-to", "#compare button[type=submit]"):
        box = page.locator(selector).bounding_box()
        assert box is not None and box["height"] >= 44 and box["x"] + box["width"] <= 320
    session.context.close()
    assert not findings, report(findings)


@pytest.mark.a11y_check("axe")
def test_every_comparison_page_passes_axe_structure_and_reflow(browser, site_url,
                                                              quarterly_site):
    """The bundled plans have no pair whose other new updates keep a status; this fixture's
    pages do, each status a heading over its list."""
    paths = sorted(p.parent.relative_to(quarterly_site).as_posix() + "/"
                   for p in (quarterly_site / FOLDER).glob("**/index.html"))
    grouped = [p for p in paths if 'id="new-updates-' in
               (quarterly_site / p / "index.html").read_text(encoding="utf-8")]
    assert len(paths) >= 7 and grouped
    session = local_session(browser, with_axe=True)
    page = session.new_page()
    findings = []
    for path in paths:
        page.set_viewport_size({"width": 1280, "height": 800})
        open_page(page, site_url + path)
        findings += axe_findings(page, path) + structure_findings(page, path)[0]
        page.set_viewport_size({"width": 320, "height": 640})
        findings += reflow_findings(page, path)
    session.context.close()
    assert not findings, report(findings)


@pytest.mark.a11y_check("keyboard")
def test_the_chooser_works_by_keyboard_and_announces_its_result(browser, site_url, plan):
    reports = plan_reports(plan)
    session = local_session(browser)
    page = session.new_page()
    open_page(page, site_url + FOLDER)
    _wait_for_chooser(page)
    count = page.locator("#ap-compare-count")
    assert count.get_attribute("aria-live") == "polite" and count.get_attribute("role") \
        == "status"
    assert page.locator("label[for=ap-compare-from]").text_content() == "From the report of"
    assert page.locator("label[for=ap-compare-to]").text_content() == "To the report of"
    page.focus("#ap-compare-from")
    page.keyboard.press("Home")  # the earliest report
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "ap-compare-to"
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent") == "Show the changes"
    page.keyboard.press("Enter")  # the form's own submit: shown in place, not reloaded
    page.wait_for_selector("#ap-compare-results h3")
    assert page.input_value("#ap-compare-from") == reports[0].key
    assert _shown(page, site_url) == _expected(plan, 0, len(reports) - 1)[1]
    assert (count.text_content() or "").startswith(
        "From the report of 30 June 2022 to the report of 30 June 2023: ")
    assert page.evaluate("() => document.activeElement.textContent") == "Show the changes"
    # Reloaded from the address, with the result in the page: every stop, the chooser's and
    # its result's included, shows where focus is, in reading order.
    page.reload()
    page.wait_for_selector("#ap-compare-results h3")
    findings = keyboard_findings(FOLDER, tab_through(page))
    session.context.close()
    assert not findings, report(findings)


@pytest.mark.a11y_check("no-js")
def test_without_javascript_the_chooser_is_hidden_and_the_pages_are_linked(browser, site_url,
                                                                            plan):
    reports = plan_reports(plan)
    session = local_session(browser, javascript=False)
    page = session.new_page()
    page.goto(site_url + FOLDER)
    assert not page.locator("#compare").is_visible()
    links = page.locator("#reports ~ ul a")
    # Every page of the linear set but this one: 2n - 3 pages, the latest pair's is this.
    hrefs = {urlsplit(h).path for h in
             links.evaluate_all("els => els.map(e => e.href)")}
    assert len(hrefs) == 2 * len(reports) - 4
    for href in sorted(hrefs):
        response = page.goto(urlsplit(site_url)._replace(path=href).geturl())
        assert response is not None and response.ok, href
        assert page.locator("h1").is_visible()
        assert not page.locator("#compare").is_visible()
    session.context.close()
