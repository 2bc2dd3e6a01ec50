"""Every kind of data error names the file, line, item, what is wrong and how to fix it."""

from __future__ import annotations

from actionplan.api import read_plan_file

from .plan_text import VALID


def check(write_plan, text):
    plan, problems = read_plan_file(write_plan(text), "data/plans/plan.yaml")
    return plan, [p for p in problems if p.severity == "error"]


def one_problem(write_plan, text):
    plan, problems = check(write_plan, text)
    assert plan is None and len(problems) == 1, [p.format() for p in problems]
    return problems[0]


def test_valid_text_has_no_problems(write_plan):
    plan, problems = check(write_plan, VALID)
    assert problems == [] and plan.id == "test-plan"


def test_unknown_status_suggests_the_code(write_plan):
    p = one_problem(write_plan, VALID.replace("status: in_progress", "status: in progres"))
    assert p.format() == (
        'data/plans/plan.yaml:17:21: action 1.1 > progress update 1 > status: Status '
        '"in progres" is not one of: not_started, in_progress, ongoing, completed, rescheduled, '
        'transferred, withdrawn, unknown. Did you mean "in_progress"? Use one of the values listed.')


def test_misspelt_field_points_at_the_key(write_plan):
    p = one_problem(write_plan, VALID.replace("        due: [April 2018]", "        dew: [April 2018]"))
    assert (p.line, p.column) == (15, 9)
    assert p.where == "action 1.1" and 'unknown field "dew"' in p.what and '"due"' in p.fix


def test_missing_required_field(write_plan):
    p = one_problem(write_plan, VALID.replace("  title: Test plan\n", ""))
    assert p.where == "plan" and 'the field "title" is missing' in p.what
    assert p.fix.startswith("add `title:` here")


def test_wrong_type_says_how_to_make_a_list(write_plan):
    p = one_problem(write_plan, VALID.replace("due: [April 2018]", "due: April 2018"))
    assert p.line == 15 and "should be a list" in p.what and "- " in p.fix


def test_number_where_text_is_expected(write_plan):
    p = one_problem(write_plan, VALID.replace('number: "1.1"', "number: 1.1"))
    assert p.line == 13 and "is the number 1.1" in p.what and 'quotes' in p.fix


def test_duplicate_action_id(write_plan):
    p = one_problem(write_plan, VALID.replace('- id: "1.2"', '- id: "1.1"'))
    assert (p.line, p.where) == (19, "action 1.1 > id")
    assert 'used twice (first on line 12)' in p.what and "unique" in p.fix


def test_bad_identifier_gets_a_suggestion(write_plan):
    p = one_problem(write_plan, VALID.replace("id: test-plan", "id: Test Plan"))
    assert p.line == 3 and '"test-plan"' in p.fix


def test_impossible_date(write_plan):
    text = VALID.replace("          - status: in_progress", "          - date: 2018-02-30\n            status: in_progress")
    p = one_problem(write_plan, text)
    assert p.line == 17 and "not a real calendar date" in p.what


def test_link_to_missing_activity(write_plan):
    text = VALID.replace("        due: [April 2018]",
                         "        due: [April 2018]\n        measures: [{text: m, activity: a9}]")
    p = one_problem(write_plan, text)
    assert 'refers to activity "a9"' in p.what and p.line == 16


def test_strand_code_not_in_key(write_plan):
    text = VALID.replace("  levels:", "  strand_scheme: {label: S, codes: [{code: A, label: Age, maps_to: [age]}]}\n  levels:")
    text = text.replace("        due: [April 2018]", "        due: [April 2018]\n        strands: {codes: [A, Z]}")
    p = one_problem(write_plan, text)
    assert 'strand code "Z"' in p.what and "A" in p.fix


def test_group_deeper_than_declared_levels(write_plan):
    text = VALID.replace("    actions:\n", "    groups:\n      - {id: sub, title: Sub}\n    actions:\n", 1)
    plan, problems = check(write_plan, text)
    assert any("declares only 1 level" in p.what for p in problems)


def test_every_problem_is_reported_at_once(write_plan):
    text = VALID.replace("status: in_progress", "status: done").replace("dew", "x").replace(
        "title: Second action", "title: 2")
    plan, problems = check(write_plan, text)
    assert plan is None and len(problems) == 2
