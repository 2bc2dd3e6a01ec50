"""The bundled site, every page, in headless Chromium and the Nu HTML Checker.

One sweep (conftest.site_sweep) loads each page once; each test here reads one part of it.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest
import yaml

from actionplan.api import load_site
from actionplan.mkdocs_plugin.theme import THEME_DIR
from actionplan.model.plan_names import names_organisation

from . import tools
from .checks import Finding, report
from .site_build import ROOT
from .vnu import vnu_errors

ACTION_PAGE = re.compile(r"plans/([^/]+)/actions/[^/]+/")


@pytest.mark.a11y_check("axe")
def test_axe_finds_no_violation_on_any_page(site_sweep):
    assert len(site_sweep.pages) > 10
    assert not site_sweep.axe, report(site_sweep.axe)


@pytest.mark.a11y_check("axe")
def test_pages_load_nothing_from_outside_the_site(site_sweep):
    assert site_sweep.blocked == [], f"requests off 127.0.0.1 were attempted: {site_sweep.blocked}"


@pytest.mark.a11y_check("structure")
def test_every_page_has_sound_structure(site_sweep):
    assert not site_sweep.structure, report(site_sweep.structure)


@pytest.mark.a11y_check("structure")
def test_html_lang_comes_from_config(site_sweep):
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    language = config["theme"]["language"]
    assert language == "en-GB"  # the bundled site is British English
    wrong = {path: facts.lang for path, facts in site_sweep.facts.items() if facts.lang != language}
    assert not wrong, f"pages whose <html lang> is not {language}: {wrong}"


@pytest.mark.a11y_check("structure")
def test_titles_are_unique_and_name_the_page(site_sweep):
    titles = Counter(facts.title for facts in site_sweep.facts.values())
    findings = [Finding(path, "title used twice", repr(facts.title))
                for path, facts in site_sweep.facts.items() if titles[facts.title] > 1]
    for path, facts in site_sweep.facts.items():
        heading = facts.h1[0] if facts.h1 else ""
        if not _title_names_heading(facts.title, heading):
            findings.append(Finding(path, "title does not name the page",
                                    f"title {facts.title!r}, main heading {heading!r}"))
    assert not findings, report(findings)


@pytest.mark.a11y_check("structure")
def test_every_action_page_title_names_its_organisation(site_sweep):
    """Every action page's title, as the browser read it in the sweep, names the plan's
    organisation (a resident with several tabs open, or a search result, sees whose it is)."""
    organisations = {plan.id: plan.organisation.name for plan in load_site(ROOT / "data")[0].plans}
    checked, wrong = 0, []
    for path, facts in site_sweep.facts.items():
        match = ACTION_PAGE.fullmatch(path)
        if not match or not organisations[match.group(1)]:
            continue
        checked += 1
        if not names_organisation(facts.title, organisations[match.group(1)]):
            wrong.append(f"/{path}: {facts.title!r}")
    assert checked > 200 and not wrong, "\n".join(wrong[:20])


def _title_names_heading(title: str, heading: str) -> bool:
    """The title's own part (before " - site name") and the <h1> share their words."""
    own = title.rsplit(" - ", 1)[0].casefold()
    heading = heading.casefold()
    if own and (own in heading or heading in own):
        return True
    # A long heading is cut at a word to menu length ("…") before the plan's short name.
    start = own.split("…", 1)[0].strip()
    return "…" in own and len(start) > 20 and start in heading


@pytest.mark.a11y_check("reflow")
def test_no_page_scrolls_sideways_at_320_px(site_sweep):
    assert not site_sweep.reflow, report(site_sweep.reflow)


@pytest.mark.a11y_check("vnu")
def test_nu_html_checker_finds_no_error_on_any_page(bundled_site):
    tools.require_vnu()
    pages = list(bundled_site.rglob("*.html"))
    assert len(pages) > 10
    errors = vnu_errors(bundled_site)
    assert not errors, report(errors)


@pytest.mark.slow
@pytest.mark.a11y_check("vnu")
def test_site_style_sheets_are_valid_css():
    tools.require_vnu()
    folder = THEME_DIR / "assets" / "actionplan"
    assert len(list(folder.glob("*.css"))) >= 4
    errors = vnu_errors(folder, css=True)  # every sheet in the folder, one Java start
    assert not errors, report(errors)
