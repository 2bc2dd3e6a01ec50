"""Finished pages without the layout whitespace of their templates.

Material's templates (the navigation above all) indent every line and leave blank lines where
a Jinja tag stood: half of each page's bytes, on every page. A run of whitespace that holds a
line break is shown exactly as one line break (or one space) wherever white-space is
"normal", so each such run becomes one line break. Runs without a line break are left as
they are, and so are attribute values (only runs next to a tag are touched), and everything
inside elements whose whitespace is shown as written: <pre>,
<textarea>, <code>, <kbd> (Material shows these pre-wrap), <script> and <style> (not text),
and the before/after texts of a change (`ap-change-diff`, shown pre-line).
"""

from __future__ import annotations

import re

_KEPT = re.compile(
    r"<(pre|textarea|code|kbd|script|style)\b.*?</\1\s*>"
    r'|<dl class="ap-change-diff[^"]*".*?</dl\s*>',
    re.S | re.I)
# A run of whitespace holding a line break that ends a tag or starts one: text between tags,
# never an attribute value (where "<" and ">" are escaped).
_AFTER_TAG = re.compile(r">[ \t\r\n\f]*\n[ \t\r\n\f]*")
_BEFORE_TAG = re.compile(r"\n[ \t\r\n\f]*<")


def _compact_text(html: str) -> str:
    return _BEFORE_TAG.sub("\n<", _AFTER_TAG.sub(">\n", html))


def compact_html(html: str) -> str:
    """The page with each run of whitespace that holds a line break made one line break."""
    pieces, start = [], 0
    for kept in _KEPT.finditer(html):
        pieces.append(_compact_text(html[start:kept.start()]))
        pieces.append(kept.group(0))
        start = kept.end()
    pieces.append(_compact_text(html[start:]))
    return "".join(pieces)
