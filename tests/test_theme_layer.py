"""The package's theme layer (templates, style sheets, scripts) reaches a site that has none of
its own, sits under the site's custom_dir, and works when the site lives under a sub-path."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import load_config

from actionplan.mkdocs_plugin.theme import ASSETS, PAGE_SCRIPTS, SCRIPTS, STYLESHEETS, THEME_DIR

from .built_pages import broken_skip_links, missing_assets, page_assets
from .tiny_site import build_in_process, make_project, mkdocs_yml


def test_a_site_without_overrides_gets_every_asset_and_a_working_skip_link(tmp_path):
    site = build_in_process(make_project(tmp_path, mkdocs_yml()))
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 7
    page_only = [name for names in PAGE_SCRIPTS.values() for name in names]
    for name in STYLESHEETS + SCRIPTS + tuple(page_only):
        assert (site / ASSETS / name).is_file(), name
    action = next(p for p in pages if "/actions/" in p.as_posix())
    linked = {href.rsplit("/", 1)[-1] for href in page_assets(action.read_text(encoding="utf-8"))}
    assert linked >= set(STYLESHEETS + SCRIPTS)
    assert not linked & set(page_only), "a page's own scripts are linked only on its kind"
    browse = page_assets((site / "browse" / "index.html").read_text(encoding="utf-8"))
    assert f"../{ASSETS}/action-filter.js" in browse
    assert missing_assets(site) == []
    assert broken_skip_links(site) == []
    assert 'id="main-content"' in (site / "404.html").read_text(encoding="utf-8")


def test_the_layer_sits_between_the_sites_custom_dir_and_material(tmp_path):
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    project = make_project(tmp_path, mkdocs_yml(overrides=overrides))
    config = load_config(str(project / "mkdocs.yml"))
    config = config.plugins.on_config(config)
    dirs = [Path(d) for d in config.theme.dirs]
    assert dirs[0] == overrides
    assert dirs[1] == THEME_DIR
    assert dirs[2].name == "templates" and "material" in dirs[2].parts
    # The site's own style sheets come after the package's, so the site's rules win.
    assert [str(c) for c in config.extra_css][:len(STYLESHEETS)] == [
        f"{ASSETS}/{name}" for name in STYLESHEETS]


def test_a_council_overrides_any_packaged_file_in_its_custom_dir(tmp_path):
    overrides = tmp_path / "overrides"
    (overrides / "partials").mkdir(parents=True)
    (overrides / ASSETS).mkdir(parents=True)
    (overrides / "partials" / "copyright.html").write_text(
        '<div class="md-copyright">Run by Example Borough Council</div>\n', encoding="utf-8")
    (overrides / ASSETS / "print.css").write_text("/* the council's own */\n", encoding="utf-8")
    site = build_in_process(make_project(tmp_path, mkdocs_yml(overrides=overrides)))
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Run by Example Borough Council" in home
    assert (site / ASSETS / "print.css").read_text(encoding="utf-8") == "/* the council's own */\n"
    # Every other file still comes from the package.
    assert 'id="main-content"' in (site / "404.html").read_text(encoding="utf-8")
    assert (site / ASSETS / "keyboard.js").read_bytes() == \
        (THEME_DIR / ASSETS / "keyboard.js").read_bytes()


def test_the_404_page_finds_its_assets_under_a_sub_path(tmp_path):
    site = build_in_process(make_project(tmp_path, mkdocs_yml()),
                            site_url="https://example.org/council/plans/")
    page = (site / "404.html").read_text(encoding="utf-8")
    linked = page_assets(page)
    assert linked and all(href.startswith("/council/plans/") for href in linked), linked
    assert missing_assets(site, base_path="/council/plans/") == []


def test_another_theme_gets_no_material_overrides_and_a_warning(tmp_path, caplog):
    project = make_project(tmp_path, mkdocs_yml().replace("name: material", "name: mkdocs"))
    config = load_config(str(project / "mkdocs.yml"))
    config = config.plugins.on_config(config)
    assert str(THEME_DIR) not in config.theme.dirs
    assert not any(ASSETS in str(c) for c in config.extra_css)
    assert "actionplan's pages are made for the 'material' theme" in caplog.text


def test_the_palette_script_is_written_only_where_a_reader_can_choose_a_palette(tmp_path):
    plain = build_in_process(make_project(tmp_path / "plain", mkdocs_yml()))
    assert '__md_get("__palette")' not in (plain / "index.html").read_text(encoding="utf-8")
    toggle = ("  palette:\n"
              "    - scheme: default\n      toggle: {icon: material/brightness-7, name: Dark}\n"
              "    - scheme: slate\n      toggle: {icon: material/brightness-4, name: Light}\n")
    config = mkdocs_yml().replace("  font: false\n", "  font: false\n" + toggle)
    chosen = build_in_process(make_project(tmp_path / "toggle", config))
    assert '__md_get("__palette")' in (chosen / "index.html").read_text(encoding="utf-8")


def test_the_content_tab_script_is_only_on_a_page_with_content_tabs(tmp_path):
    config = mkdocs_yml() + ("markdown_extensions:\n  - pymdownx.superfences\n"
                             "  - pymdownx.tabbed:\n      alternate_style: true\n")
    project = make_project(tmp_path, config)
    (project / "content" / "tabs.md").write_text(
        '# Two ways\n\n=== "Online"\n\n    Fill in the form.\n\n=== "By post"\n\n'
        "    Write to us.\n", encoding="utf-8")
    site = build_in_process(project)
    script = 'target.name.startsWith("__tabbed_")'
    tabs = (site / "tabs" / "index.html").read_text(encoding="utf-8")
    assert 'name="__tabbed_1"' in tabs and script in tabs
    pages = [p for p in site.rglob("*.html") if p.parent.name != "tabs"]
    assert len(pages) >= 7
    assert not [p for p in pages if script in p.read_text(encoding="utf-8")]
