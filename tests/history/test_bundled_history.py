"""The bundled site's changelog comes from this repository's own history of data/."""

from __future__ import annotations

import subprocess

from actionplan.api import parse_plan_bytes
from actionplan.history import read_history
from tests.conftest import ROOT


def committed_plans():
    """The plans as committed at HEAD (a local, uncommitted edit does not count)."""
    files = subprocess.run(["git", "-C", str(ROOT), "ls-files", "-z", "data/plans"],
                           capture_output=True, check=True).stdout.decode().split("\0")
    for path in filter(None, files):
        raw = subprocess.run(["git", "-C", str(ROOT), "show", f"HEAD:{path}"],
                             capture_output=True, check=True).stdout
        plan, _ = parse_plan_bytes(raw, path)
        yield plan


def test_every_bundled_plan_and_action_has_a_history():
    history = read_history(ROOT, ROOT / "data")
    plans = list(committed_plans())
    assert len(plans) >= 4
    for plan in plans:
        added = [e for e in history.for_subject(plan.id, "plan", plan.id) if e.change == "added"]
        assert added, plan.id
        for action, _ in plan.all_actions():
            assert history.for_subject(plan.id, "action", action.id), (plan.id, action.id)
    assert history.notes == ()  # every committed revision of the bundled data is readable
