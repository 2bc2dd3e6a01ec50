"""Typed options of the `actionplan` MkDocs plugin."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as opt


class ActionPlanConfig(base.Config):
    data_dir = opt.Type(str, default="data")
    """Folder holding the plan data (plan files in its plans/ folder), relative to mkdocs.yml."""

    url_prefix = opt.Type(str, default="plans")
    """Folder of the site under which plan pages are published."""

    templates_dir = opt.Type(str, default="overrides/actionplan")
    """Folder of templates that override the packaged page templates, file by file."""

    home_marker = opt.Type(str, default="<!-- actionplan:plans -->")
    """Marker in a hand-written page that is replaced by the table of plans."""
