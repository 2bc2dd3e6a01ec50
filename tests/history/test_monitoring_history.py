"""The monitoring fields (officer's rating, percent complete, budget, measure figures) through
the changelog: the fast path reads them as the plain path does, and their changes are named."""

from __future__ import annotations

from tests.conftest import FIXTURES
from tests.gitrepo import GitRepo
from tests.history.test_fast_equals_plain import assert_same_changelog, plain_parses  # noqa: F401

TEXT = (FIXTURES / "monitoring" / "plans" / "monitoring.yaml").read_text(encoding="utf-8")

NEW_UPDATE = """\
          - date: 2024-12-31
            status: in_progress
            rag: red
            percent_complete: 70
            text: Two more in post.
"""

# Each edit is committed on top of the last.
EDITS = [
    ("an update with a rating and percent added", lambda t: t.replace(
        "            text: Recruitment slowed over the summer.\n",
        "            text: Recruitment slowed over the summer.\n" + NEW_UPDATE, 1)),
    ("a measure value added", lambda t: t.replace(
        "              - {date: 2024-09-30, value: 17.5}\n",
        "              - {date: 2024-09-30, value: 17.5}\n"
        "              - {date: 2024-12-31, value: 19}\n", 1)),
    ("the budget changed", lambda t: t.replace("amount: 25000", "amount: 30000", 1)),
    ("the action's own rating changed", lambda t: t.replace("rag: red\n        budget",
                                                           "rag: amber\n        budget", 1)),
    ("a percent out of range", lambda t: t.replace("percent_complete: 70",
                                                   "percent_complete: 170", 1)),
    ("the percent fixed", lambda t: t.replace("percent_complete: 170",
                                              "percent_complete: 75", 1)),
    ("values out of order", lambda t: t.replace("{date: 2024-12-31, value: 19}",
                                                "{date: 2022-12-31, value: 19}", 1)),
    ("the order fixed", lambda t: t.replace("{date: 2022-12-31, value: 19}",
                                            "{date: 2024-12-31, value: 19}", 1)),
    ("a target and unit changed", lambda t: t.replace("unit: people", "unit: apprentices", 1)
     .replace("target: {value: 20, date: March 2025}", "target: {value: 25, date: March 2026}")),
]


def test_monitoring_fields_read_the_same_on_the_fast_path(tmp_path, plain_parses):  # noqa: F811
    repo = GitRepo(tmp_path / "site")
    text = TEXT
    repo.write("data/plans/monitoring.yaml", text)
    repo.commit("publish")
    for name, edit in EDITS:
        edited = edit(text)
        assert edited != text, name
        text = edited
        repo.write("data/plans/monitoring.yaml", text)
        repo.commit(name)
    fast = assert_same_changelog(repo.root)
    assert len(fast.notes) == 2  # the two invalid revisions, each named
    joined = "\n".join(entry.sentence for entry in fast.entries)
    assert "progress update added (31 December 2024)" in joined
    assert "measure figures" in joined and "budget" in joined
    assert "officer's rating" in joined
    assert "percent complete" in joined  # the update's percent, 70 -> 75 across the fix
    # Only the two invalid versions went to the build's own path (which words the problem).
    assert len(plain_parses) == 2
