"""How long the texts in real plans are, and how often each field is filled in.

The synthetic generator draws its text lengths and list sizes from `SEED_PROFILE`, measured
from the transcribed seed plans (data/plans/*.yaml). It is recorded here rather than measured
on every run so that benchmark input stays the same from one commit to the next. After the
seed plans change a lot, measure again and paste the result over `SEED_PROFILE`:

    .venv/bin/python -m tests.benchmarks.seed_profile
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from pathlib import Path
from pprint import pformat

import yaml

ROOT = Path(__file__).resolve().parents[2]

# Text lengths (characters) as deciles: minimum, 10th ... 90th percentile, maximum.
# Counts: how many items an action (or update) has -> share of actions with that many.
# Rates: share of actions (or updates) in which an optional text field is filled in.
SEED_PROFILE = {'counts': {'action.activities': {0: 0.591,
                                  1: 0.3,
                                  2: 0.052,
                                  3: 0.017,
                                  4: 0.022,
                                  5: 0.009,
                                  6: 0.004,
                                  7: 0.004},
            'action.due': {0: 0.4, 1: 0.565, 2: 0.03, 3: 0.004},
            'action.leads': {0: 0.004, 1: 0.839, 2: 0.109, 3: 0.039, 4: 0.009},
            'action.measures': {0: 0.296,
                                1: 0.552,
                                2: 0.104,
                                3: 0.03,
                                4: 0.009,
                                5: 0.004,
                                6: 0.004},
            'group.actions': {1: 0.333,
                              2: 0.167,
                              3: 0.056,
                              4: 0.074,
                              5: 0.093,
                              6: 0.093,
                              7: 0.037,
                              8: 0.056,
                              13: 0.019,
                              14: 0.019,
                              15: 0.019,
                              17: 0.037}},
 'lengths': {'action.description': [96, 104, 112, 117, 118, 120, 132, 145, 210, 327, 445],
             'action.outcome': [12, 70, 86, 115, 128, 147, 167, 173, 194, 227, 228],
             'action.title': [9, 54, 63, 76, 87, 98, 111, 128, 148, 172, 440],
             'activity': [24, 50, 61, 74, 83, 98, 111, 129, 148, 175, 371],
             'group.title': [5, 20, 27, 35, 41, 49, 67, 83, 105, 123, 163],
             'lead': [3, 3, 15, 22, 27, 32, 35, 38, 44, 52, 113],
             'measure': [3, 22, 34, 45, 52, 58, 70, 78, 91, 109, 219],
             'update.next_steps': [4, 27, 30, 41, 46, 56, 57, 69, 111, 194, 227],
             'update.text': [8, 51, 77, 98, 121, 141, 163, 184, 231, 320, 1169]},
 'rates': {'action.description': 0.022, 'action.outcome': 0.078, 'update.next_steps': 0.101}}


def measure_seed_profile(plans_dir: Path = ROOT / "data" / "plans") -> dict:
    """Measure the profile above from every plan file in `plans_dir`."""
    lengths: dict[str, list[int]] = defaultdict(list)
    counts: dict[str, list[int]] = defaultdict(list)
    for path in sorted(plans_dir.glob("*.yaml")):
        for group in yaml.safe_load(path.read_text(encoding="utf-8"))["groups"]:
            _measure_group(group, lengths, counts)
    return {
        "lengths": {name: _deciles(values) for name, values in sorted(lengths.items())
                    if name in SEED_PROFILE["lengths"]},
        "counts": {name: _shares(values) for name, values in sorted(counts.items())
                   if name in SEED_PROFILE["counts"]},
        "rates": {name: round(len(lengths[name]) / len(counts[_parent(name)]), 3)
                  for name in SEED_PROFILE["rates"]},
    }


def _measure_group(group: dict, lengths: dict, counts: dict) -> None:
    lengths["group.title"].append(len(group["title"]))
    if group.get("actions"):
        counts["group.actions"].append(len(group["actions"]))
    for sub in group.get("groups", []):
        _measure_group(sub, lengths, counts)
    for action in group.get("actions", []):
        _measure_action(action, lengths, counts)


def _measure_action(action: dict, lengths: dict, counts: dict) -> None:
    for name in ("title", "description", "outcome"):
        if action.get(name):
            lengths[f"action.{name}"].append(len(action[name]))
    for name in ("activities", "due", "leads", "measures"):
        counts[f"action.{name}"].append(len(action.get(name, [])))
    for measure in action.get("measures", []):
        lengths["measure"].append(len(measure if isinstance(measure, str) else measure["text"]))
    for lead in action.get("leads", []):
        lengths["lead"].append(len(lead if isinstance(lead, str) else lead["text"]))
    for activity in action.get("activities", []):
        lengths["activity"].append(len(activity["text"]))
    for update in action.get("progress", []):
        counts["update"].append(1)
        for name in ("text", "next_steps"):
            if update.get(name):
                lengths[f"update.{name}"].append(len(update[name]))


def _parent(rate_name: str) -> str:
    # An action field's rate is per action; an update field's rate is per update.
    return "update" if rate_name.startswith("update.") else "action.due"


def _deciles(values: list[int]) -> list[int]:
    inner = statistics.quantiles(values, n=10, method="inclusive") if len(values) > 1 else []
    return [min(values)] + [round(v) for v in inner] + [max(values)]


def _shares(values: list[int]) -> dict[int, float]:
    tally = Counter(values)
    return {count: round(tally[count] / len(values), 3) for count in sorted(tally)}


if __name__ == "__main__":
    print(pformat(measure_seed_profile(), width=100, sort_dicts=True))
