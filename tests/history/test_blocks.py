"""Cutting plan text into a skeleton and runs of list items (history/blocks.py)."""

from __future__ import annotations

import random
import re

import pytest

from actionplan.history.blocks import Cut, cut, cut_items, cut_like, slot_number
from tests.benchmarks.synthetic import PlanText, Shape, generate
from tests.history.test_cache_and_parse import PLAN_FILES, _edits

SYNTHETIC = PlanText(generate(Shape(plans=1, actions=30, updates=4))[0]).text()
TEXTS = [path.read_text(encoding="utf-8") for path in PLAN_FILES] + [SYNTHETIC]


def whole(found: Cut) -> bytes:
    parts = [found.segments[0]]
    for run, segment in zip(found.runs, found.segments[1:]):
        parts += [*run, segment]
    return b"".join(parts)


def all_cuts(text: bytes, column: int = -1):
    """The cut of `text` and, recursively, of every item in it."""
    found = cut_items(text, column)
    if found is None:
        return
    yield text, found
    for run in found.runs:
        for item in run:
            yield from all_cuts(item, found.column)


@pytest.mark.parametrize("text", TEXTS, ids=range(len(TEXTS)))
def test_a_cut_gives_back_the_text_and_items_stand_alone(text):
    cuts = list(all_cuts(text.encode()))
    assert len(cuts) > 3
    for source, found in cuts:
        assert whole(found) == source
        assert found.skeleton.count(b"actionplan~slot~") == len(found.runs)
        for item in (item for run in found.runs for item in run):
            first, *rest = item.decode().split("\n")
            assert re.match(" " * found.column + "-( |$)", first)
            for line in rest:  # no later line could end the item
                indent = len(line) - len(line.lstrip(" "))
                assert indent > found.column or not line.strip() or line.lstrip().startswith("#")


def test_lists_nearer_the_margin_are_cut_first():
    text = b"plan:\n  levels:\n  - a\ngroups:\n- id: g\n  x: 1\n- id: h\nend: 1\n"
    found = cut_items(text, -1)
    assert found.column == 0
    assert found.runs == ((b"- id: g\n  x: 1\n", b"- id: h\n"),)
    assert found.skeleton == b"plan:\n  levels:\n  - a\ngroups:\n- actionplan~slot~0\nend: 1\n"


def test_only_exact_placeholders_count():
    assert slot_number("actionplan~slot~12") == 12
    assert [slot_number(v) for v in ("actionplan~slot~", "actionplan~slot~01",
                                     "actionplan~slot~1 ", 3, None)] == [None] * 5


@pytest.mark.parametrize("text", TEXTS, ids=range(len(TEXTS)))
def test_cutting_like_an_earlier_version_is_cutting_afresh(text):
    """For random edits at every level: the same cut as a full one, or none (then a full cut
    is made); and edits inside items are cut without a full scan."""
    rng = random.Random(len(text))
    matched = 0
    for original, earlier in list(all_cuts(text.encode()))[:40]:
        for _ in range(6):
            edited = _edits(original.decode(), rng).encode()
            fresh = cut(edited, earlier.column)
            again = cut_like(edited, earlier)
            assert again is None or again == fresh
            matched += again is not None
    assert matched >= 10  # (many random edits change the skeleton: then a full cut)


def test_an_update_added_to_an_action_is_cut_like_the_action_before():
    before = b"    - id: a\n      leads:\n      - L\n      progress:\n      - date: x\n"
    after = before + b"        status: y\n      - date: z\n"
    earlier = cut(before, 6)
    assert cut_like(after, earlier) == cut(after, 6)
    assert cut_like(after, earlier).runs[1] == (b"      - date: x\n        status: y\n",
                                                b"      - date: z\n")
    assert cut_like(b"    - id: a\n      title: new\n", earlier) is None  # another skeleton
