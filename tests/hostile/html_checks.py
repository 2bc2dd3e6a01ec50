"""Look for live markup in HTML the way a browser would parse it (html5lib, the HTML5 algorithm)."""

from __future__ import annotations

import re

from collections import Counter

import html5lib

from .payloads import MARKER, RISKY_ELEMENTS, URL_ATTRIBUTES, unsafe_url


def parse(html: str, *, fragment: bool = False):
    parser = html5lib.HTMLParser(namespaceHTMLElements=False)
    return parser.parseFragment(html) if fragment else parser.parse(html)


def _local(name: str) -> str:
    # html5lib names foreign-content tags and attributes "{namespace}local".
    return name.rsplit("}", 1)[-1].lower() if isinstance(name, str) else ""


_OUR_BAR_WIDTH = re.compile(r"width: \d{1,3}(\.\d+)?%")


def live_markup(tree) -> list[str]:
    """Event handlers, style attributes, and script URLs or data-made URLs anywhere in `tree`."""
    found = []
    for element in tree.iter():
        tag = _local(element.tag)
        for name, value in element.attrib.items():
            attribute = _local(name if isinstance(name, str) else name[1])
            if attribute == "style" and _OUR_BAR_WIDTH.fullmatch(value):
                continue  # the dashboard's own bar widths, computed from counts, not data text
            if attribute.startswith("on") or attribute in ("style", "srcdoc"):
                found.append(f"<{tag} {attribute}={value[:60]!r}>")
            if attribute in URL_ATTRIBUTES and unsafe_url(value):
                found.append(f"<{tag} {attribute}={value[:60]!r}>")
        if tag == "script" and MARKER in "".join(element.itertext()):
            found.append(f"<script>{''.join(element.itertext())[:60]!r}")
    return found


def risky_elements(tree) -> Counter:
    """How many elements of each kind that can run, load or restyle something."""
    return Counter(tag for tag in (_local(e.tag) for e in tree.iter()) if tag in RISKY_ELEMENTS)


def text_of(tree, tag: str) -> str:
    return " ".join("".join(e.itertext()) for e in tree.iter(tag))
