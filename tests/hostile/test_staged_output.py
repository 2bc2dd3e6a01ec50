"""Nothing published half-way: a build that fails leaves the last good site byte for byte.

The adapter builds into a staging folder beside the output folder and swaps it in only
when the whole build (including MkDocs' --strict check) succeeds.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from types import SimpleNamespace

import pytest

from actionplan.mkdocs_plugin.serve import is_dev_server_build
from actionplan.mkdocs_plugin.staging import StagedSiteDir

from ..unit.plan_text import VALID
from ..tiny_site import ENV, make_project, mkdocs

PROJECT_ENTRIES = ["content", "data", "mkdocs.yml"]


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def built(tmp_path) -> Path:
    project = make_project(tmp_path / "project", plans={"plan.yaml": VALID})
    result = mkdocs(project, "build", "--strict")
    assert result.returncode == 0, result.stderr
    return project


# --- the staging folder itself ---------------------------------------------------------

def test_publish_puts_the_new_build_in_place_of_the_old(tmp_path):
    target = tmp_path / "site"
    (target / "old").mkdir(parents=True)
    (target / "old" / "page.html").write_text("old")
    staged = StagedSiteDir(target)
    (staged.prepare() / "new.html").write_text("new")
    staged.publish()
    assert snapshot(target) == {"new.html": b"new"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_publish_creates_a_missing_output_folder(tmp_path):
    staged = StagedSiteDir(tmp_path / "out" / "site")
    (staged.prepare() / "index.html").write_text("x")
    staged.publish()
    assert snapshot(tmp_path / "out" / "site") == {"index.html": b"x"}


def test_discard_keeps_the_last_good_site(tmp_path):
    target = tmp_path / "site"
    target.mkdir()
    (target / "index.html").write_text("good")
    staged = StagedSiteDir(target)
    (staged.prepare() / "half.html").write_text("half")
    staged.discard()
    assert snapshot(target) == {"index.html": b"good"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_what_a_killed_build_left_is_cleared_once_a_new_site_is_in_place(tmp_path):
    (tmp_path / "site").mkdir()
    staged = StagedSiteDir(tmp_path / "site")
    leftover = tmp_path / ".site.actionplan-new-killed"
    leftover.mkdir()
    (leftover / "stale.html").write_text("stale")
    retired = tmp_path / ".site.actionplan-old"
    retired.mkdir()
    (staged.prepare() / "new.html").write_text("new")
    assert leftover.exists() and retired.exists()  # nothing deleted before the swap
    staged.publish()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_linked_output_folder_stays_a_link(tmp_path):
    real = tmp_path / "www"
    real.mkdir()
    (real / "old.html").write_text("old")
    link = tmp_path / "site"
    link.symlink_to(real, target_is_directory=True)
    staged = StagedSiteDir(link)
    (staged.prepare() / "new.html").write_text("new")
    staged.publish()
    assert link.is_symlink() and snapshot(real) == {"new.html": b"new"}


def test_a_build_for_the_development_server_is_recognised():
    dev_addr = SimpleNamespace(host="127.0.0.1", port=8000)
    assert is_dev_server_build("http://127.0.0.1:8000/", dev_addr)
    assert is_dev_server_build("http://127.0.0.1:8000/plans/", dev_addr)  # a sub-path site
    assert not is_dev_server_build("https://plans.example.org/", dev_addr)
    assert not is_dev_server_build("http://127.0.0.1:8001/", dev_addr)
    assert not is_dev_server_build(None, dev_addr)


# --- real builds ------------------------------------------------------------------------

def test_a_build_that_fails_midway_leaves_the_previous_site_byte_identical(built):
    before = snapshot(built / "site")
    override = built / "overrides" / "actionplan" / "action.html"
    override.parent.mkdir(parents=True)
    override.write_text("<p>{{ action.title }}</p>\n{{ no_such_value.title }}\n", encoding="utf-8")
    (built / "data" / "plans" / "plan.yaml").write_text(VALID.replace("First action", "Changed"),
                                                       encoding="utf-8")
    result = mkdocs(built, "build", "--strict")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "the page template action.html:2 failed: 'no_such_value' is undefined" in result.stderr
    assert snapshot(built / "site") == before
    assert sorted(p.name for p in built.iterdir()) == ["content", "data", "mkdocs.yml",
                                                        "overrides", "site"]


def test_a_successful_build_replaces_the_site_and_leaves_no_staging_folder(built):
    (built / "data" / "plans" / "plan.yaml").write_text(VALID.replace("First action", "Renamed"),
                                                       encoding="utf-8")
    stray = built / "site" / "stray.html"
    stray.write_text("from an older build")
    result = mkdocs(built, "build", "--strict")
    assert result.returncode == 0, result.stderr
    page = built / "site" / "plans" / "test-plan" / "actions" / "1.1" / "index.html"
    assert "Renamed" in page.read_text(encoding="utf-8")
    assert not stray.exists()  # a clean build, as MkDocs does it
    assert sorted(p.name for p in built.iterdir()) == PROJECT_ENTRIES + ["site"]


def test_build_with_another_output_folder(built):
    result = mkdocs(built, "build", "--strict", "-d", str(built / "public"))
    assert result.returncode == 0, result.stderr
    assert (built / "public" / "plans" / "test-plan" / "index.html").is_file()
    assert snapshot(built / "public") == snapshot(built / "site")
    assert sorted(p.name for p in built.iterdir()) == PROJECT_ENTRIES + ["public", "site"]


def test_a_dirty_build_writes_in_place(built):
    marker = built / "site" / "kept.txt"
    marker.write_text("kept")
    result = mkdocs(built, "build", "--dirty")
    assert result.returncode == 0, result.stderr
    assert marker.read_text() == "kept"  # --dirty keeps what is there: no staging
    assert sorted(p.name for p in built.iterdir()) == PROJECT_ENTRIES + ["site"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _fetch_when_up(url: str, process: subprocess.Popen, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, process.communicate()[1]
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"{url} did not answer within {seconds} s")


@pytest.mark.parametrize("tool", ["mkdocs", "properdocs"])
@pytest.mark.parametrize("flags", [[], ["--clean"]], ids=["serve", "serve-clean"])
def test_serve_still_serves_the_plans(tmp_path, flags, tool):
    # ProperDocs names its temporary folder its own way: serving is told by the address.
    project = make_project(tmp_path / "project", plans={"plan.yaml": VALID})
    port = _free_port()
    process = subprocess.Popen([sys.executable, "-m", tool, "serve", "--no-livereload",
                                "-a", f"127.0.0.1:{port}", *flags], cwd=project, env=ENV,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        html = _fetch_when_up(f"http://127.0.0.1:{port}/plans/test-plan/", process)
    finally:
        process.terminate()
        process.communicate(timeout=30)
    assert "<h1>Test plan</h1>" in html
    assert sorted(p.name for p in project.iterdir()) == PROJECT_ENTRIES  # serve writes no site/


def test_a_broken_home_page_table_override_is_a_message(built):
    override = built / "overrides" / "actionplan" / "plans_overview.html"
    override.parent.mkdir(parents=True)
    override.write_text("{% for plan in site.plans %}{{ plan.nothing.here }}{% endfor %}\n",
                        encoding="utf-8")
    result = mkdocs(built, "build")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "index.md: the page template plans_overview.html:1 failed: " in result.stderr
