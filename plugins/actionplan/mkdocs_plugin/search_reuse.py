"""Under `mkdocs serve`: the search entries of a page written from the last rebuild's output
(page_cache.py) are the last rebuild's, not made again by parsing the page.

Material's search plugin parses every page's HTML as it is built, for every rebuild; that was
a third of a rebuild's time. Its index (a fresh `SearchIndex` each build, made in its
on_config) adds a page's entries in `add_entry_from_context`; this wraps that one method of
that one object, for one build: a page it is told to reuse gets the entries kept from the
last rebuild (in page order, as a full indexing gives them), and every other page is indexed
as before and its entries kept. The index file is written by the search plugin as always.

Only Material's search plugin is wrapped (its index's `entries` list is what it writes);
with any other search plugin, pages are indexed as before.
"""

from __future__ import annotations

from collections.abc import Callable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

MATERIAL_SEARCH = "material.plugins.search.plugin"


def search_plugins(config: MkDocsConfig) -> list:
    return [plugin for plugin in config.plugins.values() if hasattr(plugin, "search_index")
            or type(plugin).__module__ in (MATERIAL_SEARCH, "mkdocs.contrib.search")]


def wrap_material_index(config: MkDocsConfig, entries_to_reuse: Callable[[Page], list | None],
                        indexed: Callable[[Page, list, bool], None]) -> bool:
    """Wrap the search index of this build; False when there is a search plugin it cannot
    wrap (then every page must be indexed from its content). `indexed(page, entries,
    reused)` hears of every page's entries, kept or made."""
    plugins = search_plugins(config)
    for plugin in plugins:
        index = getattr(plugin, "search_index", None)
        if type(plugin).__module__ != MATERIAL_SEARCH or index is None \
                or not isinstance(getattr(index, "entries", None), list):
            return False
    for plugin in plugins:
        _wrap(plugin.search_index, entries_to_reuse, indexed)
    return True


def _wrap(index, entries_to_reuse, indexed) -> None:
    index_page = index.add_entry_from_context

    def add_entry_from_context(page: Page) -> None:
        kept = entries_to_reuse(page)
        if kept is not None:
            index.entries.extend(kept)
            indexed(page, kept, True)
            return
        start = len(index.entries)
        index_page(page)
        indexed(page, index.entries[start:], False)

    index.add_entry_from_context = add_entry_from_context


def write_index_in_page_order(config: MkDocsConfig, entries_of: Callable[[str], list],
                              src_uris: list[str]) -> None:
    """Give each (wrapped) search index every page's entries in page order, as a whole build
    gives them, and let its plugin write the index file as at the end of a build."""
    for plugin in search_plugins(config):
        plugin.search_index.entries = [entry for src in src_uris for entry in entries_of(src)]
        plugin.on_post_build(config=config)
