"""Static checks over the code: pyflakes finds what a merge can leave behind unnoticed,
such as a second definition of a plugin event that silently replaces the first."""

from __future__ import annotations

from pathlib import Path

from pyflakes.api import checkPath
from pyflakes.reporter import Reporter

ROOT = Path(__file__).resolve().parents[1]


class _Collect:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def write(self, text: str) -> None:
        self.lines.append(text)


def flakes(*folders: Path) -> list[str]:
    warnings, errors = _Collect(), _Collect()
    reporter = Reporter(warnings, errors)
    for folder in folders:
        for path in sorted(folder.rglob("*.py")):
            if "node_modules" not in path.parts:
                checkPath(str(path), reporter)
    return [line.strip() for line in warnings.lines + errors.lines if line.strip()]


def test_pyflakes_finds_nothing_in_the_package_or_the_tests():
    problems = flakes(ROOT / "plugins", ROOT / "tests", ROOT / ".ci")
    assert problems == [], "\n".join(problems)


def test_the_check_catches_a_method_defined_twice(tmp_path):
    (tmp_path / "twice.py").write_text(
        "class Plugin:\n    def on_env(self):\n        return 1\n\n"
        "    def on_env(self):\n        return 2\n", encoding="utf-8")
    assert any("redefinition of unused 'on_env'" in line for line in flakes(tmp_path))
