"""Serve a built site on 127.0.0.1 from a thread, as a static host would."""

from __future__ import annotations

import functools
import http.server
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# A browser session that sends this header is answered with a search index that keeps the
# site's settings but lists no pages (tests.a11y.browser.local_session's default).
# A header rather than request routing: Playwright turns the browser's cache off for a
# context with any route, and every page would then fetch and compile the theme afresh.
EMPTY_SEARCH_HEADER = "X-Actionplan-Test-Search"
_SEARCH_INDEX = "/search/search_index.json"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass  # keep pytest's output for test results

    def do_GET(self):  # noqa: N802 - the base class's name
        if self.headers.get(EMPTY_SEARCH_HEADER) == "empty" and \
                self.path.split("?", 1)[0].endswith(_SEARCH_INDEX):
            self._send_empty_search_index()
        else:
            super().do_GET()

    def end_headers(self) -> None:
        # The theme's files may be kept for the session (a static host says so too): without
        # this the browser asks again for each on every page, as they were written seconds ago.
        if self.path.split("?", 1)[0].endswith(_KEPT_FILES):
            self.send_header("Cache-Control", "max-age=3600")
        super().end_headers()

    def _send_empty_search_index(self) -> None:
        index_file = Path(self.translate_path(self.path))
        body = _empty_search_index(index_file, index_file.stat().st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


_KEPT_FILES = (".css", ".js", ".svg", ".png", ".woff2", _SEARCH_INDEX)


@functools.lru_cache(maxsize=8)
def _empty_search_index(index_file: Path, modified: int) -> bytes:
    """The site's search settings with no pages, made once per version of an index file."""
    index = json.loads(index_file.read_text(encoding="utf-8"))
    return json.dumps({"config": index["config"], "docs": []}).encode()


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # a browser dropping a connection it no longer needs is not an error here


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Yield the base URL (ending in /) of `directory` served on a free local port."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def page_paths(site: Path) -> list[str]:
    """URL paths of every HTML page in a built site, in a stable order ("" is the home page)."""
    paths = []
    for file in sorted(site.rglob("*.html")):
        rel = file.relative_to(site).as_posix()
        paths.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    return paths
