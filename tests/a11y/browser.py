"""Headless Debian Chromium driven by Playwright, that can reach 127.0.0.1 and nothing else."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from playwright.sync_api import Browser, BrowserContext, Page, Playwright, Request

from .server import EMPTY_SEARCH_HEADER
from .tools import AXE_JS, CHROMIUM, CHROMIUM_ARGS


def launch(playwright: Playwright) -> Browser:
    """The system Chromium: a browser is never downloaded."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


@dataclass
class LocalSession:
    """A browser context that can reach 127.0.0.1 only (the browser is launched with every
    other host unresolvable, CHROMIUM_ARGS), writing down each request that tried."""

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

    def _note_request(self, request: Request) -> None:
        address = urlsplit(request.url)
        if address.scheme not in _IN_PAGE_SCHEMES and address.hostname != "127.0.0.1":
            self.blocked.append(request.url)


# Addresses that name content inside the page, not a place on a network.
_IN_PAGE_SCHEMES = {"data", "blob", "about"}


def local_session(browser: Browser, *, width: int = 1280, height: int = 800,
                  javascript: bool = True, with_axe: bool = False,
                  search_index: bool = False) -> LocalSession:
    """A fresh context. Unless `search_index=True` (a test that searches), the test server
    (tests.a11y.server) answers with an index that has the site's settings but no pages:
    Material's search worker would otherwise parse the whole index again on every page load
    (on the hostile-text site it more than doubled each page's time), while a closed search
    shows nothing a check reads. The index must still load, or Material's scripts stop
    (sidebars unsized). No request is routed through Playwright: a route turns the
    browser's cache off, and each page would fetch and compile the theme's scripts afresh."""
    context = browser.new_context(viewport={"width": width, "height": height},
                                  java_script_enabled=javascript, service_workers="block",
                                  # Ends transitions at once (Material honours it), so a check
                                  # never reads a half-faded colour or a sliding skip link.
                                  reduced_motion="reduce")
    session = LocalSession(context)
    context.on("request", session._note_request)
    if not search_index:
        context.set_extra_http_headers({EMPTY_SEARCH_HEADER: "empty"})
    if with_axe:
        context.add_init_script(path=str(AXE_JS))
    return session
