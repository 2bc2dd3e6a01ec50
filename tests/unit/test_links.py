"""Relative links between pages and to files, with and without directory URLs."""

from __future__ import annotations

import pytest

from actionplan.pages.links import Linker, PagePaths, page_url

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


PATHS = ["", ".", "index.md", "about.md", "a/index.md", "a/b.md", "a/b/index.md",
         "plans/p/actions/1/index.md", "plans/p/actions/10/index.md", "plans/q/index.md",
         "browse/status/in-progress/2/index.md", "downloads/a.csv", "a/b/c/d.json",
         "a/./b.md", "../up.md", "a//b/index.md", "plans/p/actions/1/action.json"]


@pytest.mark.parametrize("directory_urls", [True, False])
def test_links_agree_with_posix_relpath(directory_urls):
    # The quicker reading of a relative path gives what posixpath.relpath gives, for every
    # pair of pages and files (and the odd paths it leaves to relpath).
    import posixpath
    from urllib.parse import quote

    for here in PATHS:
        if here in ("", ".", "../up.md"):
            continue
        link = Linker(PagePaths(), here, directory_urls=directory_urls)
        base = link._base or "."
        for there in PATHS:
            if there:  # relpath refuses an empty path; no file is named so
                    assert link.to_file(there) == quote(posixpath.relpath(there, base)), (here, there)
            if there.endswith(".md"):
                target = page_url(there, directory_urls=directory_urls)
                plain = posixpath.relpath(target or ".", base)
                if (target == "" or target.endswith("/")) and not plain.endswith("/"):
                    plain += "/"
                assert link.to_src(there) == quote(plain), (here, there)
