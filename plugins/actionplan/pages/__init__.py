"""Stage 4: which pages the site has (paths, titles, templates, context), from the model."""

from actionplan.pages.links import Linker, page_url
from actionplan.pages.specs import PageSpec, site_pages

__all__ = ["Linker", "PageSpec", "page_url", "site_pages"]
