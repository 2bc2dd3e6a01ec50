"""A copy of the bundled data in a temporary project folder, and the command line to run."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from actionplan.cli import main

from ..conftest import FIXTURES, ROOT


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    """The bundled plans and the mini fixture under data/plans, as the current folder."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copy(FIXTURES / "data" / "plans" / "mini.yaml", tmp_path / "data" / "plans")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def run(capsys):
    """Run `actionplan ARGS...`; return (exit status, standard output, standard error)."""
    def run(*args: str) -> tuple[int, str, str]:
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return code, out, err
    return run
