"""The `actionplan` command line for officers: check, import, export and update plan files,
and start a new site.

Each command's work is done elsewhere (validate/, edit/, spreadsheet/); this module reads the
arguments, calls it, and reports: every problem as `file:line:col: where: what. fix`, and
exit status 1 when anything is wrong.
"""

from __future__ import annotations

import argparse
import errno
import re
import shutil
import sys
from datetime import date
from pathlib import Path

from actionplan import __version__
from actionplan.api import read_plan_file, unique_plans
from actionplan.load import find_plan_files, outside_project
from actionplan.model import Plan
from actionplan.problems import DataError, Problem


SPREADSHEETS = Path("spreadsheets")  # listed in .gitignore, here and in new sites


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return args.run(args)
    except DataError as error:
        _print_problems(error.problems)
        print(counted(error.problems) + ": nothing was changed.", file=sys.stderr)
        return 1
    except OSError as error:  # a file open in another program, a folder that does not exist
        from actionplan.edit.locate import display
        name = display(Path(error.filename)) if error.filename else "file"
        if error.errno in (errno.ENOSPC, errno.EDQUOT):
            print(f"{name}: file: {error.strerror}. Nothing was written: free some disk space, "
                  "then run the command again.", file=sys.stderr)
            return 1
        print(f"{name}: file: {error.strerror or error}. Close the file if another program "
              "has it open, and check the folder and file name.", file=sys.stderr)
        return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="actionplan",
                                     description="Check and manage action plan data files.")
    parser.add_argument("--version", action="version", version=f"actionplan {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate = commands.add_parser("validate", help="check plan files and list every problem")
    validate.add_argument("paths", nargs="*", type=Path,
                          help="plan files or folders (default: data/)")
    validate.add_argument("--strict", action="store_true",
                          help="fail on warnings too, as `mkdocs build --strict` does")
    validate.set_defaults(run=lambda a: _validate(a.paths or [Path("data")], strict=a.strict))

    importing = commands.add_parser("import", help="write or update a plan from a spreadsheet")
    importing.add_argument("spreadsheet", type=Path, help="a .xlsx or .csv file")
    importing.add_argument("--plan", metavar="ID", help="the plan's id (default: the Plan id "
                           "in the spreadsheet's Plan sheet)")
    importing.add_argument("--columns", type=Path, metavar="FILE",
                           help="a YAML file mapping your column headings to fields, one "
                           "`Heading: field` per line")
    importing.add_argument("--dry-run", action="store_true",
                           help="check the spreadsheet and report, but write nothing")
    _data_option(importing)
    importing.set_defaults(run=_import)

    export = commands.add_parser("export", help="write a plan as a spreadsheet to edit")
    export.add_argument("plan", metavar="ID", help="the plan's id")
    export.add_argument("--format", choices=("xlsx", "csv"), default="xlsx")
    export.add_argument("--output", type=Path, metavar="FILE",
                        help="where to write it (default: spreadsheets/ID.xlsx or .csv, a "
                        "folder .gitignore keeps out of the repository)")
    _data_option(export)
    export.set_defaults(run=_export)

    template = commands.add_parser("template", help="write an empty spreadsheet for a new plan")
    template.add_argument("--format", choices=("xlsx", "csv"), default="xlsx")
    template.add_argument("--output", type=Path, metavar="FILE",
                          help="where to write it (default: spreadsheets/plan-template.xlsx, a "
                          "folder .gitignore keeps out of the repository)")
    template.set_defaults(run=_template)

    update = commands.add_parser("update", help="add a dated progress update to an action")
    update.add_argument("action", metavar="ACTION-ID", help="the action's id, such as 1.1")
    update.add_argument("--status", required=True, metavar="CODE",
                        help="not_started, in_progress, ongoing, completed, rescheduled, "
                        "transferred, withdrawn or unknown")
    update.add_argument("--text", required=True, help="what the update says")
    update.add_argument("--date", type=_iso_date, default=None, metavar="YYYY-MM-DD",
                        help="the date the update describes (default: today)")
    update.add_argument("--revised-due", metavar="TEXT",
                        help='the new target date this update sets, such as "March 2027" '
                        "(required with --status rescheduled)")
    update.add_argument("--reason", metavar="TEXT",
                        help="why something changed, such as why the target date moved")
    update.add_argument("--rag", choices=("red", "amber", "green", "blue"), metavar="RATING",
                        help="the lead officer's own rating at this date: red, amber, green "
                        "or blue")
    update.add_argument("--percent", type=_percent, metavar="N",
                        help="how much is done at this date, from 0 to 100")
    update.add_argument("--plan", metavar="ID", help="the plan, if several have this action id")
    _data_option(update)
    update.set_defaults(run=_update)

    _round_commands(commands.add_parser(
        "round", help="collect progress from every action lead: open, status, import"))

    new_plan = commands.add_parser("new-plan", help="write a commented starter plan file")
    new_plan.add_argument("plan", metavar="ID", help="the new plan's id, such as equality-2026")
    new_plan.add_argument("--title", default=None,
                          help='the plan\'s title (default: a "REPLACE:" placeholder)')
    new_plan.add_argument("--flat", action="store_true",
                          help="a plan with no objectives or sections: one list of actions")
    _data_option(new_plan)
    new_plan.set_defaults(run=_new_plan)

    new_site = commands.add_parser("new-site", help="start a council's own site in a new folder")
    new_site.add_argument("folder", type=Path, metavar="DIR",
                          help="the new folder (it must not exist, or be empty)")
    new_site.add_argument("--site-url", metavar="URL",
                          help="the address the site will be published at, such as "
                          "https://org.github.io/plans/ (default: a placeholder that "
                          "`mkdocs build --strict` reports until it is replaced)")
    new_site.add_argument("--site-name", default="Equality action plans", metavar="NAME",
                          help="the site's name, at the top of every page")
    new_site.set_defaults(run=_new_site)
    return parser


def _round_commands(parser: argparse.ArgumentParser) -> None:
    steps = parser.add_subparsers(dest="step", required=True, metavar="STEP")
    opening = steps.add_parser("open", help="write one workbook (a return) per action lead "
                               "under returns/NAME/")
    opening.add_argument("name", metavar="NAME", help="the round's name, such as 2026-q1")
    opening.add_argument("--plan", action="append", metavar="ID",
                         help="only this plan's actions (give it again for more plans; "
                         "default: every plan)")
    opening.add_argument("--deadline", type=_iso_date, metavar="YYYY-MM-DD",
                         help="the date the returns are due, written in each workbook")
    opening.add_argument("--return-to", metavar="WHO",
                         help="who the leads send their returns to, such as an email address")
    _data_option(opening)
    opening.set_defaults(run=_round_open)

    status = steps.add_parser("status", help="which returns came back, partly filled or not")
    status.add_argument("name", metavar="NAME", help="the round's name (or its folder)")
    status.set_defaults(run=_round_status)

    importing = steps.add_parser("import", help="check every return and add their updates "
                                 "to the plans, all or none")
    importing.add_argument("folder", type=Path, metavar="FOLDER",
                           help="the round's folder, such as returns/2026-q1")
    importing.add_argument("--date", type=_iso_date, default=None, metavar="YYYY-MM-DD",
                           help="the date the updates describe (default: today)")
    _data_option(importing)
    importing.set_defaults(run=_round_import)


def _data_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, default=Path("data"), metavar="DIR",
                        help="the data folder holding plans/ (default: data)")


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f'"{text}" is not a date written YYYY-MM-DD (for example 2026-03-31)') from None


# --- commands -----------------------------------------------------------------------------

def _percent(text: str) -> int | float:
    """A percentage as typed ("45", "47.5", "45%"); the plan's checks then say if it is over
    100."""
    figure = text.strip().removesuffix("%").strip()
    try:
        return int(figure) if figure.lstrip("-").isdigit() else float(figure)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f'"{text}" is not a number: write it as 45 (for 45%)') from None


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
    files, outside = outside_project(files, Path.cwd())
    _print_problems(outside)
    errors, warnings = len(outside), 0
    loaded = []
    for file in files:
        plan, problems = _check_file(file)
        _print_problems(problems)
        errors += sum(p.severity == "error" for p in problems)
        warnings += sum(p.severity == "warning" for p in problems)
        if plan is not None:
            loaded.append((file, plan))
    _, clashes = unique_plans(loaded)  # the build refuses two plans with one id: so do we
    _print_problems(clashes)
    errors += len(clashes)
    count = len(files) + len(outside)
    checked = f"{count} file{'s' if count != 1 else ''}"
    if errors:
        print(f"{_tally(errors, warnings)} in {checked}.", file=sys.stderr)
        return 1
    if warnings and strict:
        print(f"{_tally(errors, warnings)} in {checked}, and --strict "
              "fails on warnings (as `mkdocs build --strict` does).", file=sys.stderr)
        return 1
    noted = f" ({_plural(warnings, 'warning')})" if warnings else ""
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


def _import(args) -> int:
    from actionplan.edit.importing import import_spreadsheet

    outcome = import_spreadsheet(args.spreadsheet, data_dir=args.data, plan_id=args.plan,
                                 mapping_file=args.columns, dry_run=args.dry_run)
    if _stopped_by_errors(outcome.problems, ": nothing was written. Fix the rows listed above "
                          "and import again."):
        return 1
    verb = ("Would create" if outcome.created else "Would update") if args.dry_run else (
        "Created" if outcome.created else "Updated")
    print(f"{verb} {outcome.target}: " + " ".join(outcome.summary))
    if outcome.problems:
        print(_read_the_warnings(outcome.problems))
    if not args.dry_run:
        print(f"Check it with: actionplan validate {outcome.target}")
    return 0


def _export(args) -> int:
    from actionplan.edit.locate import display, plan_file_for, plan_ids
    from actionplan.spreadsheet.writing import write_export

    plan_file = plan_file_for(args.data, args.plan)
    if plan_file is None:
        known = ", ".join(plan_ids(args.data)) or "none"
        raise DataError([Problem(args.data.as_posix(), None, None, f"plan {args.plan}",
                                 "no plan file has this plan id", f"use one of: {known}")])
    output = args.output or _working_copy(f"{args.plan}.{args.format}")
    write_export(plan_file, output, display_name=display(plan_file))
    print(f"Wrote {display(output)} from {display(plan_file)}. Edit it, then run: "
          f"actionplan import {display(output)} --plan {args.plan}")
    return 0


def _template(args) -> int:
    from actionplan.edit.locate import display
    from actionplan.spreadsheet.writing import write_template

    output = args.output or _working_copy(f"plan-template.{args.format}")
    write_template(output)
    print(f"Wrote {display(output)}. Fill in the Plan sheet and one row per action in the "
          f"Actions sheet, then run: actionplan import {display(output)} --plan PLAN-ID")
    return 0


def _working_copy(name: str) -> Path:
    # Spreadsheets are working copies, not the record (data/ is): they go where .gitignore
    # keeps them out of commits, so a personal copy is never published by accident.
    SPREADSHEETS.mkdir(exist_ok=True)
    return SPREADSHEETS / name


def _update(args) -> int:
    from actionplan.edit.locate import display
    from actionplan.edit.progress import add_update, find_action

    place = find_action(args.data, args.action, args.plan)
    result = add_update(place, status=args.status, text=args.text,
                        when=args.date or date.today(), display_name=display(place.file),
                        revised_due=args.revised_due, reason=args.reason, rag=args.rag,
                        percent=args.percent)
    if _stopped_by_errors(result.problems, f". The update was not saved: {result.file} would "
                          "have the errors above (line numbers are those the file would have). "
                          "It is unchanged."):
        return 1
    when = (args.date or date.today()).isoformat()
    print(f"Added progress update {result.number} to action {result.action_id} "
          f"(plan {result.plan_id}) in {result.file}:{result.line}: {when}, {result.status}."
          + (f" ({_read_the_warnings(result.problems)})" if result.problems else ""))
    return 0


def _round_open(args) -> int:
    from actionplan.edit.locate import display
    from actionplan.rounds.opening import open_round

    opened = open_round(args.name, data_dir=args.data, plan_ids_wanted=args.plan,
                        deadline=args.deadline.isoformat() if args.deadline else None,
                        return_to=args.return_to, today=date.today().isoformat())
    returns = opened.round.returns
    rows = sum(len(r.actions) for r in returns)
    print(f"Opened round {args.name}: {_plural(len(returns), 'return')} in "
          f"{display(opened.folder)}/, one for each lead ({_plural(rows, 'row')}: an action "
          "with several leads is in each lead's return).")
    for sent in returns:
        print(f"  {sent.file}: {sent.lead} ({_plural(len(sent.actions), 'action')})")
    print(f"Send each lead their workbook; save the filled-in returns in "
          f"{display(opened.folder)}/ under the same names. Then run: actionplan round "
          f"status {args.name}, and when they are in: actionplan round import "
          f"{display(opened.folder)}")
    return 0


def _round_folder(name: str) -> Path:
    from actionplan.rounds.opening import RETURNS

    given = Path(name)
    return given if (given / "round.json").exists() else RETURNS / name


def _round_status(args) -> int:
    from actionplan.edit.locate import display
    from actionplan.rounds.answers import MISSING, PARTLY, RETURNED, UNREADABLE, UNTOUCHED
    from actionplan.rounds.importing import read_round

    folder = _round_folder(args.name)
    outcome = read_round(folder)
    round_ = outcome.round
    rows = sum(len(r.actions) for r in round_.returns)
    deadline = f" (deadline {round_.deadline})" if round_.deadline else ""
    print(f"Round {round_.name}{deadline}: "
          f"{_plural(len(round_.returns), 'return')}, {_plural(rows, 'row')}.")
    for state in (RETURNED, PARTLY, UNTOUCHED, MISSING, UNREADABLE):
        chosen = [r for r in outcome.returns if r.state == state]
        if not chosen and state in (MISSING, UNREADABLE):
            continue
        print(f"{state.capitalize()}: {len(chosen)}")
        for read in chosen:
            print(f"  {read.sent.lead}: {read.answered} of "
                  f"{_plural(len(read.sent.actions), 'action')} answered ({read.sent.file})")
    if outcome.strangers:
        print(f"Not read (not sent in this round): {len(outcome.strangers)}")
        for name in outcome.strangers:
            print(f"  {name}: give it the name it was sent with if it is a lead's return")
    errors = [p for p in outcome.problems if p.severity == "error"]
    if errors:
        print(f"{_plural(len(errors), 'error')} in the returns: actionplan round import "
              f"{display(folder)} lists them (nothing is imported until they are fixed).")
    return 0


def _round_import(args) -> int:
    from actionplan.edit.locate import display
    from actionplan.rounds.answers import MISSING, PARTLY, RETURNED, UNTOUCHED
    from actionplan.rounds.importing import import_round

    when = args.date or date.today()
    outcome = import_round(args.folder, data_dir=args.data, when=when)
    if _stopped_by_errors(outcome.problems, ": nothing was changed. Fix what is listed above "
                          "(in the returns, or ask the leads), then import again."):
        return 1
    states = [r.state for r in outcome.returns]
    print(f"Read {_plural(len(states), 'return')} from {display(args.folder)}: "
          f"{states.count(RETURNED)} returned, {states.count(PARTLY)} partly filled, "
          f"{states.count(UNTOUCHED)} untouched"
          + (f", {states.count(MISSING)} missing." if MISSING in states else "."))
    if outcome.already:
        print(f"{_plural(len(outcome.already), 'answer')} already in the plans (imported "
              "before): not added again.")
    if not outcome.added:
        print("No new answers: nothing was changed.")
        return 0
    print(f"Added {_plural(len(outcome.added), 'progress update')} dated {when.isoformat()} "
          f"to {', '.join(outcome.files)}.")
    message = _round_message(outcome.round.name, len(outcome.added))
    saved = args.folder / "commit-message.txt"
    saved.write_text(message, encoding="utf-8")
    print(f"Check it with: actionplan validate. Commit it with this message (saved in "
          f"{display(saved)}, so: git commit -F {display(saved)}):\n")
    print(message, end="")
    if outcome.problems:
        print("\n" + _read_the_warnings(outcome.problems))
    return 0


def _round_message(name: str, count: int) -> str:
    # The Change-reason trailer is what residents read beside each change in the changelog.
    return (f"Progress updates from reporting round {name} ({_plural(count, 'action')})\n\n"
            f"Change-reason: Progress reported by the action leads in reporting round "
            f"{name}.\n")


def _new_plan(args) -> int:
    from actionplan.edit.locate import display
    from actionplan.edit.new_plan import create_plan

    path, problems = create_plan(args.plan, args.data, title=args.title,
                                 today=date.today().isoformat(), flat=args.flat)
    if _stopped_by_errors(problems, ": nothing was written."):
        return 1
    print(f"Created {display(path)}: replace each text beginning \"REPLACE:\" with the plan's "
          f"own words (until then they are errors), then run: actionplan validate "
          f"{display(path)}")
    return 0


def _new_site(args) -> int:
    from actionplan.scaffold.new_site import create_site

    site = create_site(args.folder, site_url=args.site_url, site_name=args.site_name,
                       today=date.today().isoformat())
    print(f"Created the site in {site.root}:")
    for path in site.written:
        print(f"  {path.relative_to(site.root).as_posix()}")
    if site.git_initialised:
        print("and made it a git repository (the changelog is made from its history).")
    elif shutil.which("git") is None:
        print("git was not found: install it and run `git init` in the folder, or the build "
              "stops (the changelog is made from the git history).")
    steps = [f"cd {site.root}", "mkdocs serve    (then open http://127.0.0.1:8000/)"]
    if args.site_url is None:
        steps.append("set site_url in mkdocs.yml before publishing (--strict warns until then)")
    print("Next:\n  " + "\n  ".join(steps) + "\nREADME.md explains how to publish it.")
    return 0


def _print_problems(problems: list[Problem]) -> None:
    # Each line says its kind: warnings printed among errors must not read as errors.
    for problem in sorted(problems, key=_reading_order):
        print(f"{problem.severity}: {problem.format()}",
              file=sys.stderr if problem.severity == "error" else sys.stdout)


def _stopped_by_errors(problems: list[Problem], outcome: str) -> bool:
    """Print every problem; when one is an error, also the count followed by `outcome` (what
    was not done, and how to go on), and say so. Errors go to standard error."""
    _print_problems(problems)
    if not any(p.severity == "error" for p in problems):
        return False
    print(counted(problems) + outcome, file=sys.stderr)
    return True


def _read_the_warnings(problems: list[Problem]) -> str:
    """The closing line of a command that went ahead with warnings."""
    return f"{counted(problems)}: read the warnings above."


def counted(problems: list[Problem]) -> str:
    """ "2 errors, 1 warning": errors and warnings counted apart."""
    errors = sum(p.severity == "error" for p in problems)
    return _tally(errors, len(problems) - errors)


def _tally(errors: int, warnings: int) -> str:
    parts = [_plural(errors, "error")] if errors or not warnings else []
    return ", ".join(parts + ([_plural(warnings, "warning")] if warnings else []))


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count != 1 else ''}"


def _reading_order(problem: Problem) -> tuple:
    # Spreadsheet problems are placed "file:Sheet:row N": sort rows by number, not as text.
    match = re.fullmatch(r"(.*):row (\d+)", problem.file)
    place, row = (match.group(1), int(match.group(2))) if match else (problem.file, 0)
    return place, row, problem.line or 0, problem.column or 0


if __name__ == "__main__":
    sys.exit(main())
