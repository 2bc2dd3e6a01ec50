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

A page whose spec is the very one of the last rebuild (an unchanged plan's pages are, see
same_inputs.py), or equal to it with an equal context holding the very same plan and site
objects, has the same body: its body is then
not rendered again, its key is made from the last body's digest, and when its key matches,
the search entries the last rebuild made from it are given to the search index instead of
the page being parsed again (`SearchReuse`). A spec that names everything its body reads
(`PageSpec.inputs`: the browse listings) keeps the last digest when it is equal to the last
spec and its inputs are the same parts (`same_inputs.same_parts`), without rendering,
unless the site has its own copy of a core template (which may read more). Bodies are
rendered whenever a plugin other than this one and the search plugin looks at pages'
content, as it would find none.

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

from actionplan.model import Plan, Site
from actionplan.pages import PageSpec
from actionplan.same_inputs import same_parts

CACHED_TEMPLATE = "actionplan-cached.html"  # in the package's theme layer
CACHED_OUTPUT = "actionplan_cached_output"  # the template variable it prints


class PageCache:
    def __init__(self) -> None:
        self._session = b""
        self._inputs_trusted = False
        self._kept: dict[str, tuple[bytes, str]] = {}  # src_uri -> (key, finished HTML)
        self._bodies: dict[str, tuple[PageSpec, bytes]] = {}  # src_uri -> (spec, body digest)
        self._entries: dict[str, tuple[bytes, list]] = {}  # src_uri -> (key, search entries)
        self.rendered: list[str] = []  # pages put through the theme in the current build
        self.reused: list[str] = []
        self.bodies: list[str] = []  # pages whose body was rendered in the current build

    def clear(self) -> None:
        self._session, self._kept, self._bodies, self._entries = b"", {}, {}, {}
        self.rendered, self.reused, self.bodies = [], [], []

    def start_build(self, config: MkDocsConfig, nav: Navigation, day: str | None,
                    template_dirs: tuple[Path, ...] = ()) -> None:
        """What every page shares; a change to any of it re-renders every page.
        `template_dirs`: the folders of the core's templates (their overrides)."""
        shared = hashlib.blake2b(digest_size=20)
        for part in (config.config_file_path or "", _file_bytes(config.config_file_path),
                     config.site_url or "", day or "",
                     _theme_files([*config.theme.dirs, *map(str, template_dirs)]),
                     _nav_fingerprint(nav)):
            shared.update(part if isinstance(part, bytes) else part.encode())
            shared.update(b"\0")
        session = shared.digest()
        if session != self._session:
            self._kept, self._bodies, self._entries = {}, {}, {}
        self._session = session
        # A site's own copy of a core template may read more than a spec's `inputs` name.
        self._inputs_trusted = not _theme_files(list(map(str, template_dirs)))
        self.rendered, self.reused, self.bodies = [], [], []

    def start_update(self) -> None:
        """A quick update (quick_preview.py): same session, lists of this update only."""
        self.rendered, self.reused, self.bodies = [], [], []

    def body_digest(self, spec: PageSpec) -> bytes | None:
        """The digest of the last rebuild's body of this page, when its spec is the same."""
        kept = self._bodies.get(spec.src_uri)
        if kept is None:
            return None
        last, digest = kept
        if last is spec:
            return digest
        if spec.inputs is not None and last.inputs is not None and self._inputs_trusted:
            # The spec names all its body reads (a listing): no need to render to compare.
            return digest if last == spec and same_parts(last.inputs, spec.inputs) else None
        if last != spec or any(isinstance(value, (Plan, Site)) and value is not last.context.get(key)
                               for key, value in spec.context.items()):
            # A plan or site that is not the very same object may have changed: render
            # rather than compare two county plans to the end (it costs more).
            return None
        return digest if last.context == spec.context else None

    def last_digest(self, src_uri: str) -> bytes | None:
        kept = self._bodies.get(src_uri)
        return kept[1] if kept is not None else None

    def note_body(self, spec: PageSpec, body: str) -> bytes:
        digest = hashlib.blake2b(body.encode(), digest_size=20).digest()
        self._bodies[spec.src_uri] = (spec, digest)
        self.bodies.append(spec.src_uri)
        return digest

    def key(self, page: Page, notice: str, body_digest: bytes, nearest_url: str | None) -> bytes:
        digest = hashlib.blake2b(self._session, digest_size=20)
        neighbours = [(p.url, str(p.title)) if p is not None else None
                      for p in (page.previous_page, page.next_page)]
        for part in (page.file.src_uri, page.url, page.canonical_url or "", str(page.title),
                     repr(sorted((k, str(v)) for k, v in page.meta.items())),
                     nearest_url or "", repr(neighbours), notice):
            digest.update(part.encode())
            digest.update(b"\0")
        digest.update(body_digest)
        return digest.digest()

    def entries_for(self, src_uri: str, key: bytes) -> list | None:
        kept = self._entries.get(src_uri)
        return kept[1] if kept is not None and kept[0] == key else None

    def keep_entries(self, src_uri: str, key: bytes, entries: list) -> None:
        self._entries[src_uri] = (key, entries)

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


def _theme_files(folders: list[str]) -> str:
    # Every template and partial of every theme folder, by name, size and time of change:
    # an edited override re-renders every page.
    seen = []
    for folder in folders:
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
