"""The YAML reader: safe, strict about duplicates, and every failure a positioned problem."""

from __future__ import annotations

import pytest

from actionplan.load.yaml_source import read_yaml_file
from actionplan.problems import DataError


def problems_for(write_plan, text="", raw=None):
    with pytest.raises(DataError) as caught:
        read_yaml_file(write_plan(text, raw=raw), "data/plans/plan.yaml")
    return caught.value.problems


def test_positions_are_kept_for_keys_and_values(write_plan):
    doc = read_yaml_file(write_plan("a: 1\nb:\n  - x\n  - {c: d}\n"), "f.yaml")
    assert doc.position(("a",)) == (1, 4)
    assert doc.position(("b", 1, "c")) == (4, 9)
    assert doc.position(("b",), prefer_key=True) == (2, 1)


def test_dates_and_yes_no_stay_text(write_plan):
    doc = read_yaml_file(write_plan("d: 2018-01-01\nt: No\nu: yes\nb: true\n"), "f.yaml")
    assert doc.data == {"d": "2018-01-01", "t": "No", "u": "yes", "b": True}


def test_duplicate_key_names_both_lines(write_plan):
    [p] = problems_for(write_plan, "title: a\nother: b\ntitle: c\n")
    assert (p.line, p.column) == (3, 1)
    assert 'the key "title" appears twice' in p.what and "first on line 1" in p.what
    assert "delete or merge the duplicate" in p.fix


def test_tab_indentation(write_plan):
    [p] = problems_for(write_plan, "plan:\n\tid: x\n")
    assert p.line == 2 and "tab character" in p.what and "spaces" in p.fix


def test_python_tags_are_refused(write_plan):
    [p] = problems_for(write_plan, "x: !!python/object/apply:os.system ['echo hacked']\n")
    assert p.line == 1 and "is not allowed" in p.what


def test_alias_bomb_is_refused_at_the_first_alias(write_plan):
    bomb = 'a: &a ["lol", "lol"]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]\n'
    [p] = problems_for(write_plan, bomb)
    assert (p.line, p.column) == (2, 8) and "alias" in p.what


def test_empty_file(write_plan):
    [p] = problems_for(write_plan, "# only a comment\n")
    assert "the file is empty" in p.what and "new-plan" in p.fix


def test_byte_order_mark_is_accepted(write_plan):
    path = write_plan("", raw="\ufeffa: 1\n".encode("utf-8"))
    assert read_yaml_file(path).data == {"a": 1}


def test_windows_line_endings(write_plan):
    path = write_plan("", raw=b"a: 1\r\nb:\r\n  - x\r\n")
    doc = read_yaml_file(path)
    assert doc.data == {"a": 1, "b": ["x"]} and doc.position(("b", 0)) == (3, 5)


def test_non_utf8_bytes_point_at_the_byte(write_plan):
    [p] = problems_for(write_plan, raw=b"a: 1\nb: caf\xe9\n")
    assert (p.line, p.column) == (2, 7) and "not UTF-8" in p.what and "UTF-8" in p.fix


def test_deep_nesting(write_plan):
    [p] = problems_for(write_plan, "a: " + "[" * 5000 + "]" * 5000 + "\n")
    assert "nested more than" in p.what


def test_huge_file(write_plan):
    [p] = problems_for(write_plan, raw=b"a: " + b"x" * (6 * 1024 * 1024))
    assert "MB limit" in p.what


def test_syntax_error_has_line_and_plain_words(write_plan):
    [p] = problems_for(write_plan, "plan:\n  title: Equality: a plan: 2018\n")
    assert p.line == 2 and "YAML syntax" in p.what and "double quotes" in p.fix
    assert p.format().startswith("data/plans/plan.yaml:2:")
