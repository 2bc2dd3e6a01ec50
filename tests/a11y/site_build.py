"""Build the bundled site, or a tiny one in a temporary folder, with `mkdocs build --strict`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


def build_site(config: Path, site_dir: Path) -> Path:
    """`mkdocs build --strict` of the project whose mkdocs.yml is `config`; stops on failure."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site_dir)],
        cwd=config.parent, env=ENV, capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        raise AssertionError(f"mkdocs build --strict failed:\n{result.stderr}")
    return site_dir


def build_bundled_site(site_dir: Path) -> Path:
    return build_site(ROOT / "mkdocs.yml", site_dir)
