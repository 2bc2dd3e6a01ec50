"""The MkDocs page object for a page whose body the core renders (plans, groups, actions)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc


class GeneratedPage(Page):
    """Its Markdown source is empty: `on_page_content` puts the core renderer's HTML in.

    MkDocs' own `render` would still build a Markdown converter with every configured
    extension for each of these pages, to convert nothing. This sets what that conversion
    of an empty text gives (no content, no table of contents, no anchors), and runs the
    real conversion only if another plugin put Markdown into the page.
    """

    def render(self, config: MkDocsConfig, files: Files) -> None:
        if self.markdown and self.markdown.strip():
            super().render(config, files)
            return
        self.content = ""
        self.toc = get_toc([])
        self._title_from_render = None
        self.present_anchor_ids = set()
        self.links_to_anchors = {}
