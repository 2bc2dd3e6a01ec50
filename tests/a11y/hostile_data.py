"""Plan data whose every free-text field carries script, frames, styles and javascript: links.

The schema says which strings are free text: values of its Text, NullableText and Markdown
definitions. Dates are left alone (they are parsed, and a payload is no date); so are ids,
codes and anything else with a pattern or a list of allowed values.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from actionplan.load.discover import find_plan_files

SCHEMA = Path(__file__).resolve().parents[2] / "plugins/actionplan/schema/plan-v1.schema.json"
FREE_TEXT = {"Text": "plain", "NullableText": "plain", "Markdown": "markdown"}
NOT_TEXT = {"FuzzyDate", "IsoDate", "Status", "StatusCode"}


def payload(number: int) -> str:
    """Markup that would run `pwn(number)` (or open a dialog, or load a file from off the
    site) if it reached a page unescaped; ZQ<n>Q marks where it lands."""
    n = number
    return (f'ZQ{n}Q "\'><script>pwn({n})</script><img src=x onerror="pwn({n})">'
            f'<svg onload=pwn({n})><iframe src="javascript:pwn({n})"></iframe>'
            f'<style>body{{display:none}}</style><a href="javascript:pwn({n})">j{n}</a> '
            f'[m{n}](javascript:pwn({n})) [d{n}](data:text/html,<script>pwn({n})</script>) '
            f'<img src="https://evil.example/{n}.png"><b style="background:url(https://evil.example/{n})">s</b> '
            f'</title></textarea><script>alert({n})</script> {{: onclick="pwn({n})" }}')


def literal_marker(number: int) -> str:
    """The part of the payload a plain-text field must show as text, exactly."""
    return f"<script>pwn({number})</script>"


@dataclass(frozen=True)
class Field:
    number: int
    file: str
    path: str
    kind: str  # plain or markdown


def write_hostile_data(source_dirs: list[Path], target: Path) -> list[Field]:
    """Copy the plans under `source_dirs` into target/plans/, a payload in every text field.

    Only the actions that use a field no earlier action used are kept, so the site stays
    small while every kind of field is there.
    """
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    fields: list[Field] = []
    seen: set[str] = set()
    (target / "plans").mkdir(parents=True, exist_ok=True)
    for source in source_dirs:
        for path in find_plan_files(source):
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            _keep_actions_with_new_fields(data.get("groups", []), seen)
            data = _poison(data, schema, schema, path.name, "", fields)
            _name_groups_in_headings(data.get("groups", []))
            (target / "plans" / path.name).write_text(
                yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return fields


def _name_groups_in_headings(groups: list[dict]) -> None:
    """A group's equality-group words must stand in its heading (a validation warning
    otherwise): put the poisoned words there too, so both fields carry a payload."""
    for group in groups:
        words = (group.get("equality_groups") or {}).get("words")
        if words:
            group["title"] = f"{group['title']} {words}"
        _name_groups_in_headings(group.get("groups", []))


def _keep_actions_with_new_fields(groups: list[dict], seen: set[str]) -> None:
    for group in groups:
        kept = []
        for action in group.get("actions", []):
            shapes = set(_shapes(action, ""))
            if shapes - seen or not kept:  # and one action per group, so none is empty
                kept.append(action)
                seen |= shapes
        group["actions"] = kept
        _keep_actions_with_new_fields(group.get("groups", []), seen)


def _shapes(value: Any, where: str):
    """Every key path in `value`, list positions left out: what fields it uses."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield f"{where}.{key}"
            yield from _shapes(item, f"{where}.{key}")
    elif isinstance(value, list):
        for item in value:
            yield from _shapes(item, f"{where}[]")


def _poison(value: Any, node: dict, schema: dict, file: str, where: str,
            fields: list[Field]) -> Any:
    node, name = _resolve(node, schema)
    if name in NOT_TEXT:
        return value
    if name in FREE_TEXT and isinstance(value, str):
        fields.append(Field(len(fields) + 1, file, where, FREE_TEXT[name]))
        return payload(len(fields))
    # Where a node has its own properties, anyOf only says which of them are required
    # (groups or actions at the top of a plan): no branch is a type to follow.
    branches = [] if "properties" in node else node.get("anyOf", node.get("oneOf", []))
    for branch in branches:
        if _fits(value, _resolve(branch, schema)[0]):
            return _poison(value, branch, schema, file, where, fields)
    if isinstance(value, dict):
        props = node.get("properties", {})
        return {k: _poison(v, props[k], schema, file, f"{where}.{k}", fields) if k in props else v
                for k, v in value.items()}
    if isinstance(value, list) and isinstance(node.get("items"), dict):
        return [_poison(v, node["items"], schema, file, f"{where}[{i}]", fields)
                for i, v in enumerate(value)]
    return value


def _resolve(node: dict, schema: dict) -> tuple[dict, str | None]:
    """Follow $ref to a definition; the definition's name, if the node is one."""
    name = None
    while "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        node = schema["$defs"][name]
    return node, name


def _fits(value: Any, node: dict) -> bool:
    kinds = node.get("type")
    kinds = kinds if isinstance(kinds, list) else [kinds] if kinds else []
    python = {"object": dict, "array": list, "string": str, "null": type(None),
              "integer": int, "number": (int, float), "boolean": bool}
    if "enum" in node:
        return value in node["enum"]
    if "const" in node:
        return value == node["const"]
    return not kinds or any(isinstance(value, python[k]) for k in kinds if k in python)
