"""A tiny MkDocs project in a temporary folder, and the two commands officers run on it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

MKDOCS_YML = """\
site_name: Test site
docs_dir: content
site_dir: site
theme:
  name: material
  font: false
plugins:
  - search
  - actionplan
"""

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true",
       "PYTHONDONTWRITEBYTECODE": "1"}


def make_site(root: Path, plans: dict[str, bytes | str] | None = None) -> Path:
    """mkdocs.yml, a home page and data/plans/ holding `plans` (file name -> content)."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    (root / "content").mkdir(exist_ok=True)
    (root / "content" / "index.md").write_text("# Home\n\n<!-- actionplan:plans -->\n",
                                               encoding="utf-8")
    plans_dir = root / "data" / "plans"
    plans_dir.mkdir(parents=True, exist_ok=True)
    for name, content in (plans or {}).items():
        path = plans_dir / name
        if isinstance(content, str):
            path.write_bytes(content.encode("utf-8"))
        else:
            path.write_bytes(content)
    return root


def mkdocs(project: Path, *args: str) -> subprocess.CompletedProcess:
    """`mkdocs ARGS` run in the project folder, as a publisher would run it."""
    return subprocess.run([sys.executable, "-m", "mkdocs", *args], cwd=project, env=ENV,
                          capture_output=True, text=True, timeout=300)


def validate(project: Path, *paths: str) -> subprocess.CompletedProcess:
    """`actionplan validate PATHS` run in the project folder, as an officer would run it."""
    return subprocess.run([sys.executable, "-m", "actionplan.cli", "validate", *paths],
                          cwd=project, env=ENV, capture_output=True, text=True, timeout=300)


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))
