"""Headless Debian Chromium driven by Playwright, that can reach 127.0.0.1 and nothing else."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from playwright.sync_api import Browser, BrowserContext, Page, Playwright, Route

from .tools import AXE_JS, CHROMIUM, CHROMIUM_ARGS


def launch(playwright: Playwright) -> Browser:
    """The system Chromium: a browser is never downloaded."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


@dataclass
class LocalSession:
    """A browser context whose requests off 127.0.0.1 are refused and written down."""

    context: BrowserContext
    blocked: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def new_page(self) -> Page:
        page = self.context.new_page()
        page.on("dialog", self._dismiss_dialog)
        return page

    def _dismiss_dialog(self, dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def _route(self, route: Route) -> None:
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()


def local_session(browser: Browser, *, width: int = 1280, height: int = 800,
                  javascript: bool = True, with_axe: bool = False,
                  search_index: bool = True) -> LocalSession:
    """A fresh context. `search_index=False` hands Material's search an index with the
    site's settings but no pages: building the real one again on every page load competes
    with axe for the CPU (a third of a sweep's time), while a closed search shows nothing
    axe checks. The index must still load, or Material's scripts stop (sidebars unsized).
    Search itself is tested with the real index."""
    context = browser.new_context(viewport={"width": width, "height": height},
                                  java_script_enabled=javascript, service_workers="block",
                                  # Ends transitions at once (Material honours it), so a check
                                  # never reads a half-faded colour or a sliding skip link.
                                  reduced_motion="reduce")
    session = LocalSession(context)
    context.route("**/*", session._route)
    if not search_index:
        context.route("**/search/search_index.json", _empty_search_index)
    if with_axe:
        context.add_init_script(path=str(AXE_JS))
    return session


def _empty_search_index(route: Route) -> None:
    index = route.fetch().json()
    route.fulfill(json={"config": index["config"], "docs": []})
