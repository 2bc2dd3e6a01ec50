"""Same data and history, same bytes: two builds of the bundled site are identical, file for file.

MkDocs stamps each page's "last updated" (the sitemap's lastmod, the sitemap.xml.gz time)
with the build day; the plugin uses the day the sources last changed in git instead
(SOURCE_DATE_EPOCH still wins when set).
"""

from __future__ import annotations

import gzip
import os
import struct
import subprocess
from datetime import date
from pathlib import Path

import pytest

from ..tiny_site import ENV, build, copy_bundled_site, mkdocs
from .test_staged_output import snapshot

ROOT = Path(__file__).resolve().parents[2]


def test_two_builds_of_the_bundled_site_are_byte_identical(bundled_site, tmp_path):
    # The session's build (in the test process) and one in a process of its own: a different
    # hash seed, so an order that depends on hashing (a set of strings) shows as a difference.
    result = mkdocs(ROOT, "build", "--strict", "-d", str(tmp_path / "second"), own_process=True)
    assert result.returncode == 0, result.stderr
    first, second = snapshot(bundled_site), snapshot(tmp_path / "second")
    assert len(first) > 50 and "search/search_index.json" in first
    assert "sitemap.xml" in first and "sitemap.xml.gz" in first
    assert sorted(first) == sorted(second)
    different = [path for path in first if first[path] != second[path]]
    assert different == []


def _commit_everything(project: Path, when: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when,
           "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org"}
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "Plans"]):
        subprocess.run(["git", *command], cwd=project, env=env, check=True)


@pytest.mark.slow
def test_sitemap_dates_come_from_the_history_not_the_build_day(tmp_path):
    project = copy_bundled_site(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text("site_url: https://plans.example.org/\n" + config.read_text("utf-8"),
                      encoding="utf-8")
    _commit_everything(project, "2021-03-04T12:00:00+00:00")
    env_without_epoch = {k: v for k, v in ENV.items() if k != "SOURCE_DATE_EPOCH"}
    result = build(project, env=env_without_epoch)
    assert result.returncode == 0, result.stderr
    sitemap = (project / "site" / "sitemap.xml").read_text("utf-8")
    assert sitemap.count("<loc>") > 50
    assert sitemap.count("<lastmod>2021-03-04</lastmod>") == sitemap.count("<loc>")
    assert date.today().isoformat() not in sitemap
    packed = (project / "site" / "sitemap.xml.gz").read_bytes()
    assert struct.unpack("<I", packed[4:8])[0] == 1614816000  # 2021-03-04 00:00 UTC
    assert gzip.decompress(packed).decode("utf-8") == sitemap
