"""libyaml's parser reads plan files as the pure-Python parser does, only faster."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest

from actionplan.load import yaml_source
from actionplan.problems import DataError
from tests.benchmarks.synthetic import PlanText, Shape, generate

ROOT = Path(__file__).resolve().parents[2]
PLAN_FILES = sorted((ROOT / "data" / "plans").glob("*.yaml")) + sorted(
    (ROOT / "tests" / "fixtures" / "data" / "plans").glob("*.yaml"))


def _reference(text: str):
    return yaml_source._parse_with(yaml_source.PlanLoader, text, "plan.yaml")


def _outcome(parse, text: str):
    try:
        document = parse(text)
    except DataError as error:
        return "error", [problem.format() for problem in error.problems]
    return "ok", document.data, document.value_marks, document.key_marks


def _fast(text: str):
    return yaml_source.parse_yaml_text(text, "plan.yaml")


def test_libyaml_is_used_for_plan_files(monkeypatch):
    assert yaml_source.CParser is not None, "PyYAML here was built without libyaml"
    used = []
    real = yaml_source._parse_with
    monkeypatch.setattr(yaml_source, "_parse_with",
                        lambda cls, text, name: used.append(cls) or real(cls, text, name))
    _fast(PLAN_FILES[0].read_text(encoding="utf-8"))
    assert used == [yaml_source._FastPlanLoader]


@pytest.mark.parametrize("path", PLAN_FILES, ids=lambda p: p.name)
def test_same_data_and_positions_as_the_reference_parser(path):
    text = path.read_text(encoding="utf-8")
    assert _outcome(_fast, text) == _outcome(_reference, text)


def test_same_on_a_large_plan_with_accents_and_long_lines():
    text = PlanText(generate(Shape(plans=1, actions=60, updates=3))[0]).text()
    text = text.replace("Equality", "Égalité – “quoted”").replace("carers", "carers 😀")
    assert _outcome(_fast, text) == _outcome(_reference, text)


def test_damaged_files_give_the_reference_data_or_the_reference_errors():
    rng = random.Random(4)
    texts = [path.read_text(encoding="utf-8") for path in PLAN_FILES]
    pieces = list(":-[]{}#&*!|>'\",?\n \r\u2028é😀\\") + ["  ", "- ", ": ", "---\n", "&a ", "*a"]
    for _ in range(400):
        text = rng.choice(texts)[: rng.randrange(200, 3000)]
        for _ in range(rng.randrange(1, 4)):
            at = rng.randrange(len(text))
            text = text[:at] + rng.choice(pieces) + text[at + rng.randrange(0, 3):]
        fast, reference = _outcome(_fast, text), _outcome(_reference, text)
        if reference[0] == "ok":
            assert fast[:2] == reference[:2], text
        if fast[0] == "error":
            assert fast == reference, text


def test_a_tab_inside_a_value_is_still_reported():
    # libyaml would accept it; officers keep the message they had.
    text = "schema_version: 1\nplan:\n  id: x\n  title: a\tb\n"
    outcome = _outcome(_fast, text)
    assert outcome == _outcome(_reference, text) and outcome[0] == "error"
    assert "tab" in outcome[1][0]


def test_without_libyaml_the_history_reader_still_imports():
    # PyYAML built without libyaml: the fast path is off, and its module must still import
    # (a stand-in base class; `object` first among the bases gives no consistent MRO).
    script = ("import yaml\nyaml.__with_libyaml__ = False\n"
              "from actionplan.history import fast_yaml, incremental_read, reader\n"
              "assert not fast_yaml.AVAILABLE\n")
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=False)
    assert run.returncode == 0, run.stderr
