"""A generated page's table of contents, so Material shows its skip link and page menu.

MkDocs builds `page.toc` from Markdown headings; generated pages have none, so Material
printed no "Skip to content" link on them. The core's outline of the rendered HTML fills it:
the page title first (its link, the skip link's target, is the article: the theme layer's
main.html gives it the id), then the page's sections.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from actionplan.render.outline import anchor_ids, outline

if TYPE_CHECKING:  # MkDocs names the heading type privately: for the type checker only
    from mkdocs.structure.toc import _TocToken

CONTENT_ID = "main-content"  # the id the theme layer's main.html gives the page's <article>


def set_page_outline(page: Page, html: str) -> str:
    """Set `page.toc` from the rendered page, and the anchors MkDocs checks links to it
    against (it collects them when it renders Markdown, which generated pages skip: a
    hand-written link to glossary/#overdue was reported as broken); return the HTML."""
    page.present_anchor_ids = anchor_ids(html)
    found = outline(html)
    sections: list[_TocToken] = [{"level": 2, "id": h.id, "name": h.html, "children": []} for h in found.sections]
    page.toc = get_toc([{"level": 1, "id": CONTENT_ID, "name": escape(found.title, quote=False),
                         "children": sections}])
    return html
