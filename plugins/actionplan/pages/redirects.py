"""Pages at old addresses that lead to the new ones, for ids named in `previous_ids`.

A plan, group or action whose id changed moves to a new web address; links and bookmarks
to the old one must still arrive. Each old address gets a small page that sends the browser
on at once (a meta refresh, as MkDocs' redirect plugin writes, so no JavaScript is needed)
and says where the page went, with a link, for whoever's browser does not follow it.
"""

from __future__ import annotations

import posixpath
from collections.abc import Sequence
from html import escape

from actionplan.model.entities import Plan, Site
from actionplan.pages.links import PagePaths, page_url
from actionplan.pages.page_spec import SiteFile


def redirect_files(site: Site, paths: PagePaths, *, directory_urls: bool = True,
                   also: Sequence[tuple[str, str, str]] = ()) -> list[SiteFile]:
    """A redirect page at every old address of a renamed plan, group or action.

    `also`: more (old src_uri, new src_uri, title) to redirect (the plans' changelog pages).
    """
    existing = _current_pages(site, paths)
    moves = [move for plan in site.plans for move in _plan_moves(plan, paths)] + list(also)
    files: dict[str, SiteFile] = {}
    for old, new, title in moves:
        if old in existing or old == new:
            continue  # a page lives there now: it wins
        path = _html_path(old, directory_urls)
        files.setdefault(path, SiteFile(path, _page(old, new, title, directory_urls)))
    return [files[path] for path in sorted(files)]


def _plan_moves(plan: Plan, paths: PagePaths) -> list[tuple[str, str, str]]:
    """(old src_uri, new src_uri, title) for the plan and everything in it."""
    plan_ids = [plan.id, *plan.previous_ids]
    moves = [(paths.plan(old), paths.plan(plan.id), plan.title) for old in plan.previous_ids]
    for group, _ in plan.all_groups():
        for plan_id in plan_ids:
            for group_id in (group.id, *group.previous_ids):
                moves.append((paths.group(plan_id, group_id), paths.group(plan.id, group.id),
                              group.title))
    for action, _ in plan.all_actions():
        title = action.title or f"Action {action.number or action.id}"
        for plan_id in plan_ids:
            for action_id in (action.id, *action.previous_ids):
                moves.append((paths.action(plan_id, action_id),
                              paths.action(plan.id, action.id), title))
    return moves


def _current_pages(site: Site, paths: PagePaths) -> set[str]:
    pages = set()
    for plan in site.plans:
        pages.add(paths.plan(plan.id))
        pages.update(paths.group(plan.id, g.id) for g, _ in plan.all_groups())
        pages.update(paths.action(plan.id, a.id) for a, _ in plan.all_actions())
    return pages


def _html_path(src_uri: str, directory_urls: bool) -> str:
    url = page_url(src_uri, directory_urls=directory_urls)
    return url + "index.html" if url.endswith("/") or not url else url


def _page(old: str, new: str, title: str, directory_urls: bool) -> bytes:
    here = posixpath.dirname(_html_path(old, directory_urls))
    target = page_url(new, directory_urls=directory_urls)
    href = posixpath.relpath(target or ".", here or ".")
    if target.endswith("/") and not href.endswith("/"):
        href += "/"
    href, name = escape(href), escape(title)
    return (f'<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f'<title>Moved: {name}</title>\n<meta name="viewport" content="width=device-width, '
            f'initial-scale=1">\n<meta http-equiv="refresh" content="0; url={href}">\n'
            f'<link rel="canonical" href="{href}">\n<meta name="robots" content="noindex">\n'
            f'</head>\n<body>\n<main>\n<h1>This page has moved</h1>\n'
            f'<p>Its new address is <a href="{href}">{name}</a>.</p>\n</main>\n</body>\n'
            f'</html>\n').encode()
