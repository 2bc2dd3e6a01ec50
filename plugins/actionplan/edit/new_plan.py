"""`actionplan new-plan ID`: a commented starter plan file that passes every check."""

from __future__ import annotations

import re
from pathlib import Path

from actionplan.edit.locate import ID_PATTERN, display, plan_file_for
from actionplan.edit.safe_write import editing, read_for_edit
from actionplan.edit.yaml_edit import schema_comment, write_checked
from actionplan.problems import DataError, Problem

STARTER = """\
{schema_line}
# A new action plan. Replace the examples with the plan's own words, then run
#   actionplan validate {display}
# Lines starting with # are comments: they are not published. Indent with spaces, never tabs.
# The guide "How to update a plan" explains every field; the full format is the schema above.
schema_version: 1
plan:
  id: "{plan_id}"          # used in web addresses: never change it once published
  title: "{title}"
  organisation:
    name: "Example Borough Council"
    kind: local_authority  # local_authority, partnership, vcs_body or other
    basis: stated          # stated: the plan names the organisation
  period: "2026-2028"      # the years the plan covers, as the plan writes them
  levels:                  # how the plan groups its actions, outermost first
    - kind: objective
      label: "Objective"   # the plan's own word, for example "PEO" or "Section"
  labels:                  # the plan's own column headings (leave out any you do not need)
    title: "Action"
    due: "Target date"
    leads: "Lead"
    progress: "Progress"
groups:
  - id: objective-1
    number: "1"
    title: "Example objective: replace with the objective's heading"
    actions:
      - id: "1.1"          # a number is fine as an id, written in quotes
        number: "1.1"
        title: "Example action: replace with what will be done"
        due: ["March 2027"]        # as the plan writes it: "Q3 2026/27", "Spring 2027", "Ongoing"
        leads: ["Head of Service"]
        measures:
          - "How success will be measured"
        progress:                  # dated updates, oldest first
          - date: "{today}"
            status: not_started    # not_started, in_progress, ongoing, completed, rescheduled,
                                   # transferred, withdrawn or unknown
            text: "Planning has begun."
      - id: "1.2"
        number: "1.2"
        title: "A second example action"
        due: ["Ongoing"]
        leads: ["Equality Officer"]
        progress: []               # nothing reported yet
"""


def starter_text(plan_id: str, path: Path, *, title: str, today: str, display: str) -> str:
    return STARTER.format(schema_line=schema_comment(path), plan_id=plan_id,
                          title=title.replace('"', "'"), today=today, display=display)


def create_plan(plan_id: str, data_dir: Path, *, title: str,
                today: str) -> tuple[Path, list[Problem]]:
    """Write the starter as data_dir/plans/ID.yaml; return the file and its problems, if any."""
    path = data_dir / "plans" / f"{plan_id}.yaml"
    display_name = display(path)
    if not ID_PATTERN.match(plan_id):
        suggestion = re.sub(r"[^a-z0-9._-]+", "-", plan_id.lower()).strip("._-") or "my-plan"
        raise DataError([Problem(plan_id, None, None, "plan id",
                                 f'"{plan_id}" is not a valid plan id',
                                 "use lower-case letters, digits, dots, hyphens and underscores, "
                                 f'for example "{suggestion}"')])
    with editing(path, display_name=display_name):  # two new-plans at once: one file, one wins
        read = read_for_edit(path)
        existing = path if read.raw is not None else plan_file_for(data_dir, plan_id)
        if existing is not None:
            raise DataError([Problem(display(existing), None, None, "file",
                                     f'a plan with the id "{plan_id}" is already in this file'
                                     if existing != path else "this file already exists",
                                     "choose another plan id, or edit the existing file")])
        text = starter_text(plan_id, path, title=title, today=today, display=display_name)
        return path, write_checked(path, text, display_name=display_name, read=read)
