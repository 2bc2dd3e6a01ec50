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

import re
import statistics
import sys
import time
from pathlib import Path

from tests.serving import Server

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
    # The log beside the project, not in it: the folder may be a clone of a real site.
    server = Server(project, log=project.parent / f"{project.name}-serve.log")
    try:
        _seconds_until(server, page, lambda html: _STATUS_SHOWN.search(html) is not None,
                       start_timeout)
        times = []
        statuses = statuses_from(lines[status_line])
        for edit in range(edits):
            status = statuses[edit % 2]
            edited = list(lines)
            edited[status_line] = STATUS_LINE.sub(rf"\g<1>{status}\n", lines[status_line])
            saved = time.perf_counter()
            plan_file.write_text("".join(edited), encoding="utf-8")
            shown = _seconds_until(server, page, lambda html, s=status: _shows(html, s),
                                   edit_timeout, since=saved)
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


def _seconds_until(server: Server, path: str, ready, timeout: float,
                   since: float | None = None) -> float:
    """Seconds from `since` (or now) until the served page at `path` passes `ready`, fetched
    every 50 ms; a benchmark script, so a failure ends it with a message (no pytest)."""
    start = since if since is not None else time.perf_counter()
    while time.perf_counter() - start < timeout:
        if server.process.poll() is not None:
            raise SystemExit(f"mkdocs serve stopped; see {server.log}")
        status, html = server.get(path)
        if status == 200 and ready(html):
            return time.perf_counter() - start
        time.sleep(0.05)
    raise SystemExit(f"mkdocs serve did not show {path} as expected in {timeout:.0f} s")


def main(argv: list[str] | None = None) -> int:
    project = Path((argv or sys.argv[1:])[0])
    print(f"preview_s={measure_preview(project):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
