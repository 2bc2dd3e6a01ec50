"""Run a real `mkdocs serve` on a free 127.0.0.1 port, read its pages, and stop it."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

WAIT = 90  # seconds: a slow CI machine builds in a few seconds; this only bounds a failure
NOTICE = "actionplan-data-problems"  # the class of the data-problems notice on every page


class Server:
    def __init__(self, project: Path, *, log: Path | None = None):
        self.project = project
        self.port = _free_port()
        self.log = log or project / "serve.log"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
        with self.log.open("wb") as out:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{self.port}"],
                cwd=project, stdout=out, stderr=subprocess.STDOUT, env=env)

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def get(self, path: str = "/") -> tuple[int, str]:
        url = f"http://127.0.0.1:{self.port}{path}"
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, ""
        except OSError:
            return 0, ""

    def wait_for(self, what: str, test) -> None:
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"mkdocs serve stopped while waiting for {what}:\n{self.output()}")
            if test():
                return
            time.sleep(0.3)
        pytest.fail(f"timed out waiting for {what}:\n{self.output()}")

    def page_has(self, text: str, path: str = "/") -> bool:
        status, body = self.get(path)
        return status == 200 and text in body

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=20)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
