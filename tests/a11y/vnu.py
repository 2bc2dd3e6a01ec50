"""The Nu HTML Checker (vnu.jar, Java) over every HTML page of a built site."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from .checks import Finding
from .tools import VNU_JAR


def vnu_errors(target: Path, *, css: bool = False) -> list[Finding]:
    """Every error (warnings are not counted) in `target`, a file or a folder of HTML pages
    (or, with `css`, of style sheets), in one run of the checker."""
    mode = ["--skip-non-css"] if css else ["--skip-non-html"]
    result = subprocess.run(["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json",
                             *mode, str(target)], capture_output=True, text=True, timeout=900)
    try:
        messages = json.loads(result.stderr)["messages"]
    except (json.JSONDecodeError, KeyError):
        raise AssertionError(f"vnu.jar gave no report (exit {result.returncode}):\n"
                             f"{result.stderr[-2000:]}") from None
    base = target if target.is_dir() else target.parent
    return [Finding(_relative(m.get("url", ""), base), "vnu " + m.get("type", "error"),
                    f"line {m.get('lastLine', '?')}", m.get("message", ""))
            for m in messages]


def _relative(url: str, base: Path) -> str:
    path = url.removeprefix("file:")
    try:
        return Path(path).resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return path
