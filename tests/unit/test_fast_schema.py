"""The schema shortcut says "valid" only when jsonschema agrees, and does say it for real plans."""

from __future__ import annotations

import copy
import random
from pathlib import Path

import pytest

from actionplan.load.yaml_source import read_yaml_file
from actionplan.validate import schema_check
from actionplan.validate.fast_schema import compile_shortcut, vetted

ROOT = Path(__file__).resolve().parents[2]
PLAN_FILES = sorted((ROOT / "data" / "plans").glob("*.yaml")) + [
    ROOT / "tests" / "fixtures" / "data" / "plans" / "mini.yaml"]
ODD_VALUES = [True, False, 0, 1, 1.0, 1.5, -1, "", " ", None, [], {}, ["a"], {"a": 1}, "1",
              "x" * 100, "Bad Id!", "2018-02-30", "2018-13-01", "2018-04-30", "in progres",
              "completed", {"code": "completed", "extra": 1}, {"text": "t"}, "other:x_y"]


def shortcut(data) -> bool:
    return schema_check._certainly_valid()(data)


def jsonschema_errors(data) -> list:
    return list(schema_check.plan_validator().iter_errors(data))


@pytest.mark.parametrize("path", PLAN_FILES, ids=lambda p: p.name)
def test_real_plans_take_the_shortcut(path):
    assert shortcut(read_yaml_file(path).data)


def _paths(value, path=()):
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, path + (index,))


def _damage(data, rng: random.Random):
    data = copy.deepcopy(data)
    path = rng.choice(list(_paths(data))[1:])
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    action = rng.random()
    if action < 0.7:
        parent[path[-1]] = copy.deepcopy(rng.choice(ODD_VALUES))
    elif action < 0.85 and isinstance(parent, dict):
        del parent[path[-1]]
    elif isinstance(parent[path[-1]], dict):
        parent[path[-1]][rng.choice(["notes", "extra", "id", "text", "status"])] = \
            copy.deepcopy(rng.choice(ODD_VALUES))
    return data


def _sample(data: dict) -> dict:
    # The plan's header and a few actions: every kind of field, small enough to check often.
    data = copy.deepcopy(data)
    data["groups"] = data["groups"][:2]
    for group in data["groups"]:
        group["actions"] = group.get("actions", [])[:3]
    return data


def test_never_says_valid_when_jsonschema_finds_a_problem():
    rng = random.Random(3)
    documents = [_sample(read_yaml_file(path).data) for path in PLAN_FILES]
    assert all(shortcut(document) for document in documents)
    outcomes = {True: 0, False: 0}
    for _ in range(600):
        damaged = _damage(rng.choice(documents), rng)
        sure = shortcut(damaged)
        if sure:
            assert jsonschema_errors(damaged) == [], damaged
        outcomes[sure] += 1
    assert outcomes[True] > 40 and outcomes[False] > 200  # both answers were exercised


@pytest.mark.parametrize("path,value", [
    (("schema_version",), True),                      # Python's True == 1
    (("schema_version",), 1.5),
    (("groups", 0, "groups", 0, "actions", 0, "withdrawn"), {"date": "2021-02-30",
                                                             "reason": "Dropped"}),
    (("groups", 0, "groups", 0, "actions", 0, "progress", 0, "status"), "in progres"),
    (("plan", "id"), "Mini Plan"),
])
def test_values_only_jsonschema_words_are_not_vouched_for(path, value):
    data = copy.deepcopy(read_yaml_file(PLAN_FILES[-1]).data)
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = value
    assert not shortcut(data)
    assert jsonschema_errors(data)


@pytest.mark.parametrize("schema", [
    {"type": "array", "uniqueItems": True},                      # a keyword not vetted here
    {"$ref": "#/$defs/a", "maxLength": 3, "$defs": {"a": {}}},   # ignored beside $ref
    {"type": "array", "items": [{"type": "string"}]},           # draft-07 tuple form
    {"type": "object", "additionalProperties": {"unevaluatedProperties": False}},
    {"type": "string", "format": "email"},                       # a format not vetted here
])
def test_a_schema_it_cannot_vouch_for_turns_the_shortcut_off(schema):
    assert not vetted(schema)
    assert compile_shortcut(schema, schema_check.plan_validator().FORMAT_CHECKER)("x") is False


def test_the_plan_schema_is_vetted():
    assert vetted(schema_check.load_schema())


def test_compiling_the_shortcut_leaves_the_schema_as_it_was():
    # fastjsonschema rewrites "$ref"s in place; the schema is shared (messages, reference page).
    schema = copy.deepcopy(schema_check.load_schema())
    kept = copy.deepcopy(schema)
    compile_shortcut(schema, schema_check.plan_validator().FORMAT_CHECKER)({})
    assert schema == kept
    schema_check._certainly_valid()({})
    assert schema_check.load_schema() == kept
