"""Titles from the data reach MkDocs and Material templates, which print them unescaped.

They must arrive escaped: in <title>, the meta description, the header, the navigation,
previous/next links and the search index, a payload is shown as text, never parsed as markup.
"""

from __future__ import annotations

import json

import pytest

from ..tiny_site import make_project, mkdocs

PLAN = """\
schema_version: 1
plan:
  id: titles
  title: 'Plan </title><script>alert(1)</script>'
  short_title: 'Short <img src=x onerror=alert(2)>'
  organisation: {name: 'Org " onmouseover="alert(3)', kind: other, basis: stated}
  levels: [{kind: objective, label: Objective}]
groups:
  - id: g1
    number: "1"
    title: 'Group <svg onload=alert(4)>'
    actions:
      - id: a1
        title: 'Action "><script>alert(5)</script>'
      - id: a2
        title: Second action
"""

SHORT_NAME = ("Org &#34; onmouseover=&#34;alert(3): Short &lt;img src=x onerror=alert(2)&gt;")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("titles"), plans={"titles.yaml": PLAN})
    result = mkdocs(project, "build", "--strict")
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_no_title_payload_becomes_markup_on_any_page(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 5
    for page in pages:
        html = page.read_text(encoding="utf-8")
        for raw in ("<script>alert", "<img src=x", "<svg onload", '" onmouseover="',
                    '"><script>'):
            assert raw not in html, f"{page.relative_to(site)} carries {raw!r} unescaped"


def test_titles_are_shown_as_text_in_head_header_and_nav(site):
    html = (site / "plans" / "titles" / "actions" / "a1" / "index.html").read_text("utf-8")
    # The page title names the plan by its short name, after the organisation's name.
    assert ("<title>Action &#34;&gt;&lt;script&gt;alert(5)&lt;/script&gt; - "
            f"{SHORT_NAME} - Test site</title>") in html
    assert 'content="Action &#34;&gt;&lt;script&gt;alert(5)&lt;/script&gt; - Plan' in html
    home = (site / "index.html").read_text("utf-8")
    assert "Short &lt;img src=x onerror=alert(2)&gt;" in home  # the plan's section in the nav
    # A top-level group in the nav, which lists a plan's groups on that plan's own pages.
    overview = (site / "plans" / "titles" / "index.html").read_text("utf-8")
    assert "Objective 1: Group &lt;svg onload=alert(4)&gt;" in overview


def test_previous_next_labels_are_escaped_once(site):
    html = (site / "plans" / "titles" / "index.html").read_text("utf-8")
    assert "&amp;lt;" not in html  # escaped once, not twice: `|e` keeps an escaped title as is


def test_search_index_titles_are_escaped(site):
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    titles = [doc["title"] for doc in index["docs"]]
    assert f"Action &#34;&gt;&lt;script&gt;alert(5)&lt;/script&gt; - {SHORT_NAME}" in titles
    text = json.dumps(index)
    assert "<script" not in text and "<img" not in text and "<svg" not in text
