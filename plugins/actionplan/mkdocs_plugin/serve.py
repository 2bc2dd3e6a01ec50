"""Data errors during `mkdocs serve`: shown in the terminal and on every page, server kept up.

`mkdocs build` stops on bad data (PluginError). Under `mkdocs serve` that would leave the
browser on a stale page with the message only in the terminal ("the server will appear
stuck"), and bad data at start-up would stop the server. Instead the preview keeps the last
data that worked, the terminal lists the problems, and every page opens with them.
"""

from __future__ import annotations

import logging
import sys

from actionplan.problems import Problem
from actionplan.render import Renderer

# Not under the "mkdocs" logger on purpose: a strict build counts every warning logged
# there and would then abort, and an aborted rebuild never reloads the browser.
_terminal = logging.getLogger("actionplan.serve")


def _terminal_log() -> logging.Logger:
    """The terminal's log, given its handler the first time it is needed: importing the
    package changes no logging set-up (tests/test_imports.py)."""
    if not _terminal.handlers:
        handler = _StandardError()
        handler.setFormatter(logging.Formatter("ERROR   -  %(message)s"))  # as MkDocs prints
        _terminal.addHandler(handler)
        _terminal.propagate = False
        _terminal.setLevel(logging.INFO)
    return _terminal


class _StandardError(logging.StreamHandler):
    """Writes to whatever sys.stderr is when a message comes (as logging's last resort does),
    not to the stream of the moment the handler was made: a program that redirects it later
    (a test harness, an embedding tool) still gets the messages."""

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, _value) -> None:
        pass


def is_dev_server_build(site_url: str | None, dev_addr) -> bool:
    """True when the build is for the development server (`serve`, with or without --clean).

    `serve --clean` announces itself to plugins as a "build", and each tool names its temporary
    output folder its own way (mkdocs_*, properdocs_*); but MkDocs and ProperDocs alike set
    site_url to the server's own address before every build they serve, and no published
    site has that address.
    """
    if not site_url or dev_addr is None:
        return False
    return site_url.startswith(f"http://{dev_addr.host}:{dev_addr.port}/")


def report_in_terminal(report: str) -> None:
    _terminal_log().error(report + "\nThe preview shows the last data that worked until these are "
                    "fixed; `mkdocs build` stops on them.")


def notice_html(renderer: Renderer, problems: list[Problem], src_uri: str,
                *, has_last_good: bool) -> str:
    return renderer.render_fragment("data_problems.html", src_uri,
                                    problems=[p for p in problems if p.severity == "error"],
                                    has_last_good=has_last_good)
