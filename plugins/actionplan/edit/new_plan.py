"""`actionplan new-plan ID`: a commented starter plan file whose "REPLACE:" placeholders
`actionplan validate` reports until they are replaced with the plan's own words."""

from __future__ import annotations

import re
from pathlib import Path

from actionplan.edit.locate import display, plan_file_for
from actionplan.plan_values import ID_PATTERN
from actionplan.api import read_plan_text
from actionplan.edit import yaml_edit
from actionplan.edit.safe_write import commit, editing, read_for_edit
from actionplan.edit.yaml_edit import schema_comment, write_checked
from actionplan.validate import placeholder
from actionplan.problems import DataError, Problem

_HEADER = """\
{schema_line}
{intro}
#   actionplan validate {display}
# Lines starting with # are comments: they are not published. Indent with spaces, never tabs.
# The guide "How to update a plan" explains every field; the full format is the schema above.
schema_version: 1
plan:
  id: "{plan_id}"          # used in web addresses: never change it once published
  title: "{title}"
  organisation:
    name: "{organisation}"
    kind: local_authority  # local_authority, partnership, vcs_body or other
    basis: stated          # stated: the plan names the organisation
  period: "{period}"      # the years the plan covers, as the plan writes them
"""
_LEVELS = """\
  levels:                  # how the plan groups its actions, outermost first
    - kind: objective
      label: "Objective"   # the plan's own word, for example "PEO" or "Section"
"""
_LABELS = """\
  labels:                  # the plan's own column headings (leave out any you do not need)
    title: "Action"
    due: "Target date"
    leads: "Lead"
    progress: "Progress"
"""
_GROUPS = """\
groups:
  - id: objective-1
    number: "1"
    title: "{objective}"
    actions:
      - id: "1.1"          # a number is fine as an id, written in quotes
        number: "1.1"
        title: "{action}"
        due: ["{due}"]        # as the plan writes it: "Q3 2026/27", "Spring 2027", "Ongoing"
        leads: ["{lead}"]
        measures:
          - "{measure}"
        progress:                  # dated updates, oldest first
          - date: "{today}"
            status: not_started    # not_started, in_progress, ongoing, completed, rescheduled,
                                   # transferred, withdrawn or unknown
            text: "{update}"
      - id: "1.2"
        number: "1.2"
        title: "{second_action}"
        due: ["Ongoing"]
        leads: ["{second_lead}"]
        progress: []               # nothing reported yet
"""
# A plan with no groups (`new-plan --flat`): its actions in one list under `actions:`, with
# no levels and no groups, as a plan printed as one table of actions is written.
_FLAT_ACTIONS = """\
actions:                   # a plan with no objectives or sections: one list of actions
  - id: action-1           # used in web addresses: never change it once published
    title: "{action}"
    due: ["{due}"]            # as the plan writes it: "Q3 2026/27", "Spring 2027", "Ongoing"
    leads: ["{lead}"]
    measures:
      - "{measure}"
    progress:                  # dated updates, oldest first
      - date: "{today}"
        status: not_started    # not_started, in_progress, ongoing, completed, rescheduled,
                               # transferred, withdrawn or unknown
        text: "{update}"
  - id: action-2
    title: "{second_action}"
    due: ["Ongoing"]
    leads: ["{second_lead}"]
    progress: []               # nothing reported yet
"""
STARTER = _HEADER + _LEVELS + _LABELS + _GROUPS
FLAT_STARTER = _HEADER + _LABELS + _FLAT_ACTIONS

# Each value the officer must write: (what to write, as the placeholder says it; the example
# `new-site` shows in its place, so that its example plan builds and reads as an example).
VALUES = {
    "title": ("the plan's title, as the document gives it", "Example equality action plan"),
    "organisation": ("the organisation's name, for example Kingsbury Borough Council",
                     "Example Borough Council"),
    "period": ("the years the plan covers, for example 2026-2028", "2026-2028"),
    "objective": ("the objective's heading", "Example objective: replace with the objective's "
                  "heading"),
    "action": ("what will be done", "Example action: replace with what will be done"),
    "due": ("the target date as the plan writes it, for example March 2027", "March 2027"),
    "lead": ("who leads the action, for example Head of Service", "Head of Service"),
    "measure": ("how success will be measured", "How success will be measured"),
    "update": ("what the first progress update says", "Planning has begun."),
    "second_action": ("what the second action will do, or remove this action",
                      "A second example action"),
    "second_lead": ("who leads the second action", "Equality Officer"),
}


def starter_text(plan_id: str, path: Path, *, title: str | None, today: str, display: str,
                 examples: bool = False, flat: bool = False) -> str:
    """The starter, its values "REPLACE:" placeholders, or with `examples` example words
    (new-site's example plan, which must build); with `flat`, a plan with no groups."""
    values = {key: (example if examples else placeholder(wanted))
              for key, (wanted, example) in VALUES.items()}
    if title is not None:
        values["title"] = title
    values = {key: value.replace('"', "'") for key, value in values.items()}
    starter = FLAT_STARTER if flat else STARTER
    return starter.format(schema_line=schema_comment(path), plan_id=plan_id, today=today,
                          display=display, intro=EXAMPLE_INTRO if examples else INTRO, **values)


INTRO = """\
# A new action plan. Replace every text that begins "REPLACE:" with the plan's own words (the
# words after REPLACE: say what to write), and the examples with the plan's actions. Until
# then, each "REPLACE:" text is an error, so none is published. Then run"""
EXAMPLE_INTRO = """\
# An example action plan. Replace the examples with the plan's own words, then run"""


def create_plan(plan_id: str, data_dir: Path, *, title: str | None, today: str,
                examples: bool = False, flat: bool = False) -> tuple[Path, list[Problem]]:
    """Write the starter as data_dir/plans/ID.yaml; return the file and its problems, if any.

    The starter's "REPLACE:" placeholders are errors for `validate` until replaced, so it is
    checked with the example words in their place, then written with its placeholders."""
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
        text = starter_text(plan_id, path, title=title, today=today, display=display_name,
                            examples=examples, flat=flat)
        if examples:
            return path, write_checked(path, text, display_name=display_name, read=read)
        example = starter_text(plan_id, path, title=title, today=today, display=display_name,
                               examples=True, flat=flat)
        _, problems = read_plan_text(example, display_name)  # the starter's shape passes
        if any(p.severity == "error" for p in problems):
            return path, problems  # a fault in actionplan: nothing written
        temporary = yaml_edit.write_temporary(path, text)  # the one seam every edit writes by
        try:
            commit(temporary, path, read=read, display_name=display_name)
        finally:
            temporary.unlink(missing_ok=True)
        return path, []
