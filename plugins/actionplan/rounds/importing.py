"""`actionplan round import`: check every return, then add all their updates, or none.

Nothing is written while any return has an error, while two returns answer one action
differently, or while an action has had an update since the round opened that its answer did
not see. Then every plan file with answers is rewritten through the safe writer at once
(`write_all_checked`): all plan files change, or none. An answer already in the plan (the
round imported before) is not added twice.
"""

from __future__ import annotations

from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml
from ruamel.yaml.comments import CommentedMap

from actionplan.edit.locate import display, plan_file_for
from actionplan.edit.progress import out_of_order, plan_actions, progress_list, update_fields
from actionplan.edit.safe_write import ReadSnapshot, changed_problem, editing, read_for_edit
from actionplan.edit.yaml_edit import dump_text, load_text, same_data, to_node, write_all_checked
from actionplan.problems import Problem
from actionplan.rounds.answers import Answer, ReadReturn, conflicts, read_return, unique_answers
from actionplan.rounds.manifest import MANIFEST_NAME, Round, progress_fingerprint, read_manifest


@dataclass
class RoundImport:
    round: Round
    returns: list[ReadReturn]
    problems: list[Problem] = field(default_factory=list)
    added: list[Answer] = field(default_factory=list)
    already: list[Answer] = field(default_factory=list)  # in the plan already: not added again
    files: list[str] = field(default_factory=list)  # plan files changed
    strangers: list[str] = field(default_factory=list)  # workbooks the round did not send

    @property
    def failed(self) -> bool:
        return any(p.severity == "error" for p in self.problems)


def read_round(folder: Path) -> RoundImport:
    """The round in `folder` with every return read and checked; nothing written."""
    name = display(folder)
    round_ = read_manifest(folder, name)
    returns = [read_return(folder, name, sent) for sent in round_.returns]
    outcome = RoundImport(round_, returns)
    outcome.problems = [p for r in returns for p in r.problems] + conflicts(returns)
    outcome.strangers = _strangers(folder, round_)
    outcome.problems += [_stranger(f"{name}/{file}") for file in outcome.strangers]
    return outcome


def import_round(folder: Path, *, data_dir: Path, when: date) -> RoundImport:
    outcome = read_round(folder)
    answers = unique_answers(outcome.returns)
    if outcome.failed or not answers:
        return outcome
    by_plan: dict[str, list[Answer]] = {}
    for answer in answers:
        by_plan.setdefault(answer.plan, []).append(answer)
    files = {plan: plan_file_for(data_dir, plan) for plan in by_plan}
    outcome.problems += [_plan_gone(plan, data_dir) for plan, file in files.items() if not file]
    if outcome.failed:
        return outcome
    # Locked in one order (by path), so two imports at once queue rather than deadlock.
    targets = sorted((file.resolve(), display(file), plan) for plan, file in files.items()
                     if file)
    with ExitStack() as locks:  # every plan file's folder locked from the reads to the writes
        for path, name, _ in targets:
            locks.enter_context(editing(path, display_name=name))
        writes = []
        for path, name, plan in targets:
            read = read_for_edit(path)
            text = _with_answers(read, name, by_plan[plan], outcome, when)
            if text is not None:
                writes.append((path, text, name, read))
        if writes and not outcome.failed:
            outcome.problems += write_all_checked(writes)
    if outcome.failed:
        outcome.added = []  # nothing was written
        return outcome
    outcome.files = [name for _, _, name, _ in writes]
    return outcome


def _with_answers(read: ReadSnapshot, name: str, answers: list[Answer], outcome: RoundImport,
                  when: date) -> str | None:
    """The file's new text with the answers added (None when there is nothing to add)."""
    if read.raw is None:
        outcome.problems.append(changed_problem(name))
        return None
    try:
        plain = yaml.load(read.text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        editor, document = load_text(read.text)
    except yaml.YAMLError:
        outcome.problems.append(changed_problem(name))
        return None
    now = {str(a.get("id")): list(a.get("progress") or []) for _, a in plan_actions(plain)}
    editable = {str(a.get("id")): a for _, a in plan_actions(document)
                if isinstance(a, CommentedMap)}  # read round-trip: always, for editing
    added = 0
    for answer in answers:
        fields = update_fields(when, answer.status, answer.text, answer.revised_due,
                               answer.reason)
        state = _since_opening(answer, now, outcome.round, fields, name)
        if isinstance(state, Problem):
            outcome.problems.append(state)
        elif state == "already":
            outcome.already.append(answer)
        else:
            progress = progress_list(editable[answer.action])
            progress.append(to_node(fields))
            outcome.problems += out_of_order(progress, when, name, None, answer.action)
            outcome.added.append(answer)
            added += 1
    return dump_text(editor, document) if added else None


def _since_opening(answer: Answer, now: dict[str, list], round_: Round, fields: dict,
                   name: str) -> Problem | str:
    """"new" (add it), "already" (this answer is in the plan), or the conflict found."""
    where = f"action {answer.action} (plan {answer.plan})"
    if answer.action not in now:
        return Problem(answer.place, None, None, where,
                       f"{name} no longer has this action", "check whether the action was "
                       "renumbered or removed since the round opened; clear this row, import "
                       "again, and add its update with `actionplan update` if it still applies")
    sent = next(a for r in round_.returns for a in r.actions
                if (a.plan, a.action) == (answer.plan, answer.action))
    progress = now[answer.action]
    if len(progress) < sent.updates or progress_fingerprint(
            progress[:sent.updates]) != sent.progress:
        return Problem(answer.place, None, None, where,
                       f"the action's progress updates in {name} were changed since the round "
                       "opened, so this answer may not fit them",
                       "read the action's updates in the plan file; if the answer still "
                       "applies, clear this row, import again and add it with `actionplan "
                       "update`")
    newer = progress[sent.updates:]
    if any(_same_answer(update, fields) for update in newer):
        return "already"
    if newer:
        return Problem(answer.place, None, None, where,
                       f"the action has had a progress update since the round opened "
                       f"(update {sent.updates + 1} in {name}), which this answer was written "
                       "without", "read both; if this answer still applies, clear this row, "
                       "import again and add it with `actionplan update`")
    return "new"


def _same_answer(update, fields: dict) -> bool:
    """The same update whatever date it was imported with."""
    if not isinstance(update, dict):
        return False
    return same_data({k: v for k, v in update.items() if k != "date"},
                     {k: v for k, v in fields.items() if k != "date"})


def _plan_gone(plan: str, data_dir: Path) -> Problem:
    return Problem(data_dir.as_posix(), None, None, f"plan {plan}",
                   "no plan file has this plan id any more, though the round was sent for it",
                   "put the plan back, or clear this plan's rows in the returns")


def _strangers(folder: Path, round_: Round) -> list[str]:
    """Workbooks in the folder that the round did not send: they are not read."""
    sent = {r.file for r in round_.returns}
    return [path.name for path in sorted(folder.glob("*.xlsx"))
            if path.name not in sent and not path.name.startswith(("~$", "."))]


def _stranger(workbook: str) -> Problem:
    return Problem(workbook, None, None, "file",
                   "this workbook is not one of the round's returns, so it was not read",
                   "if it is a lead's return saved under another name, give it the name it "
                   f"was sent with (see {MANIFEST_NAME}), replacing the copy sent", "warning")
