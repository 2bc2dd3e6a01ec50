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
        # The folder the current page's address resolves links from ("a/b/" -> "a/b",
        # "a/b.html" -> "a").
        if not self.here or self.here.endswith("/"):
            self._base = self.here.rstrip("/")
        else:
            self._base = posixpath.dirname(self.here)
        self._base_parts = _parts(self._base)

    def to_src(self, src_uri: str) -> str:
        target = page_url(src_uri, directory_urls=self.directory_urls)
        rel = self._relative(target or ".")
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
        return quote(self._relative(path))

    def _relative(self, path: str) -> str:
        # posixpath.relpath, without its two calls to os.getcwd() per link (a county
        # site makes millions of links): both are paths inside the site.
        parts, base = _parts(path), self._base_parts
        if parts is None or base is None:
            return posixpath.relpath(path, self._base or ".")
        common = 0
        for mine, theirs in zip(parts, base):
            if mine != theirs:
                break
            common += 1
        return "/".join([".."] * (len(base) - common) + parts[common:]) or "."


def _parts(path: str) -> list[str] | None:
    """The folder names of a plain relative path ("" and "." are the site's root); None for
    a path relpath must read itself (absolute, or with "." or ".." inside)."""
    if path.startswith("/"):
        return None
    parts = [part for part in path.split("/") if part]
    if parts == ["."]:
        return []
    return None if "." in parts or ".." in parts else parts
