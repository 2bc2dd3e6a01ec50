"""Generated pages skip MkDocs' Markdown pass, ending in the state that pass would leave."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from actionplan.mkdocs_plugin.generated_page import GeneratedPage


@pytest.fixture
def config(tmp_path) -> MkDocsConfig:
    (tmp_path / "docs").mkdir()
    config = MkDocsConfig()
    config.load_dict({"site_name": "Test", "docs_dir": str(tmp_path / "docs"),
                      "site_dir": str(tmp_path / "site"),
                      "markdown_extensions": ["attr_list", "toc"]})
    errors, _ = config.validate()
    assert not errors
    return config


def _page(cls, config, markdown_text: str = ""):
    source = Path(config.docs_dir) / "plans" / "p" / "actions" / "1" / "index.md"
    source.parent.mkdir(parents=True, exist_ok=True)
    source.write_text(markdown_text, encoding="utf-8")
    file = File("plans/p/actions/1/index.md", config.docs_dir, config.site_dir,
                use_directory_urls=True, inclusion=InclusionLevel.NOT_IN_NAV)
    page = cls(None, file, config)
    page.read_source(config)
    return page


def test_an_empty_page_is_not_converted_and_ends_as_mkdocs_would_leave_it(config, monkeypatch):
    reference = _page(Page, config)
    reference.render(config, Files([reference.file]))
    page = _page(GeneratedPage, config)
    assert page.file.page is page
    monkeypatch.setattr(markdown, "Markdown", lambda *a, **k: pytest.fail("Markdown was built"))
    page.render(config, Files([page.file]))
    for name in ("content", "_title_from_render", "present_anchor_ids"):
        assert getattr(page, name) == getattr(reference, name), name
    assert list(page.toc) == list(reference.toc) == []
    assert not page.links_to_anchors and not reference.links_to_anchors


def test_markdown_added_by_another_plugin_is_still_converted(config):
    page = _page(GeneratedPage, config, "# Added\n\nBy *another* plugin.")
    page.render(config, Files([page.file]))
    assert '<h1 id="added">Added</h1>' in page.content and "<em>another</em>" in page.content
    assert page.present_anchor_ids == {"added"}
