"""A tiny MkDocs project in a temporary folder, and the `mkdocs` commands run on it.

Every test that builds a real site starts here; what differs between them (the actionplan
options, a theme overrides folder, the data, git history) is a parameter, so a change to how
a test site is set up is made once.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import shutil
import subprocess
import sys
import traceback
import warnings
from collections.abc import Iterator, Mapping
from pathlib import Path

from .conftest import FIXTURES, ROOT
from .gitrepo import GitRepo

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true",
       "PYTHONDONTWRITEBYTECODE": "1"}
MINI_DATA = FIXTURES / "data"  # the mini plan: one objective, a priority area, two actions
HOME = "# Home\n\n<!-- actionplan:plans -->\n"

# The actionplan options of a site outside git (each line indented to sit under the plugin).
NO_HISTORY = """\
      history:
        allow_missing: true  # a bare folder, not a git repository: no changelog wanted here
"""


def mkdocs_yml(plugin_options: str | None = NO_HISTORY, *, overrides: Path | None = None,
               strict: bool = False) -> str:
    """mkdocs.yml text: Material without web fonts, search, and actionplan.

    `plugin_options` are YAML lines already indented to sit under `- actionplan:`; None gives
    the plugin with its defaults. `overrides` is the theme's custom_dir; `strict` writes
    `strict: true` into the file itself, not only on the command line.
    """
    lines = ["site_name: Test site", "site_url: https://plans.example.org/", "docs_dir: content",
             "site_dir: site"]
    lines += ["strict: true"] if strict else []
    lines += ["theme:", "  name: material", "  font: false"]
    lines += [f"  custom_dir: {overrides}"] if overrides else []
    lines += ["plugins:", "  - search"]
    if plugin_options is None:
        return "\n".join(lines + ["  - actionplan"]) + "\n"
    return "\n".join(lines + ["  - actionplan:"]) + "\n" + plugin_options


def make_project(root: Path, config: str | None = None, *, data: Path = MINI_DATA,
                 plans: Mapping[str, bytes | str] | None = None, home: str = HOME) -> Path:
    """`root` made a MkDocs project: mkdocs.yml (`config`, or the default of `mkdocs_yml`), a
    home page, and data/ copied from `data`, or, when `plans` is given, data/plans/ holding
    just those files (file name -> content: bytes are written as they are)."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(mkdocs_yml() if config is None else config,
                                     encoding="utf-8")
    (root / "content").mkdir(exist_ok=True)
    (root / "content" / "index.md").write_text(home, encoding="utf-8")
    if plans is None:
        shutil.copytree(data, root / "data")
        return root
    plans_dir = root / "data" / "plans"
    plans_dir.mkdir(parents=True, exist_ok=True)
    for name, content in plans.items():
        raw = content.encode("utf-8") if isinstance(content, str) else content
        (plans_dir / name).write_bytes(raw)
    return root


def copy_bundled_site(root: Path, data: Path | None = ROOT / "data") -> Path:
    """`root` made a copy of this repository's own site set-up (mkdocs.yml, content/ and the
    theme overrides, if it has any: the theme layer every site needs is in the package), with
    data/ copied from `data`: the bundled plans by default; None leaves data/ for the caller
    to write."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    for folder in ("content", "overrides"):
        if (ROOT / folder).is_dir():
            shutil.copytree(ROOT / folder, root / folder)
    # The site's own accessibility test record, which its mkdocs.yml names (test_record).
    record = Path("tests", "a11y", "last-run.json")
    (root / record).parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / record, root / record)
    if data is not None:
        shutil.copytree(data, root / "data")
    return root


def clone_bundled_site(root: Path) -> Path:
    """`root` made as an officer's clone of this site: `copy_bundled_site` and the
    repository's .gitignore, in a git repository with one commit."""
    copy_bundled_site(root)
    shutil.copy(ROOT / ".gitignore", root / ".gitignore")
    GitRepo(root).commit("The site as cloned")
    return root


def commit_project(project: Path, message: str = "Publish the mini plan") -> GitRepo:
    """The project as a git repository with one commit, as a publisher's clone is: the
    changelog reads the history of data/. The build's own output is ignored."""
    (project / ".gitignore").write_text("/site/\n/.cache/\n", encoding="utf-8")
    repo = GitRepo(project)
    repo.commit(message)
    return repo


def mkdocs(project: Path, *args: str, env: Mapping[str, str] = ENV,
           own_process: bool = False) -> subprocess.CompletedProcess:
    """`mkdocs ARGS` run in the project folder, as a publisher would run it: MkDocs' own
    command line (its options, messages and exit code).

    It runs in this process, which saves starting Python and importing MkDocs each time
    (most of a small build), unless the test needs a process of its own: `own_process` (a
    test about the process, such as two builds that must give the same bytes under different
    hash seeds) or an environment other than ENV (the process reads it at start-up).
    """
    if own_process or env is not ENV:
        return subprocess.run([sys.executable, "-m", "mkdocs", *args], cwd=project, env=env,
                              capture_output=True, text=True, timeout=600)
    return mkdocs_in_this_process(project, *args)


def build(project: Path, *args: str, env: Mapping[str, str] = ENV,
          own_process: bool = False) -> subprocess.CompletedProcess:
    """`mkdocs build --strict ARGS` run in the project folder, as CI runs it."""
    return mkdocs(project, "build", "--strict", *args, env=env, own_process=own_process)


def mkdocs_in_this_process(project: Path, *args: str) -> subprocess.CompletedProcess:
    """`mkdocs ARGS` through MkDocs' command-line entry point, in the project folder, with
    what it prints captured as a separate process's would be. An exception that would end the
    command with a traceback is printed the same way, with exit code 1."""
    from mkdocs.__main__ import cli

    out, err = io.StringIO(), io.StringIO()
    with _mkdocs_state_kept(), contextlib.chdir(project), \
            contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            cli.main(list(args), prog_name="python -m mkdocs")  # as own_process runs it
            code = 0
        except SystemExit as end:
            code = end.code if isinstance(end.code, int) else (0 if end.code is None else 1)
        except Exception:  # what the interpreter prints for an uncaught exception
            traceback.print_exc()
            code = 1
    return subprocess.CompletedProcess(["mkdocs", *args], code, out.getvalue(), err.getvalue())


@contextlib.contextmanager
def _mkdocs_state_kept() -> Iterator[None]:
    """Undo what MkDocs' command line changes for the rest of the process: the handler, level
    and propagation of its loggers (pytest's log capture needs them back), the filters it adds
    (one drops repeated messages), and the warnings set-up."""
    loggers = [logging.getLogger(name) for name in ("mkdocs", "mkdocs.commands.build")]
    kept = [(lg.handlers[:], lg.filters[:], lg.level, lg.propagate) for lg in loggers]
    try:
        with warnings.catch_warnings():
            yield
    finally:
        for logger, (handlers, filters, level, propagate) in zip(loggers, kept):
            logger.handlers[:], logger.filters[:] = handlers, filters
            logger.setLevel(level)
            logger.propagate = propagate


def built_site(project: Path, *args: str, site_dir: Path | None = None) -> Path:
    """The site folder of `build` (into `site_dir`, or the project's site/); a failed build
    stops the test with MkDocs' messages."""
    site_dir = site_dir or project / "site"
    result = build(project, "-d", str(site_dir), *args)
    if result.returncode != 0:
        raise AssertionError(f"mkdocs build --strict failed:\n{result.stderr}")
    return site_dir


def build_in_process(project: Path, **settings) -> Path:
    """`mkdocs build --strict` of the project, run in this process as the command runs it
    (startup and shutdown events included); `settings` override mkdocs.yml, e.g. site_url.
    Returns the site folder; a failed build raises MkDocs' own exception."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    config = load_config(str(project / "mkdocs.yml"), **{"strict": True, **settings})
    config.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build(config)
    finally:
        config.plugins.on_shutdown()
    return Path(config.site_dir)
