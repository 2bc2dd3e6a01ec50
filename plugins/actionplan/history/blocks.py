"""Cut YAML text into block-list items by indentation alone, without parsing it.

A plan file is mostly lists of items (groups, actions, progress updates) written as
`- key: value` lines followed by deeper-indented lines. One revision changes a few items, so
the history reader parses only items whose text it has not seen. This module finds them: the
items of the lists whose dashes stand at one column, and the text around them (the
"skeleton"), in which each run of neighbouring items is replaced by one placeholder item.

Nothing here knows YAML's finer rules (quoted text over several lines, block scalars): the
cut is a guess that `incremental_read.py` confirms by parsing, falling back to a whole parse
when the parser disagrees. The work is done on bytes with `re` and slicing (C speed): in a long
history, files of a megabyte are cut thousands of times.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SLOT = "actionplan~slot~"  # a placeholder item is "- actionplan~slot~<n>": plain YAML text
_DEEPEST = 8  # how far right of its parent's column a list's dashes are looked for
_patterns: dict[tuple[str, int], re.Pattern] = {}


@dataclass(frozen=True)
class Cut:
    """A text cut at one column: `skeleton` holds "- actionplan~slot~<n>" for `runs[n]`.

    The text is segments[0] + run 0 + segments[1] + run 1 + ... + segments[-1].
    """

    skeleton: bytes
    runs: tuple[tuple[bytes, ...], ...]
    column: int
    segments: tuple[bytes, ...]


def cut_items(text: bytes, column: int) -> Cut | None:
    """`text` (a whole file: `column` -1; or one item whose dash is at `column`) cut at the
    dash lines nearest the margin right of `column`, if there are any within reach.

    The first line is not looked at: in an item it is the item's own dash.
    """
    found = _pattern("band", column).search(text)
    if found is None:
        return None
    return cut(text, found.end() - found.start() - 3, column)  # less "\n", "-", " "


def cut(text: bytes, column: int, parent: int = -1) -> Cut | None:
    """The runs of items whose dash is at `column`, each run replaced in the skeleton.

    An item runs from its dash line to the next line (not blank, not a comment) that starts
    at `column` or nearer the margin. None when no item is found after the first line. A
    dash line nearer the margin (but right of `parent`) starts the cut again at its column.
    """
    segments: list[bytes] = []
    runs: list[tuple[bytes, ...]] = []
    run: list[bytes] = []
    kept, item = 0, -1  # where the next segment and the current item start
    for edge in _pattern("edge", column).finditer(text):
        start = edge.start() + 1
        if item >= 0:
            run.append(text[item:start])
        dash, indent = edge.lastindex == 2, edge.end(1) - start
        if dash and parent < indent < column:  # a list nearer the margin: cut there instead
            return cut(text, indent, parent)
        if dash and indent == column:  # an item starts
            if not run:
                segments.append(text[kept:start])
            item = start
            continue
        item = -1  # any other line ends the run
        if run:
            runs.append(tuple(run))
            run, kept = [], start
    if item >= 0:
        run.append(text[item:])
    if run:
        runs.append(tuple(run))
        kept = len(text)
    if not runs:
        return None
    segments.append(text[kept:])
    return _made(segments, runs, column)


def cut_like(text: bytes, earlier: Cut) -> Cut | None:
    """`cut(text, earlier.column)` for a text with the same segments (skeleton) as the one
    `earlier` was cut from, scanning only items that are not earlier items; else None.

    An earlier item's text holds no line that could end it, so where it is followed by such
    a line it is an item of the new text too: most items are matched without a scan.
    """
    column, edges = earlier.column, _pattern("edge", earlier.column)
    runs: list[tuple[bytes, ...]] = []
    at = 0
    for number, segment in enumerate(earlier.segments):
        if not text.startswith(segment, at):
            return None
        at += len(segment)
        if number == len(earlier.runs):
            break
        old, run = earlier.runs[number], []
        whole = b"".join(old)  # most often the earlier run is all there: one comparison
        if text.startswith(whole, at) and _ends(edges, text, at + len(whole), column) in (
                "item", "other", "end"):
            run, at = list(old), at + len(whole)
        while _ends(edges, text, at, column) == "item":
            place = len(run)
            if place < len(old) and text.startswith(old[place], at) and _ends(
                    edges, text, at + len(old[place]), column) in ("item", "other", "end"):
                run.append(old[place])
            else:
                found = edges.search(text, at)
                end = found.start() + 1 if found else len(text)
                if _ends(edges, text, end, column) not in ("item", "other", "end"):
                    return None
                run.append(text[at:end])
            at += len(run[-1])
        if not run:
            return None
        runs.append(tuple(run))
    return Cut(earlier.skeleton, tuple(runs), column, earlier.segments) if at == len(
        text) else None


def _ends(edges: re.Pattern, text: bytes, at: int, column: int) -> str:
    """What the line at `at` (just after a newline) is: "end" of the text, an "item" at
    `column`, a "nearer" dash line, an "other" line that ends a run, or "inside" a run."""
    if at == len(text):
        return "end"
    found = edges.match(text, at - 1)
    if found is None:
        return "inside"
    if found.lastindex != 2:
        return "other"
    indent = found.end(1) - at
    return "item" if indent == column else "nearer"


def _made(segments: list[bytes], runs: list[tuple[bytes, ...]], column: int) -> Cut:
    parts = [segments[0]]
    for number, segment in enumerate(segments[1:]):
        parts += [_slot(column, number), segment]
    return Cut(b"".join(parts), tuple(runs), column, tuple(segments))


def slot_number(value) -> int | None:
    """n for the placeholder text "actionplan~slot~<n>", else None."""
    if isinstance(value, str) and value.startswith(SLOT):
        tail = value[len(SLOT):]
        if tail.isdigit() and tail.isascii() and str(int(tail)) == tail:
            return int(tail)
    return None


def _slot(column: int, number: int) -> bytes:
    return b" " * column + f"- {SLOT}{number}\n".encode()


def _pattern(kind: str, column: int) -> re.Pattern:
    """Each pattern starts with "\\n", which `re` looks for quickly; the first line is skipped."""
    found = _patterns.get((kind, column))
    if found is None:
        if kind == "band":  # a dash line right of `column`, within _DEEPEST columns
            source = rb"\n {%d,%d}-[ \n]" % (column + 1, column + _DEEPEST)
        else:  # "edge": a line starting at `column` or nearer the margin, not blank and not
            # a comment; group 1 is its indent, group 2 its dash if it is a dash line. The
            # possessive " {0,n}+" gives up on deeper lines at once.
            source = rb"\n( {0,%d}+)(?:(-[ \n])|[^ \n#])" % column
        found = _patterns[(kind, column)] = re.compile(source)
    return found
