"""The bundled site, built with `mkdocs build --strict` (tests that copy its set-up into a
temporary folder build it with tests.tiny_site.built_site)."""

from __future__ import annotations

from pathlib import Path

from ..tiny_site import built_site

ROOT = Path(__file__).resolve().parents[2]


def build_bundled_site(site_dir: Path) -> Path:
    return built_site(ROOT, site_dir=site_dir)
