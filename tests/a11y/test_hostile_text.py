"""Text from the data never runs as script (issue 9), checked where it matters: in a browser.

Every free-text field of every bundled plan (and the test fixture) carries a payload that
would call pwn(n), open a dialog, hide the page or load a file from off the site if it were
markup. The whole site built from that data is loaded page by page in Chromium, and the
search is used on it. Nothing may run; plain-text fields must show their payload as text.
"""

from __future__ import annotations

import re

import pytest

from ..gitrepo import GitRepo
from ..tiny_site import built_site, copy_bundled_site
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from .browser import local_session
from .checks import sample_paths
from .hostile_data import Field, literal_marker, write_hostile_data
from .server import page_paths, serve
from .site_build import ROOT

pytestmark = pytest.mark.a11y_check("hostile-text")

_TRAP = "window.__pwned = []; window.pwn = (n) => window.__pwned.push(n);"

# Anything a payload would leave in the page if it were parsed as markup.
_INJECTED = """() => {
  const found = [];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      if (attr.name.startsWith('on')) found.push(`${el.tagName} ${attr.name}`);
    }
  }
  const selectors = ['iframe', 'object', 'embed', 'body style', 'a[href^="javascript:" i]',
                     '[src^="javascript:" i]', 'a[href^="data:" i]', '[style*="evil.example"]',
                     'img[src*="evil.example"]'];
  for (const selector of selectors) {
    for (const el of document.querySelectorAll(selector)) found.push(`${selector}: ${el.outerHTML.slice(0, 80)}`);
  }
  if (getComputedStyle(document.body).display === 'none') found.push('the page is hidden by injected CSS');
  return found;
}"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """The bundled site's set-up, with data whose every text field carries a payload."""
    project = tmp_path_factory.mktemp("hostile")
    copy_bundled_site(project, data=None)  # the data is written below, with payloads
    fields = write_hostile_data([ROOT / "data", ROOT / "tests" / "fixtures" / "data"],
                                project / "data")
    GitRepo(project).commit("The site")  # the changelog reads git history, as in a real clone
    return built_site(project), fields


def test_no_payload_runs_and_plain_text_is_shown_as_written(browser, hostile_site):
    site, fields = hostile_site
    assert len(fields) > 100 and {f.kind for f in fields} == {"plain", "markdown"}
    pages = _trapped_session(browser, search_index=False)
    searching = _trapped_session(browser, search_index=True)
    problems, texts = [], []
    with serve(site) as url:
        page = pages.new_page()
        for path in _pages_showing_every_field(site, page_paths(site)):
            # Parsed and every script of the page run (Material's too, at the end of the
            # body) by DOMContentLoaded: a payload parsed as markup has run or is in the DOM
            # by then, where _INJECTED finds it; waiting for images adds nothing to check.
            page.goto(url + path, wait_until="domcontentloaded")
            problems += [f"/{path}: {what}" for what in page.evaluate(_INJECTED)]
            problems += [f"/{path}: pwn({n}) ran" for n in page.evaluate("window.__pwned")]
            texts.append(page.evaluate("() => document.documentElement.textContent"))
        problems += _search_for_payloads(searching.new_page(), url)
    for session in (pages, searching):
        session.context.close()
        assert not session.dialogs, f"dialogs opened: {session.dialogs[:5]}"
        assert not session.blocked, f"payloads fetched from off the site: {session.blocked[:5]}"
    assert not problems, "\n".join(problems[:40])
    _assert_shown_as_written(fields, "\n".join(texts))


def _trapped_session(browser, *, search_index: bool):
    """A session whose pages note every pwn(n) a payload calls. The pages are loaded with an
    empty search index (its worker would parse the whole index on each page); the search is
    used in a session of its own, with the real one."""
    session = local_session(browser, search_index=search_index)
    session.context.add_init_script(script=_TRAP)
    return session


def _pages_showing_every_field(site, paths: list[str]) -> list[str]:
    """A page of each kind, then, until every payload is on a chosen page, the page holding
    most payloads not yet chosen: every payload is loaded at least once, on a third fewer
    pages than taking each page that adds one, in site order."""
    markers = {path: set(re.findall(r"ZQ(\d+)Q", _page_file(site, path).read_text(encoding="utf-8")))
               for path in paths}
    picked = set(sample_paths(paths))  # each kind's first page
    seen = set().union(*(markers[path] for path in picked))
    everything = set().union(*markers.values())
    while seen != everything:
        best = max(paths, key=lambda path: len(markers[path] - seen))  # the first, on a tie
        picked.add(best)
        seen |= markers[best]
    return [path for path in paths if path in picked]


def _page_file(site, path: str):
    return site / path if path.endswith(".html") else site / path / "index.html"


def _search_for_payloads(page, url) -> list[str]:
    # Search results are drawn by script from the search index: they must stay text too.
    page.goto(url)
    page.locator(".md-search__input").fill("ZQ1Q")
    try:
        page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=15000)
    except PlaywrightTimeout:
        return ["search results were not shown"]
    ran = page.evaluate("window.__pwned")
    return [f"search results: pwn({n}) ran" for n in ran] + \
        [f"search results: {what}" for what in page.evaluate(_INJECTED)]


def _assert_shown_as_written(fields: list[Field], text: str) -> None:
    shown = set(int(n) for n in re.findall(r"ZQ(\d+)Q", text))
    plain = [f for f in fields if f.kind == "plain"]
    altered = [f"{f.file}{f.path}" for f in plain
               if f.number in shown and literal_marker(f.number) not in text]
    assert not altered, f"plain-text fields not shown exactly as written: {altered[:20]}"
    # Markdown fields are sanitised rather than shown as written, but their words stay. Every
    # title, name, lead and text field must reach a page (that nothing at all is lost is
    # checked against the model by the data tests; here only what carries the payloads).
    must_show = re.compile(r"(title|name|text|leads\[\d+\]|description|outcome)$")
    hidden = [f"{f.file}{f.path}" for f in fields
              if f.number not in shown and must_show.search(f.path)]
    assert not hidden, f"text fields whose words never reach a page: {hidden[:20]}"
