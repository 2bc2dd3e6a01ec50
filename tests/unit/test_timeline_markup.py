"""Progress updates on every bundled action page: an ordered list, newest first, each dated
update under a heading with a machine-readable <time> (WCAG 1.3.1: the order and the dates
are in the markup, not only in how the page looks)."""

from __future__ import annotations

import re

from actionplan.api import load_site
from actionplan.pages import site_pages
from actionplan.render import Renderer

from ..conftest import ROOT

MACHINE_READABLE = {"day": r"\d{4}-\d{2}-\d{2}", "month": r"\d{4}-\d{2}", "year": r"\d{4}"}


def test_every_dated_update_has_a_time_element_in_an_ordered_list():
    site, _ = load_site(ROOT / "data")
    renderer = Renderer()
    checked = 0
    for spec in site_pages(site):
        if spec.kind != "action" or not spec.context["action"].progress:
            continue
        html = renderer.render(spec)
        timeline = re.search(r'<ol class="ap-timeline" reversed>(.*?)\n</ol>', html, re.S)
        assert timeline, f"{spec.src_uri}: progress is not an ordered list"
        headings = re.findall(r'<li class="ap-update"[^>]*>\s*<h3>(.*?)</h3>', timeline.group(1),
                              re.S)
        updates = list(reversed(spec.context["action"].progress))
        assert len(headings) == len(updates), spec.src_uri
        for heading, update in zip(headings, updates):
            pattern = MACHINE_READABLE.get(update.date.kind if update.date else "")
            if pattern:
                assert re.search(rf'<time datetime="{pattern}">', heading), (spec.src_uri, heading)
                checked += 1
    assert checked > 50
