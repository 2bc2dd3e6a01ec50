"""Characters XML forbids, taken out of the history wherever they are."""

from __future__ import annotations

from datetime import datetime, UTC

from actionplan.history.model import ChangeEntry, History, Revision
from actionplan.history.xml_clean import xml_clean_history

CLEAN = Revision("a" * 40, datetime(2024, 1, 2, tzinfo=UTC), reason="Plain reason")


def _entry(revision: Revision = CLEAN, **texts) -> ChangeEntry:
    fields = dict(plan_id="p", plan_title="Plan", subject_kind="action", subject_id="1",
                  subject_label="Action 1", change="changed", sentence="Action 1 changed.")
    return ChangeEntry(revision, **{**fields, **texts})


def test_an_entry_without_forbidden_characters_is_kept_as_it_is():
    entry = _entry(before="old\ttext\nover lines", after="new")
    history = History(entries=(entry,), revisions=(CLEAN,))
    cleaned, messages = xml_clean_history(history)
    assert cleaned is history and messages == []


def test_a_forbidden_character_in_any_text_of_an_entry_is_removed_and_named():
    for field in ("after", "before", "detail", "subject_title", "sentence", "plan_title"):
        entry = _entry(**{field: "Asked by the\x0bforum"})
        cleaned, messages = xml_clean_history(History(entries=(entry,), revisions=(CLEAN,)))
        assert getattr(cleaned.entries[0], field) == "Asked by theforum", field
        assert len(messages) == 1 and "U+000B" not in messages[0]  # the reason itself is clean
        assert "commit aaaaaaa" in messages[0]


def test_a_forbidden_character_in_a_reason_is_removed_from_every_entry_of_its_commit():
    dirty = Revision("b" * 40, datetime(2024, 1, 3, tzinfo=UTC), reason="A\x0bB")
    cleaned, messages = xml_clean_history(History(entries=(_entry(dirty),), revisions=(dirty,)))
    assert cleaned.revisions[0].reason == "AB"
    assert cleaned.entries[0].revision.reason == "AB"
    assert messages == [m for m in messages if "U+000B" in m] and len(messages) == 1
