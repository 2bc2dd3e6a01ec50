"""A plan and a scripted history of it: one revision for each kind of change the diff knows."""

from __future__ import annotations

import copy

import yaml

from tests.gitrepo import GitRepo

PLAN = {
    "schema_version": 1,
    "plan": {
        "id": "council-plan",
        "title": "Council Equality Plan",
        "short_title": "Council plan",
        "organisation": {"name": "Test Council", "kind": "local_authority", "basis": "stated"},
        "levels": [{"kind": "objective", "label": "Objective", "plural": "Objectives"}],
    },
    "groups": [
        {"id": "objective-1", "number": "1", "title": "Fair services", "actions": [
            {"id": "1.1", "number": "1.1", "title": "Train front-line staff",
             "due": ["April 2018"], "leads": ["Head of Customer Services"],
             "progress": [{"date": "2018-01-10", "status": "in_progress",
                           "text": "Training booked."}]},
            {"id": "1.2", "number": "1.2", "title": "Publish pay gap figures",
             "due": ["April 2018"]},
            {"id": "1.3", "number": "1.3", "title": "Review every library for step-free access"},
        ]},
        {"id": "objective-2", "number": "2", "title": "A diverse workforce", "actions": [
            {"id": "2.1", "number": "2.1", "title": "Run a staff survey"},
        ]},
    ],
}


def dump(data: dict, *, flow: bool = False) -> str:
    """YAML for a plan; `flow=True` writes the same values in a different layout."""
    if flow:
        return yaml.safe_dump(data, sort_keys=True, default_flow_style=True, width=70,
                              allow_unicode=True)
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def action(plan: dict, action_id: str) -> dict:
    return next(a for g in plan["groups"] for a in g["actions"] if a["id"] == action_id)


def script(repo: GitRepo) -> dict[str, str]:
    """Make the scripted revisions; return each step's commit hash by name."""
    plan = copy.deepcopy(PLAN)
    made: dict[str, str] = {}
    path = "data/plans/council.yaml"

    def step(name: str, message: str, *, text: str | None = None) -> None:
        repo.write(path, text if text is not None else dump(plan))
        made[name] = repo.commit(message)

    step("publish", "Publish the council plan")
    action(plan, "1.1")["progress"].append({"date": "2018-05-02", "status": "completed",
                                            "text": "All staff trained."})
    step("status", "Action 1.1 completed")
    action(plan, "1.2")["due"] = ["September 2018"]
    step("slip", "Pay gap figures later\n\nChange-reason: The payroll system was replaced\n"
         "  during the year.")
    action(plan, "1.3")["title"] = "Review some libraries for step-free access"
    step("reword", "Reword 1.3")
    plan["groups"][1]["actions"] = []
    step("delete", "Drop the staff survey")
    repo.git("mv", path, "data/plans/council-plan.yaml")
    path = "data/plans/council-plan.yaml"
    made["rename"] = repo.commit("Rename the plan file")
    step("reformat", "Reformat the file", text=dump(plan, flow=True))
    broken = dump(plan).replace("status: completed", "status: complete")
    step("invalid", "Half-finished edit", text=broken)
    action(plan, "1.1")["leads"] = ["Head of People"]
    step("fix", "Finish the edit: new lead for 1.1")
    action(plan, "1.2")["withdrawn"] = {"date": "2018-10-01",
                                        "reason": "Replaced by the national reporting duty."}
    step("withdraw", "Withdraw 1.2")
    moved = plan["groups"][0]["actions"].pop(2)
    plan["groups"][1]["actions"].append(moved)
    step("move", "Move 1.3 under objective 2")
    plan["plan"]["title"] = "Council Equality Plan (renamed in bulk)"
    step("bulk", "Bulk edit that the changelog should not show")
    return made
