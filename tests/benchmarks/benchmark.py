"""Build time at county scale: actionplan against the same pages written by hand.

    .venv/bin/python -m tests.benchmarks.benchmark            # 500 and 5,000 actions, R = 1,000
    .venv/bin/python -m tests.benchmarks.benchmark --quick    # 500 actions, R = 200 (< 1 minute)

For each size it generates synthetic data (20 plans, K = 12 updates per action) with a git
history of R revisions, builds the actionplan site from the checkout, and builds the reference:
a plain MkDocs + Material site with the same pages as hand-written Markdown and the same small
nav. Every build runs in its own process (`mkdocs build --strict`), so its times include
start-up and its peak memory (ru_maxrss) is its own. Prints a table, then as its last line:

    ratio=<actionplan/plain at 5000> linear=<per-page 5000 / per-page 500> history_cold=<s> history_warm=<s> peak_mb=<MB> preview_s=<s> kb_per_action=<KB> cold_vs_git=<x>

ratio and linear (and ms/action) use the CPU time of the build process (user + sys): a build
is single-threaded, so on an idle machine it equals the wall time, and on a shared machine
other work does not inflate it. Wall time is in the table too. peak_mb is the largest peak
of the actionplan builds: of one process (`peak MB`), or of all the build's processes at
one moment (`all MB`, sampled: the build, the worker reading the history, git), whichever
is larger. The CPU time includes the worker and git. cold_vs_git is the cold history read
over git's own hand-over of the same file versions (`git cat-file --batch`, output thrown
away), both wall times of the same run (the line above it gives their CPU times too).
kb_per_action is the published site's size (every file of the output folder, in units of
1,000 bytes) over the actions, at the largest size; preview_s the median wall time, over five edits, from saving one status change
in one plan file to a real `mkdocs serve` serving the action page that shows it, at the
largest size (`preview_timing.py`). `--quick` gives every key at 500 actions.

Not part of the test suite: timings are figures to read, not assertions.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import material
import mkdocs

from actionplan.history import HistoryCache, read_history
from tests.benchmarks.preview_timing import EDITS, measure_preview
from tests.benchmarks.reference_site import write_reference_site
from tests.benchmarks.synthetic import Shape, SyntheticPlan, generate
from tests.benchmarks.synthetic_history import History, write_history

PLANS = 20
UPDATES = 12
MKDOCS_YML = """\
site_name: Synthetic county plans
site_url: https://plans.example.org/
docs_dir: content
site_dir: site
strict: true
theme:
  name: material
  font: false
  features:
    - navigation.sections
    - navigation.footer
    - search.highlight
markdown_extensions:
  - attr_list
  - def_list
  - tables
  - toc:
      permalink: false
"""
ACTIONPLAN_PLUGINS = "plugins:\n  - search\n  - actionplan:\n      data_dir: data\n"
PLAIN_PLUGINS = "plugins:\n  - search\n"
HOME = "# Equality action plans\n\n<!-- actionplan:plans -->\n"

# Runs one build in a child process and reports its peak memory two ways: RUSAGE_CHILDREN's
# ru_maxrss is the largest peak of any one process (a fresh parent per build keeps builds
# apart), and the largest sum over the build's processes at one moment (sampled from /proc
# every 50 ms: the build, its history worker and git), which is what the machine must hold.
_MEASURE = """\
import os, resource, subprocess, sys, time
def tree_kb(root):
    parents, sizes = {}, {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat") as stat:
                parents[int(pid)] = int(stat.read().rsplit(")", 1)[1].split()[1])
            with open(f"/proc/{pid}/statm") as statm:
                sizes[int(pid)] = int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024
        except (OSError, IndexError, ValueError):
            pass
    children = {}
    for pid, parent in parents.items():
        children.setdefault(parent, []).append(pid)
    total, stack = 0, list(children.get(root, []))
    while stack:
        pid = stack.pop()
        total += sizes.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total
process = subprocess.Popen(sys.argv[1:])
tree_peak = 0
while process.poll() is None:
    tree_peak = max(tree_peak, tree_kb(os.getpid()))
    time.sleep(0.05)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(usage.ru_maxrss, usage.ru_utime + usage.ru_stime, tree_peak, file=sys.stderr)
sys.exit(process.returncode)
"""


@dataclass(frozen=True)
class Build:
    name: str
    actions: int
    seconds: float
    cpu_seconds: float
    peak_mb: float  # the largest peak of one process
    tree_mb: float  # the largest sum over the build's processes at one moment (sampled)
    site_bytes: int
    site_files: int

    @property
    def per_action_ms(self) -> float:
        return 1000 * self.cpu_seconds / self.actions


def main(argv: list[str] | None = None) -> int:
    options = _parse(argv)
    sizes = [500] if options.quick else [500, 5000]
    revisions = 200 if options.quick else 1000
    workdir = Path(options.workdir or tempfile.mkdtemp(prefix="actionplan-benchmark-"))
    print(_machine())
    print(f"Work folder: {workdir}  sizes: {sizes}  K={UPDATES}  R={revisions}\n")
    try:
        results, histories = {}, {}
        for size in sizes:
            plans = generate(Shape(plans=PLANS, actions=size, updates=UPDATES))
            histories[size] = _actionplan_project(workdir / f"actionplan-{size}", plans, revisions)
            ours = _fastest("actionplan", histories[size].repo, size, options.repeat)
            plain = _plain_project(workdir / f"plain-{size}", histories[size].repo / "site")
            results[size] = (ours, _fastest("plain", plain, size, options.repeat))
        history = measure_history(histories[sizes[-1]])
        preview = measure_preview(histories[sizes[-1]].repo)
        print(f"preview of one saved status change: {preview:.2f} s (wall; median of "
              f"{EDITS} edits under mkdocs serve)")
    finally:
        if not (options.keep or options.workdir):
            shutil.rmtree(workdir, ignore_errors=True)
    _print_table(results)
    print(_summary(results, sizes, history, preview))
    return 0


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="500 actions, 200 revisions")
    parser.add_argument("--repeat", type=int, default=1,
                        help="build each site this many times and keep the fastest")
    parser.add_argument("--workdir", help="write the projects and sites here, and keep them "
                        "(default: a temporary folder, removed at the end)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    return parser.parse_args(argv)


def _actionplan_project(folder: Path, plans: list[SyntheticPlan], revisions: int) -> History:
    files = {"mkdocs.yml": MKDOCS_YML + ACTIONPLAN_PLUGINS, "content/index.md": HOME}
    return write_history(folder, plans, revisions, project_files=files)


def _plain_project(folder: Path, built_site: Path) -> Path:
    """The reference: the pages of the actionplan build, as hand-written Markdown."""
    nav, _ = write_reference_site(built_site, folder / "content")
    config = MKDOCS_YML + PLAIN_PLUGINS + "nav: " + json.dumps(nav) + "\n"
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    return folder


def _fastest(name: str, project: Path, actions: int, repeat: int) -> Build:
    """The fastest (by CPU time) of `repeat` clean builds, each in a fresh process."""
    return min((_build(name, project, actions) for _ in range(repeat)),
               key=lambda b: b.cpu_seconds)


def _build(name: str, project: Path, actions: int) -> Build:
    shutil.rmtree(project / "site", ignore_errors=True)
    command = [sys.executable, "-c", _MEASURE, sys.executable, "-m", "mkdocs", "build",
               "--strict", "--quiet"]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
    start = time.perf_counter()
    done = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode:
        raise SystemExit(f"{name} build of {actions} actions failed:\n{done.stderr}")
    peak_kb, cpu, tree_kb = done.stderr.strip().splitlines()[-1].split()
    files = [p for p in (project / "site").rglob("*") if p.is_file()]
    return Build(name, actions, seconds, float(cpu), int(peak_kb) / 1024, int(tree_kb) / 1024,
                 sum(p.stat().st_size for p in files), len(files))


def measure_history(history: History) -> tuple[str, str, str]:
    """Seconds (wall) to read the changelog from git: cold, then with no new commit.

    As `mkdocs build` reads it (`read_history` with a `HistoryCache` folder), in this process.
    "Cold": nothing remembered and an empty cache folder. "Warm": as a new build process
    finds it, only the cache folder left; the median of five reads, as it is a short time
    that a busy moment of the machine would skew. Third: the cold read over git's own
    hand-over of the versions it needs (`git_hand_over`), measured just after it.
    """
    cache = history.repo.parent / f"{history.repo.name}-history-cache"
    shutil.rmtree(cache, ignore_errors=True)

    def read() -> float:
        HistoryCache.forget_all()  # as a new `mkdocs build` process: the cache folder is left
        start = time.perf_counter()
        read_history(history.repo, history.repo / history.data_dir, cache=HistoryCache(cache))
        return time.perf_counter() - start

    cpu = _cpu_seconds()
    cold = read()
    cpu = _cpu_seconds() - cpu
    git, git_cpu = git_hand_over(history.repo, f"{history.data_dir}/plans")
    warm = statistics.median(read() for _ in range(5))
    print(f"history of {history.revisions} revisions: cold {cold:.2f} s, warm {warm:.2f} s "
          f"(wall; warm: median of 5); git alone handing over the same versions {git:.2f} s; "
          f"CPU: cold {cpu:.2f} s, git {git_cpu:.2f} s ({cpu / git_cpu:.1f} times)")
    return f"{cold:.2f}", f"{warm:.2f}", f"{cold / git:.1f}"


def git_hand_over(repo: Path, pathspec: str) -> tuple[float, float]:
    """Seconds (wall, CPU) for git alone to hand over every version of the plan files that
    a cold read takes (one `git cat-file --batch` of the blobs the first-parent log names,
    output thrown away): what the cold read is compared with."""
    listing = subprocess.run(["git", "-C", str(repo), "log", "--raw", "--no-abbrev",
                              "--no-renames", "--first-parent", "-m", "--format=", "--",
                              pathspec], capture_output=True, text=True, check=True)
    blobs = [line.split()[3] for line in listing.stdout.splitlines()
             if line.startswith(":") and line.split()[3].strip("0")]
    names = "".join(blob + "\n" for blob in blobs).encode()
    start, cpu = time.perf_counter(), _cpu_seconds()
    subprocess.run(["git", "-C", str(repo), "cat-file", "--batch"], input=names,
                   stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start, _cpu_seconds() - cpu


def _cpu_seconds() -> float:
    """CPU seconds of this process and its finished children (the reader's copy, git)."""
    own, children = (resource.getrusage(who) for who in (resource.RUSAGE_SELF,
                                                          resource.RUSAGE_CHILDREN))
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime




def _print_table(results: dict[int, tuple[Build, Build]]) -> None:
    print(f"\n{'site':<11}{'actions':>8}{'wall s':>9}{'CPU s':>8}{'ms/action':>11}{'peak MB':>9}"
          f"{'all MB':>8}{'site MB':>9}{'KB/action':>11}{'files':>8}")
    for builds in results.values():
        for b in builds:
            print(f"{b.name:<11}{b.actions:>8}{b.seconds:>9.1f}{b.cpu_seconds:>8.1f}"
                  f"{b.per_action_ms:>11.2f}"
                  f"{b.peak_mb:>9.0f}{b.tree_mb:>8.0f}{b.site_bytes / 1e6:>9.1f}"
                  f"{b.site_bytes / 1e3 / b.actions:>11.1f}{b.site_files:>8}")


def _summary(results: dict[int, tuple[Build, Build]], sizes: list[int],
             history: tuple[str, str, str], preview: float) -> str:
    ours, plain = results[sizes[-1]]
    ratio = f"{ours.cpu_seconds / plain.cpu_seconds:.2f}"
    if len(sizes) > 1:
        small = results[sizes[0]][0]
        linear = f"{ours.per_action_ms / small.per_action_ms:.2f}"
        sizes_note = f"{ours.site_bytes / ours.actions / (small.site_bytes / small.actions):.2f}"
        print(f"\nsite size per action, {sizes[-1]} / {sizes[0]}: {sizes_note}")
    else:
        linear = "n/a"
        print(f"\nquick run: ratio is at {sizes[-1]} actions; linear needs the full run")
    # The larger of the two: one process's peak, or all of the build's processes at once.
    peak = max(max(r[0].peak_mb, r[0].tree_mb) for r in results.values())
    return (f"ratio={ratio} linear={linear} history_cold={history[0]} "
            f"history_warm={history[1]} peak_mb={peak:.0f} "
            f"preview_s={preview:.2f} kb_per_action={ours.site_bytes / 1e3 / ours.actions:.1f} "
            f"cold_vs_git={history[2]}")


def _machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in _read("/proc/cpuinfo").splitlines()
                if line.startswith("model name")), platform.processor() or "unknown CPU")
    memory = next((line.split()[1] for line in _read("/proc/meminfo").splitlines()
                   if line.startswith("MemTotal")), "0")
    return (f"Machine: {cpu}, {os.cpu_count()} CPUs, {int(memory) / 1024 / 1024:.0f} GB RAM; "
            f"Python {platform.python_version()}, MkDocs {mkdocs.__version__}, "
            f"Material {material.__version__}")


def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except OSError:
        return ""


if __name__ == "__main__":
    sys.exit(main())
