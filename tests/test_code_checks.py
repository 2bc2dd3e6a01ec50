"""Static checks over the code: ruff (the rule set in pyproject.toml) finds what a merge can
leave behind unnoticed, such as a second definition of a plugin event that silently replaces
the first, or a name used but never imported."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def ruff(*paths: Path, cwd: Path = ROOT) -> list[str]:
    """ruff's findings, one a line, under the project's configuration when run from ROOT."""
    run = subprocess.run([sys.executable, "-m", "ruff", "check", "--output-format", "concise",
                          "--no-cache", *map(str, paths)],
                         cwd=cwd, capture_output=True, text=True, check=False)
    assert run.returncode in (0, 1), run.stderr  # 2: ruff itself failed (bad configuration)
    return [line for line in run.stdout.splitlines() if ": " in line]


def test_ruff_finds_nothing_in_the_package_or_the_tests():
    problems = ruff(ROOT / "plugins", ROOT / "tests", ROOT / ".ci")
    assert problems == [], "\n".join(problems)


def test_the_check_catches_a_method_defined_twice(tmp_path):
    (tmp_path / "twice.py").write_text(
        "class Plugin:\n    def on_env(self):\n        return 1\n\n"
        "    def on_env(self):\n        return 2\n", encoding="utf-8")
    found = ruff(tmp_path / "twice.py", cwd=tmp_path)
    assert any("F811" in line and "on_env" in line for line in found), found


def test_the_check_catches_an_annotation_naming_what_was_never_imported(tmp_path):
    # The slip that hid in model/entities.py: `date: date` with no `date` imported.
    (tmp_path / "unimported.py").write_text(
        "from __future__ import annotations\n\nclass Withdrawal:\n    when: date\n",
        encoding="utf-8")
    found = ruff(tmp_path / "unimported.py", cwd=tmp_path)
    assert any("F821" in line and "date" in line for line in found), found
