"""Statuses, dates and footnote marks come from the macros of partials/macros.html, so a site
that overrides that one file changes them on every page (issue 21: markup built in Python
could not be changed by a site)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from actionplan.api import load_site
from actionplan.pages import site_pages
from actionplan.render import Renderer
from actionplan.render.renderer import MACROS, TEMPLATES, RenderError

ACTION = "plans/mini-plan/actions/1.1.1/index.md"
GROUP = "plans/mini-plan/pa-1.1/index.md"


@pytest.fixture
def specs(mini_data_dir):
    site, _ = load_site(mini_data_dir)
    return {spec.src_uri: spec for spec in site_pages(site)}


def _site_macros(tmp_path: Path, change) -> Path:
    """A site's templates folder holding its own copy of the macros, changed by `change`."""
    packaged = (TEMPLATES / MACROS).read_text(encoding="utf-8")
    changed = change(packaged)
    assert changed != packaged, "the change did not apply"
    target = tmp_path / "overrides" / MACROS
    target.parent.mkdir(parents=True)
    target.write_text(changed, encoding="utf-8")
    return tmp_path / "overrides"


def _replace_macro(name: str, body: str):
    pattern = re.compile(r"\{% macro " + name + r"\((?P<args>[^)]*)\) -%\}.*?\{%- endmacro %\}", re.S)
    return lambda text: pattern.sub(lambda m: "{% macro " + name + "(" + m["args"] + ") -%}"
                                    + body + "{%- endmacro %}", text, count=1)


def test_a_site_copy_of_the_macros_changes_the_status_on_every_page(tmp_path, specs):
    folder = _site_macros(tmp_path, _replace_macro(
        "status_tag", '<span class="council-status">{{ label or vocabulary.STATUSES[code].label }}</span>'))
    renderer = Renderer(override_dirs=[folder])
    action, group = renderer.render(specs[ACTION]), renderer.render(specs[GROUP])
    for html in (action, group):
        assert '<span class="council-status">Completed</span>' in html
        assert 'class="ap-status ' not in html
    # The packaged macros are untouched for a site without its own copy.
    assert '<strong class="ap-status ap-status--completed">' in Renderer().render(specs[ACTION])


def test_a_site_copy_of_the_macros_changes_dates_and_footnote_marks(tmp_path, specs):
    folder = _site_macros(tmp_path, lambda text: _replace_macro(
        "date_html", '{% if value is not none %}<span class="council-date">{{ value.text }}</span>{% endif %}'
    )(_replace_macro("footnote_mark", '<sup><a href="#note-{{ number }}">note {{ mark }}</a></sup>')(text)))
    html = Renderer(override_dirs=[folder]).render(specs[ACTION])
    assert '<span class="council-date">' in html and '<time datetime="2021-03">' not in html
    assert '<sup><a href="#note-1">note *</a></sup>' in html
    assert "ap-footnote-mark" not in html


def test_a_broken_copy_of_the_macros_names_the_file_and_line(tmp_path):
    folder = _site_macros(tmp_path, lambda text: text + "\n{% if %}\n")
    with pytest.raises(RenderError, match=r"partials/macros\.html:\d+"):
        Renderer(override_dirs=[folder])
