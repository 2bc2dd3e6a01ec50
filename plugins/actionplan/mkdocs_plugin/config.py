"""Typed options of the `actionplan` MkDocs plugin.

Each option checks its value when MkDocs loads mkdocs.yml, so a wrong one stops every
command (build, serve) at once with MkDocs' own message naming the plugin and the option.
"""

from __future__ import annotations

from datetime import date
import datetime as dt

from mkdocs.config import base
from mkdocs.config import config_options as opt
from mkdocs.config.base import ValidationError

from actionplan.options import (
    DEFAULT_PAGE_SIZE, OGL_V3_NAME, OGL_V3_URL, is_iso_duration, parse_as_of,
)


class AsOfDate(opt.BaseConfigOption[date | None]):
    """A date written YYYY-MM-DD (YAML reads it as a date), or nothing."""

    def run_validation(self, value: object) -> date | None:
        try:
            return parse_as_of(value)
        except ValueError as error:
            raise ValidationError(f"{error}, for example 2026-11-01") from None


class IsoDuration(opt.BaseConfigOption[str]):
    """An ISO 8601 duration in years, months, weeks and days: P3M, P1Y, P2W."""

    def __init__(self, default: str) -> None:
        super().__init__()
        self.default = default

    def run_validation(self, value: object) -> str:
        if not isinstance(value, str) or not is_iso_duration(value):
            raise ValidationError(f'update_cadence "{value}" is not an ISO 8601 duration such '
                                  "as P3M (quarterly) or P1Y (yearly)")
        return value


class WholeNumberFromOne(opt.BaseConfigOption[int]):
    """A whole number of 1 or more (not true or false, which YAML would make 1 and 0)."""

    def __init__(self, default: int) -> None:
        super().__init__()
        self.default = default

    def run_validation(self, value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValidationError(f"{value!r} is not a whole number of 1 or more")
        return value


class HistoryConfig(base.Config):
    """Options of the changelog made from the git history of the data (`history:`)."""

    enabled = opt.Type(bool, default=True)
    """Make the changelog pages, feeds and the "Changes to this action" sections."""

    allow_missing = opt.Type(bool, default=False)
    """Build without a changelog when the history cannot be read (not a git repository, or a
    shallow clone). Off by default, so a CI that clones shallow fails instead of publishing
    a false changelog. When on, the build says so at INFO level: setting it is the decision,
    so `mkdocs build --strict` still passes."""

    ignore_revs_file = opt.Optional(opt.File(exists=False))
    """File listing commits to leave out of the changelog, one hash a line (like
    .git-blame-ignore-revs), relative to mkdocs.yml."""

    cache_dir = opt.Type(str, default=".cache/actionplan")
    """Folder (relative to mkdocs.yml, keep it out of git) for the history cache; empty for none."""

    commit_url = opt.Optional(opt.Type(str))
    """Link each revision to the code host, for example
    https://github.com/ORG/REPO/commit/{commit}; {commit} is replaced by the full hash."""


class KnownIssueConfig(base.Config):
    criterion = opt.Type(str)
    """The WCAG 2.2 success criterion failed, e.g. "1.1.1 Non-text Content"."""

    problem = opt.Type(str)
    """What is wrong, in words a resident understands."""

    reason = opt.Type(str, default="")
    """Why it is not fixed yet, and when it will be."""


class AccessibilityConfig(base.Config):
    statement = opt.Type(bool, default=True)
    """Publish an accessibility statement and link it from the footer of every page."""

    statement_path = opt.Type(str, default="accessibility/index.md")
    """Where the statement is published, as a page path in the site."""

    organisation = opt.Type(str, default="")
    """Who runs the website (named in the statement)."""

    email = opt.Type(str, default="")
    """Where residents ask for another format or report a problem."""

    phone = opt.Type(str, default="")
    address = opt.Type(str, default="")

    response_days = opt.Type(int, default=5)
    """Working days within which a request for another format is answered."""

    compliance = opt.Choice(("full", "partial", "not"), default="partial")
    """Compliance with WCAG 2.2 AA, as the statement declares it."""

    enforcement = opt.Choice(("ehrc", "ecni"), default="ehrc")
    """The enforcement body: ehrc (Great Britain) or ecni (Northern Ireland)."""

    prepared = opt.Optional(opt.Type(dt.date))
    """The date the statement was prepared (YYYY-MM-DD)."""

    reviewed = opt.Optional(opt.Type(dt.date))
    """The date the statement was last reviewed (YYYY-MM-DD)."""

    manual_audit = opt.Type(str, default="")
    """Who last audited the site by hand, and when, in a sentence; empty if nobody has."""

    improvements = opt.Type(str, default="")
    """What is being done to improve accessibility, in a sentence or two."""

    known_issues = opt.ListOfItems(opt.SubConfig(KnownIssueConfig), default=[])
    """The site's own known failures (for example in its hand-written pages)."""

    test_record = opt.Type(str, default="")
    """The site's own record of its last automated accessibility test run (JSON, as
    actionplan's tests/a11y/last-run.json), relative to mkdocs.yml. Empty: the statement says
    the site has not yet been tested."""


class ActionPlanConfig(base.Config):
    data_dir = opt.Dir(default="data")
    """Folder holding the plan data (plan files in its plans/ folder), relative to mkdocs.yml."""

    url_prefix = opt.Type(str, default="plans")
    """Folder of the site under which plan pages are published."""

    templates_dir = opt.Dir(default="overrides/actionplan")
    """Folder of templates that override the packaged page templates, file by file."""

    home_marker = opt.Type(str, default="<!-- actionplan:plans -->")
    """Marker in a hand-written page that is replaced by the table of plans."""

    as_of = AsOfDate()
    """Judge "overdue" and "no update since" as at this date (YYYY-MM-DD) for every plan.
    Unset: each plan is judged as at the date its progress describes. Never today's date."""

    update_cadence = IsoDuration(default="P3M")
    """How often progress should be updated, for plans that do not say (ISO 8601 duration)."""

    licence_name = opt.Type(str, default=OGL_V3_NAME)
    """The licence the downloads are published under, as named on the downloads page."""

    licence_url = opt.Type(str, default=OGL_V3_URL)
    """The licence's address."""

    page_size = WholeNumberFromOne(default=DEFAULT_PAGE_SIZE)
    """The most actions on a browse listing page, or changes on a changelog page; longer
    lists go on over numbered pages (page/2/, older/2/ ...)."""

    history = opt.SubConfig(HistoryConfig)
    """The changelog made from the git history of the data folder."""

    accessibility = opt.SubConfig(AccessibilityConfig)
    """The accessibility statement: who runs the site, how to reach them, compliance."""
