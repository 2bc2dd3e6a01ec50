"""The `actionplan` command line: checks for officers editing plan files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from actionplan.api import read_plan_file, unique_plans
from actionplan.load import find_plan_files
from actionplan.model import Plan
from actionplan.problems import Problem


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="actionplan",
                                     description="Check and manage action plan data files.")
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="check plan files and list every problem")
    validate.add_argument("paths", nargs="*", type=Path,
                          help="plan files or folders (default: data/)")
    validate.add_argument("--strict", action="store_true",
                          help="fail on warnings too, as `mkdocs build --strict` does")
    args = parser.parse_args(argv)
    if args.command == "validate":
        return _validate(args.paths or [Path("data")], strict=args.strict)
    return 2


def _validate(paths: list[Path], *, strict: bool = False) -> int:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = find_plan_files(path) or sorted(path.glob("*.y*ml"))
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            print(f"{path}: no such file or folder", file=sys.stderr)
            return 1
    errors = warnings = 0
    loaded = []
    for file in files:
        plan, problems = _check_file(file)
        _print(problems)
        errors += sum(p.severity == "error" for p in problems)
        warnings += sum(p.severity == "warning" for p in problems)
        if plan is not None:
            loaded.append((file, plan))
    _, clashes = unique_plans(loaded)  # the build refuses two plans with one id: so do we
    _print(clashes)
    errors += len(clashes)
    checked = f"{len(files)} file{'s' if len(files) != 1 else ''}"
    if errors:
        print(f"{errors} error{'s' if errors != 1 else ''} in {checked}.", file=sys.stderr)
        return 1
    if warnings and strict:
        print(f"{warnings} warning{'s' if warnings != 1 else ''} in {checked}, and --strict "
              "fails on warnings (as `mkdocs build --strict` does).", file=sys.stderr)
        return 1
    noted = f" ({warnings} warning{'s' if warnings != 1 else ''})" if warnings else ""
    print(f"{checked} checked: no errors{noted}.")
    return 0


def _check_file(file: Path) -> tuple[Plan | None, list[Problem]]:
    try:
        return read_plan_file(file)
    except Exception as error:  # a bug in actionplan: say so plainly, never a traceback
        return None, [Problem(str(file), None, None, "file",
                              f"actionplan failed while checking this file "
                              f"({type(error).__name__}: {error})",
                              "this is a fault in actionplan, not necessarily in the file: "
                              "please report it with the file attached")]


def _print(problems: list[Problem]) -> None:
    for problem in sorted(problems, key=lambda p: (p.line or 0, p.column or 0)):
        print(problem.format(), file=sys.stderr if problem.severity == "error" else sys.stdout)


if __name__ == "__main__":
    sys.exit(main())
