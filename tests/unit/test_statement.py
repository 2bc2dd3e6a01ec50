"""The accessibility statement: the GOV.UK model's sections, filled from settings and the
record of the last test run, and nothing from the clock."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from actionplan.accessibility import known_issues
from actionplan.accessibility.known_issues import KnownIssue
from actionplan.accessibility.record import (
    RecordedRun, RecordError, read_test_run, write_test_run,
)
from actionplan.accessibility.statement import (
    CONFIRMED_BY_CHECK, StatementSettings, statement_page,
)
from actionplan.render import Renderer

RUN = RecordedRun(date=dt.date(2026, 11, 20), tools=("axe-core 4.14.1", "Chromium 156"),
                  checks=("axe-core on every page",), pages=212, site_pages=212)
SETTINGS = StatementSettings(website="Equality plans", organisation="Example Council",
                             email="access@example.org", phone="020 7946 0000",
                             response_days=10, prepared=dt.date(2026, 11, 1))


def render(settings: StatementSettings = SETTINGS, run: RecordedRun | None = RUN) -> str:
    return Renderer().render(statement_page(settings, run))


def text(html: str) -> str:
    inline_dropped = re.sub(r"</?(a|time|strong)\b[^>]*>", "", html)
    return " ".join(re.sub(r"<[^>]+>", " ", inline_dropped).split())


def test_statement_has_the_model_statements_sections():
    html = render()
    headings = re.findall(r"<h[23][^>]*>(.*?)</h[23]>", html)
    assert headings == [
        "How accessible this website is",
        "What to do if you cannot access parts of this website",
        "Reporting accessibility problems with this website",
        "Enforcement procedure",
        "Technical information about this website’s accessibility",
        "Compliance status",
        "Non-accessible content",
        "What we’re doing to improve accessibility",
        "Preparation of this accessibility statement",
    ]
    assert "<h1>Accessibility statement for Equality plans</h1>" in html


def test_contact_details_and_dates_come_from_settings_and_the_test_record():
    words = text(render())
    assert "This website is run by Example Council." in words
    assert 'email access@example.org' in words and "call 020 7946 0000" in words
    assert "get back to you in 10 working days" in words
    assert "This statement was prepared on 1 November 2026." in words
    assert "last tested on 20 November 2026" in words
    assert "on all 212 pages of the website" in words and "axe-core 4.14.1, Chromium 156" in words
    assert "axe-core on every page" in words
    assert '<a href="mailto:access@example.org">' in render()


def test_a_sampled_run_says_how_many_pages_it_checked():
    sampled = RecordedRun(date=dt.date(2026, 11, 20), tools=("axe-core 4.14.1",), checks=("x",),
                          pages=250, site_pages=471)
    words = text(render(run=sampled))
    assert "on 250 of the website’s 471 pages in the browser" in words
    assert "with the HTML checker on all of them" in words


def test_untested_site_says_so():
    words = text(render(run=None))
    assert "has not yet been tested automatically" in words
    assert "last tested" not in words


def test_enforcement_body_for_northern_ireland():
    gb = text(render())
    ni = text(render(StatementSettings(website="W", email="a@b.c", enforcement="ecni")))
    assert "Equality and Human Rights Commission (EHRC)" in gb and "Equality Advisory" in gb
    assert "Equality Commission for Northern Ireland (ECNI)" in ni and "EHRC" not in ni


def test_known_issues_are_listed_with_their_criterion(monkeypatch):
    theme_issue = KnownIssue("1.4.3 Contrast (Minimum)", "Footer text is pale.",
                             "Fixed in the next release.", axe_rule="color-contrast",
                             selector=".md-copyright")
    monkeypatch.setattr("actionplan.accessibility.statement.KNOWN_ISSUES", (theme_issue,))
    own = KnownIssue("1.1.1 Non-text Content", "A chart has no text version.", "Being written.")
    words = text(render(StatementSettings(website="W", email="a@b.c", known_issues=(own,))))
    assert "partially compliant" in words and "due to the non-compliances listed below" in words
    assert ("Footer text is pale. This fails WCAG 2.2 success criterion 1.4.3 Contrast "
            "(Minimum). Fixed in the next release.") in words
    assert "A chart has no text version. This fails WCAG 2.2 success criterion 1.1.1" in words


@pytest.mark.parametrize("compliance,phrase", [
    ("full", "This website is fully compliant"),
    ("partial", "This website is partially compliant"),
    ("not", "This website is not compliant"),
])
def test_compliance_status(compliance, phrase):
    assert phrase in text(render(StatementSettings(website="W", compliance=compliance)))


def test_full_compliance_with_known_issues_is_a_contradiction():
    issue = KnownIssue("1.1.1 Non-text Content", "x", "y")
    assert StatementSettings(website="W", compliance="full", known_issues=(issue,)).contradictions()
    assert not StatementSettings(website="W", compliance="partial",
                                 known_issues=(issue,)).contradictions()


def test_missing_contact_details_are_reported():
    assert StatementSettings(website="W").missing()
    assert not StatementSettings(website="W", phone="1").missing()
    assert "contact details have not been published yet" in render(StatementSettings(website="W"))


def test_the_one_list_of_known_issues_gives_a_reason_for_each():
    for issue in known_issues.KNOWN_ISSUES:
        assert issue.criterion and issue.problem and issue.reason


def test_test_record_round_trip_and_unchanged_file_left_alone(tmp_path):
    path = tmp_path / "last-run.json"
    assert read_test_run(path) is None
    assert write_test_run(path, RUN) is True
    assert read_test_run(path) == RUN
    assert write_test_run(path, RUN) is False  # same run, same bytes: not rewritten
    assert "T" not in path.read_text(encoding="utf-8").split('"date": ')[1][:14]  # no time


CLAIMS = (*CONFIRMED_BY_CHECK.values(), "status is written in words", "found that you can")


def test_an_untested_site_makes_no_claim_and_says_it_is_not_tested():
    words = text(render(StatementSettings(website="W", email="a@b.c"), run=None))
    for claim in CLAIMS:
        assert claim not in words, claim
    assert "automated tests find no failure" not in words
    assert "We do not know of any part of this website that is not accessible" not in words
    assert "has not yet been tested for accessibility automatically" in words
    assert "it has not yet been tested, automatically or by hand" in words
    assert "we cannot yet list the content that may fail" in words


def test_only_the_checks_the_record_passed_become_claims():
    run = RecordedRun(date=dt.date(2026, 11, 20), tools=("axe-core 4.14.1",),
                      checks=("Keyboard only", "Printing"), pages=3, site_pages=3,
                      passed=("keyboard", "print"))
    words = text(render(run=run))
    assert "Automated tests on 20 November 2026 found that you can:" in words
    assert "navigate the whole website using just a keyboard" in words
    assert "print a plan or an action as a clean paper copy" in words
    assert CONFIRMED_BY_CHECK["no-js"] not in words and CONFIRMED_BY_CHECK["reflow"] not in words
    assert "status is written in words" not in words
    assert "Every one of these checks passed." in words


def test_a_record_without_passed_keys_backs_no_claim():
    words = text(render())  # RUN lists checks but names none as passed
    assert "found that you can" not in words and "using just a keyboard" not in words
    assert "last tested on 20 November 2026" in words


def test_full_compliance_without_any_test_is_a_contradiction():
    untested = StatementSettings(website="W", compliance="full")
    assert untested.contradictions(tested=False)
    assert not untested.contradictions(tested=True)


def test_an_unreadable_record_says_which_file_and_what_it_needs(tmp_path):
    path = tmp_path / "last-run.json"
    path.write_text('{"tools": []}', encoding="utf-8")
    with pytest.raises(RecordError, match=r"last-run.json: the accessibility test record "
                                          r"cannot be read .*It needs \"date\""):
        read_test_run(path)
