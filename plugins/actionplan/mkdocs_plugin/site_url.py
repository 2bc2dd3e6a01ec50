"""A site published without its address is broken in ways a local preview does not show."""

from __future__ import annotations

from urllib.parse import urlsplit

from mkdocs.plugins import get_plugin_logger

log = get_plugin_logger(__name__)


def warn_about_site_url(site_url: str | None) -> None:
    """Warn (so `--strict` stops) when site_url is unset or still a placeholder. `mkdocs
    serve` sets it to its own address, so a preview is never stopped."""
    if not site_url:
        log.warning("mkdocs.yml has no site_url: the sitemap is left empty, the Atom feeds "
                    "and the published schemas cannot give full addresses, and the \"page not "
                    "found\" page loses its styles when the site is published under a sub-path "
                    "(such as a GitHub Pages project site). Set site_url to the address the "
                    "site is published at, for example https://org.github.io/plans/.")
        return
    host = urlsplit(site_url).hostname or ""
    if host == "invalid" or host.endswith(".invalid"):
        log.warning(f"mkdocs.yml: site_url is still the placeholder {site_url} (an .invalid "
                    "address never works): replace it with the address the site is published "
                    "at before publishing.")
