"""A field reference for officers, generated from the JSON Schema so it never drifts from it."""

from __future__ import annotations

from dataclasses import dataclass

from actionplan.pages.page_spec import PageSpec
from actionplan.validate.schema_check import load_schema

REFERENCE_SRC_URI = "reference/data-format.md"

# Reading order for officers: the file, the plan, then groups, actions and their parts.
SECTION_ORDER = ["(file)", "Plan", "Organisation", "Level", "Labels", "StrandScheme",
                 "StrandCode", "Footnote", "Abbreviation", "Group", "Action", "Activity",
                 "Measure", "Lead", "PsedAim", "Update", "UpdateItem", "Status", "FuzzyDate",
                 "Note", "Source"]


@dataclass(frozen=True)
class FieldDoc:
    name: str
    title: str
    description: str
    kind: str
    required: bool


@dataclass(frozen=True)
class SectionDoc:
    key: str
    title: str
    description: str
    fields: tuple[FieldDoc, ...]
    values: str = ""


def reference_sections(schema: dict | None = None) -> list[SectionDoc]:
    schema = schema or load_schema()
    defs = schema["$defs"]
    sections = [_section("(file)", schema, defs)]
    sections += [_section(name, defs[name], defs) for name in SECTION_ORDER[1:] if name in defs]
    return sections


def reference_page() -> PageSpec:
    return PageSpec(REFERENCE_SRC_URI, "Data format: field reference", "schema_reference.html",
                    "reference", {"sections": reference_sections()},
                    "Every field of a plan file, from the published JSON Schema.")


def _section(key: str, node: dict, defs: dict) -> SectionDoc:
    shape = _object_branch(node)
    required = set(shape.get("required", []))
    fields = tuple(_field(name, prop, name in required, defs)
                   for name, prop in shape.get("properties", {}).items())
    values = "" if fields else _kind(node, defs)
    return SectionDoc(key, node.get("title", key), node.get("description", ""), fields, values)


def _object_branch(node: dict) -> dict:
    """The object form of a definition (some accept text or an object)."""
    if node.get("type") == "object":
        return node
    for branch in node.get("anyOf", []):
        if branch.get("type") == "object":
            return branch
    return {}


def _field(name: str, prop: dict, required: bool, defs: dict) -> FieldDoc:
    target = _resolve(prop, defs)
    title = prop.get("title") or target.get("title") or name
    description = prop.get("description") or target.get("description") or ""
    return FieldDoc(name, title, description, _kind(prop, defs), required)


def _resolve(prop: dict, defs: dict) -> dict:
    ref = prop.get("$ref")
    return defs[ref.rsplit("/", 1)[-1]] if ref else prop


def _kind(prop: dict, defs: dict) -> str:
    """A plain-English type: "text", "list of Lead", "one of: a, b"."""
    if "$ref" in prop:
        name = prop["$ref"].rsplit("/", 1)[-1]
        target = defs[name]
        if name in ("Text", "Markdown", "NullableText", "Id", "IsoDate", "Basis", "StatusCode",
                    "Characteristic"):
            return _kind(target, defs) if name != "Markdown" else "text (Markdown allowed)"
        return name
    if "const" in prop:
        return f"always {prop['const']}"
    if "enum" in prop:
        return "one of: " + ", ".join(str(v) for v in prop["enum"])
    if "anyOf" in prop:
        return " or ".join(_kind(b, defs) for b in prop["anyOf"])
    kind = prop.get("type")
    if kind == "array":
        return "list of " + _kind(prop.get("items", {}), defs)
    if isinstance(kind, list):
        return " or ".join("text" if k == "string" else str(k) for k in kind)
    if prop.get("format") == "date":
        return "date (YYYY-MM-DD)"
    if not kind:
        return "value"
    return {"string": "text", "object": "fields", "integer": "whole number",
            "boolean": "true or false"}.get(kind, str(kind))
