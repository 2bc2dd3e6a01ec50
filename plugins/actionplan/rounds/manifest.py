"""round.json: what a round sent to whom, and the state of each action when it was sent.

Import reads it to tell which workbook belongs to which lead, which actions each lead may
answer, what the read-only cells said, and whether an action's progress changed since the
round opened (an answer written without seeing a newer update is a conflict).
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

from actionplan.plan_values import normal_form
from actionplan.problems import DataError, Problem

MANIFEST_NAME = "round.json"
FORMAT = 1


@dataclass(frozen=True)
class SentAction:
    """One row of a return: the action, and what its read-only cells said."""

    plan: str
    action: str
    updates: int  # how many progress updates the action had when the round opened
    progress: str  # fingerprint of those updates
    cells: list[str]  # the read-only cells of its row, as a spreadsheet reads them back


@dataclass(frozen=True)
class SentReturn:
    file: str  # the workbook's name inside the round folder
    lead: str
    actions: list[SentAction]


@dataclass(frozen=True)
class PlanAtOpening:
    file: str  # the plan file, as officers name it (relative to the site folder)
    fingerprint: str  # SHA-256 of its bytes


@dataclass(frozen=True)
class Round:
    name: str
    opened: str
    deadline: str | None
    return_to: str | None
    plans: dict[str, PlanAtOpening]
    returns: list[SentReturn] = field(default_factory=list)

    def to_json(self) -> str:
        return json.dumps({"format": FORMAT, **asdict(self)}, indent=2, ensure_ascii=False) + "\n"


def progress_fingerprint(progress) -> str:
    """The same for the same updates however the file writes them (quoting, layout)."""
    text = json.dumps(normal_form(list(progress or [])), sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def write_manifest(folder: Path, round_: Round) -> None:
    path = folder / MANIFEST_NAME
    temporary = path.with_name(f".{MANIFEST_NAME}.tmp")
    temporary.write_text(round_.to_json(), encoding="utf-8")
    os.replace(temporary, path)


def read_manifest(folder: Path, display_name: str) -> Round:
    """The round of `folder`; a Problem (as DataError) when it is not a round folder."""
    path = folder / MANIFEST_NAME
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Round(
            name=data["name"], opened=data["opened"], deadline=data.get("deadline"),
            return_to=data.get("return_to"),
            plans={k: PlanAtOpening(**v) for k, v in data["plans"].items()},
            returns=[SentReturn(r["file"], r["lead"], [SentAction(**a) for a in r["actions"]])
                     for r in data["returns"]])
    except FileNotFoundError:
        raise DataError([Problem(display_name, None, None, "round",
                                 f"this folder has no {MANIFEST_NAME}, so it is not a round "
                                 "folder", "give the folder `actionplan round open` made, such "
                                 "as returns/2019-q1")]) from None
    except (ValueError, KeyError, TypeError):
        raise DataError([Problem(f"{display_name}/{MANIFEST_NAME}", None, None, "round",
                                 f"{MANIFEST_NAME} cannot be read (it was changed by hand or "
                                 "damaged)", "put back the file `actionplan round open` "
                                 "wrote; it is not meant to be edited")]) from None
