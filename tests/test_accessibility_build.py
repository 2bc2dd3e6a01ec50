"""Accessibility in a real MkDocs build: the statement (published, linked from every page's
footer, fed from the plugin's `accessibility` settings and the test record) and the tables
of hand-written pages."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from actionplan.accessibility.statement import CONFIRMED_BY_CHECK

from .tiny_site import NO_HISTORY, build, build_in_process, make_project, mkdocs_yml

RECORD = {"date": "2026-11-20", "tools": ["axe-core 4.14.1"], "checks": ["Every page"],
          "pages": 9, "site_pages": 9}


def make_statement_project(root: Path, settings: str) -> Path:
    """The mini plan (the package's theme layer, no overrides of its own) and these
    `accessibility` settings."""
    options = NO_HISTORY + "      accessibility:\n" + settings + "\n"
    return make_project(root, mkdocs_yml(options))


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    project = make_statement_project(tmp_path_factory.mktemp("statement"), """\
        organisation: Example Borough Council
        email: access@example.org
        enforcement: ecni
        test_record: record.json""")
    (project / "record.json").write_text(json.dumps(RECORD), encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_statement_is_published_from_the_settings_and_record(built):
    page = (built / "accessibility" / "index.html").read_text(encoding="utf-8")
    assert "<title>Accessibility statement - Test site</title>" in page
    assert "This website is run by Example Borough Council." in page
    assert 'href="mailto:access@example.org"' in page
    assert "Equality Commission for Northern Ireland" in page
    assert '<time datetime="2026-11-20">20 November 2026</time>' in page
    assert "on all 9 pages" in page and "axe-core 4.14.1" in page


def test_every_page_links_to_the_statement_in_its_footer(built):
    pages = sorted(built.rglob("*.html"))
    assert len(pages) >= 7
    statement = (built / "accessibility" / "index.html").resolve()
    for page in pages:
        html = page.read_text(encoding="utf-8")
        footer = html[html.index('<footer class="md-footer">'):]
        match = re.search(r'<a href="([^"]*)">Accessibility statement</a>', footer)
        assert match, f"{page}: no link to the statement in the footer"
        href = match.group(1)
        base = built if href.startswith("/") else page.parent
        assert (base / href.lstrip("/") / "index.html").resolve() == statement, (page, href)


def test_full_compliance_with_known_issues_stops_a_strict_build(tmp_path):
    project = make_statement_project(tmp_path, """\
        email: access@example.org
        compliance: full
        known_issues:
          - criterion: 1.1.1 Non-text Content
            problem: The map has no text version.""")
    result = build(project)
    assert result.returncode == 1
    assert 'accessibility.compliance is "full", but the statement lists known issues' in result.stderr


def test_statement_can_be_switched_off(tmp_path):
    project = make_statement_project(tmp_path, "        statement: false")
    result = build(project)
    assert result.returncode == 0, result.stderr
    assert not (project / "site" / "accessibility").exists()
    assert "Accessibility statement" not in (project / "site" / "index.html").read_text(
        encoding="utf-8")


def test_hand_written_tables_get_a_caption_and_header_scopes(tmp_path):
    project = make_statement_project(tmp_path, "        email: access@example.org")
    (project / "content" / "codes.md").write_text(
        "# Codes\n\nTable: Status codes\n\n| Code | Shown as |\n|---|---|\n| a | A |\n",
        encoding="utf-8")
    (project / "mkdocs.yml").write_text((project / "mkdocs.yml").read_text(encoding="utf-8") +
                                        "markdown_extensions:\n  - tables\n", encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stderr
    page = (project / "site" / "codes" / "index.html").read_text(encoding="utf-8")
    assert "<caption>Status codes</caption>" in page and '<th scope="col">Code</th>' in page


def test_a_site_without_its_own_record_says_it_is_not_tested_and_claims_nothing(tmp_path):
    # The plugin's default: no record, even though this repository (the project folder's
    # neighbour in a checkout) has one: a site never borrows another's results.
    project = make_statement_project(tmp_path, "        email: access@example.org")
    site = build_in_process(project)
    page = (site / "accessibility" / "index.html").read_text(encoding="utf-8")
    assert "This website has not yet been tested automatically." in page
    assert "it has not yet been tested, automatically or by hand" in page
    for claim in CONFIRMED_BY_CHECK.values():
        assert claim not in page, claim
    assert "automated tests find no failure" not in page and "last tested on" not in page


def test_a_record_that_is_not_there_stops_a_strict_build(tmp_path):
    project = make_statement_project(tmp_path, """\
        email: access@example.org
        test_record: tests/a11y/last-run.json""")
    result = build(project)
    assert result.returncode == 1
    assert "accessibility.test_record: tests/a11y/last-run.json does not exist" in result.stderr
