"""Tables in hand-written pages, made fit for a screen reader.

Markdown has no way to write a table caption; Pandoc's convention does: a paragraph
"Table: what the table shows" just before the table becomes its visible <caption>. A table
without one is named, for screen readers only, by the heading it sits under (the heading
already shows the name on screen). Header cells of a Markdown table are column headers, so
each gets scope="col".
"""

from __future__ import annotations

import re

_CAPTIONED = re.compile(r"<p>Table:\s*(.+?)</p>\s*<table>", re.S)
_HEADING = re.compile(r"<h([1-6])[^>]*>(.*?)</h\1>", re.S)
_BARE_TABLE = re.compile(r"<table>(?!\s*<caption)")
_HEAD = re.compile(r"<thead>.*?</thead>", re.S)
_HEAD_CELL_WITHOUT_SCOPE = re.compile(r"<th(?![^>]*\bscope=)(\s[^>]*)?>")
_TAG = re.compile(r"<[^>]+>")


def accessible_tables(html: str) -> str:
    """Caption and scope every table Python-Markdown wrote (a bare <table>)."""
    if "<table" not in html:
        return html
    html = _CAPTIONED.sub(r"<table>\n<caption>\1</caption>", html)
    html = _caption_from_headings(html)
    return _HEAD.sub(lambda head: _HEAD_CELL_WITHOUT_SCOPE.sub(_with_scope, head.group(0)), html)


def _caption_from_headings(html: str) -> str:
    headings = [(m.start(), _TAG.sub("", m.group(2)).strip()) for m in _HEADING.finditer(html)]
    parts, last = [], 0
    for table in _BARE_TABLE.finditer(html):
        # The heading text is already escaped HTML (tags stripped), safe to reuse as is.
        title = next((text for start, text in reversed(headings) if start < table.start()),
                     "Table")
        parts.append(html[last:table.start()])
        parts.append(f'<table>\n<caption class="visually-hidden">{title}</caption>')
        last = table.end()
    parts.append(html[last:])
    return "".join(parts)


def _with_scope(cell: re.Match) -> str:
    return f'<th scope="col"{cell.group(1) or ""}>'
