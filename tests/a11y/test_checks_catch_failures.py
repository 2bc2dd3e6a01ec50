"""The checks can fail: a template broken on purpose (an image without alt text, pale text,
a table without caption or header scopes, an off-screen link, a box too wide for a phone)
must be reported by the right checker, on the right page, naming the element.

The same tiny site built with the packaged templates is the control: it reports nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ..gitrepo import GitRepo
from ..tiny_site import MINI_DATA, built_site, copy_bundled_site

from actionplan.accessibility import known_issues
from actionplan.accessibility.known_issues import KnownIssue
from actionplan.render.renderer import TEMPLATES

from . import tools
from .browser import local_session
from .conftest import SWEEP_TABS
from .checks import (axe_findings, keyboard_findings, open_page, report, sample_paths,
                     sweep_site, tab_through)
from .server import page_paths, serve
from .vnu import vnu_errors_each

BROKEN = """
<h2 id="broken">Broken on purpose</h2>
<p><img src="chart.png"></p>
<p style="color: #b8b8b8">Pale grey text on white.</p>
<table><tr><th>Year</th><th>Spend</th></tr><tr><td>2020</td><td>1</td></tr></table>
<a href="#broken" style="position: absolute; left: -9999px">A link nobody can see</a>
<div style="width: 900px">A box wider than a phone.</div>
<p><img alt="" src="http://images.example.com/off-site.png"></p>
"""
OFF_SITE = "http://images.example.com/off-site.png"


def _project(root: Path, broken: bool) -> Path:
    """The bundled site's set-up (theme, overrides, styles) on the tiny test data."""
    copy_bundled_site(root, data=MINI_DATA)
    if broken:
        action = (TEMPLATES / "action.html").read_text(encoding="utf-8")
        (root / "overrides" / "actionplan").mkdir(parents=True, exist_ok=True)
        (root / "overrides" / "actionplan" / "action.html").write_text(action + BROKEN,
                                                                        encoding="utf-8")
    GitRepo(root).commit("The site")  # the changelog reads git history, as in a real clone
    return built_site(root)


@pytest.fixture(scope="module")
def checked(browser, tmp_path_factory):
    """Each tiny site (control, broken) with what every checker said about it."""
    results = {}
    for name in ("control", "broken"):
        site = _project(tmp_path_factory.mktemp(name), broken=name == "broken")
        session = local_session(browser, with_axe=True)
        page = session.new_page()
        with serve(site) as url:
            # One page of each kind: the bundled site's sweep covers every page of the
            # packaged templates; here each checker must tell the broken pages from the rest.
            paths = sample_paths(page_paths(site))
            tabs = [page] + [session.new_page() for _ in range(SWEEP_TABS - 1)]
            sweep = sweep_site(tabs, url, paths)
            sweep.blocked = list(session.blocked)
            action = next(p for p in paths if "/actions/" in p)
            open_page(page, url + action)
            keyboard = keyboard_findings(action, tab_through(page))
        session.context.close()
        results[name] = {"sweep": sweep, "keyboard": keyboard, "vnu": None, "action": action,
                         "site": site}
    if tools.VNU_JAR.exists():  # both sites in one run of the checker
        sites = [results[name]["site"] for name in results]
        for name, found in zip(results, vnu_errors_each(*sites)):
            results[name]["vnu"] = found
    return results


def test_control_site_passes_every_check(checked):
    control = checked["control"]
    found = (control["sweep"].axe + control["sweep"].structure + control["sweep"].reflow +
             control["keyboard"] + (control["vnu"] or []))
    assert not found, report(found)


def test_a_request_off_the_site_is_written_down(checked):
    assert checked["control"]["sweep"].blocked == []
    blocked = checked["broken"]["sweep"].blocked
    assert blocked and set(blocked) == {OFF_SITE}, blocked


def test_axe_reports_missing_alt_text_and_low_contrast(checked):
    axe = checked["broken"]["sweep"].axe
    action = checked["broken"]["action"]
    rules = {(f.rule.split()[1], f.page) for f in axe}
    assert ("image-alt", action) in rules, report(axe)
    assert ("color-contrast", action) in rules, report(axe)
    contrast = next(f for f in axe if "color-contrast" in f.rule and f.page == action)
    assert "p" in contrast.where and "insufficient color contrast" in contrast.detail
    assert all("/actions/" in f.page for f in axe), "only the broken template's pages fail"


def test_structure_check_reports_the_table_without_caption_or_scopes(checked):
    structure = checked["broken"]["sweep"].structure
    problems = " | ".join(f.where for f in structure)
    assert "data table without a <caption>" in problems
    assert '<th> without scope="col" or "row": <th> "Year"' in problems


def test_reflow_check_reports_the_box_too_wide_for_320_px(checked):
    reflow = checked["broken"]["sweep"].reflow
    assert reflow and all("/actions/" in f.page for f in reflow)
    assert "<div>" in reflow[0].detail and "in a 320px viewport" in reflow[0].where


def test_keyboard_check_reports_the_link_nobody_can_see(checked):
    keyboard = checked["broken"]["keyboard"]
    assert any(f.rule == "keyboard: focusable but not visible" and
               "A link nobody can see" in f.where for f in keyboard), report(keyboard)


def test_nu_html_checker_reports_the_image_without_alt(checked):
    tools.require_vnu()
    errors = checked["broken"]["vnu"]
    assert any("must have an “alt” attribute" in f.detail and "/actions/" in f.page
               for f in errors), report(errors)


def test_only_the_known_issues_list_excuses_a_failure(checked, browser, monkeypatch):
    excused = KnownIssue("1.1.1 Non-text Content", "A chart has no text alternative.",
                         "Testing the list.", axe_rule="image-alt", selector='img[src="chart.png"]')
    monkeypatch.setattr(known_issues, "KNOWN_ISSUES", (excused,))
    session = local_session(browser, with_axe=True)
    page = session.new_page()
    with serve(checked["broken"]["site"]) as url:
        open_page(page, url + checked["broken"]["action"])
        rules = {f.rule.split()[1] for f in axe_findings(page, checked["broken"]["action"])}
    session.context.close()
    assert "image-alt" not in rules and "color-contrast" in rules
