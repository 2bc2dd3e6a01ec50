"""Publishing is one step: whatever fails (a full disk, a permission, a kill at any step, a
second build at once), the last good site stays whole, the next build works, and the
publisher reads one line, not a traceback."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from actionplan.mkdocs_plugin import staging
from actionplan.mkdocs_plugin.staging import PublishError, SiteBusy, StagedSiteDir

from ..tiny_site import ENV, make_project, mkdocs_in_this_process
from ..unit.plan_text import VALID


class Killed(BaseException):
    """The process dies here: no except clause or cleanup of ours runs."""


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def old_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / "plans").mkdir(parents=True)
    (site / "index.html").write_text("old home")
    (site / "plans" / "index.html").write_text("old plans")
    return site


OLD = {"index.html": b"old home", "plans/index.html": b"old plans"}
NEW = {"index.html": b"new home"}


def stage_new(target: Path) -> StagedSiteDir:
    staged = StagedSiteDir(target)
    (staged.prepare() / "index.html").write_text("new home")
    return staged


def fail_at(monkeypatch, owner, name: str, call: int, error: BaseException) -> None:
    """Make the `call`-th call of owner.name raise `error` (counting from 1)."""
    real, calls = getattr(owner, name), []

    def failing(*args, **kwargs):
        calls.append(args)
        if len(calls) == call:
            raise error
        return real(*args, **kwargs)
    monkeypatch.setattr(owner, name, failing)


# --- a kill at each step of publishing --------------------------------------------------

STEPS = [
    # (the function that is stopped, which call, whether the exchange is available)
    pytest.param("exchange", 1, True, id="before-the-exchange"),
    pytest.param("_remove", 1, True, id="after-the-exchange-before-deleting-the-old-site"),
    pytest.param("rename", 1, False, id="two-renames-before-the-first"),
    pytest.param("rename", 2, False, id="two-renames-between-them"),
    pytest.param("_remove", 1, False, id="two-renames-before-deleting-the-old-site"),
]


@pytest.mark.parametrize("step,call,exchanges", STEPS)
def test_a_kill_at_any_step_leaves_a_whole_site_and_the_next_build_works(
        tmp_path, monkeypatch, step, call, exchanges):
    site = old_site(tmp_path)
    if not exchanges:
        monkeypatch.setattr(staging, "exchange", lambda a, b: False)
    owner = staging.os if step == "rename" else staging
    staged = stage_new(site)
    with monkeypatch.context() as patch:
        fail_at(patch, owner, step, call, Killed())
        with pytest.raises(Killed):
            staged.publish()
    staged._lock_handle and os.close(staged._lock_handle)  # the dead process's lock goes
    # The next build (a new process) finds a whole site, old or new, before it checks data.
    following = StagedSiteDir(site)
    following.prepare()
    assert snapshot(site) in (OLD, NEW)
    following.discard()
    assert snapshot(site) in (OLD, NEW)
    stage_new(site).publish()
    assert snapshot(site) == NEW
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


@pytest.mark.parametrize("exchanges", [True, False], ids=["exchange", "two-renames"])
def test_a_failing_rename_keeps_the_old_site_and_says_so_in_one_line(tmp_path, monkeypatch,
                                                                     exchanges):
    site = old_site(tmp_path)
    if not exchanges:
        monkeypatch.setattr(staging, "exchange", lambda a, b: False)
        fail_at(monkeypatch, staging.os, "rename", 2, PermissionError(errno.EACCES,
                                                                       "Permission denied"))
    else:
        fail_at(monkeypatch, staging, "exchange", 1, PermissionError(errno.EACCES,
                                                                      "Permission denied"))
    staged = stage_new(site)
    with pytest.raises(PublishError) as raised:
        staged.publish()
    assert "\n" not in str(raised.value) and "last good site is unchanged" in str(raised.value)
    assert snapshot(site) == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_an_old_site_with_a_read_only_folder_is_still_replaced(tmp_path, monkeypatch):
    site = old_site(tmp_path)
    locked = site / "plans"
    locked.chmod(0o555)
    if os.geteuid() == 0:  # root ignores the mode: refuse the first delete as a kernel would
        fail_at(monkeypatch, staging.os, "unlink", 1,
                PermissionError(errno.EACCES, "Permission denied"))
    stage_new(site).publish()
    assert snapshot(site) == NEW
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_an_old_site_that_cannot_be_deleted_is_a_warning_not_a_lost_site(tmp_path,
                                                                         monkeypatch):
    site = old_site(tmp_path)
    monkeypatch.setattr(staging.shutil, "rmtree",
                        lambda *a, **k: (_ for _ in ()).throw(PermissionError(13, "denied")))
    staged = stage_new(site)
    staged.publish()
    assert snapshot(site) == NEW
    assert any("could not delete the previous site" in note for note in staged.notes)
    monkeypatch.undo()
    stage_new(site).publish()  # the next build clears it
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_staging_folder_that_cannot_be_made_is_one_line(tmp_path, monkeypatch):
    site = old_site(tmp_path)
    fail_at(monkeypatch, staging.tempfile, "mkdtemp", 1, OSError(errno.EROFS,
                                                                  "Read-only file system"))
    with pytest.raises(PublishError) as raised:
        StagedSiteDir(site).prepare()
    assert "Read-only file system" in str(raised.value) and "\n" not in str(raised.value)
    assert snapshot(site) == OLD
    monkeypatch.undo()
    stage_new(site).publish()  # the lock was let go
    assert snapshot(site) == NEW


def test_each_build_stages_in_a_folder_of_its_own_and_a_second_build_is_refused(tmp_path):
    site = old_site(tmp_path)
    first = StagedSiteDir(site)
    first_staging = first.prepare()
    with pytest.raises(SiteBusy) as raised:
        StagedSiteDir(site).prepare()
    assert "another build is writing" in str(raised.value)
    first.discard()
    second = StagedSiteDir(site)
    assert second.prepare() != first_staging
    second.discard()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_linked_output_folder_keeps_its_link_and_is_swapped_where_it_points(tmp_path):
    real = old_site(tmp_path / "www")
    link = tmp_path / "site"
    link.symlink_to(real, target_is_directory=True)
    stage_new(link).publish()
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert snapshot(real) == NEW
    assert sorted(p.name for p in (tmp_path / "www").iterdir()) == ["site"]


def test_a_mount_point_is_filled_by_renames_and_undone_when_one_fails(tmp_path, monkeypatch):
    site = old_site(tmp_path)
    monkeypatch.setattr(staging.os.path, "ismount", lambda p: Path(p) == site)
    staged = stage_new(site)
    assert staged.staging.parent == site  # same file system: moves are renames
    with monkeypatch.context() as patch:
        fail_at(patch, staging.os, "rename", 3, OSError(errno.EIO, "Input/output error"))
        with pytest.raises(PublishError):
            staged.publish()
    assert snapshot(site) == OLD
    stage_new(site).publish()
    assert snapshot(site) == NEW


# --- real builds ------------------------------------------------------------------------

def build_here(project: Path, monkeypatch) -> tuple[int, str]:
    """`mkdocs build --strict` in this process (so failures can be injected), MkDocs' logging
    set-up undone afterwards (its filter that drops repeated messages would otherwise hide
    later tests' messages)."""
    for name, value in ENV.items():
        monkeypatch.setenv(name, value)
    result = mkdocs_in_this_process(project, "build", "--strict")
    assert "Traceback" not in result.stderr, result.stderr  # an uncaught exception
    return result.returncode, result.stdout + result.stderr


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    project = make_project(tmp_path / "project", plans={"plan.yaml": VALID})
    code, output = build_here(project, monkeypatch)
    assert code == 0, output
    return project


def test_a_full_disk_midway_through_a_build_is_one_line_and_keeps_the_site(project,
                                                                           monkeypatch):
    before = snapshot(project / "site")
    (project / "data" / "plans" / "plan.yaml").write_text(
        VALID.replace("First action", "Renamed"), encoding="utf-8")
    writes = []
    real_write_bytes = Path.write_bytes

    def disk_fills_up(path, data):
        writes.append(path)
        if len(writes) == 3:
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        return real_write_bytes(path, data)

    with monkeypatch.context() as patch:
        patch.setattr(Path, "write_bytes", disk_fills_up)
        code, output = build_here(project, monkeypatch)
    assert code == 1
    errors = [line for line in output.splitlines() if line.startswith("Error")]
    assert len(errors) == 1 and "No space left on device" in errors[0]
    assert "last good site is unchanged" in errors[0] and "Traceback" not in output
    assert snapshot(project / "site") == before
    code, output = build_here(project, monkeypatch)
    assert code == 0, output
    assert "Renamed" in (project / "site" / "plans" / "test-plan" / "actions" / "1.1" /
                         "index.html").read_text(encoding="utf-8")
    assert sorted(p.name for p in project.iterdir()) == ["content", "data", "mkdocs.yml", "site"]


def test_a_build_that_cannot_stage_is_one_line_and_the_next_build_works(project, monkeypatch):
    before = snapshot(project / "site")
    with monkeypatch.context() as patch:
        fail_at(patch, staging.tempfile, "mkdtemp", 1,
                PermissionError(errno.EACCES, "Permission denied"))
        code, output = build_here(project, monkeypatch)
    assert code == 1 and "staged_config" not in output
    assert "Permission denied" in output and "Traceback" not in output
    assert snapshot(project / "site") == before
    code, output = build_here(project, monkeypatch)
    assert code == 0, output


def test_a_build_killed_between_renames_is_recovered_by_the_next(project, monkeypatch):
    before = snapshot(project / "site")
    os.rename(project / "site", project / ".site.actionplan-old")  # what the kill left
    (project / "data" / "plans" / "plan.yaml").write_text("not: [valid", encoding="utf-8")
    code, output = build_here(project, monkeypatch)
    assert code == 1  # bad data: the build stops, and the only good copy is back in place
    assert snapshot(project / "site") == before


def test_two_builds_at_once_publish_one_whole_site(project):
    expected = snapshot(project / "site")
    runs = [subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project,
                             env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(2)]
    results = [(run.wait(timeout=600), run.stderr.read()) for run in runs]
    for code, err in results:
        assert code == 0 or "another build is writing" in err, err
        assert "Traceback" not in err
    assert any(code == 0 for code, _ in results)
    assert snapshot(project / "site") == expected
    assert sorted(p.name for p in project.iterdir()) == ["content", "data", "mkdocs.yml", "site"]


def test_a_publish_that_cannot_swap_is_one_line_and_the_next_build_works(project, monkeypatch):
    before = snapshot(project / "site")
    (project / "data" / "plans" / "plan.yaml").write_text(
        VALID.replace("First action", "Renamed"), encoding="utf-8")
    with monkeypatch.context() as patch:
        fail_at(patch, staging, "exchange", 1, PermissionError(errno.EACCES, "Permission denied"))
        code, output = build_here(project, monkeypatch)
    assert code == 1
    errors = [line for line in output.splitlines() if line.startswith("Error")]
    assert len(errors) == 1 and "Permission denied" in errors[0], output
    assert "the last good site is unchanged" in errors[0]
    assert snapshot(project / "site") == before
    assert sorted(p.name for p in project.iterdir()) == ["content", "data", "mkdocs.yml", "site"]
    code, output = build_here(project, monkeypatch)
    assert code == 0, output
    assert snapshot(project / "site") != before
