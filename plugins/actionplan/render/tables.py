"""Tables in hand-written pages, made fit for a screen reader.

Markdown has no way to write a table caption; Pandoc's convention does: a paragraph
"Table: what the table shows" just before the table becomes its <caption>. Header cells
of a Markdown table are column headers, so each gets scope="col".
"""

from __future__ import annotations

import re

_CAPTIONED = re.compile(r"<p>Table:\s*(.+?)</p>\s*<table>", re.S)
_HEAD = re.compile(r"<thead>.*?</thead>", re.S)
_HEAD_CELL_WITHOUT_SCOPE = re.compile(r"<th(?![^>]*\bscope=)(\s[^>]*)?>")


def accessible_tables(html: str) -> str:
    html = _CAPTIONED.sub(r"<table>\n<caption>\1</caption>", html)
    return _HEAD.sub(lambda head: _HEAD_CELL_WITHOUT_SCOPE.sub(_with_scope, head.group(0)), html)


def _with_scope(cell: re.Match) -> str:
    return f'<th scope="col"{cell.group(1) or ""}>'
