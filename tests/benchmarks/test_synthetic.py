"""The benchmark's synthetic data: valid plans, the requested size, deterministic, seed-shaped."""

from __future__ import annotations

import statistics
import subprocess

import pytest
import yaml

from actionplan.api import check_document, load_site
from actionplan.load.yaml_source import parse_yaml_text
from tests.benchmarks.seed_profile import ROOT, SEED_PROFILE, measure_seed_profile
from tests.benchmarks.synthetic import Shape, generate, write_plans
from tests.benchmarks.synthetic_history import write_history

SMALL = Shape(plans=3, actions=40, updates=4)


def test_generated_plans_pass_every_check_and_have_the_requested_size(tmp_path):
    write_plans(tmp_path / "data", generate(SMALL))
    site, warnings = load_site(tmp_path / "data")
    assert warnings == []
    assert len(site.plans) == 3
    actions = [action for plan in site.plans for action, _ in plan.all_actions()]
    assert len(actions) == 40
    assert {len(action.progress) for action in actions} == {4}
    # Five objectives per plan (when there are enough actions), priority areas under them.
    assert all(len(plan.groups) <= 5 and all(g.groups for g in plan.groups)
               for plan in site.plans)


def test_the_same_shape_gives_the_same_bytes_and_another_seed_does_not(tmp_path):
    for name, shape in [("a", SMALL), ("b", SMALL), ("c", Shape(3, 40, 4, seed=9))]:
        write_plans(tmp_path / name, generate(shape))
    read = lambda name: [p.read_bytes() for p in sorted((tmp_path / name).rglob("*.yaml"))]
    assert read("a") == read("b")
    assert read("a") != read("c")


def test_text_lengths_follow_the_seed_plans():
    plans = generate(Shape(plans=4, actions=2000, updates=2))
    titles = [len(a.head["title"]) for p in plans for a in p.actions()]
    updates = [len(u["text"]) for p in plans for a in p.actions() for u in a.updates]
    for lengths, name in [(titles, "action.title"), (updates, "update.text")]:
        deciles = SEED_PROFILE["lengths"][name]
        assert deciles[4] <= statistics.median(lengths) <= deciles[6], name
        assert deciles[0] - 1 <= min(lengths) and max(lengths) <= deciles[10]


def test_the_recorded_profile_still_describes_the_seed_plans():
    # Regenerate with `python -m tests.benchmarks.seed_profile` if this fails after the
    # seed plans change a lot; small edits stay within the tolerance.
    measured = measure_seed_profile(ROOT / "data" / "plans")
    assert measured["lengths"].keys() == SEED_PROFILE["lengths"].keys()
    for name, deciles in SEED_PROFILE["lengths"].items():
        assert measured["lengths"][name][5] == pytest.approx(deciles[5], rel=0.25), name


@pytest.fixture(scope="module")
def history(tmp_path_factory):
    plans = generate(Shape(plans=2, actions=30, updates=4))
    repo = tmp_path_factory.mktemp("history")
    write_history(repo, plans, 20, project_files={"mkdocs.yml": "site_name: x\n"})
    return repo, plans


def _git(repo, *args) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True,
                          text=True).stdout


def test_history_has_the_requested_revisions_with_fixed_increasing_dates(history):
    repo, _ = history
    dates = _git(repo, "log", "--reverse", "--format=%at %ct %an").split("\n")[:-1]
    assert len(dates) == 20
    authored = [int(line.split()[0]) for line in dates]
    assert authored == sorted(authored) and len(set(authored)) == 20
    assert dates[0].startswith("1561971600 1561971600 Data Officer")  # 2019-07-01 09:00 UTC
    assert _git(repo, "status", "--porcelain") == ""


def test_history_ends_with_the_generated_data_and_is_deterministic(history, tmp_path):
    repo, plans = history
    write_plans(tmp_path / "data", plans)
    for path in sorted((tmp_path / "data" / "plans").glob("*.yaml")):
        assert (repo / "data" / "plans" / path.name).read_bytes() == path.read_bytes()
    again = tmp_path / "again"
    write_history(again, generate(Shape(plans=2, actions=30, updates=4)), 20,
                  project_files={"mkdocs.yml": "site_name: x\n"})
    assert _git(again, "rev-parse", "HEAD") == _git(repo, "rev-parse", "HEAD")


def test_every_revision_is_valid_and_they_add_updates_change_statuses_and_slip_dates(history):
    repo, _ = history
    revisions = _git(repo, "rev-list", "--reverse", "HEAD").split()
    seen = {"new update": 0, "status changed": 0, "date slipped": 0}
    before: dict[str, dict] = {}
    for revision in revisions:
        for path in _git(repo, "ls-tree", "--name-only", revision, "data/plans/").split():
            text = _git(repo, "show", f"{revision}:{path}")
            assert check_document(parse_yaml_text(text, path)) == [], (revision, path)
            now = _updates(yaml.safe_load(text))
            for key, update in now.items():
                old = before.get(path, {}).get(key)
                if old is None:
                    seen["new update"] += 1
                    seen["date slipped"] += "revised_due" in update
                elif old["status"] != update["status"]:
                    seen["status changed"] += 1
            before[path] = now
    assert all(seen.values()), seen


def _updates(data: dict) -> dict[tuple, dict]:
    return {(action["id"], index): update
            for objective in data["groups"] for area in objective["groups"]
            for action in area["actions"]
            for index, update in enumerate(action.get("progress", []))}


def test_a_plan_shares_a_few_leads_among_its_actions_as_the_seed_plans_do():
    plan = generate(Shape(plans=1, actions=250, updates=1))[0]
    leads = [lead for action in plan.actions() for lead in action.head.get("leads", [])]
    assert len(leads) > 250 * 0.8  # most actions name a lead, some several
    assert 40 <= len(set(leads)) <= 4.5 * 250 ** 0.5 + 1  # about 71 for 250 actions
