"""The filter on "Find actions", in the browser: an organisation, an equality group and a
timing combined give the model's own actions, the address keeps the filter, reloading it
restores the filter, axe finds nothing with it in use, and without JavaScript the page links
to the lists that answer the same questions."""

from __future__ import annotations

from collections import Counter
from urllib.parse import parse_qs, urlsplit

import pytest

from actionplan.api import load_site
from actionplan.facets import Assessor
from actionplan.facets.facets import characteristic_key, characteristics_of
from actionplan.pages.filter_index import organisation_key

from .browser import local_session
from .checks import axe_findings, open_page, reflow_findings, report
from .site_build import ROOT

@pytest.fixture(scope="module")
def model_rows():
    """(organisation, equality groups, verdict, page) of every bundled action, by the model."""
    site, assessor = load_site(ROOT / "data")[0], Assessor()
    return [(organisation_key(plan),
             {characteristic_key(c) for c in characteristics_of(plan, action, groups)},
             assessor(plan, action).verdict.key, f"plans/{plan.id}/actions/{action.id}/")
            for plan in site.plans for action, groups in plan.all_actions()]


def _busiest_choice(rows):
    """The organisation, group and timing that together pick out the most actions."""
    combos = Counter((org, group, verdict) for org, groups, verdict, _ in rows
                     for group in groups)
    (org, group, verdict), n = combos.most_common(1)[0]
    assert n >= 2, "the bundled data should have a combination with several actions"
    return org, group, verdict


def _listed(page, base: str) -> list[str]:
    hrefs = page.eval_on_selector_all("#ap-filter-results a", "els => els.map(e => e.href)")
    return [urlsplit(href).path.removeprefix(urlsplit(base).path) for href in hrefs]


def _wait_for_filter(page) -> None:
    page.wait_for_selector("#filter:not([hidden])")


@pytest.mark.a11y_check("axe")
def test_combined_filter_matches_the_model_and_lives_in_the_address(browser, site_url,
                                                                     model_rows):
    org, group, verdict = _busiest_choice(model_rows)
    expected = [url for o, groups, v, url in model_rows if o == org and group in groups
                and v == verdict]
    session = local_session(browser, with_axe=True)
    page = session.new_page()
    open_page(page, site_url + "browse/")
    _wait_for_filter(page)
    assert not page.locator("[data-ap-filter-fallback]").is_visible()
    page.select_option("#ap-filter-org", org)
    page.select_option("#ap-filter-group", group)
    page.select_option("#ap-filter-status", verdict)
    count = page.locator("#ap-filter-count")
    assert count.get_attribute("aria-live") == "polite"
    assert count.text_content() == f"{len(expected)} actions match out of {len(model_rows)}."
    assert _listed(page, site_url) == expected
    query = parse_qs(urlsplit(page.url).query)
    assert query == {"org": [org], "group": [group], "status": [verdict]}

    page.reload()
    page.evaluate("() => new Promise((r) => requestAnimationFrame(() => r()))")
    _wait_for_filter(page)
    assert [page.input_value(f"#ap-filter-{name}") for name in ("org", "group", "status")] \
        == [org, group, verdict]
    assert _listed(page, site_url) == expected
    findings = axe_findings(page, "browse/ (filtered)")
    page.set_viewport_size({"width": 320, "height": 800})
    findings += reflow_findings(page, "browse/ (filtered, 320 px)")
    session.context.close()
    assert not findings, report(findings)


@pytest.mark.a11y_check("keyboard")
def test_words_typed_by_keyboard_narrow_the_list(browser, site_url, model_rows):
    session = local_session(browser)
    page = session.new_page()
    open_page(page, site_url + "browse/")
    _wait_for_filter(page)
    page.focus("#ap-filter-org")
    page.keyboard.press("Tab")  # the keyboard moves through the form in order
    assert page.evaluate("() => document.activeElement.id") == "ap-filter-group"
    page.focus("#ap-filter-q")
    page.keyboard.type("Equality Working Group")
    page.keyboard.press("Enter")  # the form's own submit: filtered in place, not reloaded
    count = page.locator("#ap-filter-count").text_content() or ""
    listed = _listed(page, site_url)
    assert count.startswith(f"{len(listed)} action") and 0 < len(listed) < len(model_rows)
    assert parse_qs(urlsplit(page.url).query) == {"q": ["Equality Working Group"]}
    page.focus("#filter button[type=reset]")
    page.keyboard.press("Enter")
    page.wait_for_function("() => !document.querySelector('#ap-filter-results li')")
    assert urlsplit(page.url).query == ""
    session.context.close()


@pytest.mark.a11y_check("no-js")
def test_without_javascript_the_form_is_hidden_and_the_lists_are_linked(browser, site_url,
                                                                        bundled_site):
    session = local_session(browser, javascript=False)
    page = session.new_page()
    page.goto(site_url + "browse/")
    assert not page.locator("#filter").is_visible()
    fallback = page.locator("[data-ap-filter-fallback]")
    assert fallback.is_visible()
    for anchor in ("#equality-group", "#status", "#attention", "#target-year", "#plan"):
        assert fallback.locator(f'a[href="{anchor}"]').count() == 1
        assert page.locator(anchor).is_visible()
    # The lists those links lead to link to the facet pages themselves.
    hrefs = page.eval_on_selector_all("article a[href]", "els => els.map(e => e.href)")
    for facet in ("equality-group/", "status/", "target-year/", "overdue/"):
        assert any(urlsplit(h).path.endswith("/browse/" + facet) or
                   f"/browse/{facet}" in urlsplit(h).path for h in hrefs), facet
    assert (bundled_site / "browse" / "actions-index.json").is_file()
    session.context.close()
