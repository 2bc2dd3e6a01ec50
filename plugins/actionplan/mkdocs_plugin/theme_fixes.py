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


# Material's <main> holds its menus as well as the content: the theme layer's main.html makes
# the content itself the <main>, and Material's element (its last </main>) becomes a <div>.
_MATERIAL_MAIN = '<main class="md-main" data-md-component="main">'
_FRAME_DIV = '<div class="md-main" data-md-component="main">'


def repair_material_frame(html: str) -> str:
    return _menus_out_of_main(_TOGGLE_AUTOCOMPLETE.sub(r"\1>", html, count=2))


def _menus_out_of_main(html: str) -> str:
    start = html.find(_MATERIAL_MAIN)
    if start < 0 or html.count("<main") < 2:  # a site's own container with no <main>: keep
        return html
    end = html.rfind("</main>")
    html = html[:end] + "</div>" + html[end + len("</main>"):]
    return html[:start] + _FRAME_DIV + html[start + len(_MATERIAL_MAIN):]
