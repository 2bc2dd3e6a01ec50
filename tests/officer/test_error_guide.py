"""Every kind of data error, with its exact file:line:column and wording, as the guide shows it.

Each case breaks a small valid plan in one way and asserts the whole message. The guide for
officers (content/updating-a-plan.md) quotes each message, so a test also asserts that the
guide still quotes it word for word: when a message changes, the guide must change with it.
"""

from __future__ import annotations

import pytest

from actionplan.api import load_site, read_plan_file
from actionplan.problems import DataError

from ..conftest import ROOT
from ..unit.plan_text import VALID
from . import test_import_problems, test_new_plan, test_update

GUIDE = ROOT / "content" / "updating-a-plan.md"
NAME = "data/plans/my-plan.yaml"


def broken(old: str, new: str, text: str = VALID) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


WITH_KEY = broken("  levels:", "  strand_scheme: {label: ES, codes: [{code: A, label: Age, "
                  "maps_to: [age]}]}\n  levels:")

CASES = {
    # The file cannot be read
    "tab": (broken("  title: Test plan", "\ttitle: Test plan"),
            "data/plans/my-plan.yaml:4:1: file: YAML syntax: a tab character is used for "
            "indentation. YAML needs spaces: replace the tab with spaces (set your editor to "
            "insert spaces)."),
    "colon": (broken("title: First action", "title: Review: first action"),
              "data/plans/my-plan.yaml:14:22: file: YAML syntax: a colon (:) is in a place YAML "
              "does not expect. If the text contains ': ', put the whole value in double "
              "quotes; otherwise check the indentation of this line."),
    "no colon": (broken("  title: Test plan", "  title Test plan"),
                 "data/plans/my-plan.yaml:5:3: file: YAML syntax: a line is missing its colon, "
                 "or a quoted text is not closed. Check this line and the one above: each field "
                 "is written `name: value`."),
    "quote": (broken("title: Second action", 'title: "Second action'),
              "data/plans/my-plan.yaml:21:16: file: YAML syntax: a quoted text is not closed. "
              "Add the closing quote mark."),
    "indent": (broken('        number: "1.1"\n', '      number: "1.1"\n'),
               "data/plans/my-plan.yaml:13:7: file: YAML syntax: the indentation is "
               "inconsistent. Line this item up with the other items at the same level."),
    "list-like text": (broken("title: First action", "title: [Draft] First action"),
                       "data/plans/my-plan.yaml:14:24: file: YAML syntax: a value that starts "
                       "with [ is read as a list, and this one is not a complete list. If it is "
                       'text, put the whole value in double quotes, for example title: "[Draft] '
                       'Equality plan"; if it is a list, end it with ].'),
    "reserved character": (broken("title: First action", "title: @council first action"),
                           "data/plans/my-plan.yaml:14:16: file: YAML syntax: a value starts "
                           "with a character YAML keeps for itself (such as @, ` or %). Put the "
                           "whole value in double quotes."),
    "backslash": (broken("title: First action", 'title: "C:\\new\\plan"'),
                  "data/plans/my-plan.yaml:14:24: file: YAML syntax: a backslash (\\) in double "
                  "quotes starts an unknown escape. Write \\\\ for a backslash, or use single "
                  "quotes."),
    "duplicate key": (broken("        due: [April 2018]",
                             "        due: [April 2018]\n        due: [May 2018]"),
                      'data/plans/my-plan.yaml:16:9: file: The key "due" appears twice in the '
                      "same item (first on line 15). Keep one of them: delete or merge the "
                      "duplicate."),
    "alias": (broken("        due: [April 2018]",
                     "        due: &d [April 2018]\n        leads: *d"),
              "data/plans/my-plan.yaml:16:16: file: An alias (*name) is used here. Write the "
              "value out in full: plan files do not support anchors (&name) and aliases "
              "(*name)."),
    "merge key": (broken("        due: [April 2018]", "        <<: {due: [April 2018]}"),
                  "data/plans/my-plan.yaml:15:9: file: A merge key (<<) is used here. Write the "
                  "fields out in full: plan files do not support merge keys."),
    "tag": (broken("title: First action", "title: !!python/name:os.system First action"),
            "data/plans/my-plan.yaml:14:16: file: The tag !!python/name:os.system is not "
            "allowed here. Remove the tag (the word starting with !) and write a plain value."),
    "empty file": ("",
                   "data/plans/my-plan.yaml:1:1: file: The file is empty. Write the plan into it "
                   "(run `actionplan new-plan ID` for a commented starter), or delete the "
                   "file."),
    "not utf-8": (b"title: caf\xe9\n",
                  "data/plans/my-plan.yaml:1:11: file: The file is not UTF-8 text (byte 0xe9 "
                  "cannot be read). Save the file as UTF-8 (in most editors: Save As, then "
                  "choose the UTF-8 encoding), or retype the character at this position."),
    # Fields
    "missing field": (broken("  title: Test plan\n", ""),
                      'data/plans/my-plan.yaml:2:1: plan: The field "title" is missing. Add '
                      "`title:` here: The plan's title, as the plan writes it."),
    "unknown field": (broken("        due: [April 2018]", "        dew: [April 2018]"),
                      'data/plans/my-plan.yaml:15:9: action 1.1: Unknown field "dew". Did you '
                      'mean "due"? Fields allowed here: activities, budget, description, due, '
                      "footnotes, id, leads, measures, monitored_by, notes, number, outcome, "
                      "previous_ids, progress, psed, rag, related_documents, source, strands, "
                      "title, withdrawn."),
    "not a list": (broken("due: [April 2018]", "due: April 2018"),
                   "data/plans/my-plan.yaml:15:14: action 1.1 > due: Due should be a list, but "
                   "is text. Make it a list: put each item on its own line starting with `- `."),
    "number not text": (broken('number: "1.1"', "number: 1.1"),
                        "data/plans/my-plan.yaml:13:17: action 1.1 > number: Number should be "
                        "text or null (nothing), but is the number 1.1. Put the value in quotes, "
                        'for example "1.1".'),
    "empty text": (broken("  title: Test plan", '  title: ""'),
                   "data/plans/my-plan.yaml:4:10: plan > title: Title is empty. Write the text, "
                   "or remove the field if there is none."),
    "empty list": (broken("  levels: [{kind: objective, label: Objective}]", "  levels: []"),
                   "data/plans/my-plan.yaml:6:11: plan: Levels must list at least 1 item. Add "
                   "the missing item, or remove the field if it does not apply."),
    "schema version": (broken("schema_version: 1", "schema_version: 2"),
                       "data/plans/my-plan.yaml:1:17: schema_version: Schema_version must be 1, "
                       "not 2. Write `schema_version: 1`."),
    # Values
    "status": (broken("status: in_progress", "status: in progres"),
               "data/plans/my-plan.yaml:17:21: action 1.1 > progress update 1 > status: Status "
               '"in progres" is not one of: not_started, in_progress, ongoing, completed, '
               'rescheduled, transferred, withdrawn, unknown. Did you mean "in_progress"? Use '
               "one of the values listed."),
    "identifier": (broken("id: test-plan", "id: Test Plan"),
                   'data/plans/my-plan.yaml:3:7: plan > id: Id "Test Plan" is not a valid '
                   "identifier. Use lower-case letters, digits, dots, hyphens and underscores, "
                   'starting and ending with a letter or digit, for example "test-plan".'),
    "duration": (broken("  levels:", "  update_cadence: quarterly\n  levels:"),
                 'data/plans/my-plan.yaml:6:19: plan > update_cadence: Update_cadence '
                 '"quarterly" is not a duration. Write P1M for monthly, P3M for quarterly, P6M '
                 "for half-yearly, P1Y for yearly."),
    "characteristic": (broken("maps_to: [age]", "maps_to: [youth]", WITH_KEY),
                       "data/plans/my-plan.yaml:6:70: plan > strand_scheme > code A > maps_to > "
                       'item 1: Maps_to "youth" is not one of: age, disability, '
                       "gender_reassignment, marriage_civil_partnership, pregnancy_maternity, "
                       "race, religion_belief, sex, sexual_orientation, socio_economic, "
                       "community_cohesion, all_protected. Use one of the values listed."),
    # Ids, links and codes
    "repeated id": (broken('- id: "1.2"', '- id: "1.1"'),
                    'data/plans/my-plan.yaml:19:13: action 1.1 > id: Action id "1.1" is used '
                    "twice (first on line 12). Give each action its own id (ids must be unique "
                    "within a plan)."),
    "reserved group id": (broken("  - id: objective-1", "  - id: actions"),
                          'data/plans/my-plan.yaml:8:9: group actions > id: The group id '
                          "\"actions\" is reserved for the site's own pages. Choose another id, "
                          'for example "actions-group".'),
    "too deep": (broken("    actions:\n", "    groups:\n      - {id: sub, title: Sub}\n"
                        "    actions:\n"),
                 "data/plans/my-plan.yaml:12:9: group sub: This group is at level 2, but the "
                 "plan declares only 1 level. Add a level to plan.levels, or move this group up "
                 "a level."),
    "mixed group": (broken("    actions:\n", "    groups:\n      - {id: sub, title: Sub}\n"
                           "    actions:\n"),
                    "data/plans/my-plan.yaml:8:5: group objective-1: This group has both "
                    "sub-groups and actions of its own. Move its actions into one of its "
                    "sub-groups."),
    "actions and groups": (VALID + "actions:\n  - {id: '2.1', title: A loose action}\n",
                           "data/plans/my-plan.yaml:22:1: plan: This plan has both top-level "
                           "`actions:` and `groups:`. A plan lists either its groups (each "
                           "holding its actions) or, when it has no groups, its actions at the "
                           "top level: move these actions into a group, or remove `groups:` and "
                           "list every action here."),
    "no levels": (broken("  levels: [{kind: objective, label: Objective}]\n", ""),
                  'data/plans/my-plan.yaml:3:3: plan: The field "levels" is missing. Add '
                  "`levels:` here: a plan with groups names its levels, for example `- {kind: "
                  "objective, label: Objective}` (a plan with no groups lists `actions:` at the "
                  "top level)."),
    "link": (broken("        due: [April 2018]", "        due: [April 2018]\n"
                    "        measures: [{text: Ramp installed, activity: a9}]"),
             'data/plans/my-plan.yaml:16:53: action 1.1 > measure 1 > activity: Refers to '
             'activity "a9", which this action does not have. Give the activity this id in the '
             "action's list, or remove the link."),
    "no strand key": (broken("        due: [April 2018]", "        due: [April 2018]\n"
                             "        strands: {codes: [A]}"),
                      "data/plans/my-plan.yaml:16:18: action 1.1 > strands: This action lists "
                      "equality strands, but the plan has no strand key. Add plan.strand_scheme "
                      "with the plan's codes."),
    "strand code": (broken("        due: [April 2018]", "        due: [April 2018]\n"
                           "        strands: {codes: [A, Z]}", WITH_KEY),
                    'data/plans/my-plan.yaml:17:30: action 1.1 > strands > code 2: Strand code '
                    "\"Z\" is not in the plan's key. Use one of: A."),
    "footnote": (broken("        due: [April 2018]", "        due: [April 2018]\n"
                        "        footnotes: ['*']"),
                 'data/plans/my-plan.yaml:16:21: action 1.1 > footnote 1: Footnote "*" is not '
                 "defined in plan.footnotes. Add it to plan.footnotes, or use a defined mark "
                 "(none are defined)."),
    # Dates
    "impossible date": (broken("          - status: in_progress",
                               "          - date: 2018-02-30\n            status: in_progress"),
                        "data/plans/my-plan.yaml:17:19: action 1.1 > progress update 1 > date: "
                        '"2018-02-30" is not a real calendar date. Write a date that exists, as '
                        "YYYY-MM-DD (for example 2018-04-30)."),
    "date form": (broken("        title: Second action", "        title: Second action\n"
                         "        withdrawn: {date: 30/06/2018, reason: Merged into 1.1}"),
                  "data/plans/my-plan.yaml:22:27: action 1.2 > withdrawn > date: Date "
                  '"30/06/2018" is not written as YYYY-MM-DD. Write the date as year-month-day, '
                  "for example 2018-04-30."),
    "end before start": (broken("due: [April 2018]", "due: [{text: 2018-2017, start: "
                                "2018-04-01, end: 2017-03-31}]"),
                         "data/plans/my-plan.yaml:15:57: action 1.1 > target date 1 > end: The "
                         "end date 2017-03-31 is before the start date 2018-04-01. Swap them, "
                         "or correct the one that is wrong."),
}


@pytest.mark.parametrize("kind", CASES)
def test_each_kind_of_error_is_placed_and_worded(kind, tmp_path):
    text, expected = CASES[kind]
    path = tmp_path / "plan.yaml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    plan, problems = read_plan_file(path, NAME)
    assert plan is None
    assert expected in [p.format() for p in problems]


def test_plans_sharing_an_id_and_an_empty_data_folder(tmp_path):
    plans = tmp_path / "data" / "plans"
    plans.mkdir(parents=True)
    for name in ("my-plan.yaml", "my-plan-copy.yaml"):
        (plans / name).write_text(VALID, encoding="utf-8")
    with pytest.raises(DataError) as shared:
        load_site(tmp_path / "data", relative_to=tmp_path)
    assert [p.format() for p in shared.value.problems] == [FOLDER["shared id"]]
    with pytest.raises(DataError) as empty:
        load_site(tmp_path / "nothing", relative_to=tmp_path)
    assert [p.format() for p in empty.value.problems] == [FOLDER["no plans"]]


FOLDER = {
    "shared id": 'data/plans/my-plan.yaml:3:7: plan > id: Plan id "test-plan" is also used by '
                 "data/plans/my-plan-copy.yaml. Give each plan its own id (it is the plan's "
                 "web address).",
    "no plans": "nothing: data folder: No plan files were found (expected YAML files in "
                "plans/). Add a plan file, for example with `actionplan new-plan ID`.",
}


# Every message the guide quotes, named by where it comes from and which case it is.
QUOTED = {f"plan file/{kind}": message for kind, (_, message) in CASES.items()}
QUOTED.update({f"data folder/{kind}": message for kind, message in FOLDER.items()})
for command, module in (("import", test_import_problems), ("update", test_update),
                        ("new-plan", test_new_plan)):
    QUOTED.update({f"{command}/{kind}": message for kind, message in module.MESSAGES.items()})


@pytest.mark.parametrize("message", list(QUOTED.values()), ids=list(QUOTED))
def test_the_guide_quotes_the_message_word_for_word(message):
    assert message in GUIDE.read_text(encoding="utf-8")
