"""CPU time of one `mkdocs serve` rebuild after a status change in one plan file, with and
without reusing the unchanged pages of the last rebuild, by stage.

    .venv/bin/python -m tests.benchmarks.serve_rebuild PROJECT   # a project with data/plans/

Runs the rebuilds in this process as `mkdocs serve` does (one plugin instance, the server's
address as site_url) into a temporary folder; the project's first plan file is edited and
put back. CPU time, not wall time, so a busy machine does not skew it. Not part of the test
suite: figures to read.
"""

from __future__ import annotations

import cProfile
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks.preview_timing import STATUS_LINE, first_action_status, statuses_from
from tests.benchmarks.profile_build import print_stages

SERVE_URL = "http://127.0.0.1:8000/"


def main(argv: list[str] | None = None) -> int:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")
    project = Path((argv or sys.argv[1:])[0]).resolve()
    os.chdir(project)
    plan_file = sorted((project / "data" / "plans").glob("*.yaml"))[0]
    original = plan_file.read_bytes()
    lines = original.decode("utf-8").splitlines(keepends=True)
    _, _, status_line = first_action_status(lines)
    statuses = statuses_from(lines[status_line])
    site_dir = tempfile.mkdtemp(prefix="serve-rebuild-")
    config = load_config(str(project / "mkdocs.yml"), site_dir=site_dir)
    config.plugins.on_startup(command="serve", dirty=False)
    plugin = config.plugins["actionplan"]

    def rebuild(profile: bool = False) -> tuple[float, pstats.Stats | None]:
        config = load_config(str(project / "mkdocs.yml"), site_dir=site_dir)
        config.site_url = SERVE_URL
        profiler = cProfile.Profile(time.process_time) if profile else None
        start = time.process_time()
        if profiler:
            profiler.enable()
        build(config, serve_url=SERVE_URL)
        if profiler:
            profiler.disable()
        return time.process_time() - start, pstats.Stats(profiler) if profiler else None

    def edit(n: int) -> None:
        edited = list(lines)
        edited[status_line] = STATUS_LINE.sub(rf"\g<1>{statuses[n % 2]}\n", lines[status_line])
        plan_file.write_text("".join(edited), encoding="utf-8")

    try:
        first, _ = rebuild()
        print(f"first build: {first:.2f} s CPU")
        cache = plugin.page_cache
        edit(0)
        reusing, _ = rebuild()
        print(f"rebuild after one status change, reusing: {reusing:.2f} s CPU; "
              f"{len(cache.rendered)} pages through the theme, {len(cache.reused)} reused")
        edit(1)
        cache.clear()  # as before: every page through the theme again
        whole, _ = rebuild()
        print(f"rebuild after one status change, every page: {whole:.2f} s CPU")
        edit(0)
        _, stats = rebuild(profile=True)
        print(f"profiled, reusing ({len(cache.rendered)} through the theme):")
        assert stats is not None
        print_stages(stats)
    finally:
        plan_file.write_bytes(original)
    return 0


if __name__ == "__main__":
    sys.exit(main())
