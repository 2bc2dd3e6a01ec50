"""A bounded memory for the history reader: what was used lately is kept, the rest forgotten."""

from __future__ import annotations

from typing import Any
from collections.abc import Callable

MISSING = object()


class BoundedMemory:
    """Values by key in two generations: a full young one becomes old, the old one is dropped.

    Anything used since the last turn survives the next one, so a part of a plan that stays
    the same over many revisions is kept, while parts that were replaced soon go.
    `weigh` says how much a key counts towards `limit` (1 each by default).
    """

    def __init__(self, limit: int, weigh: Callable[[Any], int] | None = None):
        self.limit, self.weigh = limit, weigh
        self.young: dict = {}
        self.old: dict = {}
        self.weight = 0

    def get(self, key) -> Any:
        found = self.young.get(key, MISSING)
        if found is MISSING:
            found = self.old.pop(key, MISSING)
            if found is not MISSING:
                self.put(key, found)
        return found

    def put(self, key, value) -> None:
        self.young[key] = value
        self.weight += self.weigh(key) if self.weigh else 1
        if self.weight > self.limit:
            self.old, self.young, self.weight = self.young, {}, 0

    def clear(self) -> None:
        self.young.clear()
        self.old.clear()
        self.weight = 0
