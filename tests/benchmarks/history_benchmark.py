"""Benchmark: read the history of a data folder with 1,000 revisions, cold and warm.

    .venv/bin/python tests/benchmarks/history_benchmark.py [--revisions N] [--keep DIR]

Prints one `name seconds` line per figure. Targets: history_cold about 2 s or less for 1,000
revisions; history_warm (a rebuild with no new commit, from the on-disk cache in a new
process) about 0.2 s. Not a test: pytest does not collect this file.

`make_synthetic_repo` is the reusable part: it writes a git repository whose data/plans
folder has `plans` plans of `actions` actions each, changed by `revisions` commits of the
kinds officers make (status updates, slipped dates, rewording, actions added and removed,
now and then a reformat or an invalid revision that is fixed in the next commit).
"""

from __future__ import annotations

import argparse
import copy
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "plugins"))

from actionplan.history import HistoryCache, read_history  # noqa: E402

_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_START = 1_600_000_000  # commit dates: fixed, one hour apart
_STATUSES = ["not_started", "in_progress", "ongoing", "completed", "rescheduled"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]


def make_synthetic_repo(root: Path, *, revisions: int = 1000, plans: int = 4,
                        actions: int = 60, seed: int = 4) -> Path:
    """A git repository at `root` with `revisions` commits to data/plans; returns `root`."""
    rng = random.Random(seed)
    data = {f"plan-{n}": _plan(f"plan-{n}", actions, rng) for n in range(plans)}
    root.mkdir(parents=True, exist_ok=True)
    subprocess.run(["git", "init", "--quiet", "--initial-branch=main", str(root)], check=True)
    stream = _Stream()
    for n, plan_id in enumerate(data):
        stream.commit(f"data/plans/{plan_id}.yaml", _dump(data[plan_id]),
                      f"Publish {plan_id}", n)
    for n in range(plans, revisions):
        plan_id = rng.choice(list(data))
        message, text = _revise(data[plan_id], rng, n)
        stream.commit(f"data/plans/{plan_id}.yaml", text, message, n)
    subprocess.run(["git", "-C", str(root), "fast-import", "--quiet"], input=stream.bytes(),
                   check=True)
    subprocess.run(["git", "-C", str(root), "checkout", "--quiet", "--force", "main"],
                   check=True)
    return root


class _Stream:
    """A `git fast-import` stream: all commits written by one process, in well under a second."""

    def __init__(self):
        self.parts: list[bytes] = []
        self.count = 0

    def commit(self, path: str, text: str, message: str, n: int) -> None:
        content, note = text.encode("utf-8"), message.encode("utf-8")
        self.count += 1
        parent = f"from :{self.count - 1}\n".encode() if self.count > 1 else b""
        self.parts += [f"commit refs/heads/main\nmark :{self.count}\n".encode(),
                       f"committer Officer <officer@example.org> {_START + n * 3600} +0000\n"
                       .encode(), f"data {len(note)}\n".encode(), note, b"\n", parent,
                       f"M 100644 inline {path}\ndata {len(content)}\n".encode(), content, b"\n"]

    def bytes(self) -> bytes:
        return b"".join(self.parts)


def _plan(plan_id: str, actions: int, rng: random.Random) -> dict:
    groups = []
    for g in range(1, 7):
        items = []
        for a in range(1, actions // 6 + 1):
            items.append({"id": f"{g}.{a}", "number": f"{g}.{a}",
                          "title": f"Action {g}.{a}: " + _words(rng, 12),
                          "description": _words(rng, 40),
                          "due": [f"{rng.choice(_MONTHS)} {rng.randint(2016, 2019)}"],
                          "leads": [f"Head of {_words(rng, 2).title()}"],
                          "measures": [_words(rng, 10), _words(rng, 8)],
                          "progress": [{"date": "2016-03-31", "status": "in_progress",
                                        "text": _words(rng, 30)}]})
        groups.append({"id": f"objective-{g}", "number": str(g), "title": _words(rng, 8),
                       "actions": items})
    return {"schema_version": 1,
            "plan": {"id": plan_id, "title": f"Equality plan {plan_id}",
                     "organisation": {"name": "Synthetic Council", "kind": "local_authority",
                                      "basis": "stated"},
                     "levels": [{"kind": "objective", "label": "Objective"}]},
            "groups": groups}


def _revise(plan: dict, rng: random.Random, n: int) -> tuple[str, str]:
    """Change the plan as an officer would; return (commit message, file text)."""
    if n % 97 == 0:  # an invalid revision, fixed by the next change to this plan
        return "Half-finished edit", _dump(plan).replace("status: in_progress", "status: wip", 1)
    if n % 89 == 0:
        return "Reformat", yaml.dump(plan, Dumper=_Dumper, default_flow_style=True, width=60)
    group = rng.choice(plan["groups"])
    kind = rng.randrange(6)
    if kind == 5 and len(group["actions"]) > 3:
        group["actions"].pop(rng.randrange(len(group["actions"])))
        return "Remove an action\n\nChange-reason: Merged into another action.", _dump(plan)
    if kind == 4:
        number = f"{group['number']}.{100 + n}"
        group["actions"].append({"id": number, "number": number, "title": _words(rng, 10)})
        return "Add an action", _dump(plan)
    action = rng.choice(group["actions"])
    if kind == 0:
        action.setdefault("progress", []).append(
            {"date": f"20{16 + n % 4}-0{1 + n % 9}-15", "status": rng.choice(_STATUSES),
             "text": _words(rng, 25)})
        return "Progress update", _dump(plan)
    if kind == 1:
        action["due"] = [f"{rng.choice(_MONTHS)} {rng.randint(2017, 2021)}"]
        return "Target date moved\n\nChange-reason: Budget decision delayed.", _dump(plan)
    if kind == 2:
        action["title"] = _words(rng, 11)
        return "Reword an action", _dump(plan)
    action["leads"] = [f"Head of {_words(rng, 2).title()}"]
    return "New lead", _dump(plan)


def _dump(plan: dict) -> str:
    return yaml.dump(copy.deepcopy(plan), Dumper=_Dumper, sort_keys=False, allow_unicode=True,
                     width=100)


_VOCABULARY = ("council equality staff access service community plan review data report "
               "training disability age race faith women young older people housing health "
               "libraries transport consultation forum monitor publish improve support").split()


def _words(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(_VOCABULARY) for _ in range(count)).capitalize()


def run(revisions: int, keep: Path | None) -> dict[str, float]:
    work = keep or Path(tempfile.mkdtemp(prefix="history-benchmark-"))
    repo = make_synthetic_repo(work / "site", revisions=revisions)
    cache_dir = work / "site" / ".cache" / "actionplan"
    figures: dict[str, float] = {}

    HistoryCache.forget_all()
    started = time.perf_counter()
    history = read_history(repo, repo / "data", cache=HistoryCache(cache_dir))
    figures["history_cold"] = time.perf_counter() - started

    HistoryCache.forget_all()  # as a new `mkdocs build` process: only the cache folder is left
    started = time.perf_counter()
    warm = read_history(repo, repo / "data", cache=HistoryCache(cache_dir))
    figures["history_warm"] = time.perf_counter() - started
    assert warm == history

    started = time.perf_counter()  # as `mkdocs serve` rebuilding: the memory layer too
    read_history(repo, repo / "data", cache=HistoryCache(cache_dir))
    figures["history_warm_in_process"] = time.perf_counter() - started

    figures["revisions"] = len(history.revisions)
    figures["entries"] = len(history.entries)
    figures["unreadable_revisions"] = len(history.notes)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--revisions", type=int, default=1000)
    parser.add_argument("--keep", type=Path, help="make the repository here and keep it")
    args = parser.parse_args()
    for name, value in run(args.revisions, args.keep).items():
        print(f"{name} {value:.3f}" if isinstance(value, float) else f"{name} {value}")


if __name__ == "__main__":
    main()
