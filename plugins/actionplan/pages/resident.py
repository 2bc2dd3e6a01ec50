"""Pages and files for residents and re-users: browse, glossary, downloads (issue 6)."""

from __future__ import annotations

from actionplan.facets import Assessor, site_facets
from actionplan.model.entities import Site
from actionplan.options import SiteOptions
from actionplan.pages.browse import browse_pages
from actionplan.pages.downloads import download_files, downloads_page
from actionplan.pages.filter_index import filter_index_file
from actionplan.pages.glossary import glossary_page
from actionplan.pages.links import PagePaths
from actionplan.pages.resident_paths import ResidentPaths
from actionplan.pages.page_spec import PageSpec, SiteFile


def resident_pages(site: Site, paths: PagePaths, options: SiteOptions) -> list[PageSpec]:
    assessor = Assessor(options)
    extra = ResidentPaths(plans=paths)
    return (browse_pages(site, site_facets(site, assessor), assessor, extra, options.page_size)
            + [glossary_page(site, extra, options), downloads_page(site, extra, options)])


def resident_files(site: Site, paths: PagePaths, options: SiteOptions) -> list[SiteFile]:
    extra = ResidentPaths(plans=paths)
    return (download_files(site, extra, options)
            + [filter_index_file(site, extra, Assessor(options))])
