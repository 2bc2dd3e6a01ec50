"""A generated page's table of contents, so Material shows its skip link and page menu.

MkDocs builds `page.toc` from Markdown headings; generated pages have none, so Material
printed no "Skip to content" link on them. The core's outline of the rendered HTML fills it.
"""

from __future__ import annotations

from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from actionplan.render.outline import Heading, outline, with_title_id


def set_page_outline(page: Page, html: str) -> str:
    """Give the page's <h1> an id, set `page.toc` from its headings; return the HTML."""
    html = with_title_id(html)
    page.toc = get_toc([_token(h) for h in outline(html)])
    return html


def _token(heading: Heading) -> dict:
    return {"level": heading.level, "id": heading.id, "name": heading.html,
            "children": [_token(child) for child in heading.children]}
