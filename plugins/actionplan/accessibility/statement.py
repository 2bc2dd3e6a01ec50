"""The accessibility statement page, after the GOV.UK model statement.

Its facts come from the site's settings (who runs the site, how to reach them), the one list
of known issues, and the record of the last automated test run; never from the build clock.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from actionplan.accessibility.known_issues import KNOWN_ISSUES, KnownIssue
from actionplan.accessibility.record import RecordedRun
from actionplan.pages.page_spec import PageSpec

TITLE = "Accessibility statement"

# What a resident can do, said only when the site's own test record has the check's key in
# `passed`: a site never tested makes none of these claims.
CONFIRMED_BY_CHECK = {
    "reflow": "read every page on a screen 320 pixels wide without scrolling sideways",
    "text-resize": "make text twice as big without any of it being cut off",
    "keyboard": "navigate the whole website using just a keyboard, including the menu and search",
    "no-js": "read every page, and use its menu, with JavaScript switched off",
    "print": "print a plan or an action as a clean paper copy that shows where its links lead",
}


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

    def contradictions(self, tested: bool = True) -> list[str]:
        """What would make the statement untrue; `tested`: there is a test record or a
        manual audit to back a claim of compliance."""
        if self.compliance == "full" and self.all_known_issues():
            return ['accessibility.compliance is "full", but the statement lists known issues: '
                    'use "partial" until they are fixed']
        if self.compliance == "full" and not tested:
            return ['accessibility.compliance is "full", but the site has no accessibility test '
                    'record (accessibility.test_record) and no manual audit '
                    '(accessibility.manual_audit): use "partial" until it has been tested']
        return []


def confirmed_by(run: RecordedRun | None) -> tuple[str, ...]:
    """What residents can do, as far as the recorded run checked it and found it so."""
    passed = set(run.passed) if run else set()
    return tuple(text for key, text in CONFIRMED_BY_CHECK.items() if key in passed)


def statement_page(settings: StatementSettings, run: RecordedRun | None,
                   src_uri: str = "accessibility/index.md") -> PageSpec:
    return PageSpec(src_uri, TITLE, "accessibility.html", "accessibility",
                    {"statement": settings, "test_run": run,
                     "known_issues": settings.all_known_issues(),
                     "confirmed": confirmed_by(run),
                     "status_in_words": run is not None and "structure" in run.passed,
                     "tested": bool(run) or bool(settings.manual_audit)},
                    f"How accessible {settings.website} is, its known issues, and how to "
                    "ask for another format or report a problem.")
