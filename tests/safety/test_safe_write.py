"""Edits of plan files lose nothing: concurrent updates all land, and a file changed by
another program between an edit's read and its write is refused, unchanged, with one line."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from actionplan.api import read_plan_file
from actionplan.cli import main
from actionplan.edit import safe_write
from actionplan.edit.progress import add_update, find_action
from actionplan.problems import DataError

from ..tiny_site import ENV
from ..unit.plan_text import VALID


@pytest.fixture
def data(tmp_path, monkeypatch) -> Path:
    (tmp_path / "data" / "plans").mkdir(parents=True)
    (tmp_path / "data" / "plans" / "test-plan.yaml").write_text(VALID, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "data"


def texts_of(plan_file: Path, action_id: str) -> list[str]:
    plan, problems = read_plan_file(plan_file)
    assert plan is not None, problems
    action = next(a for a, _ in plan.all_actions() if a.id == action_id)
    return [u.text for u in action.progress]


def test_eight_updates_at_once_all_land(data):
    runs = [subprocess.Popen(
        [sys.executable, "-m", "actionplan.cli", "update", "1.2", "--status", "in_progress",
         "--text", f"Update number {n}.", "--date", "2026-01-01", "--data", str(data)],
        cwd=data.parent, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for n in range(8)]
    results = [(n, *run.communicate(timeout=120), run.returncode) for n, run in enumerate(runs)]
    succeeded = [n for n, out, err, code in results if code == 0 and "Added progress" in out]
    for _n, out, err, code in results:
        assert code == 0 or "run this command again" in err, (out, err)
    assert len(succeeded) == 8, results  # the lock queues them: none has to give up
    landed = texts_of(data / "plans" / "test-plan.yaml", "1.2")
    assert sorted(landed) == sorted(f"Update number {n}." for n in succeeded)
    assert not [p.name for p in (data / "plans").iterdir() if p.name != "test-plan.yaml"]


def test_a_file_changed_between_read_and_write_is_refused(data, monkeypatch, capsys):
    plan_file = data / "plans" / "test-plan.yaml"
    other = VALID.replace("Started.", "Started, says the other editor.")
    real_write_temporary = safe_write.write_temporary

    def another_program_saves_first(path, text):
        plan_file.write_text(other, encoding="utf-8")  # an editor that takes no lock
        return real_write_temporary(path, text)

    monkeypatch.setattr("actionplan.edit.yaml_edit.write_temporary", another_program_saves_first)
    code = main(["update", "1.1", "--status", "completed", "--text", "Mine."])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    assert err.count("\n") == 2 and "changed by another program" in err
    assert err.startswith("error: ") and err.endswith("\n1 error: nothing was changed.\n")
    assert "Traceback" not in err
    assert plan_file.read_text(encoding="utf-8") == other  # the other edit is kept
    assert sorted(p.name for p in plan_file.parent.iterdir()) == ["test-plan.yaml"]


def test_a_half_written_file_is_not_saved_over(data, monkeypatch, capsys):
    plan_file = data / "plans" / "test-plan.yaml"
    place = find_action(data, "1.1")
    plan_file.write_text(VALID[: len(VALID) // 3], encoding="utf-8")  # another writer, mid-way
    with pytest.raises(DataError) as raised:
        add_update(place, status="completed", text="Mine.", when=date(2026, 1, 1),
                   display_name="data/plans/test-plan.yaml")
    assert "changed by another program" in raised.value.problems[0].format()
    assert plan_file.read_text(encoding="utf-8") == VALID[: len(VALID) // 3]


def test_an_edit_waits_for_the_lock_and_says_so_when_it_cannot_get_it(data):
    plan_file = data / "plans" / "test-plan.yaml"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import fcntl, os, sys, time; "
         f"fd = os.open({str(plan_file.parent)!r}, os.O_RDONLY); "
         "fcntl.flock(fd, fcntl.LOCK_EX); print('held', flush=True); time.sleep(30)"],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(DataError) as raised:
            with safe_write.editing(plan_file, display_name="plan.yaml", timeout=0.2):
                pass
        message = raised.value.problems[0].format().lower()
        assert "another actionplan command" in message and "run this command again" in message
    finally:
        holder.kill()
        holder.wait()


def test_commit_writes_whole_files_with_the_old_permissions(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o640)
    read = safe_write.read_for_edit(path)
    with safe_write.editing(path):
        temporary = safe_write.write_temporary(path, "new")
        safe_write.commit(temporary, path, read=read, display_name="plan.yaml")
    assert path.read_text(encoding="utf-8") == "new"
    assert path.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["plan.yaml"]


def test_new_plan_refuses_a_file_created_meanwhile(data, monkeypatch, capsys):
    target = data / "plans" / "fresh.yaml"
    real_write_temporary = safe_write.write_temporary

    def created_meanwhile(path, text):
        target.write_text("someone else's", encoding="utf-8")
        return real_write_temporary(path, text)

    monkeypatch.setattr("actionplan.edit.yaml_edit.write_temporary", created_meanwhile)
    assert main(["new-plan", "fresh"]) == 1
    assert "created by another program" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "someone else's"


def test_import_refuses_a_plan_changed_during_the_round_trip(data, monkeypatch, capsys):
    plan_file = data / "plans" / "test-plan.yaml"
    assert main(["export", "test-plan", "--format", "csv", "--output", "plan.csv"]) == 0
    sheet = Path("plan.csv")
    sheet.write_text(sheet.read_text(encoding="utf-8").replace("First action", "Renamed"),
                     encoding="utf-8")
    other = VALID.replace("Second action", "Second action, edited by hand")
    real_write_temporary = safe_write.write_temporary

    def edited_by_hand_meanwhile(path, text):
        plan_file.write_text(other, encoding="utf-8")
        return real_write_temporary(path, text)

    monkeypatch.setattr("actionplan.edit.yaml_edit.write_temporary", edited_by_hand_meanwhile)
    capsys.readouterr()
    assert main(["import", "plan.csv", "--plan", "test-plan"]) == 1
    assert "changed by another program" in capsys.readouterr().err
    assert plan_file.read_text(encoding="utf-8") == other
    monkeypatch.undo()
    monkeypatch.chdir(data.parent)
    assert main(["import", "plan.csv", "--plan", "test-plan"]) == 0  # run again: it lands
    assert "title: Renamed" in plan_file.read_text(encoding="utf-8")


def test_the_officers_guide_quotes_the_refusal_word_for_word():
    from ..conftest import ROOT
    guide = (ROOT / "content" / "updating-a-plan.md").read_text(encoding="utf-8")
    message = safe_write.changed_problem("data/plans/kingston-2015-2016.yaml").format()
    assert f"\n{message}\n" in guide


def test_a_full_disk_during_an_update_is_one_line_and_changes_nothing(data, monkeypatch,
                                                                      capsys):
    import errno
    plan_file = data / "plans" / "test-plan.yaml"

    def disk_full(handle):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(safe_write.os, "fsync", disk_full)
    code = main(["update", "1.1", "--status", "completed", "--text", "Mine."])
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1 and "No space left on device" in err
    assert err.startswith("data/plans/test-plan.yaml: file: No space left on device. Nothing was "
                          "written: free some disk space") and "Traceback" not in err
    assert plan_file.read_text(encoding="utf-8") == VALID
    assert sorted(p.name for p in plan_file.parent.iterdir()) == ["test-plan.yaml"]


def test_an_update_to_a_linked_plan_file_keeps_the_link(data, capsys):
    plan_file = data / "plans" / "test-plan.yaml"
    shared = data.parent / "shared.yaml"
    plan_file.rename(shared)
    plan_file.symlink_to(shared)
    assert main(["update", "1.2", "--status", "in_progress", "--text", "Linked."]) == 0
    assert plan_file.is_symlink() and "Linked." in shared.read_text(encoding="utf-8")
