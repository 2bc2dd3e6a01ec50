"""Small pieces of an import: ordering keys, keeping existing detail, counting, ids."""

from __future__ import annotations

from typing import Any
from collections.abc import Iterator

from actionplan.plan_values import normal_form
from actionplan.validate.schema_check import load_schema


class Previous:
    """The existing items of a field. When the sheet that holds their detail (Dates, Leads,
    Measures, Activities) is missing, an item whose words are unchanged keeps its detail."""

    def __init__(self, items: Any):
        self.items = list(items) if isinstance(items, list) else (
            [] if items is None else [items])

    def take(self, words: str) -> Any:
        for index, item in enumerate(self.items):
            if (item.get("text") if isinstance(item, dict) else item) == words:
                return self.items.pop(index)
        return None


def walk_groups(groups, parent: str | None = None) -> Iterator[tuple[str | None, dict]]:
    for group in groups or []:
        if isinstance(group, dict):
            yield parent, group
            yield from walk_groups(group.get("groups"), group.get("id"))


def without_empty(groups: list[dict], summary: list[str]) -> list[dict]:
    kept = []
    for group in groups:
        if "groups" in group:
            group["groups"] = without_empty(group["groups"], summary)
            if not group["groups"]:
                del group["groups"]
        if group.get("actions") or group.get("groups"):
            kept.append(group)
        else:
            summary.append(f"Group {group['id']} was removed: no action in the spreadsheet "
                           "belongs to it.")
    return kept


def already_said(last: dict, candidate: dict) -> bool:
    """Whether the latest update already says what a one-table row says."""
    for key, value in candidate.items():
        old = last.get(key)
        if key == "status" and isinstance(old, dict):
            old = old.get("code")
        if key == "date" and isinstance(old, dict):
            old = old.get("text")
        if normal_form(old) != normal_form(value):
            return False
    return True


def counted(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def free_id(prefix: str, used: set) -> str:
    count = 1
    while f"{prefix}{count}" in used:
        count += 1
    used.add(f"{prefix}{count}")
    return f"{prefix}{count}"


_SCHEMA_ORDER: dict[str, list[str]] = {}


def order(item: dict, definition: str | None, keys: tuple[str, ...] = ()) -> None:
    """Put `item`'s keys in the schema's order (in place: recorded origins stay valid)."""
    if definition is not None:
        if definition not in _SCHEMA_ORDER:
            _SCHEMA_ORDER[definition] = list(load_schema()["$defs"][definition]["properties"])
        keys = tuple(_SCHEMA_ORDER[definition])
    for key in keys:
        if key in item:
            item[key] = item.pop(key)
    for key in [k for k in item if k not in keys]:
        item[key] = item.pop(key)
