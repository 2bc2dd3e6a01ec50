"""The outline of a rendered page: its <h1> and <h2> headings, for a table of contents.

A theme builds its skip link and "on this page" menu from the outline, so the main heading
needs an id to link to; `with_title_id` gives it one when the template did not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser

TITLE_ID = "page-title"
_FIRST_H1 = re.compile(r"<h1(?=[\s>])([^>]*)>")


@dataclass
class Heading:
    level: int
    id: str
    text: str
    children: list[Heading] = field(default_factory=list)

    @property
    def html(self) -> str:
        return escape(self.text, quote=False)


def with_title_id(html: str, title_id: str = TITLE_ID) -> str:
    """Give the first <h1> an id (the skip link's target) if it has none."""
    match = _FIRST_H1.search(html)
    if match is None or re.search(r"\bid\s*=", match.group(1)):
        return html
    return f'{html[:match.start()]}<h1 id="{title_id}"{match.group(1)}>{html[match.end():]}'


def outline(html: str) -> list[Heading]:
    """The <h1> (with the <h2>s under it as children) and any <h2> before it; ids required."""
    parser = _HeadingParser()
    parser.feed(html)
    parser.close()
    top: list[Heading] = []
    for heading in parser.headings:
        if heading.level == 2 and top and top[-1].level == 1:
            top[-1].children.append(heading)
        else:
            top.append(heading)
    return top


class _HeadingParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.headings: list[Heading] = []
        self._open: Heading | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in {"h1", "h2"} and attributes.get("id"):
            self._open = Heading(int(tag[1]), attributes["id"], "")

    def handle_data(self, data):
        if self._open is not None:
            self._open.text += data

    def handle_endtag(self, tag):
        if self._open is not None and tag == f"h{self._open.level}":
            self._open.text = " ".join(self._open.text.split())
            self.headings.append(self._open)
            self._open = None
