"""Fixtures: a scripted history repository, made once per test module (git is slowish)."""

from __future__ import annotations

import pytest

from actionplan.history import HistoryCache
from tests.gitrepo import GitRepo
from tests.history.scripted import script


@pytest.fixture(scope="module")
def scripted(tmp_path_factory):
    """(repo, {step name: commit hash}) for the scripted revisions."""
    repo = GitRepo(tmp_path_factory.mktemp("history") / "site")
    return repo, script(repo)


@pytest.fixture(autouse=True)
def cold_cache():
    """Each test starts with nothing remembered in memory."""
    HistoryCache.forget_all()
    yield
    HistoryCache.forget_all()
