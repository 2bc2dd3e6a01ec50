"""Which pages a large site's browser sweep loads: every kind, in every plan, then a spread."""

from __future__ import annotations

from tests.a11y.checks import sweep_paths

PATHS = ([""] + ["about/", "glossary/"] +
         [f"plans/p{n}/" for n in range(3)] +
         [f"plans/p{n}/objective-{g}/" for n in range(3) for g in range(4)] +
         [f"plans/p{n}/actions/{a}/" for n in range(3) for a in range(100)] +
         [f"browse/status/{s}/" for s in range(6)])


def test_small_site_is_checked_whole():
    assert sweep_paths(PATHS, limit=len(PATHS)) == PATHS


def test_large_site_keeps_every_kind_of_page_in_every_plan():
    chosen = sweep_paths(PATHS, limit=60)
    assert len(chosen) == 60 and chosen == sorted(chosen, key=PATHS.index)
    for n in range(3):
        assert f"plans/p{n}/" in chosen
        assert any(p.startswith(f"plans/p{n}/objective-") for p in chosen)
        assert any(p.startswith(f"plans/p{n}/actions/") for p in chosen)
    assert {"", "about/", "glossary/"} <= set(chosen)
    assert any(p.startswith("browse/status/") for p in chosen)


def test_selection_is_stable_and_spread_out():
    chosen = sweep_paths(PATHS, limit=60)
    assert chosen == sweep_paths(PATHS, limit=60)
    actions = [p for p in chosen if "/actions/" in p]
    assert {p.split("/")[1] for p in actions} == {"p0", "p1", "p2"}
    assert len(actions) > 30
