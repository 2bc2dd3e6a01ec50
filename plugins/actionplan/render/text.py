"""Officer-written text to safe HTML: Markdown, then an allow-list sanitiser.

Plain-text fields are escaped by Jinja's autoescape; Markdown fields go through here.
Nothing from the data can add script, styles, frames, event handlers or unsafe URLs.
"""

from __future__ import annotations

import re
import threading

import markdown
import nh3
from markupsafe import Markup

from actionplan.render.plain_text import plain_paragraph
from actionplan.text_safety import has_bidi_controls

ALLOWED_TAGS = {"p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "blockquote",
                "code", "pre", "sup", "sub", "abbr", "table", "thead", "tbody", "tr", "th", "td"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "ol": {"start"},
                      "th": {"scope"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}

_local = threading.local()
# A link whose address the sanitiser removed (javascript:, data:) is left as <a> with only
# rel/title: invalid HTML and a dead link to a screen reader. Its words are kept as text.
_LINK_WITHOUT_HREF = re.compile(r"<a(?![^>]*\shref=)[^>]*>(.*?)</a>", re.S)


def _converter() -> markdown.Markdown:
    # One converter per thread, reset between uses: building one per field is the slow part.
    if not hasattr(_local, "md"):
        _local.md = markdown.Markdown(extensions=["sane_lists"], output_format="html")
    return _local.md


def markdown_to_html(text: str | None) -> Markup:
    if not text:
        return Markup("")
    html = _markdown_html(text)
    if has_bidi_controls(text):  # its own direction, never reversing the page around it
        return Markup('<div dir="auto">') + html + Markup("</div>")
    return html


def _markdown_html(text: str) -> Markup:
    plain = plain_paragraph(text)  # most updates: no Markdown to run
    if plain is not None:
        return plain
    md = _converter()
    md.reset()
    html = md.convert(text)
    clean = nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                      url_schemes=ALLOWED_URL_SCHEMES, link_rel="noopener noreferrer nofollow")
    return Markup(_LINK_WITHOUT_HREF.sub(r"\1", clean))


def markdown_inline(text: str | None) -> Markup:
    """Markdown for short text shown inside a sentence or list item: no wrapping paragraph."""
    html = str(_markdown_html(text)) if text else ""
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    if text and has_bidi_controls(text):
        return Markup("<bdi>") + Markup(html) + Markup("</bdi>")
    return Markup(html)
