"""Each inline icon is drawn once a page; later copies show the first with <use>."""

from __future__ import annotations

import re

from actionplan.render.repeated_icons import ID_PREFIX, draw_icons_once

LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M1 1h2"/></svg>'
MENU = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M3 6h18"/></svg>'
WIDE = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><path d="M1 1h2"/></svg>'


def test_a_repeated_icon_is_drawn_once_and_shown_again_by_reference():
    page = f"<header><a>{LOGO}</a><button>{MENU}</button></header><nav><a>{LOGO}</a></nav>"
    out = draw_icons_once(page)
    assert out == ('<header><a><svg viewBox="0 0 24 24"><g id="ap-icon-1"><path d="M1 1h2"/>'
                   '</g></svg></a><button><svg viewBox="0 0 24 24"><path d="M3 6h18"/></svg>'
                   '</button></header><nav><a><svg viewBox="0 0 24 24">'
                   '<use href="#ap-icon-1"/></svg></a></nav>')


def test_each_drawing_gets_its_own_id_and_every_copy_points_at_its_first():
    page = LOGO + MENU + LOGO + MENU + LOGO
    out = draw_icons_once(page)
    assert re.findall(r'id="([^"]+)"', out) == ["ap-icon-1", "ap-icon-2"]
    assert re.findall(r'<use href="#([^"]+)"/>', out) == ["ap-icon-1", "ap-icon-2", "ap-icon-1"]
    assert "xmlns" not in out


def test_the_same_shapes_in_another_viewbox_are_another_drawing():
    out = draw_icons_once(LOGO + WIDE)
    assert "<use" not in out and "<g " not in out
    assert out == '<svg viewBox="0 0 24 24"><path d="M1 1h2"/></svg>' \
                  '<svg viewBox="0 0 512 512"><path d="M1 1h2"/></svg>'


def test_scripts_other_svg_and_pages_using_the_ids_are_left_as_they_are():
    in_script = f"<script>const icon = '{LOGO}';</script>"
    classed = '<svg class="ap-chart__image" viewBox="0 0 10 10"><rect/></svg>'
    page = f"{in_script}{classed}{LOGO}{classed}{LOGO}"
    out = draw_icons_once(page)
    assert out.startswith(in_script + classed) and out.count(classed) == 2
    assert out.count("<use") == 1
    taken = f'<p id="{ID_PREFIX}1">{LOGO}{LOGO}</p>'
    assert draw_icons_once(taken) == taken


def test_the_bundled_site_draws_each_icon_once(bundled_site):
    for page in (bundled_site / "index.html", bundled_site / "404.html",
                 bundled_site / "plans" / "merton-equality-strategy" / "actions" / "1.1.1"
                 / "index.html"):
        html = page.read_text(encoding="utf-8")
        drawings = re.findall(r"<svg viewBox=\"[^\"]*\">(?!<use)(.*?)</svg>", html, re.S)
        assert drawings and len(drawings) == len(set(drawings)), page
        ids = set(re.findall(r'<g id="(ap-icon-\d+)">', html))
        assert ids and ids == set(re.findall(r'<use href="#(ap-icon-\d+)"/>', html)), page
        assert 'xmlns="http://www.w3.org/2000/svg"' not in html, page
