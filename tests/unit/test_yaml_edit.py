"""Rewriting plan files keeps what officers wrote: comments, key order, quoting, layout."""

from __future__ import annotations

from pathlib import Path

import pytest

from actionplan.edit.safe_write import read_for_edit
from actionplan.edit.yaml_edit import (
    assign, dump_text, load_text, new_file_text, normal_form, same_data, write_checked,
)
from actionplan.load import read_yaml_file

from ..conftest import FIXTURES, ROOT
from .plan_text import VALID

PLAN_FILES = sorted((ROOT / "data" / "plans").glob("*.yaml")) + [
    FIXTURES / "data" / "plans" / "mini.yaml"]


@pytest.mark.parametrize("path", PLAN_FILES, ids=lambda p: p.name)
def test_loading_and_dumping_a_plan_file_changes_no_byte(path: Path):
    text = path.read_text(encoding="utf-8")
    yaml, document = load_text(text)
    assign(document, read_yaml_file(path).data)  # the same data again: nothing to change
    assert dump_text(yaml, document) == text


def test_assign_changes_only_the_changed_value_and_keeps_comments():
    text = "# top comment\n" + VALID.replace("title: First action",
                                             "title: First action  # keep me")
    yaml, document = load_text(text)
    data = read_yaml_file_text(text)
    data["groups"][0]["actions"][1]["title"] = "Second action, renamed"
    assign(document, data)
    out = dump_text(yaml, document)
    changed = [(a, b) for a, b in zip(text.splitlines(), out.splitlines()) if a != b]
    assert changed == [("        title: Second action", "        title: Second action, renamed")]
    assert "# top comment" in out and "# keep me" in out


def test_assign_adds_new_keys_in_the_data_order_and_removes_dropped_ones():
    yaml, document = load_text(VALID)
    data = read_yaml_file_text(VALID)
    action = data["groups"][0]["actions"][0]
    action.pop("due")
    data["groups"][0]["actions"][0] = {"id": "1.1", "number": "1.1", "title": "First action",
                                       "leads": ["Head of Service"],
                                       "progress": action["progress"]}
    assign(document, data)
    out = dump_text(yaml, document)
    assert "due:" not in out.split("- id: \"1.2\"")[0]
    assert out.index("leads:") < out.index("progress:")
    assert same_data(read_yaml_file_text(out), data)


@pytest.mark.parametrize("text", ["1:20", "1.10", "null", "true", "1_000", "0x1F", "~", "=",
                                  "<<", "2018-04-30", "No", "multi\nline"])
def test_new_files_quote_text_the_plan_loader_would_misread(tmp_path, text):
    data = read_yaml_file_text(VALID)
    data["groups"][0]["actions"][0]["title"] = text
    path = tmp_path / "plans" / "p.yaml"
    written = new_file_text(data, path, ["A test."])
    assert read_yaml_file_text(written)["groups"][0]["actions"][0]["title"] == text


def test_new_files_carry_the_editor_schema_line(tmp_path):
    path = tmp_path / "data" / "plans" / "p.yaml"
    text = new_file_text(read_yaml_file_text(VALID), path, ["Intro."])
    first = text.splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=")
    target = (path.parent / first.split("$schema=", 1)[1]).resolve()
    assert target.name == "plan-v1.schema.json" and target.is_file()


def test_write_checked_refuses_invalid_text_and_leaves_the_file_alone(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(VALID, encoding="utf-8")
    problems = write_checked(path, VALID.replace("in_progress", "in progres"),
                             display_name="data/plans/plan.yaml", read=read_for_edit(path))
    assert [p.line for p in problems if p.severity == "error"] == [17]
    assert problems[0].file == "data/plans/plan.yaml"
    assert path.read_text(encoding="utf-8") == VALID
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.yaml"]  # no temporary file left


def test_write_checked_writes_valid_text(tmp_path):
    path = tmp_path / "new" / "plan.yaml"
    changed = VALID.replace("Started.", "Started in May.")
    path.parent.mkdir()
    assert write_checked(path, changed, display_name="plan.yaml", read=read_for_edit(path)) == []
    assert path.read_text(encoding="utf-8") == changed


def test_normal_form_ignores_only_what_the_model_ignores():
    assert normal_form({"a": None, "b": [], "c": {"text": "x"}, "d": {"code": "done"}}) == {
        "c": "x", "d": "done"}
    assert normal_form({"text": "x", "basis": "stated"}) != normal_form("x")


def read_yaml_file_text(text: str):
    from actionplan.load.yaml_source import parse_yaml_text
    return parse_yaml_text(text, "test.yaml").data
