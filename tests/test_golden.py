"""Golden files: the rendered body of one action page and one group page.

Regenerate after an intended change with `UPDATE_GOLDEN=1 pytest tests/test_golden.py`,
then read the diff before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from actionplan.api import load_site
from actionplan.pages import site_pages
from actionplan.render import Renderer

GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture
def specs(mini_data_dir):
    site, _ = load_site(mini_data_dir)
    return {spec.src_uri: spec for spec in site_pages(site)}


@pytest.mark.parametrize("src_uri,golden", [
    ("plans/mini-plan/actions/1.1.1/index.md", "action-1.1.1.html"),
    ("plans/mini-plan/pa-1.1/index.md", "group-pa-1.1.html"),
])
def test_rendered_page_matches_golden_file(specs, src_uri, golden):
    html = Renderer().render(specs[src_uri])
    path = GOLDEN / golden
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(html, encoding="utf-8")
    assert html == path.read_text(encoding="utf-8")


def test_officer_text_cannot_inject_markup(specs):
    html = Renderer().render(specs["plans/mini-plan/actions/1.1.1/index.md"])
    assert "<script>" not in html and "onerror" not in html and "javascript:" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # shown literally, not run
