"""`actionplan round open`: write every lead's return and the round's manifest, or nothing.

The returns are written into a hidden folder beside the round's and renamed into place once
all are written, so a round folder is never half-made; an existing round is never touched.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from actionplan.api import load_site
from actionplan.edit.locate import display, plan_file_for, plan_ids, quick_load
from actionplan.plan_values import ID_PATTERN
from actionplan.edit.progress import plan_actions
from actionplan.edit.safe_write import fingerprint
from actionplan.model.entities import Plan
from actionplan.options import SiteOptions, parse_as_of
from actionplan.problems import DataError, Problem
from actionplan.rounds.layout import READ_ONLY
from actionplan.rounds.manifest import (
    PlanAtOpening, Round, SentAction, SentReturn, progress_fingerprint, write_manifest,
)
from actionplan.rounds.sending import Return, returns_for
from actionplan.rounds.workbook import write_return

RETURNS = Path("returns")  # listed in .gitignore, here and in new sites


@dataclass(frozen=True)
class OpenedRound:
    folder: Path
    round: Round


def open_round(name: str, *, data_dir: Path, plan_ids_wanted: list[str] | None,
               deadline: str | None, return_to: str | None, today: str,
               returns_root: Path = RETURNS) -> OpenedRound:
    folder = returns_root / name
    _check_name(name, folder)
    site, _ = load_site(data_dir, relative_to=Path.cwd())  # a round of broken data: refused
    plans = _chosen(list(site.plans), plan_ids_wanted, data_dir)
    files = {plan.id: plan_file_for(data_dir, plan.id) for plan in plans}
    progress = {plan_id: _progress_at_opening(file) for plan_id, file in files.items() if file}
    returns = returns_for(plans, SiteOptions(as_of=site_as_of(Path("mkdocs.yml"))))
    round_ = Round(name, today, deadline, return_to,
                   {p.id: PlanAtOpening(display(f), fingerprint(f) or "")
                    for p in plans if (f := files[p.id])},
                   [_sent(r, progress) for r in returns])
    returns_root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=returns_root, prefix=f".{name}.opening-"))
    try:
        for sent in returns:
            write_return(staging / sent.file, sent, round_name=name, deadline=deadline,
                         return_to=return_to)
        write_manifest(staging, round_)
        staging.rename(folder)  # fails, rather than merges, if the round appeared meanwhile
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return OpenedRound(folder, round_)


def site_as_of(config: Path) -> date | None:
    """The `as_of` option of the actionplan plugin in the site's mkdocs.yml, if it sets one:
    the returns then show the judgement the site publishes."""
    class Loader(yaml.SafeLoader):
        pass  # MkDocs files use tags (!ENV, !!python/name:...): read them as nothing

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    try:
        data = yaml.load(config.read_text(encoding="utf-8"), Loader=Loader)
        settings = next(p["actionplan"] for p in data.get("plugins") or []
                        if isinstance(p, dict) and "actionplan" in p)
        return parse_as_of((settings or {}).get("as_of"))
    except (OSError, yaml.YAMLError, AttributeError, StopIteration, ValueError, TypeError):
        return None  # no site here, or no such option: each plan's own date, as the site


def _check_name(name: str, folder: Path) -> None:
    if not ID_PATTERN.match(name):
        raise DataError([Problem("actionplan round open", None, None, "NAME",
                                 f'"{name}" is not a round name this command can use as a '
                                 "folder name", "use lower-case letters, digits, dots, hyphens "
                                 "and underscores, for example 2026-q1")])
    if folder.exists():
        where = display(folder)
        raise DataError([Problem(where, None, None, "round",
                                 "this round was already opened; opening it again would write "
                                 "over the returns",
                                 f"see how it is going with: actionplan round status {name}; "
                                 f"import it with: actionplan round import {where}; to start "
                                 "it again, move or delete the folder first (returns already "
                                 "filled in are in it), or choose another round name")])


def _chosen(plans: list[Plan], wanted: list[str] | None, data_dir: Path) -> list[Plan]:
    if not wanted:
        return plans
    unknown = [w for w in wanted if w not in {p.id for p in plans}]
    if unknown:
        known = ", ".join(plan_ids(data_dir)) or "none"
        raise DataError([Problem(data_dir.as_posix(), None, None, f"plan {w}",
                                 "no plan file has this plan id", f"use one of: {known}")
                         for w in unknown])
    return [p for p in plans if p.id in wanted]


def _progress_at_opening(file: Path) -> dict[str, list]:
    """Each action's progress updates in the file now, by action id."""
    return {str(action.get("id")): list(action.get("progress") or [])
            for _, action in plan_actions(quick_load(file))}


def _sent(sent: Return, progress: dict[str, dict[str, list]]) -> SentReturn:
    actions = []
    for row in sent.rows:
        updates = progress.get(row.plan.id, {}).get(row.action.id, [])
        actions.append(SentAction(row.plan.id, row.action.id, len(updates),
                                  progress_fingerprint(updates),
                                  [row.cells[c.key] for c in READ_ONLY]))
    return SentReturn(sent.file, sent.lead, actions)
