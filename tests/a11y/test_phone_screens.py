"""A resident on a phone (390 CSS pixels), in Chromium: lists of actions and summary tables fit
the screen, every value labelled; a table that still scrolls says so and can be reached by
keyboard; the menu sits outside the main content, opens at the page's own plan and marks the
page's place. (That action page titles name the organisation is read from the whole-site
sweep: tests/a11y/test_bundled_site.py.)
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from actionplan.api import load_site
from actionplan.model.plan_names import MENU_LABEL_LIMIT

from .browser import local_session
from .checks import axe_findings, open_page, report, sample_paths

ROOT = Path(__file__).resolve().parents[2]
PHONE = {"width": 390, "height": 844}
ACTION_PAGE = re.compile(r"plans/([^/]+)/actions/[^/]+/")
TABLES = "table.ap-plans, table.ap-chart"

# Each summary table: its width, its box's overflow, and every labelled value whose label is
# not shown before it.
_TABLES = """(selector) => [...document.querySelectorAll(selector)].map((table) => {
  const box = table.closest('.ap-table-wrap');
  const unlabelled = [...table.querySelectorAll('td[data-label]')].filter((td) => {
    if (!td.textContent.trim()) return false;
    const before = getComputedStyle(td, '::before').content;
    return !before.includes(td.getAttribute('data-label'));
  }).length;
  return {caption: table.caption ? table.caption.textContent.trim() : table.className,
          right: table.getBoundingClientRect().right, width: table.getBoundingClientRect().width,
          overflow: box ? box.scrollWidth - box.clientWidth : 0, unlabelled};
})"""

# Each list of actions: its name, its width, and its items whose values are not each shown
# after a visible name.
_LISTS = """() => [...document.querySelectorAll('ul.ap-actions')].map((list) => {
  const items = [...list.querySelectorAll(':scope > li')];
  const unlabelled = items.filter((li) => [...li.querySelectorAll('dd')].some((dd) => {
    const dt = dd.previousElementSibling;
    return !dt || dt.tagName !== 'DT' || !dt.checkVisibility() || !dt.textContent.trim() ||
           dt.getBoundingClientRect().top > dd.getBoundingClientRect().top;
  })).length;
  const widest = Math.max(list.scrollWidth, ...items.map((li) => li.scrollWidth));
  return {caption: list.getAttribute('aria-label'), items: items.length,
          right: Math.max(...items.map((li) => li.getBoundingClientRect().right)),
          widest, width: list.clientWidth, unlabelled,
          untitled: items.filter((li) => !li.querySelector('.ap-action__title a')).length};
})"""


@pytest.fixture(scope="module")
def site():
    return load_site(ROOT / "data")[0]


@pytest.fixture(scope="module")
def phone(browser):
    session = local_session(browser, **PHONE)
    yield session.new_page()
    session.context.close()


def _list_pages(site_paths: list[str]) -> list[str]:
    """The home page, every plan's overview and first group page, and the "find actions"
    listings (one of each kind)."""
    plans = sorted({p.split("/")[1] for p in site_paths if ACTION_PAGE.fullmatch(p)})
    groups = [next(p for p in site_paths if p.startswith(f"plans/{plan}/")
                   and p.count("/") == 3 and "/actions/" not in p) for plan in plans]
    listings = [p for p in sample_paths(site_paths) if p.startswith("browse/")]
    listings += [p for p in ("browse/overdue/", "browse/status/completed/") if p in site_paths]
    return [""] + [f"plans/{plan}/" for plan in plans] + groups + listings


def test_no_action_list_or_summary_table_is_wider_than_a_phone(phone, site_url, site_paths):
    problems, tables, lists = [], 0, 0
    for path in _list_pages(site_paths):
        open_page(phone, site_url + path)
        for table in phone.evaluate(_TABLES, TABLES):
            tables += 1
            if table["right"] > PHONE["width"] + 1 or table["overflow"] > 1:
                problems.append(f"/{path}: {table['caption']!r} is {table['width']:.0f}px wide")
            if table["unlabelled"]:
                problems.append(f"/{path}: {table['caption']!r} shows {table['unlabelled']} "
                                "values without their label")
        for found in phone.evaluate(_LISTS):
            lists += 1
            name = found["caption"]
            if not name or not found["items"] or found["untitled"]:
                problems.append(f"/{path}: a list of actions without a name or titles: {found}")
            if found["right"] > PHONE["width"] + 1 or found["widest"] > found["width"] + 1:
                problems.append(f"/{path}: {name!r} is wider than the screen: {found}")
            if found["unlabelled"]:
                problems.append(f"/{path}: {name!r}: {found['unlabelled']} actions show a value "
                                "without its name before it")
    assert tables > 10 and lists > 10, f"only {tables} tables and {lists} lists found"
    assert not problems, "\n".join(problems)


def test_summary_tables_on_a_phone_are_a_block_a_row_each_value_named(
        phone, site_url, site_paths):
    open_page(phone, site_url + "plans/merton-equality-strategy/")
    row = phone.locator("table.ap-by-group tbody tr").first
    assert row.evaluate("tr => getComputedStyle(tr).display") == "block"
    # The name of the row's group first, then its counts, each after its column's name.
    heading, first = row.locator("th"), row.locator("td").first
    assert heading.bounding_box()["y"] < first.bounding_box()["y"]
    assert first.evaluate("td => getComputedStyle(td, '::before').content").startswith('"Actions')
    # The column headers stay in the page for screen readers, out of sight.
    header = phone.locator("table.ap-by-group thead th").first
    assert header.evaluate("th => th.getBoundingClientRect().width") <= 1


def test_axe_finds_nothing_on_the_phone_layout_of_lists(browser, site_url, site_paths):
    session = local_session(browser, **PHONE, with_axe=True)
    page = session.new_page()
    findings = []
    for path in _list_pages(site_paths):
        open_page(page, site_url + path)
        findings += axe_findings(page, path)
    session.context.close()
    assert not findings, report(findings)


def test_a_table_wider_than_its_box_is_reachable_by_keyboard_and_says_it_scrolls(
        browser, site_url, site_paths):
    # At 320 px the downloads table (file names are long words) scrolls in its box; the
    # plans table on the home page fits and so takes no focus.
    session = local_session(browser, width=320, height=640)
    page = session.new_page()
    open_page(page, site_url + "downloads/")
    box = page.locator(".ap-table-wrap", has=page.locator("table.ap-downloads"))
    assert box.evaluate("b => b.scrollWidth > b.clientWidth + 1")
    assert box.get_attribute("tabindex") == "0" and box.get_attribute("role") == "region"
    assert box.get_attribute("aria-label") == "Files you can download"
    hint = page.locator(f"#{box.get_attribute('aria-describedby')}")
    assert hint.is_visible() and "scroll sideways" in hint.inner_text()
    box.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.activeElement.scrollLeft > 0")
    open_page(page, site_url)
    fits = page.locator(".ap-table-wrap", has=page.locator("table.ap-plans"))
    assert fits.get_attribute("tabindex") is None and fits.get_attribute("role") is None
    assert page.locator(".ap-scroll-hint:visible").count() == 0
    session.context.close()


def test_without_script_every_table_box_can_be_reached(browser, site_url):
    # Safari does not make a scrolling box focusable: the page itself gives it a name and a
    # place in the tab order.
    session = local_session(browser, **PHONE, javascript=False)
    page = session.new_page()
    page.goto(site_url + "plans/merton-equality-strategy/")
    boxes = page.evaluate("""() => [...document.querySelectorAll('.ap-table-wrap')].map((b) =>
        [b.getAttribute('tabindex'), b.getAttribute('role'), b.getAttribute('aria-label'),
         b.querySelector('caption').textContent.trim()])""")
    assert len(boxes) >= 2
    for tabindex, role, label, caption in boxes:
        assert (tabindex, role, label) == ("0", "region", caption)
    session.context.close()


@pytest.fixture(scope="module")
def phone_menus(phone, site_url, site_paths) -> dict[str, dict]:
    """What the menus tests read, each page loaded once on the phone: a page of each kind and
    every plan's overview. Per page: [<main>s, a menu inside <main>, an <h1> inside], the
    menu's labels, how many menu items are marked as the current page and, with exactly one,
    where it is once the menu is opened (the last step: it changes the page)."""
    paths = sample_paths(site_paths)
    paths += [p for p in site_paths if p.count("/") == 2 and p.startswith("plans/")
              and p not in paths]
    found = {}
    for path in paths:
        open_page(phone, site_url + path)
        facts = {"main": phone.evaluate(_MAIN_FACTS), "labels": phone.evaluate(_MENU_LABELS)}
        marks = phone.locator(".md-sidebar--primary [aria-current]")
        facts["marks"] = marks.count()
        if facts["marks"] == 1 and path != "404.html":  # the 404 page has no place to mark
            phone.locator("button[data-ap-toggle='__drawer']").click()
            mark = marks.first
            facts["mark"] = {"visible": mark.is_visible(), "box": mark.bounding_box(),
                             "text": mark.inner_text()}
            phone.keyboard.press("Escape")
        found[path] = facts
    return found


_MAIN_FACTS = """() => { const mains = document.querySelectorAll('main');
    const main = mains[0];
    return [mains.length, [...document.querySelectorAll('.md-sidebar nav')]
                             .some((nav) => main.contains(nav)),
            Boolean(main.querySelector('h1'))]; }"""
_MENU_LABELS = """() => [...document.querySelectorAll(
    '.md-sidebar--primary .md-nav__link')]
    .map((s) => s.textContent.replace(/\\s+/g, ' ').trim())"""


def test_menus_are_outside_the_main_content(phone_menus, site_paths):
    for path in sample_paths(site_paths):
        facts = phone_menus[path]["main"]
        assert facts == [1, False, True], f"/{path}: [<main>s, a menu inside, h1 inside] {facts}"


def test_every_page_marks_its_place_and_the_menu_opens_there(phone_menus, site_paths):
    problems = []
    for path in sample_paths(site_paths):
        if path == "404.html":  # not a page of the site: it has no place to mark
            continue
        facts = phone_menus[path]
        if facts["marks"] != 1:
            problems.append(f"/{path}: {facts['marks']} menu items marked aria-current")
            continue
        # Seen as soon as the menu opens, without scrolling the menu.
        mark, box = facts["mark"], facts["mark"]["box"]
        if not mark["visible"] or box is None or box["y"] + box["height"] > PHONE["height"]:
            problems.append(f"/{path}: the marked item {mark['text']!r} is out of sight "
                            "when the menu opens")
    assert not problems, "\n".join(problems)


def test_an_action_page_menu_opens_at_its_plan_only(phone, site_url, site_paths, site):
    for plan in site.plans:
        path = next(p for p in site_paths if ACTION_PAGE.fullmatch(p)
                    and ACTION_PAGE.fullmatch(p).group(1) == plan.id)
        open_page(phone, site_url + path)
        phone.locator("button[data-ap-toggle='__drawer']").click()
        hrefs = phone.evaluate("""() => [...document.querySelectorAll(
            '.md-sidebar--primary a.md-nav__link')].filter((a) => a.checkVisibility())
            .map((a) => new URL(a.href).pathname)""")
        for other in site.plans:
            theirs = [h for h in hrefs if f"/plans/{other.id}/" in h]
            expected = 1 if other is not plan else 2
            assert len(theirs) >= expected, f"/{path}: {other.id} links {theirs}"
            if other is not plan:
                assert theirs == [f"/plans/{other.id}/"], f"/{path} shows {other.id}: {theirs}"
        phone.keyboard.press("Escape")


def test_no_menu_label_is_over_80_characters(phone_menus):
    assert MENU_LABEL_LIMIT == 80
    plan_pages = [facts for path, facts in phone_menus.items() if path.startswith("plans/")]
    assert plan_pages and all(facts["labels"] for facts in plan_pages)  # the menu was read
    long = {label for facts in phone_menus.values() for label in facts["labels"]
            if len(label) > MENU_LABEL_LIMIT}
    assert not long, long
