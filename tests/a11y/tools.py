"""Where the browser and checkers live, and what a test does when one is missing.

Under CI (CI=true) a missing tool fails the test: the checks must run there. Elsewhere the
test is skipped with the reason and the command that installs the tool.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
from functools import cache
from pathlib import Path

import pytest

HERE = Path(__file__).parent
NODE_MODULES = HERE / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROMIUM = Path("/usr/bin/chromium")
INSTALL_HINT = "run `bash .ci/run`, which installs it"

# Chromium as the field notes describe: no sandbox (root in CI), and nothing that phones home.
# No host name resolves, so a page can reach 127.0.0.1 and nothing else; each session writes
# down the requests that tried (tests.a11y.browser.LocalSession.blocked).
# The three features turned off keep each page a tab left in memory for the back button and
# give every navigation a fresh frame; without them, loading and checking a page took about
# a tenth longer (0.52-0.57 s against 0.47-0.50 s, three runs each). No test goes back.
# JavaScript runs without V8's optimising compilers (Maglev, TurboFan; --max-opt=1 keeps the
# interpreter and Sparkplug's quick compiler): each page is a new document, so the optimised
# code of its scripts and axe-core, compiled on background threads, is thrown away at the next
# page. Same scripts, same results; the browser's processor time for loading and checking a
# page fell by a fifth (690-720 ms against 535-555 ms, three runs of 60 pages each).
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                 "--disable-features=BackForwardCache,RenderDocument,"
                 "ProactivelySwapBrowsingInstance",
                 "--js-flags=--max-opt=1"]


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def require(what: str, present: bool) -> None:
    """Fail under CI, skip elsewhere, when a tool the test needs is not installed."""
    if present:
        return
    message = f"{what} is not installed: {INSTALL_HINT}"
    if in_ci():
        pytest.fail(f"{message} (CI=true: browser and validator checks never skip)")
    pytest.skip(message)


def require_browser() -> None:
    require("Chromium (/usr/bin/chromium, Debian package `chromium`)", CHROMIUM.exists())
    require("Playwright (PyPI `playwright`, the `test` extra)", _has_playwright())
    require("axe-core (npm, tests/a11y/node_modules)", AXE_JS.exists())


def require_vnu() -> None:
    require("Java (Debian package `default-jre-headless`)", shutil.which("java") is not None)
    require("Nu HTML Checker (npm `vnu-jar`, tests/a11y/node_modules)", VNU_JAR.exists())


def _has_playwright() -> bool:
    return importlib.util.find_spec("playwright") is not None


@cache
def axe_version() -> str:
    return _npm_version("axe-core")


@cache
def vnu_version() -> str:
    return _npm_version("vnu-jar")


def playwright_version() -> str:
    from importlib.metadata import version
    return version("playwright")


def _npm_version(package: str) -> str:
    manifest = NODE_MODULES / package / "package.json"
    return json.loads(manifest.read_text(encoding="utf-8"))["version"]
