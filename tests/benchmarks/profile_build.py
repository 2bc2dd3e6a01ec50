"""Where a MkDocs build of a project spends its time, by stage (cProfile, CPU time).

    .venv/bin/python -m tests.benchmarks.profile_build PROJECT_DIR [--save FILE.prof]

PROJECT_DIR holds a mkdocs.yml (for example a project kept by `benchmark --keep`). CPU time,
not wall time, so other work on a shared machine does not skew the shares. Open a saved
profile with `python -m pstats FILE.prof` for the detail behind each line.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import shutil
import time
from pathlib import Path

# (label, file name ends with, function name): cumulative time of each matching function.
STAGES = [
    ("load_site: read and check the data", "actionplan/api.py", "load_site"),
    ("  YAML", "actionplan/load/yaml_source.py", "parse_yaml_text"),
    ("  JSON Schema", "actionplan/validate/schema_check.py", "schema_problems"),
    ("  cross-checks", "actionplan/validate/cross_check.py", "cross_check"),
    ("  model", "actionplan/model/build.py", "build_plan"),
    ("read and render pages (_populate_page)", "mkdocs/commands/build.py", "_populate_page"),
    ("  MkDocs Markdown (Page.render)", "mkdocs/structure/pages.py", "render"),
    ("  actionplan templates (Renderer.render)", "actionplan/render/renderer.py", "render"),
    ("theme pages (_build_page)", "mkdocs/commands/build.py", "_build_page"),
    ("  nav (Material partials/nav.html)", "material/templates/base.html", "block_site_nav"),
    ("  search index entry (on_page_context)", "material/plugins/search/plugin.py",
     "on_page_context"),
    ("  write the file", "mkdocs/utils/__init__.py", "write_file"),
    ("search index written (on_post_build)", "material/plugins/search/plugin.py",
     "on_post_build"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--save", type=Path, help="also write the profile here")
    options = parser.parse_args()
    stats = profile_build(options.project.resolve())
    if options.save:
        stats.dump_stats(options.save)
    print_stages(stats)


def profile_build(project: Path) -> pstats.Stats:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")
    shutil.rmtree(project / "site", ignore_errors=True)
    os.chdir(project)
    profiler = cProfile.Profile(time.process_time)
    profiler.enable()
    build(load_config(str(project / "mkdocs.yml")))
    profiler.disable()
    return pstats.Stats(profiler)


def print_stages(stats: pstats.Stats) -> None:
    total = stats.total_tt
    print(f"{'stage':<48}{'CPU s':>8}{'share':>8}")
    for label, file_end, name in STAGES:
        seconds = sum(cumulative for (path, _, function), (_, _, _, cumulative, _)
                      in stats.stats.items()
                      if function == name and path.replace(os.sep, "/").endswith(file_end))
        print(f"{label:<48}{seconds:>8.2f}{100 * seconds / total:>7.1f}%")
    print(f"{'whole build (profiled)':<48}{total:>8.2f}")


if __name__ == "__main__":
    main()
