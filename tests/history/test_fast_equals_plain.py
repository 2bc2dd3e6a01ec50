"""The changelog read by the fast path is the one read the plain, obvious way.

The plain way: every changed plan file of every commit is read whole from git and parsed by
the build's own `parse_plan_bytes`, and consecutive versions are diffed. The fast path
(`read_history`) streams blobs and reuses the parts of earlier versions; on these histories
it must give exactly the same entries, notes and revisions.
"""

from __future__ import annotations

import pytest

from actionplan.api import parse_plan_bytes
from actionplan.history import HistoryCache, parse, read_history
from actionplan.history.diff import diff_plans
from actionplan.history.gitlog import read_blobs, read_commits
from actionplan.history.model import History
from actionplan.load.discover import PLAN_SUFFIXES
from tests.benchmarks.history_benchmark import make_synthetic_repo
from tests.benchmarks.synthetic import Shape, generate
from tests.benchmarks.synthetic_history import write_history
from tests.gitrepo import GitRepo
from tests.history.scripted import PLAN, dump


def plain_history(root) -> tuple[History, list[tuple[str, str, str]]]:
    """(history without notes, [(commit, file, first problem)]) the obvious way."""
    state: dict = {}  # path -> plan in use
    entries, notes = [], []
    commits = read_commits(root, "data/plans")
    for commit in commits:
        before = _plans_by_id(state)
        changes = [c for c in commit.changes if c.path.endswith(PLAN_SUFFIXES)]
        contents = read_blobs(root, [c.blob for c in changes if c.blob])
        for change in changes:
            if change.blob is None:
                state.pop(change.path, None)
                continue
            plan, problems = parse_plan_bytes(contents[change.blob], change.path)
            if plan is None:
                notes.append((commit.revision.commit, change.path, problems[0].format()))
            else:
                state[change.path] = plan
        after = _plans_by_id(state)
        for plan_id in list(after) + [p for p in before if p not in after]:
            entries += diff_plans(before.get(plan_id), after.get(plan_id), commit.revision)
    return History(entries=tuple(entries), revisions=tuple(c.revision for c in commits)), notes


def _plans_by_id(state: dict) -> dict:
    plans = {}
    for _, plan in sorted(state.items()):
        plans.setdefault(plan.id, plan)
    return plans


def assert_same_changelog(root) -> History:
    HistoryCache.forget_all()
    fast = read_history(root, root / "data")
    plain, plain_notes = plain_history(root)
    assert fast.entries == plain.entries
    assert fast.revisions == plain.revisions
    assert [(n.revision.commit, n.file) for n in fast.notes] == [n[:2] for n in plain_notes]
    for note, (_, _, problem) in zip(fast.notes, plain_notes):
        assert problem in note.message
    return fast


@pytest.fixture
def plain_parses(monkeypatch):
    """How many file versions the fast path handed to the build's own parser."""
    calls = []
    real = parse.parse_plan_bytes

    def counting(raw, name):
        calls.append(name)
        return real(raw, name)

    monkeypatch.setattr(parse, "parse_plan_bytes", counting)
    return calls


def test_a_synthetic_county_history_reads_the_same(tmp_path, plain_parses):
    plans = generate(Shape(plans=3, actions=60, updates=5))
    history = write_history(tmp_path / "site", plans, 40)
    fast = assert_same_changelog(history.repo)
    kinds = {entry.change for entry in fast.entries}
    assert len(fast.entries) > 300 and {"added", "progress_added", "status"} <= kinds
    assert plain_parses == []  # every version was read by the fast path


def test_an_officers_history_with_mistakes_reads_the_same(tmp_path, plain_parses):
    root = make_synthetic_repo(tmp_path / "site", revisions=150, plans=3, actions=25, seed=7)
    fast = assert_same_changelog(root)
    assert fast.notes  # invalid revisions, fixed in the next commit
    assert len(plain_parses) < 30  # only those, and the reformatted versions


def test_the_scripted_history_reads_the_same(scripted):
    repo, _ = scripted
    assert_same_changelog(repo.root)


# Edits that a cut by indentation alone could misread, each committed on top of the last.
TRICKY = [
    ("a block text holding list lines, in an action with no list", lambda t: t.replace(
        "title: Review every library for step-free access\n",
        "title: Review every library for step-free access\n    description: |\n"
        "      Steps:\n      - survey the buildings\n\n      - publish the findings\n", 1)),
    ("a quoted text over several lines", lambda t: t.replace(
        "title: Publish pay gap figures\n", 'title: "Publish pay gap\n    - figures"\n', 1)),
    ("a quoted text running back to the margin", lambda t: t.replace(
        '"Publish pay gap\n    - figures"', '"Publish pay gap\n  - figures"', 1)),
    ("comments at the margin between items",
     lambda t: t.replace("  - id: '1.2'\n", "# a note for editors\n  - id: '1.2'\n", 1)),
    ("a list written inline", lambda t: t.replace(
        "    due:\n    - April 2018\n", "    due: [April 2018,\n      May 2018]\n", 1)),
    ("an update added", lambda t: t.replace(
        "      text: Training booked.\n",
        "      text: Training booked.\n    - date: '2018-03-01'\n      status: in_progress\n"
        "      text: Half the staff trained.\n", 1)),
    ("an item that is a list", lambda t: t.replace(
        "    leads:\n    - Head of Customer Services\n",
        "    leads:\n    -\n      - Head of Customer Services\n", 1)),
    ("the item fixed", lambda t: t.replace(
        "    leads:\n    -\n      - Head of Customer Services\n",
        "    leads:\n    - Head of Customer Services\n", 1)),
    ("an action id used twice", lambda t: t.replace("id: '1.3'", "id: '1.2'", 1)),
    ("the id fixed", lambda t: t.replace("id: '1.2'\n    number: '1.3'",
                                         "id: '1.3'\n    number: '1.3'", 1)),
    ("a status the schema refuses, in one update", lambda t: t.replace(
        "status: in_progress\n      text: Half", "status: halfway\n      text: Half", 1)),
    ("the status fixed", lambda t: t.replace("status: halfway", "status: in_progress", 1)),
    ("an alias", lambda t: t.replace("title: Run a staff survey",
                                     "title: &t Run a staff survey\n    description: *t", 1)),
    ("the alias removed", lambda t: t.replace("title: &t Run a staff survey\n    description: *t",
                                              "title: Run a staff survey", 1)),
    ("windows line ends", lambda t: t.replace("\n", "\r\n")),
    ("unix line ends again", lambda t: t.replace("\r\n", "\n")),
    ("the last action of a group removed", lambda t: t.replace(
        "  - id: '2.1'\n    number: '2.1'\n    title: Run a staff survey\n", "", 1)),
    ("a group removed", lambda t: t[:t.index("- id: objective-2")]),
]


def test_yaml_a_cut_by_indentation_could_misread_reads_the_same(tmp_path):
    repo = GitRepo(tmp_path / "site")
    text = dump(PLAN)
    for name, edit in [("publish", lambda t: t)] + TRICKY:
        edited = edit(text)
        assert edited != text or name == "publish", name
        text = edited
        repo.write("data/plans/council.yaml", text)
        repo.commit(name)
    fast = assert_same_changelog(repo.root)
    assert len(fast.notes) >= 4 and len(fast.entries) > 10


# A plan with no groups (top-level `actions:`), edited commit by commit, then given groups.
FLAT = {"schema_version": 1,
        "plan": {k: v for k, v in PLAN["plan"].items() if k != "levels"},
        "actions": [action for group in PLAN["groups"] for action in group["actions"]]}
FLAT_EDITS = [
    ("an update added", lambda t: t.replace(
        "    text: Training booked.\n",
        "    text: Training booked.\n  - date: '2018-03-01'\n    status: completed\n"
        "    text: All staff trained.\n", 1)),
    ("an action reworded", lambda t: t.replace("Publish pay gap figures",
                                               "Publish the gender pay gap figures", 1)),
    ("an action added", lambda t: t + "- id: '3.1'\n  title: Translate the leaflets\n"),
    ("an action removed", lambda t: t.replace(
        "- id: '2.1'\n  number: '2.1'\n  title: Run a staff survey\n", "", 1)),
    ("groups added beside the actions (refused)", lambda t: t + (
        "groups:\n- id: objective-1\n  title: Fair services\n  actions:\n  - id: '9.1'\n"
        "    title: An action in a group\n")),
    ("the groups removed again", lambda t: t[:t.index("groups:\n")]),
]


def test_a_flat_plans_history_reads_the_same(tmp_path, plain_parses):
    repo = GitRepo(tmp_path / "site")
    text = dump(FLAT)
    assert "\nactions:\n- id: '1.1'\n" in text  # top-level items at the margin, as edits expect
    for name, edit in [("publish", lambda t: t)] + FLAT_EDITS:
        edited = edit(text)
        assert edited != text or name == "publish", name
        text = edited
        repo.write("data/plans/council.yaml", text)
        repo.commit(name)
    repo.write("data/plans/council.yaml", dump(PLAN))  # the same actions, now in groups
    repo.commit("organised into objectives")
    fast = assert_same_changelog(repo.root)
    changes = {(entry.subject_id, entry.change) for entry in fast.entries}
    assert {("council-plan", "added"), ("3.1", "added"), ("2.1", "removed"),
            ("1.1", "progress_added"), ("1.1", "moved")} <= changes, changes
    assert [(n.file, "both top-level" in n.message) for n in fast.notes] == [
        ("data/plans/council.yaml", True)]  # the refused version, and only it
    # The fast path read every flat version itself; only the refused one went to the build's
    # own path, for its message.
    assert plain_parses == ["data/plans/council.yaml"]
