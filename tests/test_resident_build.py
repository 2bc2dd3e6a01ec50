"""Real MkDocs builds: the bundled site as a resident meets it (two clicks from home, search,
downloads), and the plugin options on a tiny site."""

from __future__ import annotations

import csv
import io
import json
import posixpath
import re
from html import unescape
from pathlib import Path

import pytest
import yaml

from actionplan.api import load_site
from actionplan.render import markdown_to_html

from .tiny_site import NO_HISTORY, build, make_project, mkdocs_yml

ROOT = Path(__file__).parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "residents" / "data"


@pytest.fixture(scope="module")
def bundled(bundled_site) -> Path:
    return bundled_site  # built once for the session (tests/conftest.py)


def _links(html: str, page: str) -> set[str]:
    """Pages a link on `page` leads to, as site paths of their index.html."""
    found = set()
    for href in re.findall(r'<a [^>]*href="([^"#?]*)', html):
        if not href or "://" in href or href.startswith("mailto:"):
            continue
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), href))
        found.add(posixpath.join(target, "index.html") if not target.endswith(".html")
                  else target)
    return found


def _h1(site: Path, page: str) -> str | None:
    path = site / page
    if not path.is_file():
        return None
    match = re.search(r"<h1[^>]*>(.*?)</h1>", path.read_text(encoding="utf-8"), re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", "", match.group(1))).split()) if match else None


def _within_clicks(site: Path, start: str, clicks: int) -> dict[str, int]:
    seen, frontier = {start: 0}, [start]
    for depth in range(1, clicks + 1):
        following = []
        for page in frontier:
            html = (site / page).read_text(encoding="utf-8")
            for target in _links(html, page):
                if target not in seen and (site / target).is_file():
                    seen[target] = depth
                    following.append(target)
        frontier = following
    return seen


def test_disabled_people_and_overdue_are_two_clicks_from_home_without_javascript(bundled):
    # Links only (no script runs): every <a href> from the home page, then from those pages.
    reachable = _within_clicks(bundled, "index.html", 2)
    titles = {_h1(bundled, page): depth for page, depth in reachable.items()}
    assert titles.get("Equality group: Disability", 9) <= 2
    assert titles.get("Overdue actions", 9) <= 2
    disability = (bundled / "browse/equality-group/disability/index.html").read_text("utf-8")
    assert "All Strands" in disability  # the actions tagged ALL are there, and say why


def test_search_finds_every_action_by_id_title_lead_and_text(bundled):
    index = json.loads((bundled / "search/search_index.json").read_text(encoding="utf-8"))
    by_page: dict[str, str] = {}
    for entry in index["docs"]:
        page = entry["location"].split("#")[0]
        words = unescape(re.sub(r"<[^>]+>", " ", entry["title"] + " " + entry["text"]))
        by_page[page] = by_page.get(page, "") + " " + " ".join(words.split())
    site = load_site(ROOT / "data")[0]
    for plan in site.plans:
        for action, _ in plan.all_actions():
            words = by_page[f"plans/{plan.id}/actions/{action.id}/"]
            assert re.search(rf"(^|\s){re.escape(action.id)}(\s|$)", words), action.id
            if action.title:
                assert " ".join(action.title.split()) in words
            for lead in action.leads:
                assert " ".join(lead.text.split()) in words
            some_text = action.description or (action.measures[0].text if action.measures
                                               else None)
            if some_text:
                shown = unescape(re.sub(r"<[^>]+>", " ", markdown_to_html(some_text)))
                first_words = " ".join(shown.split()[:4])
                assert first_words in words, (action.id, first_words)


def test_listings_are_found_by_name_but_do_not_repeat_actions_in_search(bundled):
    index = json.loads((bundled / "search/search_index.json").read_text(encoding="utf-8"))
    listing = [e for e in index["docs"]
               if e["location"].startswith("browse/equality-group/disability/")]
    assert listing[0]["title"] == "Equality group: Disability"
    title = "Improve Annual Employment Monitoring Report by equality strands"
    assert title in (bundled / "browse/equality-group/disability/index.html").read_text("utf-8")
    assert not any(title in e["text"] for e in listing)
    assert any(title in e["title"] for e in index["docs"] if "/actions/" in e["location"])


def test_nav_stays_small(bundled):
    page = (bundled / "plans/kingston-2015-2016/actions/1/index.html").read_text("utf-8")
    nav = re.search(r'<nav class="md-nav md-nav--primary".*?</nav>\s*</div>', page, re.S).group(0)
    assert "browse/equality-group" not in nav and "/actions/" not in nav
    assert "Find actions" in nav and "Glossary" in nav and "Download the data" in nav


def test_bundled_downloads_match_the_data(bundled):
    site = load_site(ROOT / "data")[0]
    total = 0
    for plan in site.plans:
        rows = _csv(bundled / f"downloads/plans/{plan.id}.csv")
        assert len(rows) == sum(1 for _ in plan.all_actions())
        total += len(rows)
    assert total == sum(1 for plan in site.plans for _ in plan.all_actions())
    # No file repeats the plans' files (issue 20: no duplicated downloads).
    assert sorted(p.name for p in (bundled / "downloads").iterdir()) == ["index.html", "plans"]
    schema = (bundled / "schema/plan-v1.schema.json").read_bytes()
    packaged = (ROOT / "plugins/actionplan/schema/plan-v1.schema.json").read_bytes()
    # The same schema, its $id on the site's own address (the bundled mkdocs.yml's site_url).
    site_url = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]
    assert schema == packaged.replace(b'"$id": "https://actionplan.invalid/',
                                      f'"$id": "{site_url}'.encode(), 1)
    assert schema != packaged
    action = json.loads((bundled / "plans/charnwood-2016-2018/actions/1.1/action.json")
                        .read_text(encoding="utf-8"))
    assert action["uid"] == "charnwood-2016-2018/1.1"
    page = (bundled / "downloads/index.html").read_text(encoding="utf-8")
    assert 'href="plans/charnwood-2016-2018.csv"' in page
    assert 'href="../schema/plan-v1.schema.json"' in page


def _csv(path: Path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))


FIND_AND_DASHBOARD = "# Home\n\n<!-- actionplan:find -->\n\n<!-- actionplan:dashboard -->\n"


def _project(tmp_path: Path, options: str = "      data_dir: data") -> Path:
    """The residents' fixture plans, with these actionplan options, outside git."""
    return make_project(tmp_path, mkdocs_yml(options + "\n" + NO_HISTORY), data=FIXTURE,
                        home=FIND_AND_DASHBOARD)


def test_as_of_option_judges_every_plan_at_that_date(tmp_path):
    project = _project(tmp_path, "      as_of: 2030-01-01\n      update_cadence: P6M")
    result = build(project, "-q")
    assert result.returncode == 0, result.stderr
    overdue = (tmp_path / "site/browse/overdue/index.html").read_text(encoding="utf-8")
    assert "Not assessed" not in overdue
    assert '<time datetime="2030-01-01">1 January 2030</time>' in overdue
    # Its target passed but it has no update: listed apart, never as overdue.
    assert "Review disability access" not in overdue
    passed = (tmp_path / "site/browse/target-passed-no-status/index.html").read_text("utf-8")
    assert "Review disability access" in passed
    rows = [row for csv_file in (tmp_path / "site/downloads/plans").glob("*.csv")
            for row in _csv(csv_file)]
    assert rows and {r["assessed_as_of"] for r in rows} == {"2030-01-01"}


@pytest.mark.parametrize("option,message", [
    ("update_cadence: quarterly", 'update_cadence "quarterly" is not an ISO 8601 duration'),
    ("as_of: soon", 'as_of "soon" is not a date written as YYYY-MM-DD'),
])
def test_bad_options_stop_the_build_with_a_clear_message(tmp_path, option, message):
    result = build(_project(tmp_path, "      " + option), "-q")
    assert result.returncode == 1
    assert message in result.stderr and "Traceback" not in result.stderr


def test_same_data_gives_the_same_bytes(tmp_path):
    project = _project(tmp_path)
    first, second = tmp_path / "one", tmp_path / "two"
    # The second in a process of its own: another hash seed, so an order that depends on
    # hashing shows as a difference.
    assert (build(project, "-q", "-d", str(first)).returncode == 0
            and build(project, "-q", "-d", str(second), own_process=True).returncode == 0)
    for folder in ("downloads", "schema", "browse", "glossary", "plans"):
        for path in sorted((first / folder).rglob("*")):
            if path.is_file():
                twin = second / path.relative_to(first)
                assert path.read_bytes() == twin.read_bytes(), path.relative_to(first)


def test_bundled_build_judges_truthfully_and_says_which_plans_ended(bundled):
    # The real build, with the repository's git history: "ended" is judged at the day the
    # data last changed, which is after every bundled plan's period.
    def words(page):
        html = (bundled / page).read_text(encoding="utf-8")
        return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())
    assert "This plan has ended. It ran from January 2016 to December 2018" in words(
        "plans/charnwood-2016-2018/index.html")
    coord = words("plans/lewisham-ewg-2015/actions/coord-01/index.html")
    assert "Timing: Target passed, no status given ." in coord
    assert "coord-01" not in (bundled / "browse/overdue/index.html").read_text("utf-8")
    merton = words("plans/merton-equality-strategy/index.html")
    assert "Overdue: not assessed." in merton and "Overdue: 0" not in merton
