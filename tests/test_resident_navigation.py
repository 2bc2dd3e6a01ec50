"""Plans told apart and places marked, in the built bundled site: page titles and breadcrumbs
name the organisation, menu labels are short, the current page (or its nearest menu item) is
marked with aria-current, and status tags read as text."""

from __future__ import annotations

import posixpath
import re
from html import unescape
from pathlib import Path

import pytest

from actionplan.api import load_site

ROOT = Path(__file__).parents[1]


@pytest.fixture(scope="module")
def bundled(bundled_site) -> Path:
    return bundled_site  # built once for the session (tests/conftest.py)


@pytest.fixture(scope="module")
def site():
    return load_site(ROOT / "data")[0]


def _text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", "", html)).split())


def _title(page: Path) -> str:
    return _text(re.search(r"<title>(.*?)</title>", page.read_text(encoding="utf-8"), re.S)[1])


def _menu_labels(html: str) -> list[str]:
    nav = html[html.index('md-nav--primary'):]
    nav = nav[:nav.index('md-sidebar--secondary')] if 'md-sidebar--secondary' in nav else nav
    return [_text(label) for label in re.findall(
        r'<(?:a|label) [^>]*class="md-nav__link[^"]*"[^>]*>(.*?)</(?:a|label)>', nav, re.S)]


# How a resident knows each organisation; the plan without one names none.
PLACE = {"charnwood-2016-2018": "Charnwood", "kingston-2015-2016": "Kingston",
         "lewisham-ewg-2015": "Lewisham", "merton-equality-strategy": "Merton",
         "city-council-equalities-2013-2016": None}


def test_every_action_page_title_names_the_organisation(bundled, site):
    assert {plan.id for plan in site.plans} == set(PLACE)
    checked = 0
    for plan in site.plans:
        for page in sorted((bundled / "plans" / plan.id / "actions").glob("*/index.html")):
            title = _title(page)
            assert len(title) < 200, f"{page}: {title}"
            if PLACE[plan.id]:
                assert PLACE[plan.id] in title, f"{page.relative_to(bundled)}: {title}"
                checked += 1
    assert checked > 200  # every action of the four plans that name their organisation


def test_plans_with_the_same_title_have_different_page_titles(bundled):
    charnwood = _title(bundled / "plans" / "charnwood-2016-2018" / "index.html")
    merton = _title(bundled / "plans" / "merton-equality-strategy" / "index.html")
    assert charnwood.startswith("Charnwood Borough Council: Equality Strategy Action Plan")
    assert merton.startswith("Merton: Equality Strategy Action Plan")


def test_breadcrumbs_and_search_name_the_organisation(bundled):
    page = bundled / "plans" / "merton-equality-strategy" / "actions" / "1.1.1" / "index.html"
    crumbs = re.search(r'<nav class="ap-breadcrumbs".*?</nav>', page.read_text("utf-8"), re.S)[0]
    assert "Merton: Equality Strategy Action Plan" in _text(crumbs)
    index = (bundled / "search" / "search_index.json").read_text("utf-8")
    entry = re.search(r'\{"location":"plans/merton-equality-strategy/actions/1\.1\.1/",'
                      r'"title":"[^"]*","text":"([^"]*)', index)
    assert "Merton: Equality Strategy Action Plan" in entry[1]


def test_no_menu_label_is_over_80_characters_and_overviews_say_which_plan(bundled, site):
    # A plan's contents are in the menu on that plan's own pages: read each plan's overview.
    pages = [bundled / "index.html"] + [bundled / "plans" / plan.id / "index.html"
                                        for plan in site.plans]
    labels = [label for page in pages for label in _menu_labels(page.read_text("utf-8"))]
    assert len(labels) > 40
    assert max(len(label) for label in labels) <= 80, max(labels, key=len)
    overviews = {label for label in labels if label.startswith("Overview")}
    assert len(overviews) == 5
    assert "Overview of Merton: Equality Strategy Action Plan" in overviews
    # A long heading is cut at a word boundary, and is whole on its own page.
    cut = [label for label in labels if label.endswith("…") and label.startswith("Objective 1")]
    assert cut and not cut[0][:-1].endswith(" ")


STATUS_TAG = re.compile(r'<strong class="ap-status ap-status--[a-z-]+">(.*?)</strong>', re.S)
ICONS = "✔◔↻"
ICON_ESCAPES = {"\\2714": "✔", "\\25D4": "◔", "\\21BB": "↻"}


def test_status_tags_are_words_alone(bundled):
    """The icon is the style sheet's (tests/a11y/test_status_icons.py checks what Chromium
    reads); the page holds the words only."""
    pages = [bundled / "index.html", bundled / "glossary" / "index.html",
             bundled / "plans" / "merton-equality-strategy" / "index.html",
             bundled / "plans" / "merton-equality-strategy" / "actions" / "1.1.1" / "index.html"]
    tags = [tag for page in pages for tag in STATUS_TAG.findall(page.read_text("utf-8"))]
    assert len(tags) > 20
    for tag in tags:
        # No element and no icon inside: the words, first.
        assert "<" not in tag and not any(icon in tag for icon in ICONS), tag
        assert _text(tag)[0].isupper(), tag


def test_status_tags_are_not_buttons_and_style_sheets_read_no_icon(bundled):
    css_dir = bundled / "assets" / "actionplan"
    css = "".join(p.read_text("utf-8") for p in sorted(css_dir.glob("*.css")))
    status_rule = re.search(r"\.ap-status \{([^}]*)\}", css)[1]
    assert "border" not in status_rule and "padding" not in status_rule
    # CSS `content` is read out unless given empty alternative text: an icon comes from it
    # only with that, and with no plain `content` before it for older browsers to read.
    icons = {}
    for rule, value in re.findall(r"([^{}]+)\{[^}]*?content:\s*([^;]+);", css):
        icon = next((ICON_ESCAPES[e] for e in ICON_ESCAPES if e in value),
                    next((i for i in ICONS if i in value), None))
        if icon is not None:
            assert re.fullmatch(r'"[^"]+" / ""', value.strip()), value
            icons[icon] = rule
    assert set(icons) == set(ICONS), icons
    home = (bundled / "index.html").read_text("utf-8")
    assert '<a class="ap-status' not in home and "ap-status" in home


CURRENT = re.compile(r'<a href="([^"]*)" class="md-nav__link[^"]*" aria-current="(page|true)">')


def _pages(site_dir: Path) -> list[Path]:
    pages = []
    for page in sorted(site_dir.rglob("index.html")):
        html = page.read_text("utf-8")
        if "<body" in html and 'http-equiv="refresh"' not in html:
            pages.append(page)
    return pages


def _target(page: Path, href: str) -> Path:
    return (page.parent / href / "index.html").resolve()


def test_every_page_marks_its_place_in_the_menu(bundled):
    pages = _pages(bundled)
    assert len(pages) > 300
    for page in pages:
        marks = CURRENT.findall(page.read_text("utf-8"))
        assert len(marks) == 1, f"{page.relative_to(bundled)}: {marks}"
        href, kind = marks[0]
        if kind == "page":
            assert _target(page, href) == page.resolve(), page.relative_to(bundled)
        else:
            # The nearest item holds the page: its address starts the page's address.
            holder = _target(page, href).parent
            assert page.resolve().is_relative_to(holder), page.relative_to(bundled)


def test_an_action_page_marks_its_plan_overview_and_opens_its_plan(bundled):
    plan = bundled / "plans" / "merton-equality-strategy"
    html = (plan / "actions" / "1.1.1" / "index.html").read_text("utf-8")
    [(href, kind)] = CURRENT.findall(html)
    assert kind == "true" and _target(plan / "actions" / "1.1.1" / "index.html", href) == (
        plan / "index.html").resolve()
    label = re.search(r'id="(__nav_\d+)_label"[^>]*>\s*'
                      r'Merton: Equality Strategy Action Plan', html)
    assert label and f'aria-labelledby="{label[1]}_label" aria-expanded="true"' in html


def test_officer_guides_are_a_menu_section_apart_from_resident_pages(bundled):
    html = (bundled / "index.html").read_text("utf-8")
    label = re.search(r'id="(__nav_\d+)_label"[^>]*>\s*'
                      r'For officers who keep the plans', html)
    assert label
    start = html.index(f'aria-labelledby="{label[1]}_label"')
    section = html[start:html.index("</nav>", start)]
    links = re.findall(r'<a href="([^"]+)" class="md-nav__link', section)
    assert sorted(links) == ["data-format/", "publishing/", "updating-a-plan/"]
    before = html[:start]
    assert 'href="browse/"' in before and 'href="plans/merton-equality-strategy/"' in before


def test_a_page_in_one_plan_shows_every_other_plan_as_one_link(bundled, site):
    # The menu does not grow with the site: one plan open, the others one link each.
    html = (bundled / "plans/merton-equality-strategy/actions/1.1.1/index.html").read_text("utf-8")
    nav = html[html.index("md-nav--primary"):html.index("md-sidebar--secondary")]
    here = "plans/merton-equality-strategy/actions/1.1.1/"
    links = [posixpath.normpath(posixpath.join(here, link)) + "/"
             for link in re.findall(r'<a href="([^"]+)" class="md-nav__link', nav)]
    merton = next(p for p in site.plans if p.id == "merton-equality-strategy")
    assert sum("merton-equality-strategy/" in link for link in links) == 1 + len(merton.groups)
    for plan in site.plans:
        if plan.id != "merton-equality-strategy":
            assert [link for link in links if f"/{plan.id}/" in link] == [f"plans/{plan.id}/"]
    # The home page belongs to no plan: each plan is one link there, to its overview.
    home = (bundled / "index.html").read_text("utf-8")
    home_nav = _primary_menu(home)
    for plan in site.plans:
        assert f'href="plans/{plan.id}/"' in home_nav
        assert not any(f"plans/{plan.id}/{group.id}/" in home_nav for group in plan.groups)


def _primary_menu(html: str) -> str:
    start = html.index("md-nav--primary")
    return html[start:html.index("md-sidebar--secondary", start)]


def test_an_action_page_menu_shows_no_other_plans_contents(bundled, site):
    plans_dir = (bundled / "plans").resolve()
    for plan in site.plans:
        page = next((bundled / "plans" / plan.id / "actions").glob("*/index.html"))
        menu = _primary_menu(page.read_text("utf-8"))
        targets = [_target(page, href).parent
                   for href in re.findall(r'<a href="([^"]+)" class="md-nav__link', menu)]
        shown: dict[str, list[Path]] = {}
        for target in targets:
            if target.is_relative_to(plans_dir) and target != plans_dir:
                shown.setdefault(target.relative_to(plans_dir).parts[0], []).append(target)
        assert len(shown[plan.id]) > 1, f"{page.relative_to(bundled)}: its plan is not open"
        for other in site.plans:
            if other is not plan:  # another plan is one link, to its overview
                assert shown[other.id] == [plans_dir / other.id], \
                    f"{page.relative_to(bundled)} shows {other.id}'s contents: {shown[other.id]}"


def test_menus_are_outside_the_main_landmark(bundled):
    for page in _pages(bundled)[::25] + [bundled / "404.html"]:
        html = page.read_text("utf-8")
        assert html.count("<main") == 1 and html.count("</main>") == 1, page
        main = html[html.index("<main"):html.index("</main>")]
        assert "md-nav--primary" not in main and "md-sidebar" not in main, page
        assert 'id="main-content"' in main and "<h1" in main, page
        assert html.index("md-nav--primary") < html.index("<main"), page
