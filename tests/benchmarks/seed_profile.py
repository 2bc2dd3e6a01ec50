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
SEED_PROFILE = {
    "lengths": {
        "action.description": [116, 117, 118, 120, 126, 136, 145, 180, 269, 357, 445],
        "action.outcome": [12, 70, 86, 115, 128, 147, 167, 173, 194, 227, 228],
        "action.title": [9, 52, 63, 76, 88, 104, 117, 139, 153, 186, 440],
        "activity": [24, 59, 87, 104, 114, 148, 167, 179, 216, 235, 371],
        "group.title": [5, 26, 33, 36, 40, 44, 81, 109, 124, 139, 163],
        "lead": [3, 3, 3, 15, 21, 22, 29, 33, 38, 44, 113],
        "measure": [12, 33, 44, 52, 57, 64, 71, 87, 104, 113, 219],
        "update.next_steps": [4, 27, 30, 41, 46, 56, 57, 69, 111, 194, 227],
        "update.text": [51, 72, 79, 114, 135, 161, 181, 217, 267, 359, 531],
    },
    "counts": {
        "action.activities": {0: 0.944, 2: 0.014, 3: 0.014, 4: 0.021, 5: 0.007},
        "action.due": {0: 0.035, 1: 0.909, 2: 0.049, 3: 0.007},
        "action.leads": {0: 0.007, 1: 0.755, 2: 0.168, 3: 0.056, 4: 0.014},
        "action.measures": {0: 0.441, 1: 0.434, 2: 0.112, 3: 0.014},
        "group.actions": {1: 0.04, 2: 0.2, 3: 0.08, 4: 0.08, 5: 0.16, 6: 0.2, 7: 0.08, 8: 0.04,
                          14: 0.04, 15: 0.04, 17: 0.04},
    },
    "rates": {"action.description": 0.028, "action.outcome": 0.126, "update.next_steps": 0.269},
}


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
