"""The accessibility statement page, after the GOV.UK model statement.

Its facts come from the site's settings (who runs the site, how to reach them), the one list
of known issues, and the record of the last automated test run; never from the build clock.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from actionplan.accessibility.known_issues import KNOWN_ISSUES, KnownIssue
from actionplan.accessibility.record import RecordedRun
from actionplan.pages.specs import PageSpec

COMPLIANCE = ("full", "partial", "not")
ENFORCEMENT = ("ehrc", "ecni")
TITLE = "Accessibility statement"


@dataclass(frozen=True)
class StatementSettings:
    website: str
    """The website's name, as residents know it."""

    organisation: str = ""
    """Who runs the website."""

    email: str = ""
    phone: str = ""
    address: str = ""
    response_days: int = 5
    """Working days to answer a request for another format."""

    url: str = ""
    compliance: str = "partial"
    """full, partial or not: against WCAG 2.2 AA."""

    enforcement: str = "ehrc"
    """ehrc (Great Britain) or ecni (Northern Ireland)."""

    prepared: dt.date | None = None
    reviewed: dt.date | None = None
    manual_audit: str = ""
    """Who last audited the site by hand, and when; empty if nobody has."""

    improvements: str = ""
    """What the organisation is doing to improve accessibility."""

    known_issues: tuple[KnownIssue, ...] = field(default=())
    """The site's own known issues (its content), added to the theme's."""

    def all_known_issues(self) -> tuple[KnownIssue, ...]:
        return KNOWN_ISSUES + self.known_issues

    def missing(self) -> list[str]:
        """What a published statement should say but this one cannot yet."""
        if self.email or self.phone or self.address:
            return []
        return ["the accessibility statement gives no way to contact you: set "
                "accessibility.email (or phone or address) in the actionplan plugin settings "
                "in mkdocs.yml"]

    def contradictions(self) -> list[str]:
        """What would make the statement untrue."""
        if self.compliance == "full" and self.all_known_issues():
            return ['accessibility.compliance is "full", but the statement lists known issues: '
                    'use "partial" until they are fixed']
        return []


def statement_page(settings: StatementSettings, run: RecordedRun | None,
                   src_uri: str = "accessibility/index.md") -> PageSpec:
    return PageSpec(src_uri, TITLE, "accessibility.html", "accessibility",
                    {"statement": settings, "test_run": run,
                     "known_issues": settings.all_known_issues()},
                    f"How accessible {settings.website} is, its known issues, and how to "
                    "ask for another format or report a problem.")
