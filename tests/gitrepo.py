"""Scripted git repositories for history tests: fixed author, fixed dates, one call a commit."""

from __future__ import annotations

import os
import subprocess
from datetime import date, timedelta
from pathlib import Path

AUTHOR = {"GIT_AUTHOR_NAME": "Test Officer", "GIT_AUTHOR_EMAIL": "officer@example.org",
          "GIT_COMMITTER_NAME": "Test Officer", "GIT_COMMITTER_EMAIL": "officer@example.org"}


class GitRepo:
    """A repository in `root`; each `commit` gets the next date from `start` (one a day)."""

    def __init__(self, root: Path, start: str = "2026-01-05T09:00:00+00:00"):
        self.root = root
        self.day = 0
        self.start = start
        root.mkdir(parents=True, exist_ok=True)
        self.git("init", "--quiet", "--initial-branch=main")
        self.git("config", "commit.gpgsign", "false")

    def git(self, *args: str, env: dict | None = None) -> str:
        return git(self.root, *args, env=env)

    def write(self, path: str, text: str) -> None:
        target = self.root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")

    def commit(self, message: str, *, date: str | None = None) -> str:
        """Commit everything in the folder; return the full hash."""
        when = date or self._next_date()
        self.git("add", "--all")
        self.git("commit", "--quiet", "--allow-empty", "-m", message,
                 env={"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when})
        return self.git("rev-parse", "HEAD")

    def _next_date(self) -> str:
        day, time = self.start.split("T")
        moment = date.fromisoformat(day) + timedelta(days=self.day)
        self.day += 1
        return f"{moment.isoformat()}T{time}"


def git(root: Path, *args: str, env: dict | None = None) -> str:
    """`git ARGS` in the repository at `root`, as the test officer; its output."""
    full_env = {**os.environ, **AUTHOR, "GIT_CONFIG_NOSYSTEM": "1", **(env or {})}
    full_env.pop("GIT_DIR", None)
    done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True,
                          env=full_env, check=True)
    return done.stdout.strip()
