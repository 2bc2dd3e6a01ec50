"""MkDocs events, each delegating to the core (load, pages, render) or to `nav`."""

from __future__ import annotations

import os
import time
from pathlib import Path

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel, set_exclusions
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from actionplan.api import PlanFileMemo, load_site
from actionplan.model import Site
from actionplan.pages import PageSpec, SiteFile, site_files, site_pages
from actionplan.pages.history_specs import Changelog
from actionplan.pages.links import PagePaths
from actionplan.problems import DataError
from actionplan.same_inputs import SameInputs
from actionplan.render import Renderer
from actionplan.source_date import last_change
from actionplan.text_safety import isolated
from actionplan.render.renderer import RenderError
from actionplan.render.template_cache import COMPILED_TEMPLATES
from actionplan.mkdocs_plugin.config import ActionPlanConfig
from actionplan.mkdocs_plugin import serve
from actionplan.mkdocs_plugin.changelog import (
    add_changelog_to_nav, finish_changelog, start_changelog, warn_of_likely_renames,
)
from actionplan.mkdocs_plugin.nav import (
    add_plans_to_nav, add_site_pages_to_nav, folded_plans, menu_for_page, nearest_menu_page,
)
from actionplan.mkdocs_plugin.staging import PublishError, StagedSiteDir
from actionplan.options import SiteOptions, parse_as_of
from actionplan.render.resident import fill_fragments
from actionplan.render.tables import accessible_tables
from actionplan.render.compact_html import compact_html
from actionplan.render.repeated_icons import draw_icons_once
from actionplan.mkdocs_plugin.outline import set_page_outline
from actionplan.mkdocs_plugin.statement import statement_spec
from actionplan.mkdocs_plugin.site_url import warn_about_site_url
from actionplan.mkdocs_plugin.theme import PAGE_SCRIPTS_META, add_theme_layer, page_scripts
from actionplan.mkdocs_plugin.theme_fixes import repair_material_frame
from actionplan.mkdocs_plugin.generated_page import GeneratedPage
from actionplan.mkdocs_plugin.page_cache import CACHED_OUTPUT, CACHED_TEMPLATE, PageCache
from actionplan.mkdocs_plugin.search_reuse import (
    wrap_material_index, write_index_in_page_order,
)
from actionplan.mkdocs_plugin.quick_preview import (
    PAGE_EVENTS, LastBuild, menu_inputs, only_known_plugins, other_inputs, serve_pages,
)

log = get_plugin_logger(__name__)


class ActionPlanPlugin(BasePlugin[ActionPlanConfig]):
    supports_multiple_instances = False

    def __init__(self):
        self.site: Site | None = None
        self.specs: dict[str, PageSpec] = {}
        self.files: list[SiteFile] = []
        self.renderer: Renderer | None = None
        self.stage_builds = False  # only when MkDocs says which command runs (on_startup)
        self.staged: StagedSiteDir | None = None
        self.changelog = None
        self.serving = self.serve_dirty = False
        self.data_problems: list = []
        self.has_last_good = False
        self.statement_uri: str | None = None
        self._opened: Page | None = None  # the menu item opened for the page being built
        self.folded: dict = {}  # each plan's menu section, folded to one link (on_nav)
        self.page_cache = PageCache()  # under `mkdocs serve` only (see page_cache.py)
        # Also under `mkdocs serve` only: what unchanged plan files gave the last rebuild
        # (the plans, their pages' specs, their downloads), reused rather than made again.
        self.plan_files = PlanFileMemo()
        self.kept_specs: SameInputs[list[PageSpec]] = SameInputs()
        self.kept_files: SameInputs[bytes] = SameInputs()
        self.kept_views: SameInputs = SameInputs()  # the changelog's (history_specs)
        self._nav: Navigation | None = None
        self._pending: dict[str, tuple[bytes, str | None, str | None]] = {}  # src -> key, body, kept
        self._reusing: tuple[bytes, str | None] | None = None  # the page being built: key, kept
        self._reuse_entries: dict[str, list] = {}  # src -> search entries kept for it
        self._page_entries: dict[str, list] = {}  # src -> the page's search entries (serving)
        self._search_wrapped = False
        self._day: str | None = None
        self._env = None
        self._files: Files | None = None
        self.last_build: LastBuild | None = None  # for a quick update (quick_preview.py)
        self.quick_updates = 0  # quick updates in this serve session
        self.quick_rebuilt: list[str] = []  # the pages the last quick update rebuilt

    @property
    def _loaded_site(self) -> Site:
        # MkDocs runs on_pre_build (which loads it, or an empty site) before any later event.
        assert self.site is not None, "the site is read in on_pre_build"
        return self.site

    @property
    def _ready_renderer(self) -> Renderer:
        # Made in on_config, the first event of every build.
        assert self.renderer is not None, "the renderer is made in on_config"
        return self.renderer

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Stage whole-site builds only: `serve` builds into its own temporary folder, and a
        # dirty build adds to what the output folder already holds.
        self.stage_builds = command in ("build", "gh-deploy") and not dirty
        # Defining on_startup also keeps this instance across `mkdocs serve` rebuilds, so the
        # last data that worked is still here when an officer saves a file with an error.
        self.serving = command == "serve"
        # `serve --dirty`: Material's search merges each build's index with the last one's,
        # which an index written whole in place would repeat: no quick updates then.
        self.serve_dirty = self.serving and dirty
        self.page_cache.clear()
        self.plan_files = PlanFileMemo()
        self.kept_specs, self.kept_files, self.kept_views = SameInputs(), SameInputs(), SameInputs()
        self.last_build, self.quick_updates, self.quick_rebuilt = None, 0, []

    @event_priority(100)  # first, so that every other plugin writes into the staging folder
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self._stage_output(config)
        # The package's templates, style sheets and scripts, under the site's own custom_dir.
        add_theme_layer(config)
        # Watch the data so `mkdocs serve` rebuilds when an officer saves a plan file.
        self.project_dir = Path(config.config_file_path).parent
        self.data_dir = self.project_dir / self.config.data_dir
        if self.data_dir.is_dir() and str(self.data_dir) not in config.watch:
            config.watch.append(str(self.data_dir))
        self.paths = PagePaths(prefix=self.config.url_prefix.strip("/"))
        warn_about_site_url(config.site_url)
        self.options = self._site_options(config)
        self.renderer = Renderer(override_dirs=[self.project_dir / self.config.templates_dir],
                                 paths=self.paths, directory_urls=config.use_directory_urls,
                                 options=self.options)
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        # The history is read (a first read in its own process) while the data loads.
        reading = start_changelog(self.config.history, self.project_dir, self.data_dir)
        try:
            self._load_data()
            self.changelog = self._same_changelog(
                finish_changelog(reading, self.config.history, config))
            warn_of_likely_renames(self.changelog, self.site)
        finally:
            if reading is not None:
                reading.cancel()  # done by now, unless loading failed: then stop the worker
        self.last_build = None  # a whole build: a quick update waits for its end
        self.specs, self.files = self._specs_and_files(config, self._loaded_site, self.changelog)

    def _specs_and_files(self, config: MkDocsConfig, site: Site, changelog
                         ) -> tuple[dict[str, PageSpec], list[SiteFile]]:
        self.kept_specs.next_build()
        self.kept_views.next_build()
        kept_specs = self.kept_specs if self.serving else None
        kept_views = self.kept_views if self.serving else None
        specs = {spec.src_uri: spec for spec in site_pages(site, self.paths, self.options,
                                                           changelog, kept_specs, kept_views)}
        statement = self._statement_spec(config)
        if statement is not None:
            specs[statement.src_uri] = statement
        return specs, site_files(site, self.paths, self.options, changelog, kept_views)

    def _same_changelog(self, changelog: Changelog | None) -> Changelog | None:
        """Serving: the last build's changelog when the history read is equal to it (a save
        makes no commit), so that what is made from it alone is kept (same_inputs.py)."""
        last = self.changelog
        if self.serving and changelog is not None and last is not None and changelog == last:
            return last
        return changelog

    def _load_data(self) -> None:
        # Load before MkDocs cleans the output folder, so bad data leaves the last site intact.
        try:
            self.site, warnings = load_site(self.data_dir, relative_to=self.project_dir,
                                            memo=self.plan_files if self.serving else None)
            self.data_problems, self.has_last_good = [], True
        except DataError as error:
            if not self.serving:
                raise PluginError(error.report()) from None
            # Serving: keep the server up on the last good data and show the problems.
            serve.report_in_terminal(error.report())
            self.data_problems, warnings = error.problems, []
            self.site = self.site or Site(plans=())
        except Exception as error:  # a bug, not bad data: a plain message; `-v` shows the trace
            log.debug("actionplan failed while loading the data", exc_info=True)
            raise PluginError(f"actionplan failed while loading {self.config.data_dir}/ "
                              f"({type(error).__name__}: {error}). This is a fault in "
                              "actionplan: please report it (run with -v for details).") from None
        for problem in warnings:
            log.warning(problem.format())

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        # Every generated page stays out of the automatic nav; `on_nav` adds plans and
        # top-level groups only, so the nav written into each page stays small.
        for spec in self.specs.values():
            existing = files.get_file_from_path(spec.src_uri)
            if existing is not None:
                raise PluginError(f"{existing.src_uri}: this hand-written page has the same path "
                                  "as a generated plan page. Rename or move it.")
            file = File.generated(config, spec.src_uri, content="",
                                  inclusion=InclusionLevel.NOT_IN_NAV)
            GeneratedPage(None, file, config)  # binds itself to the file, as MkDocs' pages do
            files.append(file)
        self.kept_files.next_build()
        kept = self.kept_files if self.serving else None
        settings = self._download_settings(config)
        for site_file in self.files:
            files.append(_written_out(config, site_file, kept, settings))
        return files

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        # Pages' "last updated" (the sitemap's lastmod, the gzip time) is the build day in
        # MkDocs: use the day the sources last changed, so the same history gives the same
        # bytes. SOURCE_DATE_EPOCH, when set, wins (MkDocs already honours it).
        day = _sources_day(config, self.data_dir, self.project_dir)
        if day is not None:
            for file in files.documentation_pages():
                if file.page is not None:
                    file.page.update_date = day
        if self.serving and self._nav is not None:
            self._env, self._files, self._day = env, files, day
            self._plan_reuse(config, files, self._nav, day)
        # The footer of every page (the theme layer's partials/copyright.html) links to the
        # statement.
        statement = files.get_file_from_path(self.statement_uri) if self.statement_uri else None
        env.globals["accessibility_statement_url"] = statement.url if statement else None
        # MkDocs makes the theme's environment afresh for every build (each `serve` rebuild):
        # templates whose source has not changed are not compiled again.
        if env.bytecode_cache is None:
            env.bytecode_cache = COMPILED_TEMPLATES
        return env

    def _plan_reuse(self, config: MkDocsConfig, files: Files, nav: Navigation,
                    day: str | None) -> None:
        # Serving: make every generated page's key (from its body, or the last body's digest
        # when its spec is unchanged), and give each page whose key is the last rebuild's the
        # template that prints the kept output. MkDocs picks a page's template after this
        # event and before on_page_context.
        self.page_cache.start_build(config, nav, day, (self.project_dir / self.config.templates_dir,))
        self._search_wrapped = wrap_material_index(config, self._search_entries_to_reuse,
                                                   self._indexed)
        bodies_needed = not (self._only_search_reads_content(config) and self._search_wrapped)
        self._pending = {}
        self._reuse_entries, self._page_entries = {}, {}
        for file in files.documentation_pages():
            spec = self.specs.get(file.src_uri)
            if spec is None or file.page is None:
                continue
            body, digest = self._body_and_digest(spec)
            key = self._page_key(file.page, digest, nav)
            kept = self.page_cache.output_for(file.src_uri, key)
            entries = None if kept is None else self.page_cache.entries_for(file.src_uri, key)
            if kept is not None and entries is not None:
                file.page.meta["template"] = CACHED_TEMPLATE
                self._reuse_entries[file.src_uri] = entries
            else:
                kept = None
            if body is None and (kept is None or bodies_needed):
                body = self._render_body(spec, file.src_uri)
            self._pending[file.src_uri] = (key, body, kept)

    def _body_and_digest(self, spec: PageSpec) -> tuple[str | None, bytes]:
        """The body's digest, kept when the spec is unchanged; else the body rendered now."""
        digest = self.page_cache.body_digest(spec)
        if digest is not None:
            return None, digest
        body = self._render_body(spec, spec.src_uri)
        return body, self.page_cache.note_body(spec, body)

    def _page_key(self, page: Page, digest: bytes, nav: Navigation) -> bytes:
        nearest = nearest_menu_page(page, nav)
        return self.page_cache.key(page, self._data_notice(page), digest,
                                   nearest.url if nearest is not None else None)

    def _download_settings(self, config: MkDocsConfig) -> tuple:
        # What a download's bytes depend on besides its plan (SiteFile.source).
        return (self.paths, self.options, config.use_directory_urls)

    def _only_search_reads_content(self, config: MkDocsConfig) -> bool:
        # A page written from kept output has no content for other plugins to read.
        return only_known_plugins(config, type(self).__module__, ("page_context",))

    def _search_entries_to_reuse(self, page: Page) -> list | None:
        return self._reuse_entries.pop(page.file.src_uri, None)

    def _indexed(self, page: Page, entries: list, reused: bool) -> None:
        self._page_entries[page.file.src_uri] = entries
        if not reused and self._reusing is not None:  # a generated page, with its key
            self.page_cache.keep_entries(page.file.src_uri, self._reusing[0], entries)

    # --- under `mkdocs serve`: a save to plan files only, brought in in place ------------

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        whole_build = getattr(server, "builder", None)
        if whole_build is None:
            return server

        def build_for_preview() -> None:
            if not self._update_in_place():
                whole_build()
        server.builder = build_for_preview
        return server

    def _remember_build(self, config: MkDocsConfig) -> None:
        """After a whole serve build with good data: what a quick update needs."""
        if self.data_problems or self.serve_dirty or not self._search_wrapped or self._env is None \
                or self._files is None or self._nav is None \
                or not only_known_plugins(config, type(self).__module__, PAGE_EVENTS):
            return
        self.last_build = LastBuild(
            config, self._files, self._nav, self._env,
            other_inputs(config, self.data_dir, self._template_dirs()), self._day,
            menu_inputs(self._loaded_site, self.specs), tuple(f.path for f in self.files))

    def _template_dirs(self) -> list[Path]:
        return [self.project_dir / self.config.templates_dir]

    def _update_in_place(self) -> bool:
        """Bring the served site up to date with the data in place (quick_preview.py); False
        when that cannot be done (then MkDocs' whole build runs, which says what is wrong)."""
        last, self.last_build = self.last_build, None
        if last is None:
            return False
        started = time.monotonic()
        try:
            rebuilt = self._quick_update(last)
        except Exception:  # noqa: BLE001 - whatever it was, the whole build runs and reports it
            log.debug("could not update the preview in place; building it whole", exc_info=True)
            return False
        if rebuilt is None:
            return False
        self.last_build = last
        self.quick_updates += 1
        self.quick_rebuilt = rebuilt
        log.info(f"Updated {len(rebuilt)} pages in place from the data in "
                 f"{time.monotonic() - started:.2f} seconds")
        return True

    def _quick_update(self, last: LastBuild) -> list[str] | None:
        from mkdocs.commands.build import _build_page, _build_theme_template, _populate_page

        config = last.config
        self.page_cache.start_update()
        if other_inputs(config, self.data_dir, self._template_dirs()) != last.other_inputs:
            return None
        try:
            site, warnings = load_site(self.data_dir, relative_to=self.project_dir,
                                       memo=self.plan_files)
        except DataError:
            return None
        reading = start_changelog(self.config.history, self.project_dir, self.data_dir)
        try:
            changelog = self._same_changelog(finish_changelog(reading, self.config.history,
                                                              config))
        finally:
            if reading is not None:
                reading.cancel()
        if _sources_day(config, self.data_dir, self.project_dir) != last.day:
            return None
        specs, files = self._specs_and_files(config, site, changelog)
        if menu_inputs(site, specs) != last.menu:
            return None
        same_pages = list(specs) == list(self.specs) and \
            tuple(f.path for f in files) == last.file_paths
        if not same_pages and config.extra_templates:  # they may list the pages: whole build
            return None
        all_files = last.files if same_pages else self._files_for(last, config, specs, files)
        if all_files is None:
            return None
        for problem in warnings:
            log.warning(problem.format())
        warn_of_likely_renames(changelog, site)
        old_specs = self.specs
        self.site, self.changelog, self.specs, self.files = site, changelog, specs, files
        if not same_pages:
            _delete_outputs([f for f in last.files if f.src_uri not in all_files.src_uris],
                            Path(config.site_dir))
            last.files, last.file_paths = all_files, tuple(f.path for f in files)
        self._write_changed_files(config, files)

        pages = serve_pages(last.files)
        rebuilt: list[str] = []
        self._pending, self._reuse_entries = {}, {}
        for file in pages:
            page, spec = file.page, specs.get(file.src_uri)
            assert page is not None
            body, digest = None, b""
            if spec is not None:
                last_digest = self.page_cache.last_digest(file.src_uri)
                body, digest = self._body_and_digest(spec)
                if spec == old_specs.get(file.src_uri) and digest == last_digest:
                    continue
            # Hand-written pages may show the data (the plans table, fragments): always.
            _populate_page(page, config, last.files)
            if spec is not None:
                key = self._page_key(page, digest, last.nav)
                self._pending[file.src_uri] = (key, body or self._render_body(spec, file.src_uri),
                                               None)
            _build_page(page, config, pages, last.nav, last.env)
            rebuilt.append(file.src_uri)
        write_index_in_page_order(config, lambda src: self._page_entries.get(src, []),
                                  [file.src_uri for file in pages])
        if not same_pages:  # the sitemap lists every page
            for template in config.theme.static_templates:
                _build_theme_template(template, last.env, last.files, config, last.nav)
        return rebuilt

    def _files_for(self, last: LastBuild, config: MkDocsConfig, specs: dict[str, PageSpec],
                   site_files: list[SiteFile]) -> Files | None:
        """The build's files with pages and downloads that came or went, in the order a whole
        build lists them (its own files, then each page's, then each download's)."""
        ours = set(self.specs) | set(last.file_paths)
        own = [f for f in last.files if f.src_uri not in ours]
        if any(f.src_uri in specs for f in own):
            return None  # a hand-written page in a generated page's place: the build says so
        listed = list(own)
        for src_uri in specs:
            file = last.files.get_file_from_path(src_uri) if src_uri in self.specs else None
            if file is None:
                file = File.generated(config, src_uri, content="",
                                      inclusion=InclusionLevel.NOT_IN_NAV)
                page = GeneratedPage(None, file, config)
                if self._day is not None:
                    page.update_date = self._day
            listed.append(file)
        for site_file in site_files:
            file = last.files.get_file_from_path(site_file.path)
            if file is None:
                target = Path(config.site_dir, *site_file.path.split("/"))
                file = File.generated(config, site_file.path, abs_src_path=str(target))
            listed.append(file)
        files = Files(listed)
        set_exclusions(files, config)
        return files

    def _write_changed_files(self, config: MkDocsConfig, files: list[SiteFile]) -> None:
        # The downloads made from a changed plan, and those made from the whole site.
        self.kept_files.next_build()
        settings = self._download_settings(config)
        for site_file in files:
            made = self.kept_files.made
            data = site_file.bytes_kept_in(self.kept_files, settings)
            if site_file.source is None or self.kept_files.made > made:
                _write_into(config, site_file.path, data)

    def _render_body(self, spec: PageSpec, src_uri: str) -> str:
        try:
            return self._ready_renderer.render(spec)
        except RenderError as error:  # a broken template override: say which and where
            raise PluginError(f"{src_uri}: {error}") from None

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        site = self._loaded_site
        nav = add_plans_to_nav(nav, site, self.specs, self.paths, files)
        self.folded = folded_plans(site, self.paths, files)
        nav = add_changelog_to_nav(nav, files, len(site.plans), self.changelog)
        self._nav = add_site_pages_to_nav(nav, site, self.specs, files)
        return self._nav

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        spec = self.specs.get(page.file.src_uri)
        if spec is not None:
            # MkDocs and Material print titles and descriptions as HTML, unescaped:
            # officers' plain text must reach them escaped (as Markup, so `|e` keeps it once).
            page.meta["title"] = escape(isolated(spec.head_title or spec.title))
            page.meta["description"] = escape(isolated(spec.description))
            page.meta[PAGE_SCRIPTS_META] = page_scripts(spec.template)
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str:
        if page.file.src_uri in self.specs:
            # Rendered in on_page_context, just before its template: MkDocs keeps every
            # page's content from here to the end of the build, which for thousands of
            # generated pages is most of the build's memory.
            return ""
        notice = self._data_notice(page)
        if self.config.home_marker in html:
            try:
                table = self._ready_renderer.render_fragment("plans_overview.html", page.file.src_uri,
                                                      site=self.site)
            except RenderError as error:
                raise PluginError(f"{page.file.src_uri}: {error}") from None
            html = html.replace(self.config.home_marker, table)
        html = accessible_tables(html)  # hand-written tables: "Table: ..." captions, scopes
        return notice + fill_fragments(self.renderer, html, page.file.src_uri, self.site)

    def _data_notice(self, page: Page) -> str:
        if not self.data_problems:
            return ""
        return serve.notice_html(self._ready_renderer, self.data_problems, page.file.src_uri,
                                 has_last_good=self.has_last_good)

    @event_priority(100)  # before the search plugin indexes the page's content
    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav: Navigation):
        # A page the menu does not list marks its nearest item (aria-current="true" in the
        # theme layer's nav-item.html) and opens the menu there; on_post_page closes it again.
        nearest = nearest_menu_page(page, nav)
        if nearest is not None:
            nearest.active = True
            context["nearest_menu_url"] = nearest.url
        self._opened = nearest
        context["nav"] = menu_for_page(page, nav, self.folded)
        spec = self.specs.get(page.file.src_uri)
        self._reusing = None
        if spec is not None:
            pending = self._pending.pop(page.file.src_uri, None)
            body: str | None = None
            if pending is None:
                body = self._render_body(spec, page.file.src_uri)
            else:
                key, body, kept = pending
                self._reusing = (key, kept)
                if kept is not None:
                    context[CACHED_OUTPUT] = kept
                    self.page_cache.reused.append(page.file.src_uri)
                else:
                    self.page_cache.rendered.append(page.file.src_uri)
            # The outline gives Material a skip link target and the "on this page" menu. A
            # page written from kept output, with kept search entries, needs no body.
            page.content = self._data_notice(page) + (set_page_outline(page, body)
                                                      if body is not None else "")
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if self._opened is not None:
            self._opened.active = False  # the nav is shared by every page
            self._opened = None
        if page.file.src_uri in self.specs:
            page.content = None  # written out: let the memory go (see on_page_content)
        reusing, self._reusing = self._reusing, None
        if reusing is not None and reusing[1] is not None:
            return reusing[1]  # finished when it was kept
        finished = _finished(output)
        if reusing is not None:
            self.page_cache.keep(page.file.src_uri, reusing[0], finished)
        return finished

    def on_post_template(self, output_content: str, *, template_name: str,
                         config: MkDocsConfig) -> str:
        # The 404 page is a theme template, not a page: it needs the same repairs.
        if not template_name.endswith(".html"):
            return repair_material_frame(output_content)
        return _finished(output_content)

    def _statement_spec(self, config: MkDocsConfig) -> PageSpec | None:
        # The accessibility statement is a generated page like the others. A setting that
        # would make it untrue is a warning (`--strict` stops); missing contact details are
        # only noted, so a new or test site still builds.
        spec, settings = statement_spec(self.config.accessibility, config, self.project_dir)
        tested = spec is not None and spec.context["tested"]
        for problem in settings.contradictions(tested) if settings else ():
            log.warning(problem)
        for gap in settings.missing() if settings else ():
            log.info(gap)
        self.statement_uri = spec.src_uri if spec else None
        return spec

    def _site_options(self, config: MkDocsConfig) -> SiteOptions:
        try:
            return SiteOptions(as_of=parse_as_of(self.config.as_of),
                               update_cadence=self.config.update_cadence,
                               licence_name=self.config.licence_name,
                               licence_url=self.config.licence_url,
                               site_url=config.site_url or None,
                               page_size=self.config.page_size)
        except ValueError as error:
            raise PluginError(f"mkdocs.yml: plugin actionplan: {error}.") from None

    @event_priority(-100)  # last: every plugin's output is in the staging folder by now
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self.build_complete = True
        if self.serving:
            self._remember_build(config)

    @event_priority(-100)  # last: it may turn the error into a one-line message
    def on_build_error(self, *, error: Exception) -> None:
        # Any failure, including --strict refusing a warning: the last good site stays.
        self.build_failed = True
        self.last_build = None
        staged, self.staged = self.staged, None
        if staged is not None:
            staged.discard()
            self.staged_config.site_dir = str(staged.target)
        if isinstance(error, OSError):  # a full disk, a folder that cannot be written
            kept = " Nothing was published: the last good site is unchanged." if staged else ""
            raise PluginError(f"the build could not write {error.filename or 'a file'}: "
                              f"{error.strerror or error}.{kept}") from None

    def on_shutdown(self) -> None:
        # After MkDocs' --strict check (which runs after on_post_build), before gh-deploy reads
        # config.site_dir: publish a complete, accepted build, or keep the last good one.
        # MkDocs keeps this instance for every later build in the process (its plugin cache):
        # one that calls build() with no on_startup (a script, a test) must write in place.
        self.stage_builds = self.serving = False
        staged, self.staged = self.staged, None
        if staged is None:
            return
        self.staged_config.site_dir = str(staged.target)
        if not (self.build_complete and not self.build_failed):
            staged.discard()
            return
        try:
            staged.publish()
        except PublishError as error:
            raise PluginError(str(error)) from None
        for note in staged.notes:
            log.warning(note)

    def _stage_output(self, config: MkDocsConfig) -> None:
        self.staged, self.build_complete, self.build_failed = None, False, False
        if not self.stage_builds or serve.is_dev_server_build(config.site_url, config.dev_addr):
            return
        staged = StagedSiteDir(Path(config.site_dir))
        try:
            staging = staged.prepare()  # takes the output folder's lock until publish/discard
        except PublishError as error:
            raise PluginError(str(error)) from None
        self.staged, self.staged_config = staged, config
        config.site_dir = str(staging)
        for note in staged.notes:
            log.info(note)
        log.info(f"Building into {staging.name}; {staged.target.name}/ is replaced only when "
                 "the whole build succeeds")


def _written_out(config: MkDocsConfig, site_file: SiteFile, kept: SameInputs[bytes] | None,
                 settings: object) -> File:
    """The file, written straight into the output folder (cleaned by now) and registered
    there: its bytes are made, written and let go one file at a time instead of all held to
    the end of the build (MkDocs lets a plugin write into site_dir this way). Serving, the
    bytes of a file made from an unchanged plan are the last rebuild's (`kept`)."""
    target = _write_into(config, site_file.path, site_file.content if kept is None
                         else site_file.bytes_kept_in(kept, settings))
    return File.generated(config, site_file.path, abs_src_path=str(target))


def _delete_outputs(files: list[File], site_dir: Path) -> None:
    """Delete what a page or download that is gone wrote, and the folders it leaves empty."""
    for file in files:
        target = Path(file.abs_dest_path)
        target.unlink(missing_ok=True)
        folder = target.parent
        while folder != site_dir and site_dir in folder.parents and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent


def _write_into(config: MkDocsConfig, path: str, data: bytes) -> Path:
    target = Path(config.site_dir, *path.split("/"))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return target


def _sources_day(config: MkDocsConfig, data_dir: Path, project_dir: Path) -> str | None:
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return None
    sources = [Path(config.config_file_path), Path(config.docs_dir), data_dir]
    changed = last_change([p for p in sources if p.exists()], project_dir)
    return changed.strftime("%Y-%m-%d") if changed else None


def _finished(html: str) -> str:
    """A page as written out: Material's frame repaired, each icon drawn once, layout
    whitespace gone."""
    return compact_html(draw_icons_once(repair_material_frame(html)))
