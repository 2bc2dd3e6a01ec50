"""Read the data's history for a MkDocs build: options in, a `Changelog` (or None) out."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from actionplan.history import HistoryCache, HistoryReading, HistoryUnavailable
from actionplan.history.xml_clean import xml_clean_history
from actionplan.history.renames import rename_warnings
from actionplan.mkdocs_plugin.config import HistoryConfig
from actionplan.mkdocs_plugin.nav import _relink_pages, generated_page
from actionplan.pages.history_specs import Changelog, HistoryPaths

log = get_plugin_logger(__name__)

_HOW_TO_SKIP = ("To build without a changelog instead (for a host that cannot fetch the "
                "history), set `history: {allow_missing: true}` under the actionplan plugin "
                "in mkdocs.yml.")


def start_changelog(options: HistoryConfig, project_dir: Path, data_dir: Path
                    ) -> HistoryReading | None:
    """Start reading the history (a first read runs in its own process, while the build loads
    the data); None when the changelog is switched off. Finish with `finish_changelog`."""
    if not options.enabled:
        return None
    ignore = project_dir / options.ignore_revs_file if options.ignore_revs_file else None
    if ignore is not None and not ignore.is_file():
        # A setting that names no file is a mistake in mkdocs.yml, even where history may be
        # missing: say so rather than quietly publishing commits meant to be left out.
        raise PluginError(f"history.ignore_revs_file: {ignore} does not exist. Create it, or "
                          "remove the setting from mkdocs.yml.")
    cache = HistoryCache(project_dir / options.cache_dir if options.cache_dir else None)
    return HistoryReading(project_dir, data_dir, ignore, cache=cache)


def finish_changelog(reading: HistoryReading | None, options: HistoryConfig,
                     config: MkDocsConfig) -> Changelog | None:
    """The changelog, None when switched off or allowed to be missing; PluginError otherwise."""
    if reading is None:
        return None
    try:
        history = reading.result()
    except HistoryUnavailable as error:
        if not options.allow_missing:
            raise PluginError(f"{error} {_HOW_TO_SKIP}") from None
        # INFO, not WARNING: allow_missing is the site's stated choice, and --strict must pass.
        log.info(f"Building without a changelog, as history.allow_missing allows: {error}")
        return None
    for note in history.notes:
        log.info(f"Changelog: revision {note.revision.short} skipped: {note.message}")
    history, removed = xml_clean_history(history)
    for message in removed:  # INFO: published history cannot be corrected, so --strict passes
        log.info(f"Changelog: {message}")
    for warning in history.warnings:
        log.warning(f"Changelog: {warning}")
    return Changelog(history=history, site_name=config.site_name,
                     site_url=config.site_url or None, commit_url=options.commit_url,
                     directory_urls=config.use_directory_urls)


def warn_of_likely_renames(changelog: Changelog | None, site) -> None:
    """An id that changed without `previous_ids` splits one item's history in two: say so
    (a warning, so that `--strict` stops), naming the fix."""
    if changelog is not None:
        for warning in rename_warnings(changelog.history, site):
            log.warning(warning)


def add_changelog_to_nav(nav: Navigation, files: Files, plan_count: int,
                         changelog: Changelog | None) -> Navigation:
    """Put the site changelog right after the plans in the navigation."""
    if changelog is None:
        return nav
    page = generated_page(files, HistoryPaths().site_page())
    page.title = "Changes"
    position = (1 if nav.items and isinstance(nav.items[0], Page) else 0) + plan_count
    nav.items.insert(min(position, len(nav.items)), page)
    _relink_pages(nav)
    return nav
