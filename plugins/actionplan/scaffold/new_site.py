"""`actionplan new-site DIR`: a folder that builds, serves and publishes a site with no other step.

The files are kept as plain text in `scaffold/files/` (read them there); this module fills in
the site's name, address and actionplan's version, adds an example plan through `new-plan`'s
own code, and makes the folder a git repository, since the changelog is made from its history.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from actionplan import __version__
from actionplan.edit.new_plan import create_plan
from actionplan.problems import DataError, Problem

FILES = Path(__file__).resolve().parent / "files"

# Where each scaffold file goes in the new site (dot files are kept without their dot here,
# so that packaging tools do not leave them out).
LAYOUT = {
    "mkdocs.yml": "mkdocs.yml",
    "index.md": "content/index.md",
    "README.md": "README.md",
    "gitignore": ".gitignore",
    "requirements.txt": "requirements.txt",
    "github-publish.yml": ".github/workflows/publish.yml",
    "gitlab-ci.yml": ".gitlab-ci.yml",
}

EXAMPLE_PLAN = "example-plan"

# The reserved .invalid domain never resolves (RFC 2606): the plugin warns while site_url is
# still on it, so `mkdocs build --strict` stops until the real address is set.
PLACEHOLDER_URL = "https://replace-with-the-site-address.invalid/"
PLACEHOLDER_NOTE = ("# PLACEHOLDER: replace it with the real address before publishing; "
                    "`mkdocs build --strict` fails\n# until you do.\n")


@dataclass(frozen=True)
class NewSite:
    root: Path
    written: tuple[Path, ...]
    git_initialised: bool


def create_site(root: Path, *, site_url: str | None, site_name: str,
                today: str) -> NewSite:
    """Write the site into `root` (missing or empty); refuse a folder that holds anything."""
    if root.exists() and (not root.is_dir() or any(root.iterdir())):
        raise DataError([Problem(root.as_posix(), None, None, "folder",
                                 "this folder already exists and is not empty, so new-site "
                                 "would overwrite or mix with what is in it",
                                 "give the name of a new folder, or an empty one")])
    if site_url is not None and not site_url.startswith(("http://", "https://")):
        raise DataError([Problem("--site-url", None, None, "site address",
                                 f'"{site_url}" is not a web address',
                                 "give the full address, such as https://plans.example.gov.uk/")])
    values = {"@@SITE_NAME@@": site_name.replace('"', "'"),
              "@@SITE_URL@@": _with_slash(site_url) if site_url else PLACEHOLDER_URL,
              "@@SITE_URL_NOTE@@": "" if site_url else PLACEHOLDER_NOTE,
              "@@VERSION@@": __version__}
    written = [_write(root, source, target, values) for source, target in LAYOUT.items()]
    # Example words, not "REPLACE:" placeholders: the new site must build with --strict as
    # it comes, and its example plan says plainly that it is one.
    plan, problems = create_plan(EXAMPLE_PLAN, root / "data", title="Example equality action plan",
                                 today=today, examples=True)
    if any(p.severity == "error" for p in problems):
        raise DataError(problems)  # the starter plan is checked: a fault in actionplan
    return NewSite(root, tuple(written + [plan]), _git_init(root))


def _write(root: Path, source: str, target: str, values: dict[str, str]) -> Path:
    text = (FILES / source).read_text(encoding="utf-8")
    for token, value in values.items():
        text = text.replace(token, value)
    path = root / target
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _with_slash(url: str) -> str:
    return url if url.endswith("/") else url + "/"


def _git_init(root: Path) -> bool:
    """Make the folder a git repository (no commit: that is the council's), unless it is in
    one already or git is missing. The changelog is read from this history."""
    git = shutil.which("git")
    if git is None:
        return False
    inside = subprocess.run([git, "rev-parse", "--is-inside-work-tree"], cwd=root,
                            capture_output=True, text=True)
    if inside.returncode == 0 and inside.stdout.strip() == "true":
        return False
    result = subprocess.run([git, "init", "--quiet"], cwd=root, capture_output=True)
    return result.returncode == 0
