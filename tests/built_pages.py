"""Checks on a built site's files: every style sheet and script a page links exists, and every
page's skip link leads to an element of the page. Shared by the theme-layer, new-site and
adoption tests, which build in different ways but publish the same kind of site."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

_ASSET = re.compile(r'<link rel="stylesheet" href="([^"]+)"|<script src="([^"]+)"')
_SKIP = re.compile(r'<a href="#([^"]+)" class="md-skip">')
_ID = 'id="{}"'


def page_assets(html: str) -> list[str]:
    """The address of every style sheet and script the page links."""
    return [a or b for a, b in _ASSET.findall(html)]


def missing_assets(site: Path, base_path: str = "/") -> list[str]:
    """`page: address` for every linked asset that is not in the site. Absolute addresses
    must start with the site's `base_path` (the path of its site_url), as on a host that
    serves the site under a sub-path."""
    missing = []
    for page in sorted(site.rglob("*.html")):
        for href in page_assets(page.read_text(encoding="utf-8")):
            if urlsplit(href).scheme:
                missing.append(f"{page.relative_to(site)}: {href} is not on the site")
                continue
            path = urlsplit(href).path
            if path.startswith("/"):
                if not path.startswith(base_path):
                    missing.append(f"{page.relative_to(site)}: {href} is outside {base_path}")
                    continue
                target = site / path[len(base_path):]
            else:
                target = page.parent / path
            if not target.resolve().is_file():
                missing.append(f"{page.relative_to(site)}: {href}")
    return missing


def broken_skip_links(site: Path) -> list[str]:
    """Pages with no skip link, or one whose target is not on the page."""
    broken = []
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        if "<body" not in html or 'http-equiv="refresh"' in html:
            continue  # not a page of the site (a redirect or a fragment)
        match = _SKIP.search(html)
        if match is None:
            broken.append(f"{page.relative_to(site)}: no skip link")
        elif _ID.format(match.group(1)) not in html:
            broken.append(f"{page.relative_to(site)}: skip link to #{match.group(1)}, "
                          "which is not on the page")
    return broken
