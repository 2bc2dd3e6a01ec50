"""The cache (a rebuild with no new commit reads no file) and the fast revision parser."""

from __future__ import annotations

import random
import re
from datetime import datetime, UTC
from pathlib import Path

import pytest

from actionplan.api import parse_plan_bytes
from actionplan.history import (
    ChangeEntry, History, HistoryCache, HistoryNote, Revision, read_history, serialize,
)
from actionplan.history import gitlog, reader
from actionplan.history.cache import Checkpoint, decode_checkpoint, encode_checkpoint
from actionplan.history.parse import parse_revision, parse_revision_file
from tests.conftest import FIXTURES, ROOT
from tests.gitrepo import GitRepo
from tests.history.scripted import PLAN, dump


@pytest.fixture
def blob_reads(monkeypatch):
    """Every blob hash asked of `git cat-file` (read at once or streamed), call by call."""
    calls: list[list[str]] = []

    def counting(real):
        def count(repo, blobs):
            calls.append(list(blobs))
            return real(repo, blobs)
        return count

    for name in ("read_blobs", "stream_blobs"):
        monkeypatch.setattr(f"actionplan.history.blob_supply.{name}",
                            counting(getattr(gitlog, name)))
    monkeypatch.setattr("actionplan.history.reader.read_blobs", counting(gitlog.read_blobs))
    return calls


def blobs_read(calls) -> int:
    return sum(len(c) for c in calls)


def test_a_rebuild_with_no_new_commit_reads_no_file(scripted, tmp_path, blob_reads):
    repo, _ = scripted
    cache = HistoryCache(tmp_path / "cache")
    first = read_history(repo.root, repo.root / "data", cache=cache)
    # One read per distinct version: 12 commits, and the rename keeps the content.
    assert blobs_read(blob_reads) == 11
    blob_reads.clear()
    assert read_history(repo.root, repo.root / "data", cache=cache) == first
    HistoryCache.forget_all()  # a new process: only the cache folder remains
    assert read_history(repo.root, repo.root / "data", cache=HistoryCache(tmp_path / "cache")) \
        == first
    assert blobs_read(blob_reads) == 0


def test_a_rebuild_with_no_new_commit_reads_no_commit_message(scripted, tmp_path,
                                                              monkeypatch):
    repo, _ = scripted
    first = read_history(repo.root, repo.root / "data", cache=HistoryCache(tmp_path / "cache"))
    HistoryCache.forget_all()  # a new process: only the cache folder remains
    monkeypatch.setattr(gitlog, "_header", lambda text: pytest.fail("a message was read"))
    assert read_history(repo.root, repo.root / "data",
                        cache=HistoryCache(tmp_path / "cache")) == first


def test_the_log_gives_every_hash_and_the_commits_from_any_point(scripted):
    repo, _ = scripted
    log = gitlog.CommitReading(repo.root, "data/plans").result()
    commits = log.commits()
    assert log.hashes == [c.revision.commit for c in commits] and len(commits) > 3
    assert log.commits(3) == commits[3:]
    assert gitlog.parse_log("") == [] and gitlog.CommitLog("").hashes == []


def test_a_new_commit_reads_only_what_it_changed(tmp_path, blob_reads, monkeypatch):
    repo = GitRepo(tmp_path / "site")
    repo.write("data/plans/council.yaml", dump(PLAN))
    repo.write("data/plans/other.yaml", dump(PLAN).replace("council-plan", "other-plan"))
    repo.commit("Publish two plans")
    cache_dir = tmp_path / "cache"
    read_history(repo.root, repo.root / "data", cache=HistoryCache(cache_dir))
    HistoryCache.forget_all()
    blob_reads.clear()
    repo.write("data/plans/council.yaml", dump(PLAN).replace("Run a staff survey", "Survey"))
    repo.commit("Reword 2.1")
    parsed = []
    real_parse = reader.parse_revision
    monkeypatch.setattr(reader, "parse_revision",
                        lambda raw, path, *rest: parsed.append(path) or real_parse(raw, path, *rest))
    resumed = read_history(repo.root, repo.root / "data", cache=HistoryCache(cache_dir))
    # The two versions in use at the checkpoint (for their plan ids), the new version, and
    # the version it replaces (to compare them).
    assert blobs_read(blob_reads) == 4
    # Only the file the commit touched is parsed: its version before, and the new one.
    assert parsed == ["data/plans/council.yaml", "data/plans/council.yaml"]
    monkeypatch.undo()
    HistoryCache.forget_all()
    fresh = read_history(repo.root, repo.root / "data")
    assert resumed == fresh
    assert [e.sentence for e in fresh.entries][-1] == "Action 2.1: title reworded."


def test_rewritten_history_is_read_again(tmp_path):
    repo = GitRepo(tmp_path / "site")
    repo.write("data/plans/council.yaml", dump(PLAN))
    repo.commit("Publish")
    repo.write("data/plans/council.yaml", dump(PLAN).replace("Run a staff survey", "Survey"))
    repo.commit("Reword")
    cache = HistoryCache(tmp_path / "cache")
    assert len(read_history(repo.root, repo.root / "data", cache=cache).revisions) == 2
    repo.git("reset", "--quiet", "--hard", "HEAD~1")
    history = read_history(repo.root, repo.root / "data", cache=cache)
    assert len(history.revisions) == 1
    assert "title" not in [e.change for e in history.entries]


def test_a_damaged_cache_file_is_ignored(scripted, tmp_path):
    repo, _ = scripted
    folder = tmp_path / "cache"
    expected = read_history(repo.root, repo.root / "data", cache=HistoryCache(folder))
    for file in folder.iterdir():
        file.write_text("{not json", encoding="utf-8")
    HistoryCache.forget_all()
    assert read_history(repo.root, repo.root / "data", cache=HistoryCache(folder)) == expected


@pytest.mark.parametrize("count", [0, 1, 2, 5, 40])
def test_the_cache_form_gives_back_the_same_history(count):
    first = Revision("a" * 40, datetime(2020, 1, 2, tzinfo=UTC), "Round 1")
    second = Revision("b" * 40, datetime(2020, 4, 2, tzinfo=UTC))
    entries = tuple(ChangeEntry(first if i < count // 2 else second, "plan", "Plan", "action",
                                f"1.{i}", f"Action 1.{i}", "status",
                                f"Action 1.{i}: status changed.",
                                before="Not started" if i else None, after="In progress",
                                detail=str(i) if i % 3 else None,
                                subject_title="Café \u2014 \U0001f600 \ud800 \0" if i % 2 else None)
                    for i in range(count))
    history = History(entries=entries, notes=(HistoryNote(second, "a.yaml", "unreadable"),),
                      revisions=(first, second))
    checkpoint = Checkpoint(commits=["a" * 40, "b" * 40], history=history,
                            state={"data/plans/a.yaml": "c" * 40})
    stored = decode_checkpoint(encode_checkpoint(checkpoint, "data/plans"), "data/plans")
    assert stored == checkpoint
    compact = serialize.history_to_rows(history)
    if count > 1:  # each repeated text once, ended by a character none of them holds
        assert compact.text.count("In progress") == 1
        assert compact.data["text_end"] not in "\0In progress"
    if count == 40:  # a column of long runs (the revision) is kept as runs, others whole
        kinds = [column[0] for column in compact.data["columns"]]
        assert kinds[0] == "runs" and "all" in kinds


def test_a_cache_whose_columns_do_not_match_is_refused():
    history = History(entries=(ChangeEntry(Revision("a" * 40, datetime(2020, 1, 2)), "p", "P",
                                           "plan", "p", "Plan", "added", "Plan added."),) * 2)
    compact = serialize.history_to_rows(history)
    kind, at = compact.data["columns"][3]
    assert kind == "all"
    compact.numbers[at] = compact.numbers[at][:1]
    with pytest.raises(ValueError):  # the reader then reads from git instead
        serialize.history_from_rows(compact)


PLAN_FILES = sorted((ROOT / "data" / "plans").glob("*.yaml")) + [
    FIXTURES / "data" / "plans" / "mini.yaml"]


@pytest.mark.parametrize("path", PLAN_FILES, ids=lambda p: p.name)
def test_the_fast_parser_gives_the_same_plan_as_the_build(path: Path):
    raw = path.read_bytes()
    assert parse_revision_file(raw, "x.yaml") == (parse_plan_bytes(raw, "x.yaml")[0], [])


@pytest.mark.parametrize("text", [
    "schema_version: 1\nplan: &p {id: x}\ngroups: *p\n",  # an alias
    "schema_version: 1\nschema_version: 1\n",  # a duplicate key
    "plan: [unclosed\n",  # a syntax error
    "schema_version: !!python/object:os.system 1\n",  # a tag
    "\tplan: 1\n",  # a tab
])
def test_bad_files_get_the_builds_own_problems(text):
    raw = text.encode("utf-8")
    plan, problems = parse_revision_file(raw, "x.yaml")
    assert plan is None and problems
    assert problems == parse_plan_bytes(raw, "x.yaml")[1]


def test_a_schema_error_in_one_action_is_still_found_after_valid_versions():
    valid = dump(PLAN)
    assert parse_revision_file(valid.encode(), "x.yaml")[0] is not None
    broken = valid.replace("title: Run a staff survey", "title: 12")
    plan, problems = parse_revision_file(broken.encode(), "x.yaml")
    assert plan is None
    assert problems == parse_plan_bytes(broken.encode(), "x.yaml")[1]


def _edits(text: str, rng) -> str:
    """One edit an officer might make (or a slip of the keyboard), at a random place."""
    lines = text.splitlines(keepends=True)
    words = [i for i, line in enumerate(lines) if re.search(r"(title|text|description): \w", line)]
    dashes = [i for i, line in enumerate(lines) if re.match(r" *- id: ", line)]
    kind = rng.randrange(7)
    if kind <= 2 and words:  # reword a value
        i = rng.choice(words)
        lines[i] = re.sub(r"(: )(\w+)", r"\1Revised \2", lines[i], count=1)
    elif kind == 3 and len(dashes) > 2:  # remove one listed item (an action or a group)
        i = rng.choice(dashes[:-1])
        column = len(lines[i]) - len(lines[i].lstrip())
        end = i + 1
        while end < len(lines) and (not lines[end].strip()
                                    or len(lines[end]) - len(lines[end].lstrip()) > column):
            end += 1
        del lines[i:end]
    elif kind == 4 and dashes:  # copy an item under a new id
        i = rng.choice(dashes)
        column = len(lines[i]) - len(lines[i].lstrip())
        end = i + 1
        while end < len(lines) and len(lines[end]) - len(lines[end].lstrip()) > column:
            end += 1
        copy = [lines[i].replace("id: ", f"id: copy-{rng.randrange(10**6)}-", 1)] + lines[i + 1:end]
        lines[end:end] = copy
    elif kind == 5:  # a stray character
        i = rng.randrange(len(lines))
        lines[i] = lines[i][:3] + rng.choice(['"', "'", ":", "\t", "[", "#", "- "]) + lines[i][3:]
    else:  # indent or dedent a line
        i = rng.randrange(len(lines))
        lines[i] = "  " + lines[i] if rng.random() < 0.5 else lines[i][2:]
    return "".join(lines)


@pytest.mark.parametrize("path", PLAN_FILES, ids=lambda p: p.name)
def test_reusing_the_previous_version_never_changes_the_result(path: Path):
    """Random edits, each read by re-parsing only what changed and by the build's own parser."""
    rng = random.Random(path.name)
    text = path.read_text(encoding="utf-8")
    previous, _ = parse_revision(text.encode(), "x.yaml")  # held: the edits reuse its parts
    readable = reused = 0
    for _ in range(25):
        edited = _edits(text, rng)
        version, problems = parse_revision(edited.encode(), "x.yaml", previous)
        plan, expected = parse_plan_bytes(edited.encode(), "x.yaml")
        assert (version.plan if version else None) == plan
        if plan is None:
            assert problems == [p for p in expected]
        else:
            readable += 1
            reused += _shares_parts(version, previous)
            previous, text = version, edited
    assert readable >= 5 and reused >= 3  # re-reading only a part was exercised


def test_parts_are_reused_after_the_build_has_checked_plans():
    # In a build the site is loaded (and its schema check compiled) before history is read.
    text = dump(PLAN)
    assert parse_plan_bytes(text.encode(), "x.yaml")[0] is not None
    first, _ = parse_revision(text.encode(), "x.yaml")
    edited = text.replace("Training booked.", "Training booked for May.")
    second, _ = parse_revision(edited.encode(), "x.yaml", first)
    assert second.plan == parse_plan_bytes(edited.encode(), "x.yaml")[0]
    assert second.piece.items and _shares_parts(second, first)


def _shares_parts(version, previous) -> bool:
    """Whether the two versions were read as pieces sharing some list items (the same objects)."""
    if version.piece is None or previous.piece is None:
        return False
    earlier = {id(piece) for piece in _parts(previous.piece)}
    return any(id(piece) in earlier for piece in _parts(version.piece))


def _parts(piece):
    for run in piece.items:
        for item in run:
            yield item
            yield from _parts(item)


class _ReadAfterEachCommit(GitRepo):
    """A repository whose every commit is followed by a build that reads the history with
    the cache folder, as a site rebuilt on each push is."""

    cache_dir: Path

    def commit(self, message: str, *, date: str | None = None) -> str:
        made = super().commit(message, date=date)
        HistoryCache.forget_all()  # a new build process: only the cache folder is left
        read_history(self.root, self.root / "data", cache=HistoryCache(self.cache_dir))
        return made


def test_a_history_read_a_commit_at_a_time_is_the_history_read_at_once(tmp_path):
    from tests.history.scripted import script
    repo = _ReadAfterEachCommit.__new__(_ReadAfterEachCommit)
    repo.cache_dir = tmp_path / "cache"
    GitRepo.__init__(repo, tmp_path / "site")
    script(repo)
    repo.write("data/plans/copy.yaml", dump(PLAN).replace("Run a staff survey", "A copy"))
    repo.commit("A second file with the same plan id")
    (repo.root / "data/plans/copy.yaml").unlink()
    repo.commit("The copy removed")
    repo.git("checkout", "--quiet", "-b", "edits")
    path = repo.root / "data/plans/council-plan.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Head of People", "Head of HR"),
                    encoding="utf-8")
    repo.commit("New lead on a branch\n\nChange-reason: The post was renamed.")
    repo.git("checkout", "--quiet", "main")
    repo.git("merge", "--quiet", "--no-ff", "--no-edit", "edits")
    repo.commit("An empty commit after the merge")  # a build reads the merge
    HistoryCache.forget_all()
    step_by_step = read_history(repo.root, repo.root / "data", cache=HistoryCache(repo.cache_dir))
    HistoryCache.forget_all()
    at_once = read_history(repo.root, repo.root / "data")
    assert step_by_step == at_once
    assert step_by_step.notes and len(step_by_step.entries) > 10
    assert [e.reason for e in step_by_step.entries if e.change == "lead"][-1] == \
        "The post was renamed."
