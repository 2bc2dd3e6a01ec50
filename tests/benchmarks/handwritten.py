"""The benchmark's reference: the same pages as Markdown, as an editor would write them by hand.

A plain MkDocs + Material site (no actionplan plugin) with one Markdown page per plan, group and
action, at the same paths as the generated pages, holding the same text: headings, facts,
measures, activities, every progress update, and the tables of actions on group pages. Its nav
is the same small nav actionplan builds (plans and their objectives), so the two builds differ
only in where the pages come from.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from actionplan.model.vocabulary import STATUS_ORDER, STATUSES
from tests.benchmarks.synthetic import SyntheticAction, SyntheticGroup, SyntheticPlan

PREFIX = "plans"


def write_markdown_site(docs_dir: Path, plans: list[SyntheticPlan]) -> list[dict]:
    """Write every page under `docs_dir`; return the nav (for mkdocs.yml)."""
    _write(docs_dir / "index.md", _home(plans))
    nav: list[dict] = [{"Home": "index.md"}]
    for plan in plans:
        nav.append({_menu_title(plan): _write_plan(docs_dir, plan)})
    return nav


def _write_plan(docs_dir: Path, plan: SyntheticPlan) -> list[dict]:
    folder = docs_dir / PREFIX / plan.id
    _write(folder / "index.md", _plan_page(plan))
    nav = [{"Overview": f"{PREFIX}/{plan.id}/index.md"}]
    for objective in plan.groups:
        _write(folder / objective.head["id"] / "index.md", _group_page(plan, objective, ()))
        nav.append({_group_heading(objective, "Objective"):
                    f"{PREFIX}/{plan.id}/{objective.head['id']}/index.md"})
        for area in objective.groups:
            _write(folder / area.head["id"] / "index.md", _group_page(plan, area, (objective,)))
            for action in area.actions:
                _write(folder / "actions" / action.head["id"] / "index.md",
                       _action_page(plan, (objective, area), action))
    return nav


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _home(plans: list[SyntheticPlan]) -> str:
    rows = [f"| [{p.header['plan']['title']}]({PREFIX}/{p.id}/index.md) | "
            f"{p.header['plan']['organisation']['name']} | {len(p.actions())} |" for p in plans]
    return "\n".join(["# Equality action plans", "", "| Plan | Published by | Actions |",
                      "|---|---|---|", *rows, ""])


def _plan_page(plan: SyntheticPlan) -> str:
    info = plan.header["plan"]
    lines = ["[Home](../../index.md)", "", f"# {info['title']}", "",
             f"- **Published by:** {info['organisation']['name']}",
             f"- **Period:** {info['period']}", "", "## Progress at a glance", "",
             *_status_table([a for a in plan.actions()]), "", "## Objectives", ""]
    for objective in plan.groups:
        lines.append(f"- [{_group_heading(objective, 'Objective')}]({objective.head['id']}/index.md)"
                     f" ({_plural(len(_actions(objective)))})")
        lines += [f"    - [{_group_heading(area, 'Priority area')}]({area.head['id']}/index.md)"
                  f" ({_plural(len(area.actions))})" for area in objective.groups]
    return "\n".join(lines + [""])


def _group_page(plan: SyntheticPlan, group: SyntheticGroup,
                ancestors: tuple[SyntheticGroup, ...]) -> str:
    level = "Priority area" if ancestors else "Objective"
    crumbs = ["[Home](../../../index.md)", f"[{_menu_title(plan)}](../index.md)"]
    crumbs += [f"[Objective {g.head['number']}](../{g.head['id']}/index.md)" for g in ancestors]
    lines = [" > ".join(crumbs), "", f"# {_group_heading(group, level)}", "",
             f"[{plan.header['plan']['title']}](../index.md)", ""]
    if group.groups:
        lines += ["## Priority areas", ""]
        lines += [f"- [{_group_heading(a, 'Priority area')}](../{a.head['id']}/index.md) "
                  f"({_plural(len(a.actions))})" for a in group.groups]
        lines.append("")
    actions = _actions(group)
    lines += ["## Progress at a glance", "", *_status_table(actions), "", "## Actions", "",
              "| No. | Action | Status | Lead | Target date |", "|---|---|---|---|---|"]
    for action in actions:
        head = action.head
        lines.append(f"| {head['number']} | [{head['title']}](../actions/{head['id']}/index.md) | "
                     f"{_status_label(_final_status(action))} | "
                     f"{'; '.join(head.get('leads', [])) or 'Not stated'} | "
                     f"{_current_due(action) or 'Not stated'} |")
    return "\n".join(lines + [""])


def _action_page(plan: SyntheticPlan, groups: tuple[SyntheticGroup, ...],
                 action: SyntheticAction) -> str:
    head = action.head
    objective, area = groups
    lines = [f"[Home](../../../../index.md) > [{_menu_title(plan)}](../../index.md) > "
             f"[Objective {objective.head['number']}](../../{objective.head['id']}/index.md) > "
             f"[Priority area {area.head['number']}](../../{area.head['id']}/index.md)", "",
             f"# Action {head['number']}: {head['title']}", "",
             f"{_group_heading(area, 'Priority area')} · "
             f"[{plan.header['plan']['title']}](../../index.md)", "",
             f"Status: **{_status_label(_final_status(action))}** as at "
             f"{action.updates[-1]['date'] if action.updates else 'no update yet'}", ""]
    if head.get("description"):
        lines += [head["description"], ""]
    lines += ["## Summary", "",
              f"- **Target date:** {'; '.join(head.get('due', [])) or 'No date given in the plan'}",
              f"- **Lead:** {'; '.join(head.get('leads', [])) or 'No lead given in the plan'}"]
    if "strands" in head:
        lines.append(f"- **Equality strands:** {head['strands']['text']}")
    lines.append("")
    if head.get("activities"):
        lines += ["## Activities", ""]
        lines += [f"{i}. {a['text']}" for i, a in enumerate(head["activities"], start=1)]
        lines.append("")
    if head.get("outcome"):
        lines += ["## Outcome", "", head["outcome"], ""]
    lines += ["## How success is measured", ""]
    lines += [f"- {m}" for m in head.get("measures", [])] or ["No measure given in the plan."]
    lines += ["", "## Progress", ""]
    for update in reversed(action.updates):
        lines += _update(update)
    return "\n".join(lines)


def _update(update: dict) -> list[str]:
    lines = [f"### {update['date']}", "", f"Status: **{_status_label(update['status'])}**", ""]
    if update.get("revised_due"):
        lines += [f"Target date revised to {update['revised_due']}.", ""]
    lines += [update["text"], ""]
    if update.get("next_steps"):
        lines += ["#### Next steps", "", update["next_steps"], ""]
    if update.get("reason"):
        lines += [f"**Reason:** {update['reason']}", ""]
    return lines


def _status_table(actions: list[SyntheticAction]) -> list[str]:
    counts = Counter(_final_status(a) for a in actions)
    rows = [f"| {_status_label(code)} | {counts[code]} |" for code in STATUS_ORDER if counts[code]]
    return ["| Status | Actions |", "|---|---|", *rows, f"| Total | {len(actions)} |"]


def _actions(group: SyntheticGroup) -> list[SyntheticAction]:
    return group.actions + [a for sub in group.groups for a in _actions(sub)]


def _final_status(action: SyntheticAction) -> str:
    return action.updates[-1]["status"] if action.updates else "no_update"


def _current_due(action: SyntheticAction) -> str:
    for update in reversed(action.updates):
        if update.get("revised_due"):
            return update["revised_due"]
    return "; ".join(action.head.get("due", []))


def _status_label(code: str) -> str:
    return STATUSES[code].label


def _group_heading(group: SyntheticGroup, level: str) -> str:
    return f"{level} {group.head['number']}: {group.head['title']}"


def _menu_title(plan: SyntheticPlan) -> str:
    return plan.header["plan"].get("short_title") or plan.header["plan"]["title"]


def _plural(count: int) -> str:
    return f"{count} action{'s' if count != 1 else ''}"
