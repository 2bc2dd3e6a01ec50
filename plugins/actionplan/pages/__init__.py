"""Stage 4: which pages the site has (paths, titles, templates, context), from the model."""

from actionplan.pages.links import Linker, page_url
from actionplan.pages.page_spec import PageSpec, SiteFile
from actionplan.pages.specs import site_files, site_pages

__all__ = ["Linker", "PageSpec", "SiteFile", "page_url", "site_files", "site_pages"]
