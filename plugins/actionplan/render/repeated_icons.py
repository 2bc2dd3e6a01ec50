"""Finished pages that draw each inline icon once.

Material writes an icon's SVG into the page wherever the icon is shown: the logo in the
header and again in the menu's title, the magnifier on the search button and again in the
search field, each with an `xmlns` the HTML parser does not need (it gives an inline <svg>
its namespace). On every page that was about 1.5 KB of a frame that does not change. Here
the first drawing of an icon keeps its shapes, in a group with an id, and each later copy
of the same drawing shows that group with <use>; `xmlns` is left out of every icon. What
is seen is the same: each icon keeps its own <svg> element (so the theme's CSS, sized and
coloured by its place in the page, still applies), and <use> draws a copy of the shapes
wherever the first one is (shown or not).

Only Material's icon markup is touched (`<svg xmlns=... viewBox=...>` with no other
attribute and no <svg> inside); text inside <script> is left as it is.
"""

from __future__ import annotations

import re

_ICON = re.compile(r'<svg xmlns="http://www\.w3\.org/2000/svg"( viewBox="[^"<>]*")>'
                   r"((?:(?!<svg\b).)*?)</svg>", re.S)
_SCRIPT = re.compile(r"<script\b.*?</script\s*>", re.S | re.I)
ID_PREFIX = "ap-icon-"


def draw_icons_once(html: str) -> str:
    """The page with each repeated icon drawn once and shown again by reference."""
    if ID_PREFIX in html:  # the ids are taken (a page that says them): leave the page as it is
        return html
    pieces = _pieces(html)
    seen: set[tuple[str, str]] = set()
    repeated: set[tuple[str, str]] = set()
    for text, is_script in pieces:
        for match in () if is_script else _ICON.finditer(text):
            drawing = (match.group(1), match.group(2))
            (repeated if drawing in seen else seen).add(drawing)
    first_ids: dict[tuple[str, str], str] = {}

    def one_icon(match: re.Match[str]) -> str:
        view_box, shapes = match.group(1), match.group(2)
        drawing = (view_box, shapes)
        if drawing not in repeated:
            return f"<svg{view_box}>{shapes}</svg>"
        if drawing in first_ids:
            return f'<svg{view_box}><use href="#{first_ids[drawing]}"/></svg>'
        first_ids[drawing] = f"{ID_PREFIX}{len(first_ids) + 1}"
        return f'<svg{view_box}><g id="{first_ids[drawing]}">{shapes}</g></svg>'

    return "".join(text if is_script else _ICON.sub(one_icon, text) for text, is_script in pieces)


def _pieces(html: str) -> list[tuple[str, bool]]:
    """The page cut at its <script> elements: (text, whether it is a script)."""
    pieces, start = [], 0
    for script in _SCRIPT.finditer(html):
        pieces += [(html[start:script.start()], False), (script.group(0), True)]
        start = script.end()
    return pieces + [(html[start:], False)]
