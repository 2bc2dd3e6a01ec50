"""MkDocs events, each delegating to the core (load, pages, render) or to `nav`."""

from __future__ import annotations

from pathlib import Path

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from actionplan.api import load_site
from actionplan.model import Site
from actionplan.pages import PageSpec, SiteFile, site_files, site_pages
from actionplan.pages.links import PagePaths
from actionplan.problems import DataError
from actionplan.render import Renderer
from actionplan.render.tables import accessible_tables
from actionplan.mkdocs_plugin.config import ActionPlanConfig
from actionplan.mkdocs_plugin.nav import add_plans_to_nav
from actionplan.mkdocs_plugin.outline import set_page_outline
from actionplan.mkdocs_plugin.statement import statement_spec
from actionplan.mkdocs_plugin.theme_fixes import repair_material_frame

log = get_plugin_logger(__name__)


class ActionPlanPlugin(BasePlugin[ActionPlanConfig]):
    supports_multiple_instances = False

    def __init__(self):
        self.site: Site | None = None
        self.specs: dict[str, PageSpec] = {}
        self.files: list[SiteFile] = []
        self.renderer: Renderer | None = None
        self.statement_uri: str | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # Watch the data so `mkdocs serve` rebuilds when an officer saves a plan file.
        self.project_dir = Path(config.config_file_path).parent
        self.data_dir = self.project_dir / self.config.data_dir
        if self.data_dir.is_dir() and str(self.data_dir) not in config.watch:
            config.watch.append(str(self.data_dir))
        self.paths = PagePaths(prefix=self.config.url_prefix.strip("/"))
        self.renderer = Renderer(override_dirs=[self.project_dir / self.config.templates_dir],
                                 paths=self.paths, directory_urls=config.use_directory_urls)
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        # Load before MkDocs cleans the output folder, so bad data leaves the last site intact.
        try:
            self.site, warnings = load_site(self.data_dir, relative_to=self.project_dir)
        except DataError as error:
            raise PluginError(error.report()) from None
        for problem in warnings:
            log.warning(problem.format())
        self.specs = {spec.src_uri: spec for spec in site_pages(self.site, self.paths)}
        self.files: list[SiteFile] = site_files(self.site, self.paths)
        self._add_statement(config)

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        # Every generated page stays out of the automatic nav; `on_nav` adds plans and
        # top-level groups only, so the nav written into each page stays small.
        for spec in self.specs.values():
            existing = files.get_file_from_path(spec.src_uri)
            if existing is not None:
                raise PluginError(f"{existing.src_uri}: this hand-written page has the same path "
                                  "as a generated plan page. Rename or move it.")
            files.append(File.generated(config, spec.src_uri, content="",
                                        inclusion=InclusionLevel.NOT_IN_NAV))
        for site_file in self.files:
            files.append(File.generated(config, site_file.path, content=site_file.content))
        return files

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        return add_plans_to_nav(nav, self.site, self.specs, self.paths, files)

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        # The footer of every page (overrides/partials/copyright.html) links to the statement.
        statement = files.get_file_from_path(self.statement_uri) if self.statement_uri else None
        env.globals["accessibility_statement_url"] = statement.url if statement else None
        return env

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        spec = self.specs.get(page.file.src_uri)
        if spec is not None:
            # MkDocs and Material print titles and descriptions as HTML, unescaped:
            # officers' plain text must reach them escaped (as Markup, so `|e` keeps it once).
            page.meta["title"] = escape(spec.title)
            page.meta["description"] = escape(spec.description)
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str:
        spec = self.specs.get(page.file.src_uri)
        if spec is not None:
            # The outline gives Material a skip link target and the "on this page" menu.
            return set_page_outline(page, self.renderer.render(spec))
        html = accessible_tables(html)  # hand-written tables: "Table: ..." captions, scopes
        if self.config.home_marker in html:
            table = self.renderer.render_fragment("plans_overview.html", page.file.src_uri,
                                                  site=self.site)
            return html.replace(self.config.home_marker, table)
        return html

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        return repair_material_frame(output)

    def on_post_template(self, output_content: str, *, template_name: str,
                         config: MkDocsConfig) -> str:
        # The 404 page is a theme template, not a page: it needs the same repairs.
        return repair_material_frame(output_content)

    def _add_statement(self, config: MkDocsConfig) -> None:
        # The accessibility statement is a generated page like the others. A setting that
        # would make it untrue is a warning (`--strict` stops); missing contact details are
        # only noted, so a new or test site still builds.
        spec, settings = statement_spec(self.config.accessibility, config, self.project_dir)
        for problem in settings.contradictions() if settings else ():
            log.warning(problem)
        for gap in settings.missing() if settings else ():
            log.info(gap)
        self.statement_uri = spec.src_uri if spec else None
        if spec is not None:
            self.specs[spec.src_uri] = spec
