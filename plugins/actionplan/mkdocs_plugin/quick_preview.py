"""Under `mkdocs serve`: a save that changes only plan files updates the served site in place.

MkDocs 1.6 answers every save with a whole build: it empties the output folder, reads and
renders every page, indexes each for search and writes every file again (150-250 s at 5,000
actions, 40 s with the reuse of page_cache.py). An officer who saves one status waits for
all of it. The dev server calls its `builder` for every rebuild; the plugin's `on_serve`
puts this in front of it: when only the data changed since the last build, the site is
brought up to date in place, and otherwise (or if anything here fails) MkDocs' own build
runs as before.

In place means, with the last build's configuration, file list, menu and theme environment:
- the plan files are read again (only changed ones are parsed, `api.PlanFileMemo`), and the
  history and the site's "last updated" day read again;
- every page's spec and every download's path is made again; if a page or file came or
  went, or anything the menu shows changed (a plan's name, a top-level title), it is not a
  change this can make in place;
- the downloads made from a changed plan (and those made from the whole site) are written;
- each page whose spec or body changed, and each hand-written page (they may show data), is
  read and rendered through MkDocs' own page steps (`_populate_page`, `_build_page`, the
  same functions and plugin events a build runs, so the page comes out as a build writes
  it);
- the search index is put together from every page's entries in page order (the last
  build's for unchanged pages) and written by the search plugin, as a build does.

Nothing else that a build writes can change with the data alone: the theme's files and
templates, the sitemap (its pages and day are unchanged) and the 404 page. Only while no
other plugin than actionplan and Material's search takes part in building pages (another
plugin's events would not run for unchanged pages). `tests/test_quick_preview.py` checks
that the updated site equals a fresh build, file for file, after each kind of save.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation

from actionplan.mkdocs_plugin.search_reuse import MATERIAL_SEARCH
from actionplan.model import Site
from actionplan.pages import PageSpec

# Events through which a plugin takes part in building pages and files.
PAGE_EVENTS = ("files", "nav", "env", "pre_page", "page_markdown", "page_content",
               "page_context", "post_page", "post_build", "pre_template", "template_context",
               "post_template")


@dataclass
class LastBuild:
    """What a quick update needs from the last whole build of the serve session."""

    config: MkDocsConfig
    files: Files
    nav: Navigation
    env: jinja2.Environment
    other_inputs: bytes  # everything but the data the build read (see `other_inputs`)
    day: str | None
    menu: tuple  # what the menu shows (see `menu_inputs`)
    file_paths: tuple[str, ...]  # the downloads' paths


def only_known_plugins(config: MkDocsConfig, ours: str, events: Sequence[str]) -> bool:
    """True when no plugin but actionplan (module `ours`) and Material's search takes part
    in `events`."""
    known = {ours, MATERIAL_SEARCH}
    for event in events:
        for method in config.plugins.events.get(event, ()):
            if type(getattr(method, "__self__", None)).__module__ not in known:
                return False
    return True


def other_inputs(config: MkDocsConfig, data_dir: Path, template_dirs: list[Path]) -> bytes:
    """A digest of every input of a build but the data: mkdocs.yml, the docs folder, the
    theme's folders, the core's templates and any other watched path (names, sizes, times)."""
    digest = hashlib.blake2b(digest_size=20)
    if config.config_file_path:
        digest.update(Path(config.config_file_path).read_bytes())
    data = os.path.abspath(data_dir)
    folders = [config.docs_dir, *config.theme.dirs, *map(str, template_dirs),
               *(w for w in config.watch if os.path.abspath(w) != data)]
    for folder in folders:
        digest.update(f"\0{folder}\0".encode())
        if os.path.isfile(folder):
            stat = os.stat(folder)
            digest.update(f"{stat.st_size}:{stat.st_mtime_ns}".encode())
            continue
        for root, dirs, names in os.walk(folder):
            dirs.sort()
            for name in sorted(names):
                try:
                    stat = os.stat(os.path.join(root, name))
                except OSError:
                    continue
                digest.update(f"{root}/{name}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    return digest.digest()


def menu_inputs(site: Site, specs: dict[str, PageSpec]) -> tuple:
    """What the menu is made from (nav.py): the plans' names and the listed pages' titles."""
    return (tuple((plan.id, plan.name, plan.title, plan.full_name) for plan in site.plans),
            tuple((spec.src_uri, spec.title, spec.kind) for spec in specs.values()
                  if spec.in_nav))


def serve_pages(files: Files) -> Sequence[File]:
    """The pages a serve build builds, in its order."""
    return files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
