"""Long lists (changelogs, browse listings) spread over numbered pages, linked both ways.

At county size one list can hold thousands of actions or changes: a page of megabytes on a
phone on a slow link. A list longer than the site's page size (`SiteOptions.page_size`)
continues on page 2, 3 ...; each page links to the one before and after it and to a few
others, never to every page (a list of every page on every page grows with the square).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar
from collections.abc import Sequence

Item = TypeVar("Item")


@dataclass(frozen=True)
class Pagination:
    """Where a page sits among the pages its list is spread over."""

    number: int
    count: int
    first_item: int  # 1-based position of the page's first item in the whole list
    last_item: int
    total_items: int
    sources: tuple[str, ...]  # src_uri of every page, in order

    @property
    def previous_src(self) -> str | None:
        return self.sources[self.number - 2] if self.number > 1 else None

    @property
    def next_src(self) -> str | None:
        return self.sources[self.number] if self.number < self.count else None

    @property
    def window(self) -> list[tuple[int, str] | None]:
        """Links to the first, last and nearby pages, None where pages are left out."""
        shown = sorted({1, self.count} | {n for n in range(self.number - 2, self.number + 3)
                                          if 1 <= n <= self.count})
        links: list[tuple[int, str] | None] = []
        for number in shown:
            if links and links[-1] is not None and number > links[-1][0] + 1:
                links.append(None)
            links.append((number, self.sources[number - 1]))
        return links


def chunks(items: Sequence[Item], size: int) -> list[Sequence[Item]]:
    """`items` in runs of at most `size`; one empty run for an empty list."""
    return [items[at:at + size] for at in range(0, len(items), size)] or [items[:0]]


def paginations(sizes: list[int], sources: tuple[str, ...]) -> list[Pagination]:
    """The pagination of each page, from how many items each page holds."""
    total, first, found = sum(sizes), 1, []
    for number, size in enumerate(sizes, start=1):
        found.append(Pagination(number, len(sizes), first, first + size - 1, total, sources))
        first += size
    return found


def numbered_src(src_uri: str, number: int, folder: str = "page") -> str:
    """Page 1 is the list's own page; page n of ".../index.md" is ".../<folder>/n/index.md"."""
    if number == 1:
        return src_uri
    return f"{src_uri.removesuffix('index.md')}{folder}/{number}/index.md"


def page_title(title: str, pagination: Pagination) -> str:
    if pagination.number == 1:
        return title
    return f"{title} (page {pagination.number} of {pagination.count})"
