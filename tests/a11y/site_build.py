"""Where the bundled site's set-up is (its build is the session fixture `bundled_site`, in
tests/conftest.py; tests that copy the set-up into a temporary folder build it with
tests.tiny_site.built_site)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
