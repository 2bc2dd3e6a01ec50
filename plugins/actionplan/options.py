"""Site-wide publishing options the core needs (the MkDocs adapter fills them from its config).

Kept apart from MkDocs so the CLI, tests and any other generator pass the same choices.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

ISO_DURATION = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?\Z")

OGL_V3_NAME = "Open Government Licence v3.0"
OGL_V3_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
# A browse listing or changelog page of 200 rows is about 150 kB of HTML: fine on a phone on
# a slow link, where a county's whole list (thousands of rows) is megabytes.
DEFAULT_PAGE_SIZE = 200


@dataclass(frozen=True)
class SiteOptions:
    as_of: date | None = None
    """Judge "overdue" and "no update since" as at this date, for every plan. When unset, each
    plan is judged as at the date its progress describes (see facets.timing.reference_date).
    Never today's date: the same data must give the same pages."""

    update_cadence: str = "P3M"
    """How often progress should be updated, for plans that do not say (ISO 8601 duration)."""

    licence_name: str = OGL_V3_NAME
    """The licence the downloads are published under."""

    licence_url: str = OGL_V3_URL

    site_url: str | None = None
    """The site's address, to make the page addresses in downloads absolute (else relative)."""

    page_size: int = DEFAULT_PAGE_SIZE
    """The most actions (browse listings) or changes (changelogs) on one page; longer lists
    go on over numbered pages (pages/pagination.py)."""

    def __post_init__(self):
        if not isinstance(self.page_size, int) or self.page_size < 1:
            raise ValueError(f"page_size {self.page_size!r} is not a whole number of 1 or more")
        if not is_iso_duration(self.update_cadence):
            raise ValueError(f'update_cadence "{self.update_cadence}" is not an ISO 8601 duration '
                             "such as P3M (quarterly) or P1Y (yearly)")


def is_iso_duration(text: str) -> bool:
    match = ISO_DURATION.match(text or "")
    return match is not None and any(match.groups())


def parse_as_of(value) -> date | None:
    """A date from config: a YAML date, a YYYY-MM-DD string, or nothing."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f'as_of "{value}" is not a date written as YYYY-MM-DD') from None
