"""Inputs kept from one build to the next: objects by identity, plain values by equality."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

from markupsafe import Markup

from actionplan.mkdocs_plugin.page_cache import PageCache
from actionplan.pages import PageSpec
from actionplan.same_inputs import same_parts


class Thing:
    def __init__(self, name: str):
        self.name = name

    def __eq__(self, other):  # equal by value, as the model's dataclasses are
        return isinstance(other, Thing) and other.name == self.name

    __hash__ = None  # type: ignore[assignment]


def test_plain_values_match_by_equality_and_objects_only_by_identity():
    thing = Thing("plan")
    assert same_parts(("a", 1, None, True, date(2024, 1, 2), thing),
                      ("a", 1, None, True, date(2024, 1, 2), thing))
    assert not same_parts((thing,), (Thing("plan"),))  # equal, but another object
    assert not same_parts(("a",), ("b",))
    assert not same_parts((1,), (True,))  # equal in Python, not the same input
    assert not same_parts(("a",), ("a", "b"))
    assert not same_parts((Markup("a"),), (Markup("a"),))  # not a plain value: identity


def _config(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n")
    return SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"), site_url="",
                           theme=SimpleNamespace(dirs=[]))


def test_a_listing_keeps_its_body_while_its_inputs_match_unless_a_template_is_overridden(tmp_path):
    thing = Thing("action")
    last = PageSpec("browse/x/index.md", "X", "facet_listing.html", "facet-listing",
                    {"site": object()}, inputs=("x", thing))
    now = PageSpec("browse/x/index.md", "X", "facet_listing.html", "facet-listing",
                   {"site": object()}, inputs=("x", thing))
    changed = PageSpec("browse/x/index.md", "X", "facet_listing.html", "facet-listing",
                       {"site": object()}, inputs=("x", Thing("action")))
    cache = PageCache()
    nav = SimpleNamespace(items=[])
    overrides = tmp_path / "overrides"
    cache.start_build(_config(tmp_path), nav, None, (overrides,))
    digest = cache.note_body(last, "<p>body</p>")
    assert cache.body_digest(now) == digest
    assert cache.body_digest(changed) is None
    # A site's own copy of a template may read more than the inputs name: render then.
    overrides.mkdir()
    (overrides / "facet_listing.html").write_text("{{ site }}")
    cache.start_build(_config(tmp_path), nav, None, (overrides,))
    cache.note_body(last, "<p>body</p>")
    assert cache.body_digest(now) is None
