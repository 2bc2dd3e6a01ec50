"""The Nu HTML Checker (vnu.jar, Java) over every HTML page of a built site."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from .checks import Finding
from .tools import VNU_JAR

# For a run of seconds: Java's quick compiler only and one garbage-collecting thread took the
# bundled site's check from 18-22 to 10 seconds of processor time, in the same time (9.5 s
# alone), with the same findings. The quick compiler's deeper stack frames need a larger
# stack than the 512 KB the checker asks for.
JAVA_OPTIONS = ["-Xss4m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]


def vnu_errors(*targets: Path, css: bool = False) -> list[Finding]:
    """Every error (warnings are not counted) in `targets`, each a file or a folder of HTML
    pages (or, with `css`, of style sheets), in one run of the checker (a Java start costs
    seconds). A finding's page is relative to the folder of the target it came from."""
    return [finding for found in vnu_errors_each(*targets, css=css) for finding in found]


def vnu_errors_each(*targets: Path, css: bool = False) -> list[list[Finding]]:
    """`vnu_errors`, one list for each target, from one run of the checker."""
    mode = ["--skip-non-css"] if css else ["--skip-non-html"]
    result = subprocess.run(["java", *JAVA_OPTIONS, "-jar", str(VNU_JAR), "--errors-only",
                             "--format", "json", *mode, *map(str, targets)],
                            capture_output=True, text=True, timeout=900)
    try:
        messages = json.loads(result.stderr)["messages"]
    except (json.JSONDecodeError, KeyError):
        raise AssertionError(f"vnu.jar gave no report (exit {result.returncode}):\n"
                             f"{result.stderr[-2000:]}") from None
    bases = [(target if target.is_dir() else target.parent).resolve() for target in targets]
    found: list[list[Finding]] = [[] for _ in targets]
    for message in messages:
        path = Path(message.get("url", "").removeprefix("file:")).resolve()
        # The target the page is in (the last that holds it, should one hold another).
        holders = [n for n, base in enumerate(bases) if path.is_relative_to(base)]
        number = holders[-1] if holders else 0
        page = path.relative_to(bases[number]).as_posix() if holders else path.as_posix()
        found[number].append(Finding(page, "vnu " + message.get("type", "error"),
                                     f"line {message.get('lastLine', '?')}",
                                     message.get("message", "")))
    return found
