"""The plan schema in parts: a compiled check for the value at one place in a plan.

A JSON Schema whose keywords above a list only name properties (`properties`, `type`,
`required` ...) and whose list keywords say only "each item is an X" (and how many) checks
the list's items one by one, independently of everything else. So a value is valid exactly
when the rest of it is valid, the list has an allowed length, and each item is valid as an X:
the history reader checks only the items a revision changed. `list_rules` says what each
list asks, and returns None whenever it cannot be sure of that.

The checks are fastjsonschema's compiled code, vetted by `validate/fast_schema.py` (the
build's own shortcut): every part of the schema that can hold a list item, and the whole, are
compiled together once, as the properties of one mapping (compiling is the slow part). A "no"
sends the whole file to the build's own path, which words the problem for officers.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any
from collections.abc import Callable

from actionplan.validate.fast_schema import compile_shortcut
from actionplan.validate.schema_check import load_schema, plan_validator

ANNOTATIONS = {"$schema", "$id", "$defs", "$comment", "title", "description", "examples",
               "default"}
_NOTES = {"$comment", "title", "description", "examples"}
# Keywords that look into a mapping's values only through `properties` (or not at all).
_PASS_THROUGH = ANNOTATIONS | {"type", "properties", "required", "additionalProperties",
                               "minProperties", "maxProperties"}
_LIST_RULES = ANNOTATIONS | {"type", "items", "minItems", "maxItems"}


@dataclass(frozen=True)
class ListRule:
    """What the schema asks of one list: its length, and the schema of each item."""

    items: dict
    min_items: int = 0
    max_items: int | None = None

    def allows(self, count: int) -> bool:
        return self.min_items <= count and (self.max_items is None or count <= self.max_items)


def root() -> dict:
    """The plan schema: a copy of our own, so that no one else's change to it reaches here."""
    if not _root:
        _root.append(copy.deepcopy(load_schema()))
    return _root[0]


def list_rules(schema: dict, paths: tuple[tuple, ...]) -> tuple[ListRule, ...] | None:
    """What `schema` asks of the list at each path (mapping keys) in its value, if it checks
    those lists' items one by one as described above; else None."""
    rules = []
    for path in paths:
        node = resolved(schema)
        for key in path:
            node = _property(node, key)
        if node is None or set(node) - _LIST_RULES or node.get("type") != "array":
            return None
        items = resolved(node.get("items"))
        low, high = node.get("minItems", 0), node.get("maxItems")
        if items is None or id(items) not in _compiled().names or not _count(low) or not (
                high is None or _count(high)):
            return None
        rules.append(ListRule(items, low, high))
    return tuple(rules)


def prepare() -> None:
    """Compile the checks now: a reader about to fork compiles them once for both processes."""
    _compiled()


def is_valid(schema: dict, value: Any) -> bool:
    """Whether `value` certainly matches `schema`: the whole plan schema or a list's items."""
    compiled = _compiled()
    name = compiled.names.get(id(schema))
    return name is not None and compiled.check({name: value})


def resolved(schema: Any) -> dict | None:
    """The schema a local `$ref` points to (when only annotations stand beside it)."""
    top = root()
    for _ in range(20):
        if not isinstance(schema, dict):
            return None
        if "$ref" not in schema:
            return schema
        ref = schema["$ref"]
        if set(schema) - ANNOTATIONS - {"$ref"} or not ref.startswith("#/"):
            return None
        schema = top
        for part in ref[2:].split("/"):
            part = part.replace("~1", "/").replace("~0", "~")
            schema = schema.get(part) if isinstance(schema, dict) else None
    return None


def _property(node: dict | None, key) -> dict | None:
    """The schema of property `key`, if `node` looks into it only through `properties`."""
    if node is None or set(node) - _PASS_THROUGH - {"anyOf"} or not isinstance(key, str):
        return None
    if not _only_asks_for_keys(node.get("anyOf", [])):
        return None
    properties = node.get("properties")
    return resolved(properties.get(key)) if isinstance(properties, dict) else None


def _only_asks_for_keys(branches) -> bool:
    """Whether an `anyOf` only asks which keys are present (a plan's `groups:` or top-level
    `actions:`): it never looks into a value, so a list's items are still checked alone."""
    return isinstance(branches, list) and all(
        isinstance(branch, dict) and not set(branch) - ANNOTATIONS - {"required"}
        for branch in branches)


def _count(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


@dataclass(frozen=True)
class _Compiled:
    names: dict[int, str]  # id(part of the schema) -> its property in the compiled mapping
    check: Callable[[Any], bool]
    parts: tuple  # the parts themselves, kept so that their ids stay theirs


_compiled_once: list[_Compiled] = []
_root: list[dict] = []


def _compiled() -> _Compiled:
    if not _compiled_once:
        top = root()
        parts = [top] + [s for s in _list_items(top) if s is not top]
        names = {id(part): f"p{n}" for n, part in enumerate(parts)}
        own = {k: v for k, v in top.items() if k not in ("$schema", "$id", "$defs")}
        properties = {names[id(p)]: _lean(own if p is top else p) for p in parts}
        wrapper = {"$defs": {k: _lean(v) for k, v in top.get("$defs", {}).items()},
                   "type": "object", "properties": properties, "additionalProperties": False}
        check = compile_shortcut(wrapper, plan_validator().FORMAT_CHECKER)
        _compiled_once.append(_Compiled(names, check, tuple(parts)))
    return _compiled_once[0]


def _list_items(top: dict) -> list[dict]:
    """Every schema that list items are checked against, found anywhere in the schema."""
    found: dict[int, dict] = {}
    stack: list[Any] = [top]
    while stack:
        node = stack.pop()
        if not isinstance(node, dict):
            continue
        items = resolved(node.get("items"))
        if items is not None:
            found.setdefault(id(items), items)
        for key in ("properties", "$defs"):
            if isinstance(node.get(key), dict):
                stack.extend(node[key].values())
        stack.extend(node[key] for key in ("items", "additionalProperties") if key in node)
        stack.extend(node.get("anyOf", []) if isinstance(node.get("anyOf"), list) else [])
    return list(found.values())


def _lean(schema: Any) -> Any:
    """`schema` without titles and descriptions: the compiled code repeats them in messages."""
    if not isinstance(schema, dict):
        return schema
    out = {k: v for k, v in schema.items() if k not in _NOTES}
    for key in ("properties", "$defs"):
        if isinstance(out.get(key), dict):
            out[key] = {name: _lean(sub) for name, sub in out[key].items()}
    for key in ("items", "additionalProperties"):
        if isinstance(out.get(key), dict):
            out[key] = _lean(out[key])
    if isinstance(out.get("anyOf"), list):
        out["anyOf"] = [_lean(sub) for sub in out["anyOf"]]
    return out
