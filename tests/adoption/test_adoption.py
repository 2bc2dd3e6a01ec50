"""A council adopts actionplan as README's "Use it for your own council" says: the wheel in a
fresh virtualenv (its dependencies from the package index, nothing borrowed from this
environment), `actionplan new-site` in an empty folder, `mkdocs build --strict` and
`properdocs build --strict`; then every page's styles and scripts exist, the skip link lands,
the statement claims nothing untested, and axe finds nothing on a page of each kind."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ..built_pages import broken_skip_links, missing_assets
from ..tiny_site import ENV

SITE_URL = "https://org.github.io/plans/"  # a GitHub Pages project site: under a sub-path
# Nothing of this checkout may leak into the council's environment.
CLEAN_ENV = {k: v for k, v in ENV.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}


def _run(*args, cwd: Path, timeout: int = 900) -> str:
    result = subprocess.run([str(a) for a in args], cwd=cwd, env=CLEAN_ENV, capture_output=True,
                            text=True, timeout=timeout)
    assert result.returncode == 0, f"{' '.join(map(str, args))} failed:\n{result.stderr}"
    return result.stdout


@pytest.fixture(scope="module")
def council(wheel, tmp_path_factory) -> Path:
    """The council's new site folder, built by both tools."""
    work = tmp_path_factory.mktemp("council")
    venv = work / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=work)  # no system packages
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    # Installed into the new environment by this one's pip (`--python`), which saves putting a
    # pip into it, without byte-compiling every module of every package (Python compiles what
    # it imports): about 9 of 20 seconds, with the same packages installed.
    _run(sys.executable, "-m", "pip", "--python", bin_dir / "python", "install", "--quiet",
         "--no-compile", wheel, "properdocs", cwd=work)
    installed = _run(bin_dir / "python", "-c", "import actionplan; print(actionplan.__file__)",
                     cwd=work)
    assert Path(installed.strip()).is_relative_to(venv), installed  # the wheel, not this checkout
    empty = work / "empty"
    empty.mkdir()
    _run(bin_dir / "actionplan", "new-site", "mysite", "--site-url", SITE_URL, cwd=empty)
    site = empty / "mysite"
    _run(bin_dir / "mkdocs", "build", "--strict", cwd=site)
    _run(bin_dir / "properdocs", "build", "--strict", "--site-dir", "properdocs-site", cwd=site)
    return site


def test_every_page_finds_its_styles_and_scripts_under_the_sub_path(council):
    for built in (council / "site", council / "properdocs-site"):
        pages = list(built.rglob("*.html"))
        assert len(pages) > 10
        assert (built / "assets" / "actionplan" / "keyboard.js").is_file()
        assert missing_assets(built, base_path="/plans/") == []


def test_every_skip_link_lands_on_the_page(council):
    assert broken_skip_links(council / "site") == []


def test_the_statement_says_the_site_is_not_yet_tested(council):
    statement = (council / "site" / "accessibility" / "index.html").read_text(encoding="utf-8")
    assert "This website has not yet been tested automatically." in statement
    assert "using just a keyboard" not in statement and "last tested on" not in statement


def test_axe_finds_nothing_on_a_page_of_each_kind(council, shared_browser):
    # Under CI=true a missing browser fails this test instead of skipping it (tools.require).
    from ..a11y.browser import local_session
    from ..a11y.checks import axe_findings, open_page, report, sample_paths
    from ..a11y.server import page_paths, serve

    site = council / "site"
    paths = [p for p in sample_paths(page_paths(site)) if p != "404.html"]
    assert len(paths) >= 5
    session = local_session(shared_browser, with_axe=True)
    page = session.new_page()
    findings = []
    with serve(site) as url:
        for path in paths:
            open_page(page, url + path)
            findings += axe_findings(page, path)
    session.context.close()
    assert not findings, report(findings)
    assert session.blocked == []  # the pages load nothing from outside the site
