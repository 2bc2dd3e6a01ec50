"""Officer text that uses no Markdown at all, turned into HTML without running Markdown.

Most progress updates are plain sentences. Running Python-Markdown and the sanitiser on each
was half the time of rendering an action page; for a one-paragraph text with none of the
characters Markdown or HTML give a meaning to, the result is known in advance: the text in a
<p>. Anything else (or anything doubtful) returns None and goes through the full path.
"""

from __future__ import annotations

import re

from markupsafe import Markup

# No Markdown or HTML syntax (\ ` * _ [ ] ! < > & #), no line breaks of any kind, no control
# characters, no non-breaking space (the sanitiser writes it as &nbsp;).
_PLAIN = re.compile("[^\\\\`*_\\[\\]!<>&#\x00-\x1f\x7f-\x9f\u00a0\u2028\u2029]+")
# A first character that can open a block: a list (- + 1.), a setext rule (=), indented code.
_BLOCK_START = re.compile(r"[-+=\s]|\d+[.)]")


def plain_paragraph(text: str) -> Markup | None:
    """`<p>text</p>` when that is exactly what Markdown and the sanitiser would make, else None."""
    if not _PLAIN.fullmatch(text) or text[-1].isspace() or _BLOCK_START.match(text):
        return None
    return Markup(f"<p>{text}</p>")
