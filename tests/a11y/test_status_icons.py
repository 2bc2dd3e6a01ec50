"""A status's icon is seen and never read: Chromium draws it from the style sheet and leaves
it out of the accessibility tree, where the status is its words alone."""

from __future__ import annotations

import re

import pytest

from .browser import local_session
from .checks import open_page

# Part of the statement's structure check ("status in words"): the words are all that is read.
pytestmark = pytest.mark.a11y_check("structure")

ICONS = {"completed": "✔", "in-progress": "◔", "ongoing": "◔", "rescheduled": "↻"}
_STATUSES = """() => [...document.querySelectorAll('article strong.ap-status')].map((el) => [
    [...el.classList].find((c) => c.startsWith('ap-status--')).slice(11),
    getComputedStyle(el, '::before').content])"""


def _texts_under(tree: dict, node_id: str) -> list[str]:
    """The names of the text nodes under one node of Chromium's accessibility tree."""
    nodes = {node["nodeId"]: node for node in tree["nodes"]}
    texts, stack = [], [node_id]
    while stack:
        node = nodes[stack.pop()]
        if node.get("role", {}).get("value") == "StaticText":
            texts.append(node.get("name", {}).get("value", ""))
        stack.extend(reversed(node.get("childIds", [])))
    return texts


def test_status_icons_are_drawn_and_left_out_of_the_accessibility_tree(
        browser, site_url, bundled_site):
    page_with_each = {}
    for page in sorted((bundled_site / "plans").glob("*/actions/*/index.html")):
        for status in set(re.findall(r'ap-status-line">Status: <strong class="ap-status '
                                     r'ap-status--([a-z-]+)', page.read_text("utf-8"))):
            page_with_each.setdefault(status, page.parent.relative_to(bundled_site).as_posix())
    assert {"completed", "in-progress", "rescheduled"} <= set(page_with_each)
    session = local_session(browser)
    tab = session.new_page()
    cdp = session.context.new_cdp_session(tab)
    try:
        for status, path in sorted(page_with_each.items()):
            open_page(tab, f"{site_url}{path}/")
            for code, before in tab.evaluate(_STATUSES):
                if code in ICONS:
                    assert before == f'"{ICONS[code]}" / ""', (path, code, before)
                else:
                    assert before == "none", (path, code, before)
            # The status line's <strong>, in the tree Chromium gives screen readers.
            root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
            found = cdp.send("DOM.querySelector", {
                "nodeId": root, "selector": ".ap-status-line strong.ap-status"})
            backend = cdp.send("DOM.describeNode", {"nodeId": found["nodeId"]})["node"]
            tree = cdp.send("Accessibility.getFullAXTree")
            [strong] = [n for n in tree["nodes"]
                        if n.get("backendDOMNodeId") == backend["backendNodeId"]]
            words = tab.locator(".ap-status-line strong.ap-status").inner_text()
            assert words and words[0].isupper(), (path, words)
            read = _texts_under(tree, strong["nodeId"])
            assert "".join(read) == words, (path, status, read)
    finally:
        session.context.close()
