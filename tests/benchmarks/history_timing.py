"""The changelog's reading time on the benchmark's synthetic county history, without site builds.

    .venv/bin/python -m tests.benchmarks.history_timing               # 500/200, 5,000/1,000
    .venv/bin/python -m tests.benchmarks.history_timing --size 500 200

The same data as `benchmark.py` (20 plans, K = 12 updates per action, R revisions, made by
`synthetic_history.write_history`), read as `benchmark.measure_history` reads it: "cold"
with nothing remembered and an empty cache folder, "warm" with only the cache folder left
(as a new build process finds it), and "one new commit" (a warm read after one more commit
that edits one plan file). Prints wall seconds and CPU seconds (this process plus
its git children), so that figures from a shared machine can still be compared. Not a test.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from actionplan.history import HistoryCache, read_history
from tests.benchmarks.benchmark import PLANS, UPDATES, _machine
from tests.benchmarks.synthetic import Shape, generate
from tests.benchmarks.synthetic_history import write_history

SIZES = [(500, 200), (5000, 1000)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", nargs=2, type=int, action="append", metavar=("ACTIONS", "R"),
                        help="actions and revisions (repeatable; default: 500 200, 5000 1000)")
    options = parser.parse_args(argv)
    print(_machine())
    for actions, revisions in options.size or SIZES:
        folder = Path(tempfile.mkdtemp(prefix="actionplan-history-"))
        try:
            plans = generate(Shape(plans=PLANS, actions=actions, updates=UPDATES))
            history = write_history(folder / "site", plans, revisions)
            for line in (measure(history.repo, folder / "cache")
                         + [one_new_commit(history.repo, folder / "cache"),
                            git_alone(history.repo)]):
                print(f"{actions} actions, {revisions} revisions: {line}")
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


def measure(repo: Path, cache: Path) -> list[str]:
    """One line each for a cold and a warm read of the history of `repo` (warm: the median
    of five reads, as `benchmark.measure_history` takes it)."""
    lines = []
    for name, reads in (("cold", 1), ("warm", 5)):
        timings = []
        for _ in range(reads):
            HistoryCache.forget_all()  # as a new process: only the cache folder is left
            wall, cpu = time.perf_counter(), _cpu_seconds()
            history = read_history(repo, repo / "data", cache=HistoryCache(cache))
            timings.append((time.perf_counter() - wall, _cpu_seconds() - cpu))
        wall, cpu = sorted(timings)[len(timings) // 2]
        lines.append(f"{name} {wall:.2f} s wall, {cpu:.2f} s CPU "
                     f"({len(history.entries)} entries, {len(history.notes)} notes)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    lines.append(f"peak memory of this process so far {peak:.0f} MB")
    return lines


def one_new_commit(repo: Path, cache: Path) -> str:
    """A warm read after one new commit that edits one plan file: only that file is parsed
    again (its version before and after), not every plan file in use."""
    plan = sorted((repo / "data" / "plans").glob("*.yaml"))[0]
    text = plan.read_text(encoding="utf-8")
    at = text.index("    title: ") + len("    title: ")
    plan.write_text(text[:at] + "Revised " + text[at:], encoding="utf-8")
    env = {"GIT_AUTHOR_NAME": "Bench", "GIT_AUTHOR_EMAIL": "b@example.org",
           "GIT_COMMITTER_NAME": "Bench", "GIT_COMMITTER_EMAIL": "b@example.org"}
    subprocess.run(["git", "-C", str(repo), "commit", "--quiet", "-am", "One new edit"],
                   check=True, env={**os.environ, **env})
    HistoryCache.forget_all()  # a new build process: only the cache folder is left
    wall, cpu = time.perf_counter(), _cpu_seconds()
    history = read_history(repo, repo / "data", cache=HistoryCache(cache))
    wall, cpu = time.perf_counter() - wall, _cpu_seconds() - cpu
    return (f"one new commit, warm: {wall:.2f} s wall, {cpu:.2f} s CPU "
            f"({len(history.entries)} entries, {len(history.notes)} notes)")


def git_alone(repo: Path) -> str:
    """What git alone takes to hand over every version of the plan files that a cold read
    needs (one `git cat-file --batch`, output thrown away): the floor under a cold read."""
    listing = subprocess.run(["git", "-C", str(repo), "log", "--raw", "--no-abbrev",
                              "--no-renames", "--first-parent", "-m", "--format=", "--",
                              "data/plans"], capture_output=True, text=True, check=True)
    blobs = [line.split()[3] for line in listing.stdout.splitlines()
             if line.startswith(":") and not line.split()[3].strip("0") == ""]
    names = "".join(b + "\n" for b in blobs).encode()
    sizes = subprocess.run(["git", "-C", str(repo), "cat-file", "--batch-check"], input=names,
                           capture_output=True, check=True).stdout.split()[2::3]
    wall, cpu = time.perf_counter(), _cpu_seconds(children_only=True)
    subprocess.run(["git", "-C", str(repo), "cat-file", "--batch"], input=names,
                   stdout=subprocess.DEVNULL, check=True)
    wall, cpu = time.perf_counter() - wall, _cpu_seconds(children_only=True) - cpu
    return (f"git alone, handing over the {len(blobs)} versions read "
            f"({sum(map(int, sizes)) / 1e6:.0f} MB): {wall:.2f} s wall, {cpu:.2f} s CPU")


def _cpu_seconds(children_only: bool = False) -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    mine = 0.0 if children_only else own.ru_utime + own.ru_stime
    return mine + children.ru_utime + children.ru_stime


if __name__ == "__main__":
    raise SystemExit(main())
