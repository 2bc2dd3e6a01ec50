"""Under `mkdocs serve`: a generated page whose inputs have not changed since the last rebuild
is written from that rebuild's output instead of going through Material's templates again.

MkDocs 1.6 rebuilds the whole site on every save: it empties the output folder and puts
every page through the theme (Material's navigation template is the largest part of a
build). A page's finished HTML depends on its body (rendered by the core from the model),
the data-problems notice, its title, description and address, its place in the menu (the
page the menu marks, the previous and next pages) and what every page shares: the menu
itself, the configuration, the theme's files, the site's "last updated" day. All of these
go into the page's key; a page whose key is the last rebuild's is given a one-line template
that prints the kept output. The body is still rendered (it is part of the key) and still
reaches the search index, so search stays correct.

Only while serving: `mkdocs build` never reads or fills this cache, so its output is the
same, byte for byte, as without it.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

CACHED_TEMPLATE = "actionplan-cached.html"  # in the package's theme layer
CACHED_OUTPUT = "actionplan_cached_output"  # the template variable it prints


class PageCache:
    def __init__(self) -> None:
        self._session = b""
        self._kept: dict[str, tuple[bytes, str]] = {}  # src_uri -> (key, finished HTML)
        self.rendered: list[str] = []  # pages put through the theme in the current build
        self.reused: list[str] = []

    def clear(self) -> None:
        self._session, self._kept = b"", {}
        self.rendered, self.reused = [], []

    def start_build(self, config: MkDocsConfig, nav: Navigation, day: str | None) -> None:
        """What every page shares; a change to any of it re-renders every page."""
        shared = hashlib.blake2b(digest_size=20)
        for part in (config.config_file_path or "", _file_bytes(config.config_file_path),
                     config.site_url or "", day or "", _theme_files(config),
                     _nav_fingerprint(nav)):
            shared.update(part if isinstance(part, bytes) else part.encode())
            shared.update(b"\0")
        session = shared.digest()
        if session != self._session:
            self._kept = {}
        self._session = session
        self.rendered, self.reused = [], []

    def key(self, page: Page, content: str, nearest_url: str | None) -> bytes:
        digest = hashlib.blake2b(self._session, digest_size=20)
        neighbours = [(p.url, str(p.title)) if p is not None else None
                      for p in (page.previous_page, page.next_page)]
        for part in (page.file.src_uri, page.url, page.canonical_url or "", str(page.title),
                     repr(sorted((k, str(v)) for k, v in page.meta.items())),
                     nearest_url or "", repr(neighbours), content):
            digest.update(part.encode())
            digest.update(b"\0")
        return digest.digest()

    def output_for(self, src_uri: str, key: bytes) -> str | None:
        kept = self._kept.get(src_uri)
        return kept[1] if kept is not None and kept[0] == key else None

    def keep(self, src_uri: str, key: bytes, output: str) -> None:
        self._kept[src_uri] = (key, output)


def _file_bytes(path: str | None) -> bytes:
    try:
        return Path(path).read_bytes() if path else b""
    except OSError:
        return b""


def _theme_files(config: MkDocsConfig) -> str:
    # Every template and partial of every theme folder, by name, size and time of change:
    # an edited override re-renders every page.
    seen = []
    for folder in config.theme.dirs:
        for root, _, names in os.walk(folder):
            for name in sorted(names):
                if name.endswith(".html"):
                    stat = os.stat(os.path.join(root, name))
                    seen.append(f"{root}/{name}:{stat.st_size}:{stat.st_mtime_ns}")
    return "\n".join(sorted(seen))


def _nav_fingerprint(nav: Navigation) -> str:
    lines: list[str] = []

    def walk(items, depth: int) -> None:
        for item in items:
            lines.append(f"{depth}:{type(item).__name__}:{item.title}:{getattr(item, 'url', '')}")
            if isinstance(item, Section):
                walk(item.children, depth + 1)

    walk(nav.items, 0)
    return "\n".join(lines)
