"""The bundled plans hold every group and action the seed documents have (INVENTORY.md)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from actionplan.api import read_plan_file

ROOT = Path(__file__).resolve().parents[2]

# plan id: (top-level groups, second-level groups, actions), counted in INVENTORY.md.
EXPECTED = {
    "lewisham-ewg-2015": (6, 0, 31),
    "merton-equality-strategy": (5, 29, 87),
    "city-council-equalities-2013-2016": (7, 0, 18),
    "charnwood-2016-2018": (6, 0, 31),
    "kingston-2015-2016": (6, 0, 63),
}


def load(plan_id: str):
    plan, problems = read_plan_file(ROOT / "data" / "plans" / f"{plan_id}.yaml")
    assert plan is not None, [p.format() for p in problems]
    return plan


@pytest.mark.parametrize("plan_id", sorted(EXPECTED))
def test_group_and_action_counts(plan_id):
    plan = load(plan_id)
    top = len(plan.groups)
    second = sum(len(g.groups) for g in plan.groups)
    actions = len(list(plan.all_actions()))
    assert (top, second, actions) == EXPECTED[plan_id]


def test_all_five_plans_hold_230_actions():
    assert sum(len(list(load(p).all_actions())) for p in EXPECTED) == 230


def test_charnwood_statuses():
    plan = load("charnwood-2016-2018")
    statuses = Counter(a.status.code for a, _ in plan.all_actions())
    assert statuses == {"completed": 28, "rescheduled": 2, "in_progress": 1}
    revised = {a.id: a.current_due[0].text for a, _ in plan.all_actions()
               if a.status.code == "rescheduled"}
    assert revised == {"3.1": "May 2018", "3.3": "July 2018"}
    assert next(a for a, _ in plan.all_actions() if a.id == "4.6").status.code == "in_progress"


def test_merton_title_less_actions():
    plan = load("merton-equality-strategy")
    assert sum(a.title is None for a, _ in plan.all_actions()) == 24


def test_kingston_strands_and_empty_year_end_reports():
    plan = load("kingston-2015-2016")
    actions = [a for a, _ in plan.all_actions()]
    assert sum(a.strands is not None for a in actions) == 62
    assert all(a.progress == () for a in actions)
    assert plan.labels["progress_none"] == "No year-end report published"


def test_city_council_psed_aims():
    plan = load("city-council-equalities-2013-2016")
    actions = [a for a, _ in plan.all_actions()]
    assert sum(bool(a.psed) for a in actions) == 16
    stated = Counter(p.aim for a in actions for p in a.psed if p.basis == "stated")
    assert stated == {"advance_equality": 12, "eliminate_discrimination": 5,
                      "foster_good_relations": 3}


def test_lewisham_progress_entries():
    plan = load("lewisham-ewg-2015")
    assert sum(bool(a.progress) for a, _ in plan.all_actions()) == 21
