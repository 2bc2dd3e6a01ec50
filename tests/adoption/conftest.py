"""The wheel, built once per session from a copy of the sources (so the build leaves nothing
in the working tree), as `pip wheel` builds it for the package index."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ..conftest import ROOT
from ..tiny_site import ENV

SOURCES = ("pyproject.toml", "README.md", "LICENSE", "plugins")


@pytest.fixture(scope="session")
def wheel(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    source.mkdir()
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name,
                            ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copy(ROOT / name, source / name)
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet",
                             "--wheel-dir", str(work / "dist"), str(source)],
                            env=ENV, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"pip wheel failed:\n{result.stderr}"
    (built,) = (work / "dist").glob("actionplan-*.whl")
    return built
