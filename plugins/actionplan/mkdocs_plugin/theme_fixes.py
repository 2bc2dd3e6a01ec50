"""Repairs to Material's page frame where its templates give no block or partial to override.

Everything else is fixed in the package's theme layer (actionplan/theme/: templates and CSS);
these few attributes are written by Material's base.html outside any block, so the finished
page is edited.
"""

from __future__ import annotations

import re

# Material marks its drawer and search checkboxes autocomplete="off"; HTML allows autocomplete
# on text-like inputs only, so the Nu HTML Checker reports an error on every page.
_TOGGLE_AUTOCOMPLETE = re.compile(
    r'(<input class="md-toggle" data-md-toggle="(?:drawer|search)" type="checkbox" '
    r'id="__(?:drawer|search)") autocomplete="off">')


def repair_material_frame(html: str) -> str:
    return _TOGGLE_AUTOCOMPLETE.sub(r"\1>", html, count=2)
