"""Typed options of the `actionplan` MkDocs plugin."""

from __future__ import annotations

from datetime import date

from mkdocs.config import base
from mkdocs.config import config_options as opt

from actionplan.options import OGL_V3_NAME, OGL_V3_URL


class HistoryConfig(base.Config):
    """Options of the changelog made from the git history of the data (`history:`)."""

    enabled = opt.Type(bool, default=True)
    """Make the changelog pages, feeds and the "Changes to this action" sections."""

    allow_missing = opt.Type(bool, default=False)
    """Build without a changelog when the history cannot be read (not a git repository, or a
    shallow clone). Off by default, so a CI that clones shallow fails instead of publishing
    a false changelog. When on, the build says so at INFO level: setting it is the decision,
    so `mkdocs build --strict` still passes."""

    ignore_revs_file = opt.Optional(opt.Type(str))
    """File listing commits to leave out of the changelog, one hash a line (like
    .git-blame-ignore-revs), relative to mkdocs.yml."""

    cache_dir = opt.Type(str, default=".cache/actionplan")
    """Folder (relative to mkdocs.yml, keep it out of git) for the history cache; empty for none."""

    commit_url = opt.Optional(opt.Type(str))
    """Link each revision to the code host, for example
    https://github.com/ORG/REPO/commit/{commit}; {commit} is replaced by the full hash."""


class ActionPlanConfig(base.Config):
    data_dir = opt.Type(str, default="data")
    """Folder holding the plan data (plan files in its plans/ folder), relative to mkdocs.yml."""

    url_prefix = opt.Type(str, default="plans")
    """Folder of the site under which plan pages are published."""

    templates_dir = opt.Type(str, default="overrides/actionplan")
    """Folder of templates that override the packaged page templates, file by file."""

    home_marker = opt.Type(str, default="<!-- actionplan:plans -->")
    """Marker in a hand-written page that is replaced by the table of plans."""

    as_of = opt.Optional(opt.Type((str, date)))
    """Judge "overdue" and "no update since" as at this date (YYYY-MM-DD) for every plan.
    Unset: each plan is judged as at the date its progress describes. Never today's date."""

    update_cadence = opt.Type(str, default="P3M")
    """How often progress should be updated, for plans that do not say (ISO 8601 duration)."""

    licence_name = opt.Type(str, default=OGL_V3_NAME)
    """The licence the downloads are published under, as named on the downloads page."""

    licence_url = opt.Type(str, default=OGL_V3_URL)
    """The licence's address."""

    history = opt.SubConfig(HistoryConfig)
    """The changelog made from the git history of the data folder."""

