"""Read a plan file's text into data, parsing only list items whose text was not seen before.

A file is cut (`blocks.py`) into a skeleton and runs of list items; each item is read on its
own, the same way, down to items with no list of their own. Every item read is remembered by
its exact text for as long as a version holding it is in use, so a revision that adds one
progress update to an action parses that update only and reuses everything else (the same
Python objects). A new item is cut like the item that stood in its place before, which finds
its unchanged parts by comparing text rather than scanning it.

Reading an item alone gives the value it has in the whole file when the cut stands: the
skeleton parses with each placeholder as the only item of a block list, and each item parses
alone as exactly one block-list item at its dash. Where that is not so (a quoted text running
over several lines, say), the part is parsed whole instead; where the whole file cannot be
read this way, `read_file` returns None and the build's own path reads it.

Each piece also says whether it matches the schema at its place (`schema_parts.py`): each
item on its own, each list's length against its rule, and the rest (the skeleton's part)
once, by checking the whole value the first time a skeleton is met.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from typing import Any

import yaml

from actionplan.history import blocks, fast_yaml, schema_parts
from actionplan.load.yaml_source import MAX_FILE_BYTES

_BOM = b"\xef\xbb\xbf"
_ABSENT = object()


@dataclass(eq=False, repr=False, slots=True, weakref_slot=True)
class _Skeleton:
    data: Any  # with "actionplan~slot~<n>" as the only item of the lists that hold runs
    slots: tuple[tuple, ...]  # where run n goes: the path of its list
    rules: tuple[schema_parts.ListRule, ...]  # what the schema asks of that list
    valid: bool | None = None  # whether all but those lists matches the schema (None: unknown)
    last: weakref.ref | None = None  # the piece made from it most recently


@dataclass(eq=False, repr=False, slots=True, weakref_slot=True)
class Piece:
    """The value of a file or of one list item, and whether it matches its schema.

    A piece is remembered (by its text) for as long as something holds it: the version of a
    file in use holds its whole piece, which holds its parts. What is made from a piece's data
    (its model, its checks) is kept in `made`, so it is forgotten with the piece.
    """

    data: Any
    valid: bool
    skeleton: _Skeleton | None = None  # for a piece cut into a skeleton and runs of items:
    cut: blocks.Cut | None = None  # how its text was cut
    items: tuple = ()  # the piece of each item, run by run
    previous: weakref.ref | None = None  # the piece made before from the same skeleton
    made: dict = field(default_factory=dict)

    def __repr__(self) -> str:  # the data and what was made from it are far too long
        return f"Piece(valid={self.valid}, items={sum(len(run) for run in self.items)})"

    def earlier(self) -> Piece | None:
        """The piece made before this one from the same skeleton, if still held: often the
        previous version of the same list item (its unchanged parts are the same objects)."""
        return self.previous() if self.previous is not None else None


# Weak references (dropped with what they refer to): (text, id(schema), depth) -> piece, and
# the same for skeletons; id(data) -> the piece whose value it is.
_items: dict[tuple, weakref.ref] = {}
_skeletons: dict[tuple, weakref.ref] = {}
_by_data: dict[int, weakref.ref] = {}


def read_file(raw: bytes, earlier: Piece | None = None) -> Piece | None:
    """The data of a plan file; None when only the build's own path can read it.

    `earlier` (an earlier version of the file) is a hint: its parts are found faster.
    """
    if not fast_yaml.AVAILABLE or len(raw) > MAX_FILE_BYTES:
        return None
    return _read(raw.removeprefix(_BOM), -1, schema_parts.root(), 0, earlier)


def remembered(data: Any) -> Piece | None:
    """The piece whose value is this very object (a mapping or list), if one is held."""
    found = _by_data.get(id(data)) if isinstance(data, (dict, list)) else None
    piece = found() if found is not None else None
    return piece if piece is not None and piece.data is data else None


def earlier(data: Any, key) -> tuple[Any, Any] | None:
    """(earlier data, what was made from it under `key`) for the piece made before the one
    `data` comes from, out of the same skeleton (usually the same list item one version
    before), if that piece is still held and something was made from it under `key`."""
    piece = remembered(data)
    before = piece.earlier() if piece is not None else None
    if before is None:
        return None
    made = before.made.get(key)
    return (before.data, made) if made is not None else None


def same_except(data: dict, other: dict, keys: tuple[str, ...]) -> bool:
    """Whether two mappings hold the very same objects, but perhaps under `keys`."""
    for key, value in data.items():
        if key not in keys and other.get(key, _ABSENT) is not value:
            return False
    return all(key in data or key in keys for key in other)


def forget() -> None:
    """Stop reusing every piece read so far (to measure a cold read)."""
    _items.clear()
    _skeletons.clear()
    _by_data.clear()


def _item(text: bytes, column: int, schema: dict, depth: int, earlier: Piece | None
          ) -> Piece | None:
    key = (text, id(schema), depth)
    found = _recall(_items, key)
    if found is None:
        found = _read(text, column, schema, depth, earlier)
        if found is not None:
            _remember(_items, key, found)
    return found


def _new_piece(data: Any, valid: bool, *parts) -> Piece:
    piece = Piece(data, valid, *parts)
    if isinstance(data, (dict, list)):
        _remember(_by_data, id(data), piece)
    return piece


def _recall(table: dict, key):
    found = table.get(key)
    return found() if found is not None else None


def _remember(table: dict, key, value) -> None:
    def drop(ref, key=key):
        if table.get(key) is ref:
            del table[key]
    table[key] = weakref.ref(value, drop)


def _read(text: bytes, column: int, schema: dict, depth: int, earlier: Piece | None = None
          ) -> Piece | None:
    """A file (`column` -1) or one list item whose dash is at `column`; cut like `earlier`
    (the piece that stood in its place before) where it has the same skeleton."""
    cut = None
    if earlier is not None and earlier.cut is not None:
        cut = blocks.cut_like(text, earlier.cut)
    if cut is None:
        cut = blocks.cut_items(text, column)
    if cut is not None:
        piece = _read_cut(cut, column, schema, depth)
        if piece is not None:
            return piece
    parsed = _parsed(text, column, depth)
    return _new_piece(parsed[1], schema_parts.is_valid(schema, parsed[1])) if parsed else None


def _read_cut(cut: blocks.Cut, column: int, schema: dict, depth: int) -> Piece | None:
    skeleton = _skeleton(cut.skeleton, column, schema, depth, len(cut.runs))
    if skeleton is None:
        return None
    before = skeleton.last() if skeleton.last is not None else None
    texts, items, lists, items_valid = [], [], [], True
    for number, (run, path, rule) in enumerate(zip(cut.runs, skeleton.slots, skeleton.rules)):
        if before is not None and before.cut.runs[number] == run:  # the same run: same list
            texts.append(before.cut.runs[number])
            items.append(before.items[number])
            lists.append(_value_at(before.data, path))
        else:
            known = (before.cut.runs[number], before.items[number]) if before else ((), ())
            made = _run(run, known, cut.column, rule.items, depth + len(path) + 1)
            if made is None:
                return None
            texts.append(made[0])
            items.append(made[1])
            lists.append([piece.data for piece in made[1]])
        items_valid = items_valid and rule.allows(len(lists[-1])) and all(
            piece.valid for piece in items[-1])
    data = _filled(skeleton.data, skeleton.slots, lists)
    if skeleton.valid is None:  # a new skeleton: learn whether it is valid from the whole
        whole = schema_parts.is_valid(schema, data)
        if whole or items_valid:
            skeleton.valid = whole
    valid = skeleton.valid and items_valid if skeleton.valid is not None else whole
    cut = blocks.Cut(cut.skeleton, tuple(texts), cut.column, cut.segments)
    piece = _new_piece(data, valid, skeleton, cut, tuple(items),
                       weakref.ref(before) if before is not None else None)
    skeleton.last = weakref.ref(piece)
    return piece


def _run(run: tuple[bytes, ...], known: tuple[tuple, tuple], column: int, schema: dict,
         depth: int) -> tuple[tuple, tuple] | None:
    """(texts, pieces) of a run's items: an item with the same text at the same place as in
    `known` (texts, pieces) is that piece; others are read (or remembered by their text),
    cut like the piece that stood in their place."""
    old_texts, old_pieces = known
    texts, pieces = [], []
    for place, text in enumerate(run):
        if place < len(old_texts) and old_texts[place] == text:
            texts.append(old_texts[place])
            pieces.append(old_pieces[place])
            continue
        piece = _item(text, column, schema, depth,
                      old_pieces[place] if place < len(old_pieces) else None)
        if piece is None:
            return None
        texts.append(text)
        pieces.append(piece)
    return tuple(texts), tuple(pieces)


def _skeleton(text: bytes, column: int, schema: dict, depth: int, runs: int
              ) -> _Skeleton | None:
    key = (text, column, id(schema), depth, runs)
    found = _recall(_skeletons, key)
    if found is None:
        found = _read_skeleton(text, column, schema, depth, runs)
        if found is not None:
            _remember(_skeletons, key, found)
    return found


def _read_skeleton(text: bytes, column: int, schema: dict, depth: int, runs: int
                   ) -> _Skeleton | None:
    parsed = _parsed(text, column, depth)
    if parsed is None:
        return None
    slots = _slot_paths(parsed[1], runs)
    if slots is None:
        return None
    rules = schema_parts.list_rules(schema, slots)
    return _Skeleton(parsed[1], slots, rules) if rules is not None else None


def _parsed(raw: bytes, column: int, depth: int) -> tuple[bool, Any] | None:
    """(True, value) of a file, or of the one block-list item at `column` that `raw` holds."""
    if column < 0 and (raw.startswith(b"%") or b"\n%" in raw):
        return None  # a directive (%TAG ...) would change how the items read: only at the root
    text = fast_yaml.decoded(raw)
    node, loader = fast_yaml.compose(text) if text is not None else (None, None)
    if node is None:
        return None
    if column >= 0:
        if not (isinstance(node, yaml.SequenceNode) and not node.flow_style
                and len(node.value) == 1 and node.start_mark.line == 0
                and node.start_mark.column == column):
            return None
        node = node.value[0]
    ok, value = fast_yaml.build(loader, node, depth)
    return (True, value) if ok else None


def _slot_paths(data: Any, runs: int) -> tuple[tuple, ...] | None:
    """Where each placeholder stands: each must be the only item of a list, and appear once."""
    found: dict[int, tuple] = {}
    stack: list[tuple[Any, tuple]] = [(data, ())]
    while stack:
        value, path = stack.pop()
        if isinstance(value, dict):
            for key, item in value.items():
                if blocks.slot_number(key) is not None:
                    return None
                stack.append((item, path + (key,)))
        elif isinstance(value, list):
            numbers = [blocks.slot_number(item) for item in value]
            if numbers == [None] * len(value):
                stack.extend((item, path + (i,)) for i, item in enumerate(value))
            elif len(value) != 1 or numbers[0] in found:
                return None
            else:
                number = numbers[0]
                assert number is not None, "the only item, and not all items are plain: a slot"
                found[number] = path
        elif blocks.slot_number(value) is not None:
            return None
    if sorted(found) != list(range(runs)):
        return None
    return tuple(found[n] for n in range(runs))


def _filled(data: Any, paths: tuple[tuple, ...], lists: list[list]) -> Any:
    """`data` with the list at each path replaced; everything else shared, never changed."""
    for path, values in zip(paths, lists):
        data = _replaced(data, path, values)
    return data


def _value_at(data: Any, path: tuple) -> Any:
    for key in path:
        data = data[key]
    return data


def _replaced(data: Any, path: tuple, value: Any) -> Any:
    if not path:
        return value
    copy = dict(data)
    copy[path[0]] = _replaced(data[path[0]], path[1:], value)
    return copy
