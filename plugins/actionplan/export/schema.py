"""The JSON Schemas published with the downloads, as they ship in the package.

Their `$id`s share a placeholder base so that their relative `$ref`s resolve to each other;
a site that knows its own address publishes them with that address instead, so a tool that
follows `$ref`s by URL finds the published files.
"""

from __future__ import annotations

from importlib import resources

SCHEMA_FILES = {
    "plan-v1.schema.json": "A plan file, and each plan's JSON download.",
    "plans-v1.schema.json": "Several plans in one JSON document (the plans' own files, together).",
    "action-v1.schema.json": "Each action's JSON download.",
}


PLACEHOLDER_BASE = "https://actionplan.invalid/"


def schema_bytes(name: str, site_url: str | None = None) -> bytes:
    content = (resources.files("actionplan") / "schema" / name).read_bytes()
    if not site_url:
        return content
    base = site_url.rstrip("/") + "/"
    return content.replace(f'"$id": "{PLACEHOLDER_BASE}'.encode(), f'"$id": "{base}'.encode(), 1)
