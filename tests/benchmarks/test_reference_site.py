"""The benchmark's reference site has the actionplan site's pages, words and nav, in Markdown."""

from __future__ import annotations

import re

from tests.benchmarks.benchmark import _actionplan_project, _plain_project
from tests.benchmarks.reference_site import _markdown_link, page_markdown
from tests.benchmarks.synthetic import Shape, generate
from tests.tiny_site import built_site


def _pages(site):
    return sorted(str(p.relative_to(site)) for p in site.rglob("*.html")
                  if p.relative_to(site).parts[0] not in ("assets", "search"))


def test_reference_has_the_same_pages_words_and_nav_and_builds_strict(tmp_path):
    plans = generate(Shape(plans=2, actions=12, updates=3))
    ours = built_site(_actionplan_project(tmp_path / "actionplan", plans, 4).repo, "--quiet")
    theirs = built_site(_plain_project(tmp_path / "plain", ours), "--quiet")
    assert _pages(theirs) == _pages(ours)
    title = plans[0].actions()[0].head["title"]
    action_pages = [p for p in _pages(ours) if "/actions/" in p]
    assert action_pages and any(title in (theirs / p).read_text("utf-8") for p in action_pages)
    config = (tmp_path / "plain" / "mkdocs.yml").read_text("utf-8")
    assert "plans/county-plan-01/index.md" in config and "actions/" not in config  # small nav
    # Each plan's groups, as the plan's own pages show them (its menu section open there).
    assert re.search(r"plans/county-plan-0[12]/(?!actions/)[^/\s]+/index\.md", config)
    # No page of the reference is generated: its pages are Markdown files in docs_dir.
    assert "actionplan" not in config


def test_pages_become_markdown_with_links_to_markdown_files():
    html = ('<header>not this</header><article class="md-content__inner md-typeset">'
            '<h1>Action 1</h1><p>See <a href="../../objective-1/">the objective</a>, '
            '<a href="../area-1/#progress">its progress</a> and '
            '<a href="action.json">the JSON</a>.</p><ul><li>One</li></ul></article>')
    text = page_markdown(html)
    assert text.startswith("# Action 1\n")
    assert "[the objective](../../objective-1/index.md)" in text
    assert "[its progress](../area-1/index.md#progress)" in text
    assert "[the JSON](action.json)" in text and "- One" in text
    assert "not this" not in text
    assert [_markdown_link(h) for h in ("https://x.org/a/", "#top", ".", "..")] == \
        ["https://x.org/a/", "#top", "./index.md", "../index.md"]
    assert re.search(r"\n{3,}", text) is None
