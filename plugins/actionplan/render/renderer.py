"""Render page specs to HTML body fragments.

Templates ship in this package and can be overridden file by file from a site folder
(for a MkDocs site: overrides/actionplan/).
"""

from __future__ import annotations

from functools import lru_cache, partial
from pathlib import Path
from collections.abc import Iterable

import jinja2

from actionplan.model import vocabulary
from actionplan.pages.links import Linker, PagePaths
from actionplan.model.naming import (
    action_heading, display_date_text, group_heading, is_cut_off, shown_title,
)
from actionplan.pages.page_spec import PageSpec
from actionplan.options import SiteOptions
from actionplan.render import figures, formatting, resident, wording
from actionplan.render.template_cache import COMPILED_TEMPLATES
from actionplan.render.text import markdown_inline, markdown_to_html
from actionplan.text_safety import isolated

TEMPLATES = Path(__file__).parent / "templates"
MACROS = "partials/macros.html"  # the markup of statuses, dates and footnote marks


class RenderError(Exception):
    """A template failed (usually a site's override): names the template file and line."""

    @classmethod
    def from_jinja(cls, error: jinja2.TemplateError, template: str) -> RenderError:
        where = getattr(error, "filename", None) or template
        line = getattr(error, "lineno", None) or _template_line(error, where)
        place = f"{where}:{line}" if line else where
        return cls(f"the page template {place} failed: {error.message or error}. "
                   "Correct the template (or remove the override to use the packaged one)")


def _template_line(error: Exception, template: str) -> int | None:
    # Jinja rewrites tracebacks so that template frames carry the template's own line numbers.
    line, tb = None, error.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.endswith(".html"):
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


class Renderer:
    def __init__(self, *, override_dirs: Iterable[Path] = (), paths: PagePaths = PagePaths(),
                 directory_urls: bool = True, options: SiteOptions = SiteOptions()):
        search = [str(d) for d in override_dirs if Path(d).is_dir()] + [str(TEMPLATES)]
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(search),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            finalize=isolated,  # every {{ text }} holding a bidi control is isolated
            bytecode_cache=COMPILED_TEMPLATES,  # each build makes a renderer: compile once
        )
        self.env.filters.update(md=markdown_to_html, md_inline=markdown_inline,
                                **formatting.FILTERS)
        self.env.globals.update(vocabulary=vocabulary, group_heading=group_heading,
                                action_heading=action_heading, shown_title=shown_title,
                                is_cut_off=is_cut_off, **formatting.GLOBALS)
        self.env.filters.update(figures.FILTERS)
        self.env.globals.update(figures.GLOBALS)
        self.env.filters.update(resident.FILTERS)
        self.env.globals.update(resident.resident_globals(options, paths))
        self.env.globals.update(wording.GLOBALS)
        self._use_markup_macros()
        self.paths = paths
        self.options = options
        self.directory_urls = directory_urls

    def _use_markup_macros(self) -> None:
        """Statuses, dates and footnote marks are written by the macros of
        partials/macros.html (a site's copy, when it has one); the templates reach them under
        the filter and function names they have always used."""
        self.env.globals["display_date_text"] = display_date_text
        try:
            macros = self.env.get_template(MACROS).module
        except jinja2.TemplateError as error:
            raise RenderError.from_jinja(error, MACROS) from error
        # The same few statuses and dates recur on thousands of pages: each is written once.
        status_html = lru_cache(maxsize=256)(macros.status_html)  # type: ignore[attr-defined]
        date_html = lru_cache(maxsize=4096)(macros.date_html)  # type: ignore[attr-defined]
        join_dates = lru_cache(maxsize=4096)(macros.join_dates)  # type: ignore[attr-defined]
        day_html = macros.day_html  # type: ignore[attr-defined]
        self.env.filters.update(
            status_html=status_html, date_html=date_html, day_html=day_html, long_date=day_html,
            date_with_evidence=macros.date_with_evidence,  # type: ignore[attr-defined]
            join_dates=lambda dates: join_dates(tuple(dates)))
        self.env.globals.update(
            status_tag=macros.status_tag,  # type: ignore[attr-defined]
            link_footnote_marks=partial(
                formatting.link_footnote_marks,
                mark_html=macros.footnote_mark))  # type: ignore[attr-defined]

    def render(self, spec: PageSpec, **extra) -> str:
        """The HTML body of one generated page."""
        link = Linker(self.paths, spec.src_uri, directory_urls=self.directory_urls)
        try:
            template = self.env.get_template(spec.template)
            return template.render(spec=spec, link=link, **spec.context, **extra)
        except jinja2.TemplateError as error:
            raise RenderError.from_jinja(error, spec.template) from error

    def render_fragment(self, template: str, current_src_uri: str, **context) -> str:
        """A fragment for a hand-written page (for example the plans list on the home page)."""
        link = Linker(self.paths, current_src_uri, directory_urls=self.directory_urls)
        try:
            return self.env.get_template(template).render(link=link, **context)
        except jinja2.TemplateError as error:
            raise RenderError.from_jinja(error, template) from error
