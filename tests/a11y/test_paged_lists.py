"""Lists that go on over numbered pages (changelogs, browse listings), in the browser.

The bundled site's lists all fit on one page, so the sweep of every page never meets page 2
of a list. Here the bundled site is built again with a page size of 3, and the numbered
pages it gets (changes/older/2/, browse/.../page/2/ ...) are checked as every page is:
axe-core, structure and 320 px reflow in Chromium, and the Nu HTML Checker.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from . import tools
from .browser import local_session
from .checks import report, sweep_site
from .conftest import SWEEP_TABS
from .server import page_paths, serve
from ..tiny_site import built_site
from .site_build import ROOT
from .vnu import vnu_errors

# Page n of a list, one plan's page of a long index of leads or departments, and a lead's
# listing under it (its breadcrumbs pass through that page).
_NUMBERED = re.compile(r"/(?:page|older)/\d+/$|^browse/(?:lead|department)/[^/]+/(?:[^/]+/)?$")


@pytest.fixture(scope="module")
def paged_site(tmp_path_factory) -> Path:
    # Beside the bundled mkdocs.yml, so the data, content and git history are the same.
    config = ROOT / f".paged-{os.getpid()}.mkdocs.yml"
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    paged = text.replace("      data_dir: data\n", "      data_dir: data\n      page_size: 3\n", 1)
    assert paged != text, "mkdocs.yml no longer sets data_dir: put page_size elsewhere"
    config.write_text(paged, encoding="utf-8")
    try:
        return built_site(ROOT, "-f", str(config),
                          site_dir=tmp_path_factory.mktemp("paged") / "site")
    finally:
        config.unlink()


@pytest.fixture(scope="module")
def numbered_pages(paged_site) -> list[str]:
    """One numbered page of each browse facet and of each changelog, and one plan's page of
    each long index."""
    numbered = [p for p in page_paths(paged_site) if _NUMBERED.search(p)]
    chosen: dict[str, str] = {}
    for path in numbered:
        kind = path.split("/older/")[0] if path.startswith("changes/") else (
            "/".join(path.split("/")[:2]) + ("/page" if "/page/" in path else
                                             f"/depth {path.count('/')}"))
        chosen.setdefault(kind, path)
    return list(chosen.values())


def test_long_lists_get_numbered_pages_of_each_kind(numbered_pages):
    assert any(p.startswith("changes/older/") for p in numbered_pages)
    assert any(re.match(r"changes/[^/]+/older/", p) for p in numbered_pages)
    assert any(p.startswith("browse/") and "/page/" in p for p in numbered_pages)
    assert "browse/lead/charnwood-2016-2018/" in numbered_pages
    assert any(p.startswith("browse/lead/charnwood-2016-2018/") and p.count("/") == 4
               for p in numbered_pages)


@pytest.mark.a11y_check("axe")
def test_numbered_pages_pass_axe_structure_and_reflow(browser, paged_site, numbered_pages):
    session = local_session(browser, with_axe=True)
    with serve(paged_site) as url:
        sweep = sweep_site([session.new_page() for _ in range(SWEEP_TABS)], url,
                           numbered_pages)
    session.context.close()
    findings = sweep.axe + sweep.structure + sweep.reflow
    assert len(sweep.pages) == len(numbered_pages) > 3
    assert not findings, report(findings)


@pytest.mark.a11y_check("vnu")
def test_numbered_pages_pass_the_nu_html_checker(paged_site, numbered_pages, tmp_path):
    tools.require_vnu()
    for path in numbered_pages:
        target = tmp_path / path / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(paged_site / path / "index.html", target)
    errors = vnu_errors(tmp_path)
    assert not errors, report(errors)

