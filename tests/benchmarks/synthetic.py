"""Deterministic synthetic plan data: N plans x M actions x K progress updates.

For benchmarks and tests. The same `Shape` always gives the same bytes: every choice comes
from one seeded `random.Random`, and text lengths and list sizes are drawn from the seed plans'
own distributions (`seed_profile.SEED_PROFILE`), so pages are as long as real ones.

Plans have two levels: five objectives (the navigation shows plans and objectives only, so
it is the same size at every scale) and, under them, priority areas whose sizes follow the
seed plans' group sizes. Each action has K dated quarterly updates whose statuses move from
not started to in progress to completed, with some slipped target dates on the way.

The YAML is assembled from pieces dumped once each (plan header, group headings, action
heads, updates) so that the git history (synthetic_history.py) can rewrite a plan file per
revision cheaply.
"""

from __future__ import annotations

import bisect
import calendar
import math
import random
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from tests.benchmarks.seed_profile import SEED_PROFILE

OBJECTIVES_PER_PLAN = 5
FIRST_QUARTER_END = date(2019, 6, 30)
STRAND_CODES = [("A", "Age", "age"), ("D", "Disability", "disability"), ("R", "Race", "race"),
                ("S", "Sex", "sex"), ("SO", "Sexual orientation", "sexual_orientation"),
                ("RB", "Religion or belief", "religion_belief")]
WORDS = """access accessible action adult advice agreed analysis annual approach area assessment
awareness baseline borough budget care carers centre children community consultation council
county customer data deliver delivery develop disabled diversity duty education employees
engagement equality equalities evidence faith families forum framework funding gap group guidance
health housing impact improve inclusion information initiative local managers members monitor
monitoring needs network officers older outcomes partners partnership people plan policy
practice programme progress provide public quarterly recruitment reduce report residents review
school schools service services staff strategy support survey team training transport voluntary
workforce working young""".split()


@dataclass(frozen=True)
class Shape:
    """How much data to make. `actions` is the total, spread evenly over the plans."""

    plans: int = 20
    actions: int = 500
    updates: int = 12
    seed: int = 8


@dataclass
class SyntheticAction:
    head: dict
    updates: list[dict]
    provisional: dict[int, str] = field(default_factory=dict)
    """Update index -> a status first published in error, corrected in a later revision."""


@dataclass
class SyntheticGroup:
    head: dict
    groups: list[SyntheticGroup] = field(default_factory=list)
    actions: list[SyntheticAction] = field(default_factory=list)


@dataclass
class SyntheticPlan:
    id: str
    header: dict
    groups: list[SyntheticGroup]

    @property
    def file_name(self) -> str:
        return f"{self.id}.yaml"

    def actions(self) -> list[SyntheticAction]:
        return [a for top in self.groups for sub in top.groups for a in sub.actions]


def generate(shape: Shape) -> list[SyntheticPlan]:
    """The plans of one synthetic site, in a stable order."""
    draw = _Draw(random.Random(shape.seed))
    sizes = [shape.actions // shape.plans + (i < shape.actions % shape.plans)
             for i in range(shape.plans)]
    return [_plan(draw, number, size, shape.updates)
            for number, size in enumerate(sizes, start=1) if size]


def write_plans(data_dir: Path, plans: list[SyntheticPlan]) -> list[Path]:
    """Write each plan (with all its updates) as data_dir/plans/<id>.yaml."""
    folder = data_dir / "plans"
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for plan in plans:
        path = folder / plan.file_name
        path.write_text(PlanText(plan).text(), encoding="utf-8")
        paths.append(path)
    return paths


class _Draw:
    """Random choices shaped like the seed plans."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def length(self, name: str) -> int:
        deciles = SEED_PROFILE["lengths"][name]
        position = self.rng.random() * 10
        low = int(position)
        if low == 10:
            return deciles[10]
        return round(deciles[low] + (deciles[low + 1] - deciles[low]) * (position - low))

    def count(self, name: str) -> int:
        shares = SEED_PROFILE["counts"][name]
        values = list(shares)
        cumulative = []
        total = 0.0
        for value in values:
            total += shares[value]
            cumulative.append(total)
        index = bisect.bisect_left(cumulative, self.rng.random() * total)
        return values[min(index, len(values) - 1)]

    def chance(self, rate: float) -> bool:
        return self.rng.random() < rate

    def text(self, name: str, *, sentence: bool = True) -> str:
        """Words of about the length the seed plans use for `name`."""
        target = max(3, self.length(name))
        words: list[str] = []
        size = -1
        while size < target - 1:
            word = self.rng.choice(WORDS)
            words.append(word)
            size += len(word) + 1
        text = " ".join(words)[: max(2, target - 1) if sentence else target].rstrip()
        text = text[0].upper() + text[1:]
        return text + "." if sentence else text


def _plan(draw: _Draw, number: int, size: int, updates: int) -> SyntheticPlan:
    plan_id = f"county-plan-{number:02d}"
    header = {"schema_version": 1, "plan": _plan_info(draw, plan_id, number)}
    leaves = _leaf_sizes(draw, size)
    objectives = [SyntheticGroup(_group_head(draw, f"objective-{i}", str(i)))
                  for i in range(1, min(OBJECTIVES_PER_PLAN, len(leaves)) + 1)]
    strands = bool(header["plan"].get("strand_scheme"))
    leads = [draw.text("lead", sentence=False) for _ in range(_lead_pool_size(size))]
    for index, leaf_size in enumerate(leaves):
        parent = objectives[index % len(objectives)]
        area_number = f"{parent.head['number']}.{len(parent.groups) + 1}"
        area = SyntheticGroup(_group_head(draw, f"area-{area_number}", area_number))
        area.actions = [_action(draw, f"{area_number}.{i}", updates, strands, leads)
                        for i in range(1, leaf_size + 1)]
        parent.groups.append(area)
    return SyntheticPlan(plan_id, header, objectives)


def _lead_pool_size(actions: int) -> int:
    """How many different leads a plan of this many actions names. A plan's actions share
    a few teams and officers: the seed plans name 16, 16, 18, 37 and 45 leads for 31, 18,
    31, 63 and 87 actions, about 4.5 x the square root of the number of actions."""
    return max(1, round(4.5 * math.sqrt(actions)))


def _leaf_sizes(draw: _Draw, size: int) -> list[int]:
    sizes: list[int] = []
    while sum(sizes) < size:
        sizes.append(min(draw.count("group.actions"), size - sum(sizes)))
    return sizes


def _plan_info(draw: _Draw, plan_id: str, number: int) -> dict:
    info = {
        "id": plan_id,
        "title": f"Equality action plan {number}: {draw.text('group.title', sentence=False)}",
        "short_title": f"County plan {number}",
        "organisation": {"name": f"Partner body {number}", "kind": "local_authority",
                         "basis": "stated"},
        "period": "2019-2022",
        "levels": [{"kind": "objective", "label": "Objective", "plural": "Objectives"},
                   {"kind": "priority_area", "label": "Priority area"}],
    }
    if number % 2:
        info["strand_scheme"] = {"label": "Equality strands", "codes": [
            {"code": code, "label": label, "maps_to": [maps_to]}
            for code, label, maps_to in STRAND_CODES]}
    return info


def _group_head(draw: _Draw, group_id: str, number: str) -> dict:
    return {"id": group_id, "number": number, "title": draw.text("group.title", sentence=False)}


def _action(draw: _Draw, number: str, updates: int, strands: bool,
            leads: list[str]) -> SyntheticAction:
    head: dict = {"id": number, "number": number,
                  "title": draw.text("action.title", sentence=False)}
    if draw.chance(SEED_PROFILE["rates"]["action.description"]):
        head["description"] = draw.text("action.description")
    activities = [{"id": f"a{i}", "text": draw.text("activity")}
                  for i in range(1, draw.count("action.activities") + 1)]
    if activities:
        head["activities"] = activities
    if draw.chance(SEED_PROFILE["rates"]["action.outcome"]):
        head["outcome"] = draw.text("action.outcome")
    _add_list(head, "measures", [draw.text("measure") for _ in range(draw.count("action.measures"))])
    _add_list(head, "leads", draw.rng.sample(leads, min(draw.count("action.leads"), len(leads))))
    due = [_month_text(_quarter_end(draw.rng.randrange(4, 12 + 1)))
           for _ in range(draw.count("action.due"))]
    _add_list(head, "due", due)
    if strands:
        codes = draw.rng.sample([c for c, _, _ in STRAND_CODES], draw.rng.randint(1, 3))
        head["strands"] = {"text": ", ".join(codes), "codes": codes}
    progress, provisional = _progress(draw, updates)
    return SyntheticAction(head, progress, provisional)


def _add_list(head: dict, key: str, values: list) -> None:
    if values:
        head[key] = values


def _progress(draw: _Draw, count: int) -> tuple[list[dict], dict[int, str]]:
    """Quarterly updates: not started, then in progress (some dates slip), then completed."""
    started = draw.rng.randrange(0, 3)
    completed = draw.rng.randrange(max(1, count // 2), count + count // 2 + 1)
    updates, provisional = [], {}
    for index in range(count):
        update = {"date": _quarter_end(index).isoformat()}
        if index < started:
            update["status"] = "not_started"
        elif index >= completed:
            update["status"] = "completed"
        elif draw.chance(0.1):
            update["status"] = "rescheduled"
            update["revised_due"] = _month_text(_quarter_end(index + draw.rng.randrange(2, 6)))
            update["reason"] = draw.text("update.next_steps")
        else:
            update["status"] = "in_progress"
        update["text"] = draw.text("update.text")
        if draw.chance(SEED_PROFILE["rates"]["update.next_steps"]):
            update["next_steps"] = draw.text("update.next_steps")
        if draw.chance(0.05):
            provisional[index] = "ongoing" if update["status"] == "in_progress" else "in_progress"
        updates.append(update)
    return updates, provisional


def _quarter_end(index: int) -> date:
    month = FIRST_QUARTER_END.month - 1 + 3 * index
    year = FIRST_QUARTER_END.year + month // 12
    month = month % 12 + 1
    return date(year, month, calendar.monthrange(year, month)[1])


def _month_text(day: date) -> str:
    return f"{calendar.month_name[day.month]} {day.year}"


class _Dumper(yaml.CSafeDumper if hasattr(yaml, "CSafeDumper") else yaml.SafeDumper):
    pass


def _dump_items(values: list[dict], indent: int) -> list[str]:
    """Each of `values` as one item of a YAML block list whose dashes are at column `indent`.

    One dump for the whole list: dumping item by item costs several times more.
    """
    text = yaml.dump(values, Dumper=_Dumper, sort_keys=False, allow_unicode=True,
                     width=100_000, default_flow_style=False)
    pad = " " * indent
    items: list[str] = []
    for line in text.splitlines(True):
        if line.startswith("- "):
            items.append("")
        items[-1] += pad + line if line.strip() else line
    return items


class PlanText:
    """One plan's YAML file text, for any number of published updates per action.

    Pieces are dumped once and cached, so rewriting the file after a few updates change
    costs a join, not a dump of the whole plan.
    """

    def __init__(self, plan: SyntheticPlan, *, published: bool = True):
        """`published`: start with every update shown and corrected (the final data);
        otherwise with none (the history then publishes them one by one)."""
        self.plan = plan
        actions = plan.actions()
        self.shown = {id(a): len(a.updates) if published else 0 for a in actions}
        self.corrected = {(id(a), i) for a in actions for i in a.provisional} if published \
            else set()
        self._heads: dict[int, str] = {}
        self._updates: dict[tuple[int, int, bool], str] = {}  # (action, index, wrong)
        self._header = yaml.dump(plan.header, Dumper=_Dumper, sort_keys=False,
                                 allow_unicode=True, width=100_000) + "groups:\n"

    def text(self) -> str:
        parts = [self._header]
        for objective in self.plan.groups:
            parts += [self._group(objective, 0), "  groups:\n"]
            for area in objective.groups:
                parts += [self._group(area, 2), "    actions:\n"]
                for action in area.actions:
                    parts += self._action(action)
        return "".join(parts)

    def _group(self, group: SyntheticGroup, indent: int) -> str:
        key = id(group)
        if key not in self._heads:
            self._heads[key] = _dump_items([group.head], indent)[0]
        return self._heads[key]

    def _action(self, action: SyntheticAction) -> list[str]:
        key = id(action)
        if key not in self._heads:
            self._dump_action(action)
        shown = self.shown[key]
        if not shown:
            return [self._heads[key]]
        return [self._heads[key], "      progress:\n"] + [self._update(action, i)
                                                         for i in range(shown)]

    def _update(self, action: SyntheticAction, index: int) -> str:
        wrong = index in action.provisional and (id(action), index) not in self.corrected
        return self._updates[(id(action), index, wrong)]

    def _dump_action(self, action: SyntheticAction) -> None:
        # The head, every update, and each update's first (wrong) version, in one dump.
        key = id(action)
        wrong = [dict(action.updates[i], status=status) for i, status in action.provisional.items()]
        head, *pieces = _dump_items([action.head] + action.updates + wrong, 4)
        self._heads[key] = head
        updates = [_indent(piece, 2) for piece in pieces]
        for index, piece in enumerate(updates[:len(action.updates)]):
            self._updates[(key, index, False)] = piece
        for index, piece in zip(action.provisional, updates[len(action.updates):]):
            self._updates[(key, index, True)] = piece


def _indent(text: str, spaces: int) -> str:
    pad = " " * spaces
    return "".join(pad + line if line.strip() else line for line in text.splitlines(True))
