"""`actionplan update`: add a dated progress update to one action, in the file that holds it."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from collections.abc import Iterator

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from actionplan.edit.locate import quick_load
from actionplan.edit.safe_write import changed_problem, editing, read_for_edit
from actionplan.edit.yaml_edit import dump_text, load_text, to_node, write_checked
from actionplan.load import find_plan_files, read_yaml_file
from actionplan.model.dates import parse_fuzzy_date
from actionplan.model.vocabulary import STATUSES
from actionplan.problems import DataError, Problem
from actionplan.validate import plain_code

# Where a new `progress:` key goes: before these keys if the action has them.
_AFTER_PROGRESS = ("withdrawn", "source", "notes")
UPDATE_CODES = [code for code in STATUSES if code != "no_update"]


@dataclass(frozen=True)
class ActionPlace:
    file: Path
    plan_id: str
    path: tuple  # keys and indices from the top of the file to the action
    action_id: str = ""


@dataclass(frozen=True)
class UpdateResult:
    file: str
    plan_id: str
    action_id: str
    number: int  # the update's position in the action's progress list, from 1
    line: int | None
    problems: list[Problem]  # warnings if written, errors if not
    status: str = ""  # the code written, which may differ from how --status gave it


def find_action(data_dir: Path, action_id: str, plan_id: str | None = None) -> ActionPlace:
    """The one action with this id (in plan `plan_id` if given); a Problem if none or several."""
    places, all_ids = [], set()
    for file in find_plan_files(data_dir):
        data = quick_load(file)  # unreadable files are for `actionplan validate` to report
        this_plan = _plan_id(data)
        if plan_id is not None and this_plan != plan_id:
            continue
        for path, action in plan_actions(data):
            all_ids.add(str(action.get("id")))
            if str(action.get("id")) == action_id:
                places.append(ActionPlace(file, this_plan, path, action_id))
    if len(places) == 1:
        return places[0]
    raise DataError([_not_found(action_id, plan_id, places, all_ids, data_dir)])


def add_update(place: ActionPlace, *, status: str, text: str, when: date,
               display_name: str, revised_due: str | None = None,
               reason: str | None = None, rag: str | None = None,
               percent: int | float | None = None) -> UpdateResult:
    """Append {date, status, revised_due, rag, percent_complete, text, reason} to the action's
    progress, keeping the file's layout. A `rescheduled` update must say the new target
    date."""
    loose = []
    if status not in UPDATE_CODES:
        code = read_status(status)
        if code is None:
            raise DataError([_bad_status(status)])
        loose = [_loose_status(status, code)]
        status = code
    if lacks_revised_due(status, revised_due):
        raise DataError([_rescheduled_without_date()])
    # The lock queues other edits from the read to the write: none is lost (safe_write).
    file = place.file.resolve()  # a linked plan file is edited where it is: the link stays
    with editing(file, display_name=display_name):
        read = read_for_edit(file)
        if read.raw is None:
            raise DataError([changed_problem(display_name)])  # removed since it was found
        yaml, document = _load_for_edit(read.text, display_name)
        path, action = _find_again(document, place, display_name)
        progress = progress_list(action)
        update = to_node(update_fields(when, status, text, revised_due, reason, rag, percent))
        progress.append(update)
        problems = write_checked(file, dump_text(yaml, document),
                                 display_name=display_name, read=read)
        written = not any(p.severity == "error" for p in problems)
        line = _line_of(file, path + ("progress", len(progress) - 1)) if written else None
    if written:
        problems += out_of_order(progress, when, display_name, line, str(action["id"]))
    return UpdateResult(display_name, place.plan_id, str(action["id"]), len(progress), line,
                        loose + problems, status)


def read_status(written: str) -> str | None:
    """The update status code `written` means, exactly or loosely written ("In progress"),
    or None when it is no status code."""
    return written if written in UPDATE_CODES else plain_code(written)


def lacks_revised_due(status: str, revised_due: str | None) -> bool:
    """A `rescheduled` update must say the new target date."""
    return status == "rescheduled" and not (revised_due or "").strip()


def update_fields(when: date, status: str, text: str, revised_due: str | None,
                  reason: str | None, rag: str | None = None,
                  percent: int | float | None = None) -> dict:
    # In the order the schema lists them, so the file reads as a hand-written update would.
    fields: dict = {"date": when.isoformat(), "status": status}
    if revised_due and revised_due.strip():
        fields["revised_due"] = revised_due.strip()
    if rag:
        fields["rag"] = rag
    if percent is not None:
        fields["percent_complete"] = percent
    fields["text"] = text
    if reason and reason.strip():
        fields["reason"] = reason.strip()
    return fields


def out_of_order(progress, when: date, file: str, line: int | None,
                 action_id: str) -> list[Problem]:
    """A warning when the new update is dated before an earlier one: updates go oldest first."""
    latest = max((d for d in (_date_of(u) for u in progress[:-1]) if d), default=None)
    if latest is None or when >= latest:
        return []
    return [Problem(file, line, None, f"action {action_id} > progress update {len(progress)}",
                    f"this update is dated {when.isoformat()}, before an earlier update "
                    f"({latest.isoformat()}); updates are listed oldest first",
                    "check the date; if it is right, move the update up in the file",
                    "warning")]


def _date_of(update) -> date | None:
    value = update.get("date") if isinstance(update, dict) else None
    text = value.get("text") if isinstance(value, dict) else value
    return parse_fuzzy_date(str(text)).sort_date if text else None


def progress_list(action: CommentedMap) -> CommentedSeq:
    """The action's `progress:` list, made (in its usual place) when the action has none."""
    progress = action.get("progress")
    if progress is None and "progress" in action:  # `progress:` written with nothing after it
        progress = action["progress"] = CommentedSeq()
    elif progress is None:
        progress = CommentedSeq()
        keys = list(action)
        later = [i for i, k in enumerate(keys) if k in _AFTER_PROGRESS]
        action.insert(later[0] if later else len(keys), "progress", progress)
    if progress.fa.flow_style():
        progress.fa.set_block_style()  # `progress: []` becomes a list of updates
    return progress


def _line_of(file: Path, path: tuple) -> int | None:
    line, _ = read_yaml_file(file).position(path)
    return line


def _load_for_edit(text: str, display_name: str):
    try:
        return load_text(text)
    except YAMLError:  # changed (or half-saved) by another program since it was found
        raise DataError([changed_problem(display_name)]) from None


def _find_again(document, place: ActionPlace, display_name: str) -> tuple[tuple, CommentedMap]:
    """The action `find_action` found, looked up again by id in the file as now read (it may
    have been edited before the lock was taken)."""
    found = [(path, action) for path, action in plan_actions(document)
             if str(action.get("id")) == place.action_id]
    if _plan_id(document) != place.plan_id or len(found) != 1:
        raise DataError([changed_problem(display_name)])
    path, action = found[0]
    assert isinstance(action, CommentedMap), "the document is read round-trip, for editing"
    return path, action


def _walk(node, path: tuple):
    for step in path:
        node = node[step]
    return node


def _plan_id(data) -> str:
    plan = data.get("plan") if isinstance(data, dict) else None
    return str(plan.get("id")) if isinstance(plan, dict) else "?"


def plan_actions(data) -> Iterator[tuple[tuple, dict]]:
    """Every action in plan data, with its path (keys and indices) from the top."""
    def walk(groups, path):
        for g, group in enumerate(groups if isinstance(groups, list) else []):
            if not isinstance(group, dict):
                continue
            for a, action in enumerate(group.get("actions") or []):
                if isinstance(action, dict):
                    yield path + (g, "actions", a), action
            yield from walk(group.get("groups") or [], path + (g, "groups"))
    if isinstance(data, dict):
        top = data.get("actions")  # a plan with no groups
        for a, action in enumerate(top if isinstance(top, list) else []):
            if isinstance(action, dict):
                yield ("actions", a), action
        yield from walk(data.get("groups") or [], ("groups",))


def _not_found(action_id, plan_id, places, all_ids, data_dir) -> Problem:
    where = f"plan {plan_id}" if plan_id else f"the plans in {data_dir.as_posix()}"
    if places:
        plans = ", ".join(sorted(p.plan_id for p in places))
        return Problem(data_dir.as_posix(), None, None, f"action {action_id}",
                       f"more than one plan has an action with this id ({plans})",
                       f"say which plan with --plan, for example --plan {places[0].plan_id}")
    guess = difflib.get_close_matches(action_id, sorted(all_ids), n=3)
    fix = (f"did you mean {', '.join(guess)}? " if guess else "") + (
        "Use the action's id as it appears after `- id:` in the plan file (or in the "
        "Action id column of an exported spreadsheet)")
    return Problem(data_dir.as_posix(), None, None, f"action {action_id}",
                   f"no action in {where} has this id", fix)


def _bad_status(status: str) -> Problem:
    guess = difflib.get_close_matches(status, UPDATE_CODES, n=1)
    fix = (f'did you mean "{guess[0]}"? ' if guess else "") + "Use one of: " + ", ".join(
        UPDATE_CODES)
    return Problem("actionplan update", None, None, "--status",
                   f'"{status}" is not a status code', fix)


def _rescheduled_without_date() -> Problem:
    return Problem("actionplan update", None, None, "--status",
                   '"rescheduled" means the target date was revised, but no new date was given',
                   'add the new target date with --revised-due, for example --revised-due '
                   '"March 2027", and why it moved with --reason')


def _loose_status(written: str, code: str) -> Problem:
    return Problem("actionplan update", None, None, "--status",
                   f'the status code is written "{written}"; it is read as {code}',
                   f"write `--status {code}` (status codes are lower case, with _ between "
                   "words)", "warning")
