"""Typed options of the `actionplan` MkDocs plugin."""

from __future__ import annotations

from datetime import date

from mkdocs.config import base
from mkdocs.config import config_options as opt

from actionplan.options import OGL_V3_NAME, OGL_V3_URL


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
