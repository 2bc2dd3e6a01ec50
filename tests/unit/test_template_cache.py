"""Compiled templates kept for the process (render/template_cache.py): a second build compiles
nothing it compiled before, and never hands back code for another source or other settings."""

from __future__ import annotations

import jinja2
import pytest

from actionplan.render import Renderer
from actionplan.render.renderer import TEMPLATES
from actionplan.render.template_cache import COMPILED_TEMPLATES, CompiledTemplates

from ..tiny_site import build_in_process, make_project


@pytest.fixture
def compiled(monkeypatch) -> list[str]:
    """The name of every template Jinja compiles from now on."""
    names: list[str] = []
    compile_source = jinja2.Environment.compile

    def counting(self, source, name=None, filename=None, raw=False, defer_init=False):
        names.append(name)
        return compile_source(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    return names


def _env(folder, cache, **settings) -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(folder)),
                              bytecode_cache=cache, **settings)


def test_a_template_is_compiled_once_for_every_environment_alike(tmp_path, compiled):
    (tmp_path / "page.html").write_text("<p>{{ words }}</p>", encoding="utf-8")
    cache = CompiledTemplates()
    first = _env(tmp_path, cache).get_template("page.html").render(words="one")
    second = _env(tmp_path, cache).get_template("page.html").render(words="two")
    assert (first, second) == ("<p>one</p>", "<p>two</p>")
    assert compiled == ["page.html"]


def test_a_changed_template_is_compiled_again(tmp_path, compiled):
    page = tmp_path / "page.html"
    cache = CompiledTemplates()
    page.write_text("<p>{{ words }}</p>", encoding="utf-8")
    _env(tmp_path, cache).get_template("page.html")
    page.write_text("<h1>{{ words }}</h1>", encoding="utf-8")
    assert _env(tmp_path, cache).get_template("page.html").render(words="x") == "<h1>x</h1>"
    assert compiled == ["page.html", "page.html"]


@pytest.mark.parametrize("settings", [{"autoescape": True}, {"trim_blocks": True},
                                      {"variable_start_string": "[[",
                                       "variable_end_string": "]]"}])
def test_code_compiled_under_other_settings_is_not_reused(tmp_path, settings):
    (tmp_path / "page.html").write_text("{% if 1 %}\n{{ words }}[[ words ]]{% endif %}",
                                        encoding="utf-8")
    cache = CompiledTemplates()
    plain = _env(tmp_path, cache).get_template("page.html").render(words="<b>")
    other = _env(tmp_path, cache, **settings).get_template("page.html").render(words="<b>")
    alone = _env(tmp_path, None, **settings).get_template("page.html").render(words="<b>")
    assert other == alone != plain


def test_the_renderer_uses_the_process_cache():
    assert Renderer().env.bytecode_cache is COMPILED_TEMPLATES


def test_a_second_build_compiles_none_of_the_page_templates(tmp_path, compiled):
    project = make_project(tmp_path / "project")
    COMPILED_TEMPLATES.clear()  # earlier tests' builds have filled it
    first = build_in_process(project, site_dir=str(tmp_path / "first"))
    compiled_first = list(compiled)
    compiled.clear()
    second = build_in_process(project, site_dir=str(tmp_path / "second"))
    ours = {p.relative_to(TEMPLATES).as_posix() for p in TEMPLATES.rglob("*.html")}
    assert {"main.html", "base.html"} <= set(compiled_first)
    assert len(ours & set(compiled_first)) >= 5
    # Only what Material's search plugin compiles in an environment of its own is left.
    assert not {"main.html", "base.html"} & set(compiled) and not ours & set(compiled)
    assert len(compiled) < len(compiled_first) / 5
    first_pages = sorted(p.relative_to(first) for p in first.rglob("*.html"))
    assert first_pages == sorted(p.relative_to(second) for p in second.rglob("*.html"))
    for page in first_pages:
        assert (first / page).read_bytes() == (second / page).read_bytes(), page
