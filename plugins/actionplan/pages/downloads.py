"""The open-data downloads (files) and the page that describes them."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from actionplan.export import csv_export, json_export
from actionplan.export.schema import SCHEMA_FILES, schema_bytes
from actionplan.facets.timing import Assessor
from actionplan.model.entities import Action, Plan, Site
from actionplan.options import SiteOptions
from actionplan.pages.resident_paths import ResidentPaths
from actionplan.pages.page_spec import PageSpec, SiteFile


@dataclass(frozen=True)
class Download:
    file: SiteFile
    title: str
    format: str
    description: str
    plan: Plan | None = None

    @property
    def path(self) -> str:
        return self.file.path

    @property
    def size(self) -> int:
        return self.file.size


@dataclass(frozen=True)
class Downloads:
    listed: tuple[Download, ...]  # described one by one on the downloads page
    files: tuple[SiteFile, ...]  # everything published, per-action JSON included
    action_files: int


def download_files(site: Site, paths: ResidentPaths, options: SiteOptions) -> list[SiteFile]:
    return list(build_downloads(site, paths, options).files)


@lru_cache(maxsize=2)
def build_downloads(site: Site, paths: ResidentPaths, options: SiteOptions) -> Downloads:
    # Cached: the page list and the file list share these files, so each is made once when
    # it is written out and the downloads page shows the size it was written at.
    assessor = Assessor(options)
    page_of = _page_address(paths, options)
    listed: list[Download] = []

    def add(path, title, fmt, description, make, plan=None):
        listed.append(Download(SiteFile(path, make, source=plan), title, fmt, description, plan))

    # One file per plan and format, and no all-plans file: it repeated every plan's files
    # byte for byte (a sixth of a county site). The CSV files share their columns, so they
    # join into one table by appending rows (the downloads page says so).
    for plan in site.plans:
        add(paths.plan_csv(plan.id), plan.title, "CSV", "One row per action.",
            lambda plan=plan: csv_export.to_csv_bytes(
                csv_export.rows_for([plan], assessor, page_of)), plan)
        add(paths.plan_json(plan.id), plan.title, "JSON", "The whole plan, in the plan-file "
            "format.", lambda plan=plan: json_export.plan_json(plan), plan)
    for name, description in SCHEMA_FILES.items():
        content = schema_bytes(name, options.site_url)
        add(paths.schema_file(name), json.loads(content)["title"], "JSON Schema", description,
            content)
    action_files = _action_files(site, paths, assessor, page_of)
    files = tuple(download.file for download in listed) + tuple(action_files)
    return Downloads(tuple(listed), files, len(action_files))


def _action_files(site, paths, assessor, page_of) -> list[SiteFile]:
    def make(plan, action, groups):
        return lambda: json_export.action_json(plan, action, groups, assessor,
                                               page_of(plan, action))
    return [SiteFile(paths.action_json(plan.id, action.id), make(plan, action, groups),
                     source=plan)
            for plan in site.plans for action, groups in plan.all_actions()]


def _page_address(paths: ResidentPaths, options: SiteOptions):
    base = (options.site_url or "").rstrip("/")

    def page_of(plan: Plan, action: Action) -> str:
        address = paths.action_page(plan.id, action.id)
        return f"{base}/{address}" if base else address
    return page_of


def downloads_page(site: Site, paths: ResidentPaths, options: SiteOptions) -> PageSpec:
    downloads = build_downloads(site, paths, options)
    context = {"site": site, "downloads": downloads, "paths": paths, "options": options,
               "columns": csv_export.COLUMNS, "csv_format": csv_export.FORMAT_NOTES}
    return PageSpec(paths.downloads_page(), "Download the data", "downloads.html", "downloads",
                    context, "Every plan and action as open data: CSV and JSON files, the "
                    "JSON Schema, their columns and licence.", in_nav=True)
