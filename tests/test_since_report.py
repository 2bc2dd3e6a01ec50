"""The "Since the last report" pages: built on a tiny site with three reports, and one for
every plan of the bundled site."""

from __future__ import annotations

import json
import posixpath
import re
from html import unescape
from pathlib import Path

import pytest

from actionplan.api import load_site
from actionplan.pages import site_pages
from actionplan.render import Renderer

from .tiny_site import build_in_process, make_project

ROOT = Path(__file__).parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "reports" / "data"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("reports") / "project", data=FIXTURE)
    return build_in_process(project)


def _section(html: str, heading_id: str) -> list[str]:
    """The words of each entry listed under the heading with `heading_id`."""
    part = html.split(f'id="{heading_id}"', 1)[1].split("<h2", 1)[0]
    items = re.findall(r"<li>(.*?)</li>", part, flags=re.S)
    return [" ".join(unescape(re.sub(r"<[^>]+>", "", item)).split()) for item in items]


def _main(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_the_latest_report_page_lists_exactly_the_changes(built):
    html = _main(built / "plans" / "report-plan" / "since-last-report" / "index.html")
    assert "from its progress report of" in html
    assert _section(html, "status-changes") == [
        "Action 1: Status changes in September: status was In progress, now Completed. "
        "1 new progress update."]
    assert _section(html, "moved-targets") == [
        "Action 2: Target moved in September: target date moved from September 2021 to "
        "March 2022."]
    assert _section(html, "withdrawals") == [
        "Action 3: Withdrawn in August: withdrawn on 15 August 2021. Reason given: Funding "
        "ended.",
        "Action 9: Withdrawn after the last report: withdrawn on 20 October 2021, after the "
        "report of 30 September 2021. Reason given: Merged into action 1."]
    assert _section(html, "first-updates") == [
        "Action 4: First update in September: first progress update, status In progress."]
    assert _section(html, "new-updates") == [
        "Action 5: Updated in September, nothing else changed: 1 new progress update."]
    # The status they keep is said once, above each status's actions.
    assert re.search(r'<h3 id="new-updates-ongoing" data-search-exclude>Status still '
                     r'<strong class="ap-status ap-status--ongoing">Ongoing</strong></h3>\s*'
                     r'<ul class="ap-report-changes" data-search-exclude>\s*<li><a href="'
                     r'\.\./actions/5/">', html)
    cannot = " ".join(_section(html, "cannot-tell"))
    assert "1 action has a progress update with no date" in cannot
    assert "Action 8" in cannot and "1 action had no progress update by" in cannot
    # Every entry links to its action's page.
    assert 'href="../actions/1/"' in html and 'href="../actions/8/"' in html


def test_the_earlier_pair_has_its_own_page_linked_both_ways(built):
    folder = built / "plans" / "report-plan" / "since-last-report"
    latest = _main(folder / "index.html")
    earlier = _main(folder / "2021-03-31-to-2021-06-30" / "index.html")
    assert 'href="2021-03-31-to-2021-06-30/"' in latest
    assert 'href="../"' in earlier
    assert [e.split(":")[0] for e in _section(earlier, "first-updates")] == [
        "Action 2", "Action 5", "Action 6", "Action 9"]
    assert _section(earlier, "withdrawals") == []
    assert 'aria-current="page"' in earlier
    plan_page = _main(built / "plans" / "report-plan" / "index.html")
    assert 'href="since-last-report/"' in plan_page


def test_every_bundled_plan_has_a_since_last_report_page_linked_from_its_page():
    site = load_site(ROOT / "data")[0]
    specs = {spec.src_uri: spec for spec in site_pages(site)}
    renderer = Renderer()
    for plan in site.plans:
        src = f"plans/{plan.id}/since-last-report/index.md"
        assert src in specs and not specs[src].in_nav
        html = renderer.render(specs[src])
        # The bundled plans have one report at most: the page says it cannot compare.
        assert "cannot say what changed" in html
        assert 'href="since-last-report/"' in renderer.render(specs[f"plans/{plan.id}/index.md"])


QUARTERLY = ROOT / "tests" / "fixtures" / "reports-quarterly" / "data"


@pytest.fixture(scope="module")
def quarterly(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("quarterly") / "project", data=QUARTERLY)
    return build_in_process(project)


def _pair_links(html: str, here: str) -> set[str]:
    """The pages a page links to under "Reports to compare", as paths from the site's
    since-last-report folder ("." is the folder's own page)."""
    part = html.split('id="reports"', 1)[1].split("Any other two reports", 1)[0]
    return {posixpath.normpath(posixpath.join(here, href))
            for href in re.findall(r'<a href="([^"#]*)"', part)}


def test_pages_grow_with_the_reports_and_each_lists_them_all(quarterly):
    folder = quarterly / "plans" / "quarterly-plan" / "since-last-report"
    keys = ["2022-06-30", "2022-09-30", "2022-12-31", "2023-03-31", "2023-06-30"]
    consecutive = {f"{a}-to-{b}" for a, b in zip(keys[:-2], keys[1:-1])}
    to_latest = {f"{a}-to-{keys[-1]}" for a in keys[:-2]}
    pairs = {p.parent.name for p in folder.glob("*/index.html")}
    # One page per consecutive pair and one per earlier report to the latest (the latest
    # pair is the folder's own page): 2n - 3 in all, never one per pair of reports.
    assert pairs == consecutive | to_latest and len(pairs) + 1 == 2 * len(keys) - 3
    assert not (folder / "2022-06-30-to-2022-12-31").exists()
    every = pairs | {"."}
    for here in sorted(every):
        html = _main(folder / here / "index.html")
        # Every other page of the set, and itself marked as the current page (in both lists
        # for the latest pair, which is the latest consecutive pair and the last to-latest).
        assert _pair_links(html, here) == every - {here}, here
        assert html.count('aria-current="page"') == (2 if here == "." else 1)
        assert "Any other two reports can be compared with the chooser" in html
        assert "hidden data-ap-compare" in html and 'data-facts="' in html
    assert (folder / "report-facts.json").is_file()


def test_a_page_to_the_latest_report_lists_every_change_since_it(quarterly):
    html = _main(quarterly / "plans" / "quarterly-plan" / "since-last-report"
                 / "2022-06-30-to-2023-06-30" / "index.html")
    assert "<h1>Changes since the report of 30 June 2022</h1>" in html
    assert [e.split(":")[0] for e in _section(html, "withdrawals")] == [
        "Action 3", "Action 6", "Action 9"]
    assert [e.split(":")[0] for e in _section(html, "moved-targets")] == ["Action 2"]
    assert [e.split(":")[0] for e in _section(html, "first-updates")] == [
        "Action 4", "Action 6", "Action 9"]


def test_report_comparisons_are_found_by_name_but_do_not_repeat_actions_in_search(built):
    index = json.loads((built / "search/search_index.json").read_text(encoding="utf-8"))
    compared = 0
    for page in sorted(built.glob("plans/*/since-last-report/**/index.html")):
        location = page.parent.relative_to(built).as_posix() + "/"
        entries = [e for e in index["docs"] if e["location"].split("#")[0] == location]
        assert entries, location  # the page itself is still found by its title and lede
        assert not any(e["title"].startswith("Status still") for e in entries), location
        listed = re.findall(r'<ul class="ap-report-changes"[^>]*>(.*?)</ul>',
                            page.read_text("utf-8"), re.S)
        names = {unescape(name) for block in listed
                 for name in re.findall(r'<a href="[^"]*">([^<]+)</a>', block)}
        assert not any(name in e["text"] for name in names for e in entries), location
        compared += bool(names)
    assert compared  # some comparison lists actions, and none is repeated in search
