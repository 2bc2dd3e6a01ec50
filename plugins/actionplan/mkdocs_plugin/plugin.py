"""MkDocs events, each delegating to the core (load, pages, render) or to `nav`."""

from __future__ import annotations

from pathlib import Path

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
from actionplan.mkdocs_plugin.config import ActionPlanConfig
from actionplan.mkdocs_plugin.generated_page import GeneratedPage
from actionplan.mkdocs_plugin.nav import add_plans_to_nav

log = get_plugin_logger(__name__)


class ActionPlanPlugin(BasePlugin[ActionPlanConfig]):
    supports_multiple_instances = False

    def __init__(self):
        self.site: Site | None = None
        self.specs: dict[str, PageSpec] = {}
        self.files: list[SiteFile] = []
        self.renderer: Renderer | None = None

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
        for site_file in self.files:
            files.append(File.generated(config, site_file.path, content=site_file.content))
        return files

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        return add_plans_to_nav(nav, self.site, self.specs, self.paths, files)

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        spec = self.specs.get(page.file.src_uri)
        if spec is not None:
            page.meta["title"] = spec.title
            page.meta["description"] = spec.description
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str:
        spec = self.specs.get(page.file.src_uri)
        if spec is not None:
            return self.renderer.render(spec)
        if self.config.home_marker in html:
            table = self.renderer.render_fragment("plans_overview.html", page.file.src_uri,
                                                  site=self.site)
            return html.replace(self.config.home_marker, table)
        return html
