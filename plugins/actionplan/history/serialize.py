"""History as plain JSON data: entries for `changelog.json`; the cache's compact form, both ways."""

from __future__ import annotations

from datetime import datetime
from itertools import repeat
from operator import itemgetter

from actionplan.history.model import ChangeEntry, History, HistoryNote, Revision

_ENTRY_FIELDS = [name for name in ChangeEntry._fields if name != "revision"]


def revision_to_data(revision: Revision) -> dict:
    return {"commit": revision.commit, "date": revision.date.isoformat(),
            "reason": revision.reason, "change_type": revision.change_type,
            "undoes": revision.undoes, "published_in": revision.published_in}


def entry_to_data(entry: ChangeEntry) -> dict:
    return {"revision": revision_to_data(entry.revision),
            **{name: getattr(entry, name) for name in _ENTRY_FIELDS}}


def note_to_data(note: HistoryNote) -> dict:
    return {"revision": revision_to_data(note.revision), "file": note.file,
            "message": note.message,
            "readable_again": revision_to_data(note.fixed) if note.fixed else None}


def history_to_rows(history: History) -> dict:
    """A compact form for the cache: each revision and each distinct text once, and the
    entries as columns of numbers.

    A county's history repeats plan titles, action titles and kinds of change across
    100,000 entries. Stored once each, the cache is less than half the size, and reading it
    back makes each text once and each entry in one step (`history_from_rows`).
    """
    revisions = list(dict.fromkeys([*history.revisions, *(e.revision for e in history.entries),
                                    *(n.revision for n in history.notes),
                                    *(n.fixed for n in history.notes if n.fixed)]))
    number = {revision: index for index, revision in enumerate(revisions)}
    texts: dict[str | None, int] = {None: 0}
    columns = [[number[e.revision] for e in history.entries]]
    for name in _ENTRY_FIELDS:
        columns.append([texts.setdefault(getattr(e, name), len(texts))
                        for e in history.entries])
    return {"revisions": [[r.commit, r.date.isoformat(), r.reason, r.change_type, r.undoes,
                           r.published_in] for r in revisions],
            "listed": [number[r] for r in history.revisions],
            "texts": list(texts), "columns": columns,
            "notes": [[number[n.revision], n.file, n.message, n.blob, n.before,
                       number[n.fixed] if n.fixed else None] for n in history.notes]}


def history_from_rows(data: dict) -> History:
    revisions = [Revision(commit, datetime.fromisoformat(date), *rest)
                 for commit, date, *rest in data["revisions"]]
    texts = data["texts"]
    first, *rest = data["columns"]
    if len(rest) != len(_ENTRY_FIELDS):
        raise ValueError("the cache's entries have other fields than this code's")
    columns = [_pick(revisions, first)] + [_pick(texts, column) for column in rest]
    # Each row is a whole entry, in field order: made as the tuple it is, with no Python
    # call per entry (ChangeEntry._make's check is the field count above and strict zip).
    rows = zip(*columns, strict=True)
    return History(entries=tuple(map(tuple.__new__, repeat(ChangeEntry), rows)),
                   notes=tuple([HistoryNote(revisions[row[0]], row[1], row[2], row[3], row[4],
                                            revisions[row[5]] if row[5] is not None else None)
                                for row in data["notes"]]),
                   revisions=tuple([revisions[index] for index in data["listed"]]))


def _pick(values: list, numbers: list[int]) -> tuple:
    """values[n] for each n: itemgetter does it in C (but gives a bare value for one n)."""
    if len(numbers) < 2:
        return tuple(values[n] for n in numbers)
    return itemgetter(*numbers)(values)
