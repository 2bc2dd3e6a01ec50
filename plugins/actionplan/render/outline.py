"""The outline of a rendered page: its main heading and the <h2> sections under it.

A theme builds its skip link and "on this page" menu from the outline.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser


@dataclass
class Heading:
    level: int
    id: str
    text: str

    @property
    def html(self) -> str:
        return escape(self.text, quote=False)


@dataclass
class Outline:
    title: str = ""
    """The text of the page's <h1>."""

    sections: list[Heading] = field(default_factory=list)
    """The <h2>s that have an id (a menu can link to those only)."""


def outline(html: str) -> Outline:
    parser = _HeadingParser()
    parser.feed(html)
    parser.close()
    return parser.outline


class _HeadingParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.outline = Outline()
        self._open: Heading | None = None

    def handle_starttag(self, tag, attrs):
        if tag in {"h1", "h2"}:
            self._open = Heading(int(tag[1]), dict(attrs).get("id") or "", "")

    def handle_data(self, data):
        if self._open is not None:
            self._open.text += data

    def handle_endtag(self, tag):
        heading = self._open
        if heading is None or tag != f"h{heading.level}":
            return
        heading.text = " ".join(heading.text.split())
        if heading.level == 1 and not self.outline.title:
            self.outline.title = heading.text
        elif heading.level == 2 and heading.id:
            self.outline.sections.append(heading)
        self._open = None
