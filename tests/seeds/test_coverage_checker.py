"""The coverage check itself can fail: a dropped or changed word is caught."""

from __future__ import annotations

from pathlib import Path

import yaml

from .coverage_check import check_coverage

SEED = "No\tAction\tLead\n1\tReview the <b>equality</b> data &amp; report\tHR Manager\n"


def run(tmp_path: Path, data: dict, allow=None, debris=None):
    (tmp_path / "seed.txt").write_text(SEED, encoding="utf-8")
    (tmp_path / "data.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    config = {"seed": "seed.txt", "data": "data.yaml", "debris": debris or [],
              "allow": allow or []}
    (tmp_path / "c.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return check_coverage(tmp_path / "c.yaml", tmp_path)


FULL = {"labels": ["No", "Action", "Lead"], "number": "1",
        "title": "Review the **equality** data & report", "leads": ["HR Manager"]}


def test_complete_transcription_passes(tmp_path):
    assert run(tmp_path, FULL).missing == []


def test_a_dropped_word_fails(tmp_path):
    data = {**FULL, "title": "Review the data & report"}
    assert [m[1] for m in run(tmp_path, data).missing] == [
        "Review the <b>equality</b> data &amp; report"]


def test_text_only_in_notes_does_not_count(tmp_path):
    data = {**FULL, "leads": [], "notes": [{"text": "HR Manager"}]}
    assert [m[1] for m in run(tmp_path, data).missing] == ["HR Manager"]


def test_allowed_fragment_pieces_are_still_checked(tmp_path):
    data = {**FULL, "leads": ["HR"]}
    allow = [{"fragment": "HR Manager", "why": "test", "split_at": ["Manager"]}]
    assert [m[1] for m in run(tmp_path, data, allow).missing] == [
        "Manager (piece of an allowed fragment)"]


def test_unused_allowance_is_reported(tmp_path):
    allow = [{"fragment": "Not in the seed", "why": "stale"}]
    assert run(tmp_path, FULL, allow).unused_allowances == ["Not in the seed"]
