"""Markdown tables in hand-written pages get a caption and header scopes."""

from __future__ import annotations

import markdown

from actionplan.render.tables import accessible_tables

TEXT = """\
Table: Status codes and how pages show them

| Code | Shown as |
|---|---|
| `in_progress` | In progress |
"""


def render(text: str) -> str:
    return accessible_tables(markdown.markdown(text, extensions=["tables"]))


def test_table_line_becomes_the_caption_and_header_cells_get_column_scope():
    html = render(TEXT)
    assert "<p>Table:" not in html and "visually-hidden" not in html
    assert "<table>\n<caption>Status codes and how pages show them</caption>" in html
    assert '<th scope="col">Code</th>' in html and '<th scope="col">Shown as</th>' in html
    assert "<td><code>in_progress</code></td>" in html


def test_without_a_table_line_the_heading_above_names_the_table_for_screen_readers():
    html = render("## Status *codes*\n\nSome text.\n\n| Code | Shown as |\n|---|---|\n| a | b |\n")
    assert '<table>\n<caption class="visually-hidden">Status codes</caption>' in html
    assert '<th scope="col">Code</th>' in html


def test_a_table_before_any_heading_still_gets_a_caption():
    assert '<caption class="visually-hidden">Table</caption>' in render("| A |\n|---|\n| 1 |\n")


def test_aligned_header_cells_keep_their_style_and_existing_scopes_stay():
    html = render("| A | B |\n|:-:|---|\n| 1 | 2 |\n")
    assert '<th scope="col" style="text-align: center;">A</th>' in html
    assert accessible_tables('<thead><tr><th scope="row">x</th></tr></thead>').count("scope") == 1


def test_tables_that_have_a_caption_are_left_alone():
    html = ('<table class="x"><caption>Mine</caption><thead><tr><th scope="col">A</th></tr>'
            "</thead></table>")
    assert accessible_tables(html) == html


def test_paragraphs_that_only_mention_tables_are_left_alone():
    html = render("Table: but no table follows.\n\nText.\n")
    assert "<p>Table: but no table follows.</p>" in html
