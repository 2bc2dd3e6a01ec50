"""The package's own theme layer: Material overrides, style sheets and scripts every site needs.

They travel in the package (`actionplan/theme/`), so a council that installs actionplan gets
the same pages as the reference site. They are added in `on_config`, as MkDocs' search plugin
adds its templates and script, but layered between the site's own `custom_dir` and Material,
so a council can still override any file (a template, a style sheet) by putting its own copy
at the same path in its `custom_dir`.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger

log = get_plugin_logger(__name__)

THEME_DIR = Path(__file__).resolve().parents[1] / "theme"
ASSETS = "assets/actionplan"  # where the style sheets and scripts are published in the site

STYLESHEETS = ("actionplan.css", "actionplan-residents.css", "accessibility.css", "print.css")
SCRIPTS = ("keyboard.js", "print.js")  # on every page
# Scripts for one kind of generated page, by the page's template: linked only there (main.html),
# so the other pages, most of a site, do not fetch them.
PAGE_SCRIPTS = {"browse.html": ("action-filter.js",), "since_report.html": ("compare-reports.js",)}
PAGE_SCRIPTS_META = "actionplan_scripts"  # the page.meta key main.html reads


def page_scripts(template: str) -> list[str]:
    """The links (relative to the site, as extra_javascript's) to a page's own scripts."""
    return [f"{ASSETS}/{name}" for name in PAGE_SCRIPTS.get(template, ())]


def add_theme_layer(config: MkDocsConfig) -> None:
    """Put the package's theme folder under the site's custom_dir and link its assets."""
    theme = config.theme
    if theme.name != "material":
        log.warning(f"theme.name is {theme.name!r}: actionplan's pages are made for the "
                    "'material' theme, and its accessibility fixes are not added to any other. "
                    "Set theme: name: material in mkdocs.yml.")
        return
    layer = str(THEME_DIR)
    if layer not in theme.dirs:
        # After the site's custom_dir (when there is one), before Material's own templates.
        theme.dirs.insert(1 if theme.custom_dir else 0, layer)
    # Files in a theme folder that are not templates are copied into the site by MkDocs, so
    # the assets are published at assets/actionplan/; the links below are relative, as every
    # extra_css entry is, and so work when the site is served under a sub-path. They go first,
    # so the site's own style sheets and scripts come after them and win.
    _link_first(config.extra_css, [f"{ASSETS}/{name}" for name in STYLESHEETS])
    _link_first(config.extra_javascript, [f"{ASSETS}/{name}" for name in SCRIPTS])


def _link_first(links: list, wanted: list[str]) -> None:
    present = {str(link) for link in links}
    links[:0] = [path for path in wanted if path not in present]
