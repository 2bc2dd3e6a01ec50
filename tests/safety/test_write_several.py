"""Several plan files written as one (a reporting round's import): all of them, or none.

Refused, with every file as it was, when one file changed since it was read or one would
have an error; when a rename fails midway the files already replaced are put back."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from actionplan.edit import safe_write
from actionplan.edit.safe_write import editing, read_for_edit
from actionplan.edit.yaml_edit import write_all_checked
from actionplan.problems import DataError

from ..unit.plan_text import VALID


@pytest.fixture
def plans(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "data" / "plans"
    folder.mkdir(parents=True)
    paths = [folder / "one.yaml", folder / "two.yaml"]
    for path in paths:
        path.write_text(VALID, encoding="utf-8")
    return paths


def edited(text: str, words: str) -> str:
    assert "Started." in text
    return text.replace("Started.", words)


def writes(paths: list[Path], words: list[str]):
    return [(p, edited(VALID, w), p.name, read_for_edit(p)) for p, w in zip(paths, words)]


def leftovers(paths: list[Path]) -> list[str]:
    return sorted(p.name for p in paths[0].parent.iterdir() if p not in paths)


def test_both_files_are_written(plans):
    with editing(plans[0]):
        problems = write_all_checked(writes(plans, ["First.", "Second."]))
    assert problems == []
    assert [p.read_text(encoding="utf-8") for p in plans] == [edited(VALID, "First."),
                                                              edited(VALID, "Second.")]
    assert leftovers(plans) == []


def test_one_file_changed_since_read_means_neither_is_written(plans):
    pending = writes(plans, ["First.", "Second."])
    plans[1].write_text(edited(VALID, "Another program."), encoding="utf-8")
    with editing(plans[0]), pytest.raises(DataError) as refused:
        write_all_checked(pending)
    assert [p.file for p in refused.value.problems] == ["two.yaml"]
    assert plans[0].read_text(encoding="utf-8") == VALID  # not written either
    assert plans[1].read_text(encoding="utf-8") == edited(VALID, "Another program.")
    assert leftovers(plans) == []


def test_one_file_with_an_error_means_neither_is_written(plans):
    pending = writes(plans, ["First.", "Second."])
    pending[1] = (plans[1], VALID.replace("status: in_progress", "status: nearly"),
                  "two.yaml", pending[1][3])
    assert "status: nearly" in pending[1][1]
    with editing(plans[0]):
        problems = write_all_checked(pending)
    assert [p.file for p in problems if p.severity == "error"] == ["two.yaml"]
    assert [p.read_text(encoding="utf-8") for p in plans] == [VALID, VALID]
    assert leftovers(plans) == []


def test_a_rename_failing_midway_puts_back_the_files_already_replaced(plans, monkeypatch):
    real_replace = os.replace
    calls = []

    def second_rename_fails(source, target):
        calls.append(Path(target).name)
        if len(calls) == 2:
            raise OSError(5, "Input/output error")
        real_replace(source, target)

    monkeypatch.setattr(safe_write.os, "replace", second_rename_fails)
    with editing(plans[0]), pytest.raises(OSError):
        write_all_checked(writes(plans, ["First.", "Second."]))
    assert calls[:2] == ["one.yaml", "two.yaml"]
    assert [p.read_text(encoding="utf-8") for p in plans] == [VALID, VALID]
    assert leftovers(plans) == []
