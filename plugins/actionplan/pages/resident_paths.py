"""Where the residents' pages and the downloads live (paths from the site's root)."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from actionplan.pages.links import PagePaths, page_url


@dataclass(frozen=True)
class ResidentPaths:
    plans: PagePaths = PagePaths()
    browse: str = "browse"
    downloads: str = "downloads"
    glossary: str = "glossary"
    schema: str = "schema"

    # Pages (source paths, as PageSpec.src_uri)
    def browse_index(self) -> str:
        return f"{self.browse}/index.md"

    def facet(self, facet_key: str) -> str:
        return f"{self.browse}/{facet_key}/index.md"

    def facet_plan(self, facet_key: str, plan_id: str) -> str:
        """One plan's part of a long index of leads or departments (their value keys are
        "<plan id>/<name>", so no value page is ever here)."""
        return f"{self.browse}/{facet_key}/{plan_id}/index.md"

    def facet_value(self, facet_key: str, value_key: str) -> str:
        return f"{self.browse}/{facet_key}/{value_key}/index.md"

    def listing(self, facet, value) -> str:
        """The page that lists a value's actions (a single-list facet is its own page)."""
        return self.facet(facet.key) if facet.single else self.facet_value(facet.key, value.key)

    def glossary_page(self) -> str:
        return f"{self.glossary}/index.md"

    def downloads_page(self) -> str:
        return f"{self.downloads}/index.md"

    # Files (paths of the published files)
    def plan_csv(self, plan_id: str) -> str:
        return f"{self.downloads}/plans/{plan_id}.csv"

    def plan_json(self, plan_id: str) -> str:
        return f"{self.downloads}/plans/{plan_id}.json"

    def action_json(self, plan_id: str, action_id: str) -> str:
        """Next to the action's page, so the page links to it as "action.json"."""
        return posixpath.join(posixpath.dirname(self.plans.action(plan_id, action_id)),
                              "action.json")

    def filter_index(self) -> str:
        """Every action in brief, for the filter on "Find actions" (next to that page)."""
        return f"{self.browse}/actions-index.json"

    def schema_file(self, name: str) -> str:
        return f"{self.schema}/{name}"

    def action_page(self, plan_id: str, action_id: str) -> str:
        """The action page's address from the site's root (for the downloads' page column)."""
        return page_url(self.plans.action(plan_id, action_id))
