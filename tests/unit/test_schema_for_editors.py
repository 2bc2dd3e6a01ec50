"""The JSON Schema is usable by editors: plain-English help on every field, linked from files."""

from __future__ import annotations

from pathlib import Path
from collections.abc import Iterator

import pytest

from actionplan.validate.schema_check import SCHEMA_PATH, load_schema

from ..conftest import FIXTURES, ROOT

MARKER = "# yaml-language-server: $schema="


def _properties(node, path: str) -> Iterator[tuple[str, dict]]:
    """Every property of the schema, however deeply nested (lists, alternatives, objects)."""
    if not isinstance(node, dict):
        return
    for name, prop in (node.get("properties") or {}).items():
        yield f"{path}.{name}", prop
        yield from _properties(prop, f"{path}.{name}")
    if isinstance(node.get("items"), dict):
        yield from _properties(node["items"], f"{path}[]")
    for key in ("anyOf", "oneOf", "allOf"):
        for index, branch in enumerate(node.get(key, [])):
            yield from _properties(branch, f"{path}<{key} {index}>")


def _help(prop: dict, definitions: dict) -> tuple[str, str]:
    """Title and description an editor shows: the property's own, else its $ref target's."""
    target = definitions[prop["$ref"].rsplit("/", 1)[1]] if "$ref" in prop else {}
    return (prop.get("title") or target.get("title") or "",
            prop.get("description") or target.get("description") or "")


def test_every_schema_property_has_a_title_and_a_description():
    schema = load_schema()
    definitions = schema["$defs"]
    found = list(_properties(schema, "file"))
    for name, definition in definitions.items():
        found.append((f"$defs.{name}", definition))
        found += list(_properties(definition, name))
    assert len(found) > 150  # the walk reaches the whole schema, not just the top
    missing = [path for path, prop in found if not all(_help(prop, definitions))]
    assert missing == []


def test_descriptions_are_whole_sentences():
    definitions = load_schema()["$defs"]
    cut_off = [path for path, prop in _properties({"properties": definitions}, "")
               if _help(prop, definitions)[1].rstrip()[-1:] not in ".)?"]
    assert cut_off == []


@pytest.mark.parametrize("path", sorted((ROOT / "data" / "plans").glob("*.yaml")) +
                         [FIXTURES / "data" / "plans" / "mini.yaml"], ids=lambda p: p.name)
def test_plan_files_point_editors_at_the_schema(path: Path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith(MARKER)
    target = (path.parent / first[len(MARKER):]).resolve()
    assert target == Path(str(SCHEMA_PATH)).resolve()
