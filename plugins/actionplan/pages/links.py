"""Page paths and the relative links between them (so a site works under any sub-path)."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from urllib.parse import quote


def page_url(src_uri: str, *, directory_urls: bool = True) -> str:
    """The URL path of a page source: "plans/x/index.md" -> "plans/x/"."""
    stem = src_uri[: -len(".md")] if src_uri.endswith(".md") else src_uri
    if not directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


@dataclass(frozen=True)
class PagePaths:
    """Where each kind of generated page lives."""

    prefix: str = "plans"

    def plan(self, plan_id: str) -> str:
        return f"{self.prefix}/{plan_id}/index.md"

    def group(self, plan_id: str, group_id: str) -> str:
        return f"{self.prefix}/{plan_id}/{group_id}/index.md"

    def action(self, plan_id: str, action_id: str) -> str:
        return f"{self.prefix}/{plan_id}/actions/{action_id}/index.md"

    def since_report(self, plan_id: str, pair: str | None = None) -> str:
        """The plan's changes since its last report; with `pair` ("<from>-to-<to>"), between
        two earlier reports."""
        folder = f"{self.prefix}/{plan_id}/since-last-report"
        return f"{folder}/{pair}/index.md" if pair else f"{folder}/index.md"

    def report_facts(self, plan_id: str) -> str:
        """The facts the report chooser reads, beside the plan's since-report pages."""
        return f"{self.prefix}/{plan_id}/since-last-report/report-facts.json"


class Linker:
    """Relative links from one page to others, as templates need them."""

    def __init__(self, paths: PagePaths, current_src_uri: str, *, directory_urls: bool = True):
        self.paths = paths
        self.directory_urls = directory_urls
        self.here = page_url(current_src_uri, directory_urls=directory_urls)

    @property
    def _base(self) -> str:
        # The folder the current page's address resolves links from ("a/b/" -> "a/b",
        # "a/b.html" -> "a").
        if not self.here or self.here.endswith("/"):
            return self.here.rstrip("/")
        return posixpath.dirname(self.here)

    def to_src(self, src_uri: str) -> str:
        target = page_url(src_uri, directory_urls=self.directory_urls)
        rel = posixpath.relpath(target or ".", self._base or ".")
        if (target == "" or target.endswith("/")) and not rel.endswith("/"):
            rel += "/"
        return quote(rel if rel != "./" else "./")

    def plan(self, plan) -> str:
        return self.to_src(self.paths.plan(plan.id))

    def group(self, plan, group) -> str:
        return self.to_src(self.paths.group(plan.id, group.id))

    def action(self, plan, action) -> str:
        return self.to_src(self.paths.action(plan.id, action.id))

    def home(self) -> str:
        return self.to_src("index.md")

    def to_file(self, path: str) -> str:
        """A relative link to a generated file that is not a page (a download, a schema)."""
        return quote(posixpath.relpath(path, self._base or "."))
