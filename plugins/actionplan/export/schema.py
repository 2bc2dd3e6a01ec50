"""The JSON Schemas published with the downloads, byte for byte as they ship in the package."""

from __future__ import annotations

from importlib import resources

SCHEMA_FILES = {
    "plan-v1.schema.json": "A plan file, and each plan's JSON download.",
    "plans-v1.schema.json": "The all-plans JSON download.",
    "action-v1.schema.json": "Each action's JSON download.",
}


def schema_bytes(name: str) -> bytes:
    return (resources.files("actionplan") / "schema" / name).read_bytes()
