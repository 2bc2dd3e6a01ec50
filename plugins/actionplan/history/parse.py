"""Parse a plan file from a past revision: the build's own loader, checks and model, faster.

A history of 1,000 revisions means up to 1,000 versions of plan files, each differing from
the one before in a few lines. Three shortcuts make reading them fast, none changing the
answer:

- YAML is composed by libyaml (PyYAML's C parser) with the loader's own tag resolvers, then
  turned into data by the loader's own builder (same duplicate-key, tag and depth checks).
  Aliases are refused as the loader refuses them.
- When only lines inside one list item (an action, a group, an update) changed since the
  previous version, only that item's lines are parsed again; the rest of the data is reused.
  The item is re-parsed only when it provably stands alone: it starts at the same dash, every
  later line of it is indented deeper, the text before and after it is unchanged, and it
  parses to exactly one item. Otherwise the next larger item is tried, then the whole file.
- The JSON Schema check and the model builder remember the parts they already handled
  (by identity for reused data, by exact content otherwise).

Anything that does not pass cleanly goes through `actionplan.api.parse_plan_bytes`, the path
the build itself takes, so problems are reported exactly as the build reports them.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import OrderedDict
from dataclasses import dataclass, replace
from typing import Any, NamedTuple

import jsonschema
import yaml

from actionplan.api import check_document, parse_plan_bytes
from actionplan.load.yaml_source import (
    MAX_FILE_BYTES, SourceDocument, _Builder, _PlanLoader,
)
from actionplan.model import Plan, build_plan
from actionplan.model.build import _group, plan_with_groups
from actionplan.problems import Problem
from actionplan.validate import cross_check, load_schema

_STR = "tag:yaml.org,2002:str"
_DASH = re.compile(r"( *)- +")
_ODD_BREAKS = re.compile("[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# Where libyaml and PyYAML's own scanner are known to disagree (tabs), or PyYAML refuses
# characters outright: such files always take the build's own path.
_UNLIKE_PYYAML = re.compile(yaml.reader.Reader.NON_PRINTABLE.pattern + "|\t")
_REMEMBER = 100_000


class _Item(NamedTuple):
    """A block-list item: its lines [start, end), the column of its dash, its data path."""

    start: int
    end: int
    column: int
    path: tuple


@dataclass(frozen=True)
class ParsedVersion:
    """A readable version of a plan file, kept so the next version can reuse its parts."""

    plan: Plan
    lines: tuple[str, ...]
    data: Any
    items: tuple[_Item, ...]


def parse_revision_file(raw: bytes, name: str) -> tuple[Plan | None, list[Problem]]:
    """(plan, []) for a valid file; (None, problems) as the build reports them otherwise."""
    version, problems = parse_revision(raw, name)
    return (version.plan if version else None), problems


def parse_revision(raw: bytes, name: str, previous: ParsedVersion | None = None
                   ) -> tuple[ParsedVersion | None, list[Problem]]:
    """Parse one version of a file, reusing `previous` (an earlier version) where it can."""
    version = _fast_version(raw, name, previous)
    if version is not None:
        return version, []
    document = _fast_document(raw, name)
    if document is not None:  # the YAML reads: the build's own checks say what is wrong
        problems = check_document(document)
        if any(p.severity == "error" for p in problems):
            return None, problems
    plan, problems = parse_plan_bytes(raw, name)
    if plan is None:
        return None, problems
    # Valid for the build but not for a shortcut (rare): keep it, with nothing to reuse.
    return ParsedVersion(plan, (), None, ()), []


def _fast_version(raw: bytes, name: str, previous: ParsedVersion | None
                  ) -> ParsedVersion | None:
    if not yaml.__with_libyaml__ or len(raw) > MAX_FILE_BYTES:
        return None
    text = _decoded(raw, check=False)
    if text is None:
        return None
    read = None
    if previous is not None and previous.lines:
        lines = tuple(text.splitlines(keepends=True))
        if previous.lines == lines:
            return replace(previous, plan=replace(previous.plan, data_file=name))
        read = _splice(previous, lines)
    if read is None:
        if _UNLIKE_PYYAML.search(text):
            return None
        # Lines as YAML counts them; with unusual line breaks, never splice later.
        lines = () if _ODD_BREAKS.search(text) else tuple(text.splitlines(keepends=True))
        read = _read_whole(text, lines)
    if read is None:
        return None
    data, items, changed = read
    plan = _checked_plan(data, name, changed)
    return ParsedVersion(plan, lines, data, items) if plan is not None else None


def _checked_plan(data: Any, name: str, changed: tuple = ()) -> Plan | None:
    """The plan if the data passes the schema and cross-checks without an error.

    `changed` is the path of the only part that differs from a version already found valid.
    """
    if not _schema_valid(data, changed):
        return None
    if any(p.severity == "error" for p in cross_check(SourceDocument(name, data))):
        return None
    header = build_plan({**data, "groups": []}, name)
    groups = tuple(_built_group(g, header.levels, header.progress_as_at) for g in data["groups"])
    return plan_with_groups(header, groups)


# YAML

class _FastLoader(yaml.cyaml.CParser if yaml.__with_libyaml__ else object,
                  yaml.constructor.SafeConstructor, yaml.resolver.Resolver):
    """libyaml's parser with the plan loader's resolvers (no timestamps, YAML 1.2 booleans)."""

    yaml_implicit_resolvers = _PlanLoader.yaml_implicit_resolvers
    _resolved: dict = {}

    def __init__(self, stream: str):
        yaml.cyaml.CParser.__init__(self, stream)
        yaml.constructor.SafeConstructor.__init__(self)
        yaml.resolver.Resolver.__init__(self)

    def resolve(self, kind, value, implicit):
        # The tag of a short plain scalar depends on its text alone (no path resolvers here).
        if kind is not yaml.ScalarNode or len(value) > 40:
            return super().resolve(kind, value, implicit)
        key = (value, implicit)
        found = self._resolved.get(key)
        if found is None:
            found = self._resolved[key] = super().resolve(kind, value, implicit)
        return found


class _FastBuilder(_Builder):
    def _scalar(self, node):
        # What SafeConstructor does for a string, without its bookkeeping.
        return node.value if node.tag == _STR else super()._scalar(node)


def _compose(text: str) -> tuple[yaml.Node | None, _FastLoader]:
    loader = _FastLoader(text)
    try:
        node = loader.get_single_node()
    except (yaml.YAMLError, RecursionError, ValueError):
        return None, loader
    if node is None or _reuses_a_node(node):
        return None, loader
    return node, loader


def _build(loader: _FastLoader, node: yaml.Node, path: tuple) -> tuple[bool, Any]:
    builder = _FastBuilder(loader, SourceDocument("", None))
    try:
        data = builder.build(node, path, depth=len(path))
    except (RecursionError, yaml.YAMLError, ValueError):
        return False, None
    return not builder.problems, data


def _reuses_a_node(root: yaml.Node) -> bool:
    """True when a node appears twice: libyaml resolves an alias (*name) to the anchored node."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            return True
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.extend((key, value))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return False


def _decoded(raw: bytes, *, check: bool = True) -> str | None:
    """The text, or None when a shortcut must not be tried on it."""
    try:
        text = raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError:
        return None
    return None if check and _UNLIKE_PYYAML.search(text) else text


def _fast_document(raw: bytes, name: str) -> SourceDocument | None:
    """The whole file read with libyaml, with positions; None where YAML itself complains."""
    if not yaml.__with_libyaml__ or len(raw) > MAX_FILE_BYTES:
        return None
    text = _decoded(raw)
    if text is None:
        return None
    node, loader = _compose(text)
    if node is None:
        return None
    document = SourceDocument(name, None)
    builder = _FastBuilder(loader, document)
    try:
        document.data = builder.build(node, (), depth=0)
    except (RecursionError, yaml.YAMLError, ValueError):
        return None
    return None if builder.problems else document


def _read_whole(text: str, lines: tuple[str, ...]) -> tuple[Any, tuple[_Item, ...]] | None:
    node, loader = _compose(text)
    if node is None:
        return None
    ok, data = _build(loader, node, ())
    if not ok:
        return None
    return data, tuple(_items(node, lines, 0, ())), ()


# Reusing the previous version

def _items(node: yaml.Node, lines: tuple[str, ...], offset: int, path: tuple):
    """Every block-list item under `node` whose lines stand alone, outermost first."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                yield from _items(value, lines, offset, path + (key.value,))
    elif isinstance(node, yaml.SequenceNode) and not node.flow_style:
        for index, child in enumerate(node.value):
            item = _item(child, lines, offset, path + (index,))
            if item is not None:
                yield item
            yield from _items(child, lines, offset, path + (index,))


def _item(node: yaml.Node, lines: tuple[str, ...], offset: int, path: tuple) -> _Item | None:
    start = offset + node.start_mark.line
    dash = _DASH.fullmatch(lines[start][: node.start_mark.column])
    if dash is None:
        return None
    column = len(dash.group(1))
    # libyaml ends a block node where the next token starts (often the next item's dash).
    node_end = offset + node.end_mark.line
    if node_end < len(lines) and lines[node_end][: node.end_mark.column].strip():
        node_end += 1
    end = start + 1
    while end < len(lines) and _inside(lines[end], column):
        end += 1
    if end < node_end or not all(_blank(line) for line in lines[node_end:end]):
        return None  # the lines and the parser disagree (a multi-line quoted text, say)
    return _Item(start, end, column, path)


def _blank(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith("#")


def _inside(line: str, column: int) -> bool:
    """True for a line that belongs to an item whose dash is at `column`."""
    if _blank(line):
        return True
    indent = len(line) - len(line.lstrip(" "))
    return indent > column and not line[indent:].startswith("\t")


def _splice(previous: ParsedVersion, lines: tuple[str, ...]):
    """(data, items), parsing again only the fewest list items that hold every changed line.

    The changed lines are found by the unchanged lines before and after them. The smallest run
    of neighbouring items (in one list) around them is parsed again from the new text, as a
    list of its own; it may have more or fewer items than before (an action added or removed).
    """
    old = previous.lines
    prefix = _common_prefix(old, lines)
    suffix = _common_prefix(old[::-1], lines[::-1], limit=min(len(old), len(lines)) - prefix)
    changed_end = len(old) - suffix
    delta = len(lines) - len(old)
    # The unchanged lines passed these checks before; the new ones must pass them too.
    new_text = "".join(lines[prefix: len(lines) - suffix])
    if _UNLIKE_PYYAML.search(new_text) or _ODD_BREAKS.search(new_text):
        return None
    for run in _runs_holding(previous.items, prefix, changed_end):
        first, last = run[0], run[-1]
        parsed = _parse_items(lines, first.start, last.end + delta, first.column, first.path)
        if parsed is None:
            continue
        values, inner = parsed
        parent, index = first.path[:-1], first.path[-1]
        old_list = _value_at(previous.data, parent)
        new_list = old_list[:index] + values + old_list[index + len(run):]
        if not new_list:
            continue  # an emptied list reads as null in the whole file: parse a larger part
        data = _replace_at(previous.data, parent, new_list)
        items = _moved_items(previous.items, run, delta, len(values) - len(run), inner)
        return data, items, parent
    return None


def _runs_holding(items: tuple[_Item, ...], start: int, end: int):
    """Runs of neighbouring items of one list whose lines hold [start, end), smallest first."""
    last_line = max(end - 1, start)
    lists: dict[tuple, list[_Item]] = {}
    for item in items:
        if item.end >= start and item.start <= last_line:
            lists.setdefault(item.path[:-1], []).append(item)
    runs = [run for run in lists.values()
            if run[0].start <= start and end <= run[-1].end and _neighbours(run)]
    return sorted(runs, key=lambda run: run[-1].end - run[0].start)


def _neighbours(run: list[_Item]) -> bool:
    return all(a.end == b.start and b.path[-1] == a.path[-1] + 1 for a, b in zip(run, run[1:]))


def _common_prefix(a, b, limit: int | None = None) -> int:
    limit = min(len(a), len(b)) if limit is None else limit
    count = 0
    while count < limit and a[count] == b[count]:
        count += 1
    return count


def _parse_items(lines, start: int, end: int, column: int, path: tuple):
    """(values, items) of the list items on lines [start, end), or None unless they stand
    alone there: each starts with a dash at `column`, all else is indented deeper."""
    chunk = lines[start:end]
    for line in chunk:
        if not _inside(line, column) and not (_DASH.match(line) and _indent(line) == column):
            return None
    if not chunk:
        return [], []
    if not (_DASH.match(chunk[0]) and _indent(chunk[0]) == column):
        return None
    node, loader = _compose("".join(chunk))
    if not isinstance(node, yaml.SequenceNode) or node.flow_style:
        return None
    values, items = [], []
    parent, first = path[:-1], path[-1]
    for offset, child in enumerate(node.value):
        child_path = parent + (first + offset,)
        ok, value = _build(loader, child, child_path)
        item = _item(child, lines, start, child_path) if ok else None
        if item is None or item.column != column:
            return None
        values.append(value)
        items += [item, *_items(child, lines, start, child_path)]
    if not items or items[0].start != start or max(i.end for i in items) != end:
        return None
    return values, items


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _value_at(data, path: tuple):
    for key in path:
        data = data[key]
    return data


def _replace_at(data, path: tuple, value):
    """A copy of `data` with the value at `path` replaced; everything else shared."""
    if not path:
        return value
    head, rest = path[0], path[1:]
    copy = list(data) if isinstance(data, list) else dict(data)
    copy[head] = _replace_at(data[head], rest, value)
    return copy


def _moved_items(items, run: list[_Item], delta: int, shift: int, inner: list[_Item]
                 ) -> tuple[_Item, ...]:
    """The previous items, with the run's own replaced, later lines and list places moved."""
    start, end = run[0].start, run[-1].end
    parent, last = run[0].path[:-1], run[-1].path[-1]
    depth = len(parent)
    before, after = [], []
    for item in items:
        if item.start >= end:
            path = item.path
            if shift and path[:depth] == parent and path[depth] > last:
                path = parent + (path[depth] + shift,) + path[depth + 1:]
            after.append(_Item(item.start + delta, item.end + delta, item.column, path))
        elif item.end <= start:
            before.append(item)
        elif len(item.path) <= depth and item.start < start and end <= item.end:
            before.append(item._replace(end=item.end + delta))  # an item that holds the run
    # Items are in line order; an item that holds the run starts on an earlier line.
    return tuple(before + inner + after)


# Remembering checked parts

class _Remembered(OrderedDict):
    """A bounded memory that forgets what was used least recently."""

    def recall(self, key):
        found = self.get(key)
        if found is not None:
            self.move_to_end(key)
        return found

    def remember(self, key, value) -> None:
        self[key] = value
        if len(self) > _REMEMBER:
            self.popitem(last=False)


_groups = _Remembered()


def _built_group(data: dict, levels, as_at):
    """`model.build._group`, remembered for data reused from the previous version."""
    found = _groups.recall(id(data))
    if found is not None and found[0] is data and found[1] == levels and found[2] == as_at:
        return found[3]
    group = _group(data, levels, 0, as_at)
    _groups.remember(id(data), (data, levels, as_at, group))
    return group


_valid_objects = _Remembered()
_valid_content: set[tuple[str, bytes]] = set()
_whole_file = [True]


def _remembering_ref(validator, ref, instance, schema):
    """`$ref`, skipping a part already found valid against `ref` (same object or content)."""
    if not isinstance(instance, (dict, list)):
        yield from validator._validate_reference(ref=ref, instance=instance)
        return
    seen = _valid_objects.recall((id(instance), ref))
    if seen is not None and seen is instance:
        return
    # Content is compared only when a whole file was read: parts re-read from a changed item
    # are new by definition, and hashing them would cost more than it saves.
    key = (ref, _digest(instance)) if _whole_file[0] else None
    if key is None or key not in _valid_content:
        errors = list(_follow(validator, ref, instance))
        if errors:
            yield from errors
            return
        if key is not None:
            if len(_valid_content) > 50 * _REMEMBER:
                _valid_content.clear()
            _valid_content.add(key)
    _valid_objects.remember((id(instance), ref), instance)


_resolved_refs: dict = {}
_one_base = [False]


def _follow(validator, ref: str, instance):
    """What `$ref` does, with the lookup done once per reference: the schema has one base
    (no nested $id), so a local reference always resolves to the same place."""
    if not ref.startswith("#") or not _one_base[0]:
        return validator._validate_reference(ref=ref, instance=instance)
    resolved = _resolved_refs.get(ref)
    if resolved is None:
        resolved = _resolved_refs[ref] = validator._resolver.lookup(ref)
    return validator.descend(instance, resolved.contents, resolver=resolved.resolver)


def _digest(instance) -> bytes:
    text = json.dumps(instance, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


_validator = None


def _schema_valid(data, changed: tuple = ()) -> bool:
    """Whether `data` is valid; only the part at `changed` is checked where the schema above it
    cannot see into it (plain properties and items: the rest was valid and is unchanged)."""
    global _validator
    if _validator is None:
        schema = load_schema()
        base = jsonschema.validators.validator_for(schema)
        cls = jsonschema.validators.extend(base, {"$ref": _remembering_ref})
        _validator = cls(schema, format_checker=base.FORMAT_CHECKER)
        inner = json.dumps({k: v for k, v in schema.items() if k != "$id"})
        _one_base[0] = '"$id"' not in inner and '"$anchor"' not in inner
    validator, instance = _validator, data
    subschema = _schema_at(_validator.schema, changed) if changed else None
    if subschema is not None:
        validator, instance = _validator.evolve(schema=subschema), _value_at(data, changed)
    _whole_file[0] = not changed
    return next(validator.iter_errors(instance), None) is None


# Keywords that constrain a part only through `properties` and `items` (or not at all).
_PASS_THROUGH = {"$schema", "$id", "$defs", "$comment", "title", "description", "examples",
                 "default", "type", "properties", "required", "additionalProperties", "items",
                 "minItems", "maxItems", "minProperties", "maxProperties"}
_NOTES_ONLY = {"$ref", "$comment", "title", "description", "examples", "default"}


def _schema_at(root: dict, path: tuple) -> dict | None:
    """The sub-schema for the value at `path`, or None if any schema above it could look
    into that value other than through plain `properties` and `items`."""
    schema = root
    for key in path:
        schema = _dereferenced(root, schema)
        if schema is None or set(schema) - _PASS_THROUGH:
            return None
        if isinstance(key, int):
            schema = schema.get("items")
        else:
            schema = schema.get("properties", {}).get(key)
        if not isinstance(schema, dict):
            return None
    return schema


def _dereferenced(root: dict, schema: dict) -> dict | None:
    """Follow local `$ref`s that stand alone (beside notes only)."""
    for _ in range(20):
        if not isinstance(schema, dict) or "$ref" not in schema:
            return schema if isinstance(schema, dict) else None
        ref = schema["$ref"]
        if set(schema) - _NOTES_ONLY or not ref.startswith("#/"):
            return None
        schema = root
        for part in ref[2:].split("/"):
            schema = schema.get(part.replace("~1", "/").replace("~0", "~"), None) \
                if isinstance(schema, dict) else None
    return None
