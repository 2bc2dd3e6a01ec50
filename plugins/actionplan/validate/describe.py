"""Name a place in a plan file the way an officer would: "action 4.6 > progress update 1"."""

from __future__ import annotations

from typing import Any

_ITEM_NAMES = {
    "groups": "group",
    "actions": "action",
    "progress": "progress update",
    "activities": "activity",
    "measures": "measure",
    "leads": "lead",
    "due": "target date",
    "items": "item",
    "notes": "note",
    "footnotes": "footnote",
    "codes": "code",
    "levels": "level",
    "abbreviations": "abbreviation",
    "values": "value",
}


def describe_path(data: Any, path: tuple) -> str:
    """A short readable name for the item at `path` (keys and indices) in `data`."""
    words: list[str] = []
    node = data
    for i, step in enumerate(path):
        parent_key = path[i - 1] if i else None
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            words.append(str(step))
            break
        if isinstance(step, int):
            words.append(_name_item(parent_key, step, node))
        elif step not in _ITEM_NAMES or not isinstance(node, list):
            if not (step == "plan" and i == 0):
                words.append(step)
    if not words or path[:1] == ("plan",):
        words.insert(0, "plan")
    # Keep from the innermost identified item: "group peo-4 > action 4.6" reads as "action 4.6".
    for j in range(len(words) - 1, -1, -1):
        if words[j].startswith(("action ", "group ")):
            words = words[j:]
            break
    return " > ".join(words)


def _name_item(list_key: Any, index: int, node: Any) -> str:
    noun = _ITEM_NAMES.get(list_key, "item")
    if isinstance(node, dict):
        for key in ("id", "code", "mark", "term"):
            value = node.get(key)
            if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip():
                return f"{noun} {value}"
    return f"{noun} {index + 1}"
