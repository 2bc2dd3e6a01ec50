"""How long an officer waits under `mkdocs serve`: from saving one status change in one plan
file to the served action page showing it.

    .venv/bin/python -m tests.benchmarks.preview_timing PROJECT   # a project folder with data/

A real `mkdocs serve` subprocess on a free 127.0.0.1 port. Each edit sets the status of the
latest progress update of the first action in the first plan file (alternately "completed"
and "ongoing", so every save changes what the page says), and the action page is fetched over
HTTP every 50 ms until its status line shows the new status. The figure is the median of five
edits; the file is put back as it was at the end. The first edit sets the status the line does
not have. Not part of the test suite.
"""

from __future__ import annotations

import os
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

EDITS = 5
STATUSES = ("completed", "ongoing")
_STATUS_SHOWN = re.compile(r'class="ap-status-line">Status: <strong class="ap-status ap-status--'
                           r'([a-z_-]+)"')
_ACTION_ID = re.compile(r"^(\s*)- id: '?([^'\s]+)'?\s*$")
# `status: completed`, or `status:` with `code: completed` on the next line; the edit sets
# the value of either.
_STATUS_KEY = re.compile(r"^\s*(?:- )?status:")
STATUS_LINE = re.compile(r"^(\s*(?:- )?(?:status|code): )(\S+)\s*$")


def measure_preview(project: Path, *, start_timeout: float = 900, edit_timeout: float = 600,
                    edits: int = EDITS) -> float:
    """The median, in seconds (wall), of `edits` saves until the served page shows each."""
    plan_file = sorted((project / "data" / "plans").glob("*.yaml"))[0]
    original = plan_file.read_bytes()
    lines = original.decode("utf-8").splitlines(keepends=True)
    plan_id, action_id, status_line = first_action_status(lines)
    page = f"/plans/{plan_id}/actions/{action_id}/"
    server = _Serve(project)
    try:
        server.wait_for(page, lambda html: _STATUS_SHOWN.search(html) is not None, start_timeout)
        times = []
        statuses = statuses_from(lines[status_line])
        for edit in range(edits):
            status = statuses[edit % 2]
            edited = list(lines)
            edited[status_line] = STATUS_LINE.sub(rf"\g<1>{status}\n", lines[status_line])
            saved = time.perf_counter()
            plan_file.write_text("".join(edited), encoding="utf-8")
            shown = server.wait_for(page, lambda html, s=status: _shows(html, s), edit_timeout,
                                    since=saved)
            times.append(shown)
        return statistics.median(times)
    finally:
        server.stop()
        plan_file.write_bytes(original)


def statuses_from(line: str) -> tuple[str, str]:
    """The two statuses to alternate, the first not the one the line has: every save changes."""
    match = STATUS_LINE.match(line)
    return STATUSES[::-1] if match and match.group(2) == STATUSES[0] else STATUSES


def _shows(html: str, status: str) -> bool:
    match = _STATUS_SHOWN.search(html)
    return match is not None and match.group(1).replace("-", "_") == status


def first_action_status(lines: list[str]) -> tuple[str, str, int]:
    """The plan's id, its first action's id and the line of that action's last status."""
    plan_id = next(line.split(":", 1)[1].strip() for line in lines
                   if line.startswith("  id: "))
    action_id, indent, last_status = None, None, None
    for number, line in enumerate(lines):
        found = _ACTION_ID.match(line)
        if found and action_id is None and "actions:" in lines[number - 1]:
            action_id, indent = found.group(2), len(found.group(1))
        elif found and action_id is not None and len(found.group(1)) <= indent:
            break
        elif action_id is not None and _STATUS_KEY.match(line):
            if STATUS_LINE.match(line):
                last_status = number
            elif number + 1 < len(lines) and STATUS_LINE.match(lines[number + 1]):
                last_status = number + 1
    if action_id is None or last_status is None:
        raise SystemExit("preview timing: no action with a progress status in the first plan")
    return plan_id, action_id, last_status


class _Serve:
    def __init__(self, project: Path):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
        self.log = (project.parent / f"{project.name}-serve.log").open("wb")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{self.port}"],
            cwd=project, stdout=self.log, stderr=subprocess.STDOUT, env=env)

    def wait_for(self, path: str, ready, timeout: float, since: float | None = None) -> float:
        start = since if since is not None else time.perf_counter()
        while time.perf_counter() - start < timeout:
            if self.process.poll() is not None:
                raise SystemExit(f"mkdocs serve stopped; see {self.log.name}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}{path}",
                                            timeout=10) as response:
                    if ready(response.read().decode("utf-8")):
                        return time.perf_counter() - start
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.05)
        raise SystemExit(f"mkdocs serve did not show {path} as expected in {timeout:.0f} s")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


def main(argv: list[str] | None = None) -> int:
    project = Path((argv or sys.argv[1:])[0])
    print(f"preview_s={measure_preview(project):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
