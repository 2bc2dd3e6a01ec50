"""Every view of the bundled site agrees with the one judgement model (facets/judgement.py):
badges and timing lines in built pages, the Overdue and target-passed lists, the dashboards'
counts, the CSV and the JSON downloads. Built in-process from the five bundled plans."""

from __future__ import annotations

import csv
import io
import json
import posixpath
import re
from collections import Counter
from html import unescape
from pathlib import Path

import pytest

from actionplan.api import load_site
from actionplan.facets import Assessor, plan_summary, site_facets
from actionplan.facets.judgement import overdue_flag
from actionplan.options import SiteOptions
from actionplan.pages import site_files, site_pages
from actionplan.render import Renderer
from actionplan.render.resident import fill_fragments

ROOT = Path(__file__).parents[1]
OPTIONS = SiteOptions()
FLAGGED = {"late": "Overdue", "target_passed_no_status": "Target passed, no status given"}


def text(html: str) -> str:
    spaced = re.sub(r"</?(?:p|li|ul|dl|dt|dd|div|h[1-6]|table|tr|th|td|caption)\b[^>]*>", " ",
                    html)
    return " ".join(unescape(re.sub(r"<[^>]+>", "", spaced)).split())


@pytest.fixture(scope="module")
def site():
    return load_site(ROOT / "data")[0]


@pytest.fixture(scope="module")
def verdicts(site):
    """(plan id, action id) -> the judgement model's verdict: what every view must say."""
    assessor = Assessor(OPTIONS)
    return {(plan.id, action.id): assessor(plan, action).verdict
            for plan in site.plans for action, _ in plan.all_actions()}


@pytest.fixture(scope="module")
def pages(site):
    renderer = Renderer(options=OPTIONS)
    return {spec.src_uri: renderer.render(spec) for spec in site_pages(site, options=OPTIONS)}


@pytest.fixture(scope="module")
def files(site):
    return {f.path: f for f in site_files(site, options=OPTIONS)}


def _action_of(src_uri: str, href: str) -> tuple[str, str] | None:
    """(plan id, action id) a link on the page `src_uri` leads to, if it is an action page."""
    target = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), href))
    match = re.fullmatch(r"plans/([^/]+)/actions/([^/]+)", target)
    return (match.group(1), match.group(2)) if match else None


def _listed_rows(pages):
    """Every table row or list item that lists an action: (page, (plan id, action id), its
    html)."""
    for src_uri, html in pages.items():
        for parts in re.findall(r'<tr[^>]*>(.*?)</tr>|<li class="ap-action">(.*?)</li>', html,
                                re.S):
            row = "".join(parts)
            link = re.search(r'<a href="([^"#]+)/"', row)
            key = _action_of(src_uri, link.group(1)) if link else None
            if key:
                yield src_uri, key, row


def test_every_verdict_occurs_in_the_bundled_plans_that_can_have_it(verdicts):
    found = Counter(v.code for v in verdicts.values())
    # Charnwood: done and not yet due; Lewisham: target passed, no status given; Merton:
    # no dated target and transferred; City council and Kingston publish no progress date.
    for code in ["done", "on_time", "target_passed_no_status", "no_target", "not_assessed",
                 "withdrawn"]:
        assert found[code], code


def test_each_action_page_shows_its_verdict_and_reason(site, pages, verdicts):
    for (plan_id, action_id), verdict in verdicts.items():
        html = pages[f"plans/{plan_id}/actions/{action_id}/index.md"]
        timing = re.search(r'id="timing">(.*?)</(?:p|div)>\n(?!  <p>)', html, re.S)
        assert timing, (plan_id, action_id)
        words = text(timing.group(0))
        assert f"Timing: {verdict.label}. {verdict.reason}" in words, (plan_id, action_id)
        assert f'class="ap-flag ap-flag--{verdict.key}"' in timing.group(0)


def test_badges_in_every_list_agree_with_the_verdict(pages, verdicts):
    rows = 0
    for src_uri, key, row in _listed_rows(pages):
        rows += 1
        verdict = verdicts[key]
        for code, label in FLAGGED.items():
            badge = rf'class="ap-flag ap-flag--{code.replace("_", "-")}"[^>]*>{label}</a>'
            assert bool(re.search(badge, row)) is (verdict.code == code), (src_uri, key)
    assert rows > len(verdicts)  # every action sits in several lists


def test_the_overdue_list_holds_exactly_the_late_actions(site, pages, verdicts):
    facets = site_facets(site, Assessor(OPTIONS))
    for facet, code, src in [(facets.overdue, "late", "browse/overdue"),
                             (facets.target_passed, "target_passed_no_status",
                              "browse/target-passed-no-status")]:
        listed = {(e.plan.id, e.action.id) for e in facet.values[0].entries}
        assert listed == {k for k, v in verdicts.items() if v.code == code}, code
        linked = {_action_of(uri, href) for uri, html in pages.items()
                  if uri == f"{src}/index.md" or uri.startswith(f"{src}/page/")
                  for href in re.findall(r'<p class="ap-action__title">.*?<a href="([^"#]+)/"',
                                         html)}
        assert linked == listed, code


def test_plan_dashboards_count_what_the_model_says(site, pages, verdicts):
    assessor = Assessor(OPTIONS)
    for plan in site.plans:
        summary = plan_summary(plan, assessor)
        words = text(pages[f"plans/{plan.id}/index.md"])
        mine = Counter(v.code for (p, _), v in verdicts.items() if p == plan.id)
        assert summary.verdicts == {code: mine[code] for code in summary.verdicts}
        if summary.assessed:
            late, passed = mine["late"], mine["target_passed_no_status"]
            assert re.search(rf"Overdue: {late} actions? of the {summary.judged} actions? ", words)
            assert re.search(rf"Target passed, no status given: {passed} actions? ", words)
            assert (f"Not judged against a date: {mine['done']} done, {mine['withdrawn']} "
                    f"withdrawn or transferred, {mine['no_target']} with no dated target") in words
        else:
            assert f"Overdue: not assessed. {summary.not_assessed_reason}" in words
            assert not re.search(r"Overdue: \d", words)


def test_the_site_dashboard_counts_what_the_model_says(site, verdicts):
    html = fill_fragments(Renderer(options=OPTIONS), "<!-- actionplan:dashboard -->",
                          "index.md", site)
    for plan in site.plans:
        row = re.search(rf'<tr[^>]*>\s*<th scope="row"[^>]*><a href="plans/{plan.id}/">.*?</tr>',
                        html, re.S).group(0)
        mine = Counter(v.code for (p, _), v in verdicts.items() if p == plan.id)
        judged = mine["on_time"] + mine["late"] + mine["target_passed_no_status"]
        if plan_summary(plan, Assessor(OPTIONS)).assessed:
            assert f'#plan-{plan.id}">{mine["late"]}</a> of {judged}</td>' in row
            assert f'#plan-{plan.id}">{mine["target_passed_no_status"]}</a></td>' in row
        else:
            assert "Not assessed" in row and 'overdue/#plan' not in row


def _csv_rows(content: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


def test_csv_columns_agree_with_the_model(site, files, verdicts):
    expected = {None: "", True: "yes", False: "no"}
    plan_csvs = [f"downloads/plans/{plan.id}.csv" for plan in site.plans]
    for path in plan_csvs:
        rows = _csv_rows(files[path].content)
        assert rows
        for row in rows:
            verdict = verdicts[(row["plan_id"], row["action_id"])]
            assert (row["verdict"], row["verdict_label"], row["verdict_reason"]) == (
                verdict.code, verdict.label, verdict.reason)
            assert row["overdue"] == expected[overdue_flag(verdict)]


def test_action_json_agrees_with_the_model(files, verdicts):
    for (plan_id, action_id), verdict in verdicts.items():
        derived = json.loads(files[f"plans/{plan_id}/actions/{action_id}/action.json"].content
                             )["derived"]
        assert (derived["verdict"], derived["verdict_label"], derived["verdict_reason"]) == (
            verdict.code, verdict.label, verdict.reason)
        assert derived["overdue"] is overdue_flag(verdict)


def test_lewisham_coord_01_is_not_overdue(pages, verdicts, files):
    # Its update gives no status ("Group formed and met for the first time on 12 August
    # 2015"), and its target, September 2015, had passed by November 2015.
    verdict = verdicts[("lewisham-ewg-2015", "coord-01")]
    assert verdict.code == "target_passed_no_status" and not verdict.overdue
    page = text(pages["plans/lewisham-ewg-2015/actions/coord-01/index.md"])
    assert "Timing: Target passed, no status given. The target date, “September 2015”, had " \
           "passed by 30 November 2015" in page
    assert "Overdue" not in page.replace("How this is worked out", "")
    overdue = pages["browse/overdue/index.md"]
    assert "coord-01" not in overdue
    assert "lewisham-ewg-2015/actions/coord-01/" in pages["browse/target-passed-no-status/index.md"]
    row = next(r for r in _csv_rows(files["downloads/plans/lewisham-ewg-2015.csv"].content)
               if r["uid"] == "lewisham-ewg-2015/coord-01")
    assert (row["overdue"], row["verdict"]) == ("", "target_passed_no_status")


def test_merton_is_not_assessed_never_zero(pages, site):
    title = site.plan("merton-equality-strategy").title
    merton = text(pages["plans/merton-equality-strategy/index.md"])
    assert "Overdue: not assessed. None of its 87 actions has a target date that can pass" \
        in merton
    assert "Overdue: 0" not in merton
    overdue = text(pages["browse/overdue/index.md"])
    assert title in overdue.split("Not assessed (left out of this list")[1].split(
        "by target year")[0]
    html = fill_fragments(Renderer(options=OPTIONS), "<!-- actionplan:dashboard -->",
                          "index.md", site)
    row = re.search(r'<a href="plans/merton-equality-strategy/">.*?</tr>', html, re.S).group(0)
    assert "Not assessed" in row and ">0</a>" not in row


def test_the_glossary_defines_every_verdict(pages):
    from actionplan.model.vocabulary import VERDICTS
    html = pages["glossary/index.md"]
    for code, term in VERDICTS.items():
        assert f'id="verdict-{code.replace("_", "-")}"' in html
        assert f"{term.label} {term.meaning}" in text(html)


def test_the_home_page_counts_agree_and_say_what_they_leave_out(site, verdicts):
    words = text(fill_fragments(Renderer(options=OPTIONS), "<!-- actionplan:find -->",
                                "index.md", site))
    found = Counter(v.code for v in verdicts.values())
    assessor = Assessor(OPTIONS)
    judged = sum(plan_summary(p, assessor).assessed for p in site.plans)
    assert (f"Overdue actions ({found['late']}) · Target passed, no status given "
            f"({found['target_passed_no_status']}) (both counted in {judged} plans of "
            f"{len(site.plans)}: the others are not assessed)") in words
