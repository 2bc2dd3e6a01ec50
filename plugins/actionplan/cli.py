"""The `actionplan` command line: checks for officers editing plan files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from actionplan.api import read_plan_file
from actionplan.load import find_plan_files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="actionplan",
                                     description="Check and manage action plan data files.")
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="check plan files and list every problem")
    validate.add_argument("paths", nargs="*", type=Path,
                          help="plan files or folders (default: data/)")
    args = parser.parse_args(argv)
    if args.command == "validate":
        return _validate(args.paths or [Path("data")])
    return 2


def _validate(paths: list[Path]) -> int:
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
    errors = 0
    for file in files:
        _, problems = read_plan_file(file)
        for problem in sorted(problems, key=lambda p: (p.line or 0, p.column or 0)):
            print(problem.format(), file=sys.stderr if problem.severity == "error" else sys.stdout)
        errors += sum(p.severity == "error" for p in problems)
    checked = f"{len(files)} file{'s' if len(files) != 1 else ''}"
    if errors:
        print(f"{errors} error{'s' if errors != 1 else ''} in {checked}.", file=sys.stderr)
        return 1
    print(f"{checked} checked: no errors.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
