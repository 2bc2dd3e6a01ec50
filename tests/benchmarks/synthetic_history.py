"""A git history of R revisions of synthetic plan data, with fixed dates (same input, same ids).

The first revision publishes the plans with no progress; the others publish the quarterly
updates round by round (each update carries its status, and some a slipped target date), and
a few correct a status published in error some revisions earlier. The last revision's data is
exactly `write_plans` of the same plans, so a site built from the checkout matches the history.

Commits are streamed into `git fast-import`: one process, one pack, no per-commit `git` calls.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from datetime import datetime, timedelta, UTC
from pathlib import Path

from tests.benchmarks.synthetic import PlanText, SyntheticAction, SyntheticPlan

AUTHOR = "Data Officer <data.officer@example.invalid>"
FIRST_COMMIT = datetime(2019, 7, 1, 9, 0, tzinfo=UTC)
DAYS_PER_ROUND = 91
BRANCH = "refs/heads/main"


@dataclass(frozen=True)
class History:
    repo: Path
    revisions: int
    data_dir: str = "data"


@dataclass(frozen=True)
class _Event:
    order: float
    plan: int
    action: SyntheticAction
    update: int
    kind: str  # "add" (publish update) or "correct" (fix its status)


def write_history(repo: Path, plans: list[SyntheticPlan], revisions: int, *,
                  project_files: dict[str, str] | None = None) -> History:
    """Create a repository at `repo` with `revisions` commits; check out the last one."""
    rounds = max(len(a.updates) for plan in plans for a in plan.actions())
    events = _events(plans, rounds, revisions)
    chunks = _split(events, revisions - 1)
    step = timedelta(days=DAYS_PER_ROUND * rounds / revisions)  # revisions span the rounds
    texts = [PlanText(plan, published=False) for plan in plans]
    repo.mkdir(parents=True, exist_ok=True)
    _git(repo, "init", "-q")
    # Store blobs whole with light compression: delta-compressing a gigabyte of plan files
    # takes fast-import four times as long, and the history reads the same either way.
    with subprocess.Popen(["git", "-c", "core.bigFileThreshold=128k", "-c", "pack.compression=1",
                           "fast-import", "--quiet", "--done"], cwd=repo,
                          stdin=subprocess.PIPE) as importer:
        stream = importer.stdin
        files = {path: text.encode() for path, text in (project_files or {}).items()}
        files.update({_plan_path(plan): text.text().encode() for plan, text in zip(plans, texts)})
        _commit(stream, 1, FIRST_COMMIT, "Publish the plans (no progress yet)", files)
        for number, chunk in enumerate(chunks, start=2):
            changed = _apply(chunk, texts)
            files = {_plan_path(plans[i]): texts[i].text().encode() for i in sorted(changed)}
            _commit(stream, number, FIRST_COMMIT + step * (number - 1), _message(chunk, plans),
                    files)
        stream.write(b"done\n")
        stream.close()
    if importer.returncode:
        raise RuntimeError(f"git fast-import failed with status {importer.returncode}")
    _git(repo, "symbolic-ref", "HEAD", BRANCH)
    _git(repo, "reset", "-q", "--hard")
    return History(repo, revisions)


def _events(plans: list[SyntheticPlan], rounds: int, revisions: int) -> list[_Event]:
    """Updates in publishing order (round by round), with each correction a few revisions on."""
    adds = [(plan_index, action, update)
            for update in range(rounds)
            for plan_index, plan in enumerate(plans)
            for action in plan.actions() if update < len(action.updates)]
    if revisions < 2 or revisions - 1 > len(adds):
        raise ValueError(f"{revisions} revisions need between 1 and {len(adds)} later ones")
    delay = 3 * len(adds) / (revisions - 1)  # about three revisions later
    events = []
    for position, (plan_index, action, update) in enumerate(adds):
        events.append(_Event(position, plan_index, action, update, "add"))
        if update in action.provisional:
            events.append(_Event(position + delay + 0.5, plan_index, action, update, "correct"))
    return sorted(events, key=lambda e: e.order)


def _split(events: list[_Event], parts: int) -> list[list[_Event]]:
    bounds = [round(i * len(events) / parts) for i in range(parts + 1)]
    return [events[bounds[i]:bounds[i + 1]] for i in range(parts)]


def _apply(chunk: list[_Event], texts: list[PlanText]) -> set[int]:
    for event in chunk:
        text = texts[event.plan]
        if event.kind == "add":
            text.shown[id(event.action)] = event.update + 1
        else:
            text.corrected.add((id(event.action), event.update))
    return {event.plan for event in chunk}


def _message(chunk: list[_Event], plans: list[SyntheticPlan]) -> str:
    rounds = sorted({e.update + 1 for e in chunk if e.kind == "add"})
    names = ", ".join(sorted({plans[e.plan].id for e in chunk}))
    corrections = sum(e.kind == "correct" for e in chunk)
    subject = f"Progress round {rounds[0]}-{rounds[-1]}" if len(rounds) > 1 else \
        f"Progress round {rounds[0]}" if rounds else "Status corrections"
    body = f"{names}: {sum(e.kind == 'add' for e in chunk)} updates"
    if corrections:
        body += f", {corrections} status corrected"
    return f"{subject}\n\n{body}\n"


def _commit(stream, number: int, when: datetime, message: str, files: dict[str, bytes]) -> None:
    stamp = f"{int(when.timestamp())} +0000"
    message_bytes = message.encode()
    out = [f"commit {BRANCH}\nmark :{number}\n".encode(),
           f"author {AUTHOR} {stamp}\ncommitter {AUTHOR} {stamp}\n".encode(),
           f"data {len(message_bytes)}\n".encode(), message_bytes, b"\n"]
    if number > 1:
        out.append(f"from :{number - 1}\n".encode())
    for path, content in files.items():
        out += [f"M 100644 inline {path}\ndata {len(content)}\n".encode(), content, b"\n"]
    out.append(b"\n")
    stream.write(b"".join(out))


def _plan_path(plan: SyntheticPlan) -> str:
    return f"data/plans/{plan.file_name}"


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True,
                          text=True).stdout
