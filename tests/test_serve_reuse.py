"""Under `mkdocs serve`, a save re-renders through the theme only the pages whose inputs
changed; the rest are written from the last rebuild, and the site is the same as a fresh one.

The rebuilds run in this process as `mkdocs serve` runs them: one plugin instance across
builds (MkDocs keeps a plugin that has on_startup), a new configuration for each, the
server's own address as site_url.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from .conftest import FIXTURES
from .tiny_site import make_project

SERVE_URL = "http://127.0.0.1:8000/"
TAGGED = "plans/tagged-plan/"
UNTAGGED = "plans/untagged-plan/"


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # the sitemap's gzip time
    return make_project(tmp_path / "project", data=FIXTURES / "residents" / "data")


def _serve_builds(project: Path, site_dir: Path):
    """Each call is one rebuild of a serve session into `site_dir`; returns the plugin."""
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir))
    config.plugins.on_startup(command="serve", dirty=False)
    plugin = config.plugins["actionplan"]

    def rebuild():
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir))
        config.site_url = SERVE_URL
        build(config, serve_url=SERVE_URL)
        return plugin
    return rebuild


@pytest.fixture
def reset_plugin():
    yield
    # MkDocs keeps one plugin instance per process: leave it as a `build` would.
    config = load_config(str(FIXTURES.parent.parent / "mkdocs.yml"))
    config.plugins.on_startup(command="build", dirty=False)


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes()
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_a_save_re_renders_only_the_pages_it_changes(project, tmp_path, reset_plugin):
    rebuild = _serve_builds(project, tmp_path / "served")
    plugin = rebuild()
    assert plugin.page_cache.reused == [] and len(plugin.page_cache.rendered) > 20
    first = _files(tmp_path / "served")

    plugin = rebuild()  # nothing changed: nothing goes through the theme again
    assert plugin.page_cache.rendered == [] and len(plugin.page_cache.reused) > 20
    # ... no plan file is parsed, no plan's pages or downloads made, no plan page's body
    # rendered (only cross-plan pages, whose specs are made afresh, compared and found equal)
    assert plugin.plan_files.parsed == []
    assert plugin.kept_specs.made == 0 and plugin.kept_files.made == 0
    assert not any(src.startswith("plans/") for src in plugin.page_cache.bodies)
    assert _files(tmp_path / "served") == first

    plan = project / "data" / "plans" / "tagged.yaml"
    text = plan.read_text(encoding="utf-8")
    old = '{date: "2021-04-01", status: completed, text: Done.}'
    plan.write_text(text.replace(old, old.replace("completed", "ongoing")), encoding="utf-8")
    plugin = rebuild()
    rendered, reused = set(plugin.page_cache.rendered), set(plugin.page_cache.reused)
    # The changed action's page, its plan's pages, and cross-plan pages (listings, counts);
    # never a page of the other plan.
    assert f"{TAGGED}actions/late-but-done/index.md" in rendered
    assert f"{TAGGED}index.md" in rendered and "browse/index.md" in rendered
    assert not any(src.startswith(UNTAGGED) for src in rendered)
    assert f"{UNTAGGED}index.md" in reused
    assert all(src.startswith(TAGGED) or not src.startswith("plans/") for src in rendered)
    # Only the saved file is read again; only its plan's pages, downloads and bodies made.
    assert plugin.plan_files.parsed == [plan]
    assert plugin.kept_specs.made == 1 and plugin.kept_files.made > 0
    bodies = plugin.page_cache.bodies
    assert f"{TAGGED}actions/late-but-done/index.md" in bodies
    assert not any(src.startswith(UNTAGGED) for src in bodies)
    served = _files(tmp_path / "served")
    assert 'ap-status--ongoing' in served[f"{TAGGED}actions/late-but-done/index.html"].decode()

    # The same as a serve session that starts on the edited data, file for file.
    fresh = _serve_builds(project, tmp_path / "fresh")()
    assert fresh.page_cache.reused == []
    assert _files(tmp_path / "fresh") == served


def test_a_build_never_reuses_pages(project, tmp_path, reset_plugin):
    _serve_builds(project, tmp_path / "served")()  # a serve session filled the cache
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "built"))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()  # publishes the staged build into site_dir
    plugin = config.plugins["actionplan"]
    assert plugin.page_cache.reused == [] and plugin.page_cache.rendered == []
    html = (tmp_path / "built" / TAGGED / "index.html").read_text(encoding="utf-8")
    assert "actionplan_cached_output" not in html and "https://plans.example.org/" in html
