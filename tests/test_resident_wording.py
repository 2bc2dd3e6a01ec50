"""What residents read on the bundled site: one clear word per state, no repeated labels,
cut-off titles marked wherever they appear, provenance behind a disclosure, ended plans said
to have ended. Rendered in-process from the five bundled plans."""

from __future__ import annotations

import re
from datetime import date
from html import unescape
from pathlib import Path

import pytest

from actionplan.api import load_site
from actionplan.facets.period import ended_plan
from actionplan.model.vocabulary import STATUSES
from actionplan.options import SiteOptions
from actionplan.pages import site_pages
from actionplan.render import Renderer
from actionplan.render.wording import document_status_text, field_heading
from actionplan.model.entities import Status

ROOT = Path(__file__).parents[1]
AS_OF = SiteOptions(as_of=date(2026, 11, 1))
PEO_4 = "PEO 4: To have a diverse workforce that ain…"


def text(html: str) -> str:
    spaced = re.sub(r"</?(?:p|li|ul|dl|dt|dd|div|h[1-6]|table|tr|th|td|caption|summary)\b"
                    r"[^>]*>", " ", html)
    return " ".join(unescape(re.sub(r"<[^>]+>", "", spaced)).split())


@pytest.fixture(scope="module")
def site():
    return load_site(ROOT / "data")[0]


@pytest.fixture(scope="module")
def specs(site):
    return {spec.src_uri: spec for spec in site_pages(site, options=AS_OF)}


@pytest.fixture(scope="module")
def pages(specs):
    renderer = Renderer(options=AS_OF)
    return {uri: renderer.render(spec) for uri, spec in specs.items()}


def test_no_label_repeats_itself_anywhere(pages):
    for uri, html in pages.items():
        words = text(html)
        assert "Draft: Draft" not in words, uri
        assert "Status: Status" not in words, uri
    lewisham = text(pages["plans/lewisham-ewg-2015/index.md"])
    assert "Document status Draft (to be presented to EWG on 20 November 2015)" in lewisham


def test_document_status_keeps_the_plans_words_once():
    assert document_status_text(Status("draft", "Draft (for EWG)")) == "Draft (for EWG)"
    assert document_status_text(Status("draft")) == "Draft"
    assert document_status_text(Status("final", "Agreed by Cabinet")) == \
        "Final (the plan says “Agreed by Cabinet”)"


def test_the_two_silent_statuses_read_differently():
    unknown, none = STATUSES["unknown"], STATUSES["no_update"]
    assert unknown.label == "Updated, no status given" and none.label == "No update yet"
    assert not set(unknown.label.lower().split()) >= set(none.label.lower().split())
    labels = [t.label for t in STATUSES.values()]
    assert len(set(labels)) == len(labels)


def test_the_plans_own_heading_never_replaces_what_the_value_is(site, pages):
    charnwood = site.plan("charnwood-2016-2018")
    assert field_heading(charnwood, "due", "Target date") == \
        "Target date (the plan says “Date of Completion”)"
    assert field_heading(charnwood, "title", "Action") == "Action"  # the same word: once
    page = pages["plans/charnwood-2016-2018/actions/4.1/index.md"]
    assert "<dt>Target date (the plan says “Date of Completion”)</dt>" in page
    assert ">Date of Completion<" not in page
    lewisham = pages["plans/lewisham-ewg-2015/coordination/index.md"]
    assert '<dt>Target date (the plan says “When”)</dt>' in lewisham
    assert '>When</' not in lewisham


def test_cut_off_titles_are_marked_everywhere_they_appear(specs, pages):
    uri = "plans/charnwood-2016-2018/peo-4/index.md"
    assert specs[uri].title == PEO_4  # the page title and the menu label
    h1 = re.search(r"<h1>(.*?)</h1>", pages[uri], re.S).group(1)
    assert text(h1) == "PEO 4: To have a diverse workforce that ain… (cut off in the source)"
    assert 'href="#cut-off-title"' in h1 and 'id="cut-off-title"' in pages[uri]  # the reason
    assert "is cut off in the source" in text(pages[uri])
    plan = text(pages["plans/charnwood-2016-2018/index.md"])
    assert PEO_4 in plan and "that ain " not in plan.replace("ain…", "")
    action = pages["plans/charnwood-2016-2018/actions/4.1/index.md"]
    assert PEO_4 in text(action)  # the context line under the heading
    for page, html in pages.items():  # never shown complete (a note may quote the source)
        for shown in re.findall(r"diverse workforce that ain(.?)", text(html)):
            assert shown in ("…", "'", "\""), page
    assert specs["plans/charnwood-2016-2018/peo-1/index.md"].title.endswith("evaluate the…")


def test_provenance_sits_behind_how_we_know_this(pages):
    html = pages["plans/lewisham-ewg-2015/index.md"]
    details = re.findall(r"<details class=\"ap-how\"><summary>How we know this</summary>"
                         r"<p>(.*?)</p></details>", html, re.S)
    assert any("names the Equalities Working Group" in unescape(d) for d in details)
    assert any("to be presented to EWG on 20 November 2015" in unescape(d) for d in details)


def test_a_plan_whose_period_ended_says_so(site, pages):
    charnwood = text(pages["plans/charnwood-2016-2018/index.md"])
    assert ("This plan has ended. It ran from January 2016 to December 2018 (worked out by the "
            "editors from “2016-2018”); its last progress report is dated March 2018.") \
        in charnwood
    kingston = text(pages["plans/kingston-2015-2016/index.md"])
    assert "It ran from April 2015 to March 2016" in kingston
    assert "it has published no progress report" in kingston
    assert "This plan has ended" in text(pages["plans/charnwood-2016-2018/actions/4.1/index.md"])
    # Lewisham's plan gives no period: nothing is claimed.
    assert "This plan has ended" not in text(pages["plans/lewisham-ewg-2015/index.md"])


def test_ended_is_judged_at_a_fixed_date_never_today(site):
    charnwood = site.plan("charnwood-2016-2018")
    assert ended_plan(charnwood, None) is None  # no date to judge at: no claim
    assert ended_plan(charnwood, date(2018, 12, 31)) is None  # its last day: not yet ended
    ended = ended_plan(charnwood, date(2019, 1, 1))
    assert (ended.start, ended.end) == (date(2016, 1, 1), date(2018, 12, 31))
    assert ended.last_report.text == "March 2018"
    plain = Renderer().render(next(s for s in site_pages(site)
                                   if s.src_uri == "plans/charnwood-2016-2018/index.md"))
    assert "This plan has ended" not in plain  # no as_of and no history: nothing claimed


def test_a_cut_off_lead_is_marked_on_its_action_and_in_lists(pages):
    action = pages["plans/merton-equality-strategy/actions/2.1.2/index.md"]
    assert ("Heads of Service across… <a class=\"ap-cut-off\" href=\"#cut-off-leads\">"
            in action and 'id="cut-off-leads"' in action)
    assert "Heads of Service across…</dd>" in pages["plans/merton-equality-strategy/pa-2.1/index.md"]


def test_a_plan_with_no_period_gives_its_last_report_and_claims_nothing_more(pages):
    merton = text(pages["plans/merton-equality-strategy/index.md"])
    assert "This plan does not say when it ends. Its last progress report is dated February " \
           "2014." in merton
    assert "This plan has ended" not in merton
