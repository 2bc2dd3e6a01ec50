"""ProperDocs, the maintained continuation of MkDocs 1.x, builds the bundled site to the same
bytes as MkDocs, but for the generator tag each writes into every page."""

from __future__ import annotations

import re
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import pytest

from .tiny_site import ENV

ROOT = Path(__file__).resolve().parents[1]

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def _build(tool: str, project: Path, site: Path) -> dict[str, bytes]:
    """Every file `tool build --strict` writes, the generator tag taken out."""
    result = subprocess.run([sys.executable, "-m", tool, "build", "--strict", "-d", str(site)],
                            cwd=project, env=ENV, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, f"{tool} build --strict failed:\n{result.stderr}"
    return {p.relative_to(site).as_posix(): GENERATOR.sub(b"", p.read_bytes())
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_the_plugin_is_registered_for_properdocs_too():
    for group in ("mkdocs.plugins", "properdocs.plugins"):
        names = {ep.name: ep.value for ep in entry_points(group=group)}
        assert names.get("actionplan") == "actionplan.mkdocs_plugin.plugin:ActionPlanPlugin"


@pytest.mark.slow
def test_mkdocs_and_properdocs_build_the_bundled_site_to_the_same_bytes(bundled_site, tmp_path):
    # MkDocs' build is the session's (tests/conftest.py: the same project, `--strict`).
    by_mkdocs = {p.relative_to(bundled_site).as_posix(): GENERATOR.sub(b"", p.read_bytes())
                 for p in sorted(bundled_site.rglob("*")) if p.is_file()}
    by_properdocs = _build("properdocs", ROOT, tmp_path / "properdocs-site")
    assert len(by_mkdocs) > 400
    assert sorted(by_mkdocs) == sorted(by_properdocs)
    differ = [path for path in by_mkdocs if by_mkdocs[path] != by_properdocs[path]]
    assert differ == []
