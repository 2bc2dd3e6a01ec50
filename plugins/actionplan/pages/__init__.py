"""Stage 4: which pages the site has (paths, titles, templates, context), from the model."""

from actionplan.pages.links import Linker, page_url
from actionplan.pages.specs import PageSpec, SiteFile, site_files, site_pages

__all__ = ["Linker", "PageSpec", "SiteFile", "page_url", "site_files", "site_pages"]
