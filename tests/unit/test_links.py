"""Relative links between pages and to files, with and without directory URLs."""

from __future__ import annotations

import pytest

from actionplan.pages.links import Linker, PagePaths

ACTION = "plans/p/actions/1/index.md"


@pytest.mark.parametrize("directory_urls,plan,home,download", [
    (True, "../../", "../../../../", "../../../../downloads/a.csv"),
    (False, "../../index.html", "../../../../index.html", "../../../../downloads/a.csv"),
])
def test_links_from_an_action_page(directory_urls, plan, home, download):
    link = Linker(PagePaths(), ACTION, directory_urls=directory_urls)
    assert link.to_src("plans/p/index.md") == plan
    assert link.home() == home
    assert link.to_file("downloads/a.csv") == download
    assert link.to_file("plans/p/actions/1/action.json") == "action.json"


@pytest.mark.parametrize("directory_urls,expected", [(True, "../plans/p/"),
                                                     (False, "plans/p/index.html")])
def test_links_from_a_top_level_page(directory_urls, expected):
    assert Linker(PagePaths(), "about.md", directory_urls=directory_urls).to_src(
        "plans/p/index.md") == expected
