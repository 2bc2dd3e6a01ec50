"""Results kept from one build to the next while their inputs are the very same objects.

A process that builds the same site again and again (`mkdocs serve`, after each save) gets
the unchanged plans back as the same immutable objects (`api.PlanFileMemo`); whatever was
made from one of them alone (its pages' specs, its downloads) is then the same, and is taken
from the last build instead of being made again. Objects are matched by identity, so a
changed plan, a new one, or any other input that is not the very same object makes the
result afresh; settings (small values such as the site's paths) are matched by equality.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from datetime import date
from typing import Generic, TypeVar

V = TypeVar("V")


class SameInputs(Generic[V]):
    def __init__(self) -> None:
        self._last: dict[Hashable, tuple[object, object, V]] = {}
        self._next: dict[Hashable, tuple[object, object, V]] = {}
        self.made = 0  # results made afresh in this build (the rest were kept)

    def next_build(self) -> None:
        """Keep what this build used; forget what it did not."""
        self._last, self._next, self.made = self._next or self._last, {}, 0

    def get(self, name: Hashable, source: object, settings: object, make: Callable[[], V]) -> V:
        made_now = self._next.get(name)  # asked for twice in one build: one result
        if made_now is not None and made_now[0] is source and made_now[1] == settings:
            return made_now[2]
        kept = self._last.get(name)
        if kept is not None and kept[0] is source and kept[1] == settings:
            value = kept[2]
        else:
            value = make()
            self.made += 1
        self._next[name] = (source, settings, value)
        return value


# Values compared by equality in `same_parts`; anything else must be the very same object.
PLAIN = frozenset({str, int, float, bool, type(None), date})


def same_parts(last: tuple, now: tuple) -> bool:
    """Whether two flat tuples of inputs (`PageSpec.inputs`) are the same: each part the very
    same object, or a plain value (PLAIN) equal to the last one. Anything else, such as an
    equal plan that is another object, counts as changed: the page is made again."""
    if len(last) != len(now):
        return False
    for old, new in zip(last, now):
        if old is not new and (type(new) not in PLAIN or type(old) is not type(new)
                               or old != new):
            return False
    return True
