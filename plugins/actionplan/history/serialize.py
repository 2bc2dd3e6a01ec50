"""History as plain data: entries for `changelog.json`; the cache's compact form, both ways."""

from __future__ import annotations

import operator
from array import array
from collections.abc import Iterable
from datetime import datetime
from itertools import chain, compress, repeat
from operator import itemgetter
from typing import NamedTuple

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


class CompactHistory(NamedTuple):
    """A history in the cache's compact form (`history_to_rows`).

    `data` is plain JSON data; `text` holds each distinct text once, each followed by the
    character `data["text_end"]`; `numbers` are arrays of unsigned 32-bit numbers, which
    `data` names by their place in the list.
    """

    data: dict
    text: str
    numbers: list[array]


# The array type of unsigned 32-bit numbers ("I" on every common platform).
NUMBER_TYPE = "I" if array("I").itemsize == 4 else "L"


def history_to_rows(history: History) -> CompactHistory:
    """A compact form for the cache: each revision and each distinct text once, and the
    entries as columns of numbers, stored as binary arrays.

    A county's history repeats plan titles, kinds of change and reasons across 100,000
    entries. Each distinct text is stored once and each column as a binary array (a column
    that repeats one value entry after entry, such as the revision, the plan or the reason,
    as runs), so reading the cache back parses no digits, and makes each text once and each
    entry in one step (`history_from_rows`).
    """
    revisions = list(dict.fromkeys([*history.revisions, *(e.revision for e in history.entries),
                                    *(n.revision for n in history.notes),
                                    *(n.fixed for n in history.notes if n.fixed)]))
    number = {revision: index for index, revision in enumerate(revisions)}
    revision_column, *fields = list(zip(*history.entries)) or [()] * len(ChangeEntry._fields)
    # None is 0; then the texts of the fields with fewest distinct values (kinds of change,
    # statuses), whose numbers stay below 256: Python keeps those numbers ready-made, so
    # reading them back makes no object for them.
    distinct = dict.fromkeys(chain([None], *sorted(map(dict.fromkeys, fields), key=len)))
    text_number = {text: index for index, text in enumerate(distinct)}
    numbers: list[array] = []
    columns = [_column(list(map(number.__getitem__, revision_column)), numbers)]
    columns += [_column(list(map(text_number.__getitem__, values)), numbers) for values in fields]
    written = list(distinct)[1:]
    # Each text is followed by a character none of them holds (NUL, but for a text with one).
    joined = "".join(written)
    end = next(character for character in map(chr, range(0x110000))
               if character not in joined)
    data = {"revisions": [[r.commit, r.date.isoformat(), r.reason, r.change_type, r.undoes,
                           r.published_in] for r in revisions],
            "listed": [number[r] for r in history.revisions],
            "entries": len(history.entries), "columns": columns,
            "texts": len(written), "text_end": end,
            "notes": [[number[n.revision], n.file, n.message, n.blob, n.before,
                       number[n.fixed] if n.fixed else None] for n in history.notes]}
    return CompactHistory(data, end.join([*written, ""]), numbers)


def _column(values: list[int], numbers: list[array]) -> list:
    """["runs", a, b]: the values of each run of equal values (array a) and how long each
    run is (array b), when that is shorter; else ["all", a]: every value."""
    runs = 1 + sum(map(operator.ne, values, values[1:])) if values else 0
    if runs * 2 >= len(values):
        numbers.append(array(NUMBER_TYPE, values))
        return ["all", len(numbers) - 1]
    starts = [0, *compress(range(1, len(values)), map(operator.ne, values[1:], values))]
    numbers.append(array(NUMBER_TYPE, [values[n] for n in starts]))
    numbers.append(array(NUMBER_TYPE, map(operator.sub, starts[1:] + [len(values)], starts)))
    return ["runs", len(numbers) - 2, len(numbers) - 1]


def history_from_rows(compact: CompactHistory) -> History:
    """The history `history_to_rows` gave this form of. Raises ValueError, IndexError,
    KeyError or TypeError when the parts do not fit together."""
    data, numbers = compact.data, compact.numbers
    revisions = [Revision(commit, datetime.fromisoformat(date), *rest)
                 for commit, date, *rest in data["revisions"]]
    texts = _texts(compact.text, data["text_end"], data["texts"])
    first, *rest = data["columns"]
    if len(rest) != len(_ENTRY_FIELDS):
        raise ValueError("the cache's entries have other fields than this code's")
    count = data["entries"]
    columns = [_unpack(revisions, first, numbers, count)] + [
        _unpack(texts, column, numbers, count) for column in rest]
    # Each row is a whole entry, in field order: made as the tuple it is, with no Python
    # call per entry (ChangeEntry._make's check is the field count above and strict zip).
    rows = zip(*columns, strict=True)
    return History(entries=tuple(map(tuple.__new__, repeat(ChangeEntry), rows)),
                   notes=tuple([HistoryNote(revisions[row[0]], row[1], row[2], row[3], row[4],
                                            revisions[row[5]] if row[5] is not None else None)
                                for row in data["notes"]]),
                   revisions=tuple([revisions[index] for index in data["listed"]]))


def _texts(text: str, end: str, count: int) -> list[str | None]:
    """None, then the `count` texts each followed by `end` in `text` (split in C)."""
    texts: list[str | None] = list(text.split(end))
    if len(end) != 1 or len(texts) != count + 1 or texts.pop():
        raise ValueError("the cache's texts are not as many as it says")
    texts.insert(0, None)
    return texts


def _unpack(values: list, column: list, numbers: list[array], count: int) -> Iterable:
    """values[n] for each number n of a column (`_column`), `count` of them: a number out of
    range raises IndexError (the arrays are unsigned, so none is negative)."""
    if column[0] == "all" and len(column) == 2 and len(numbers[column[1]]) == count:
        return _pick(values, numbers[column[1]])
    if column[0] == "runs" and len(column) == 3:
        run_values, run_lengths = numbers[column[1]], numbers[column[2]]
        # Checked before anything is repeated: a damaged length could ask for billions.
        if len(run_values) == len(run_lengths) and sum(run_lengths) == count:
            return chain.from_iterable(map(repeat, _pick(values, run_values), run_lengths))
    raise ValueError("the cache's columns do not fit together")


def _pick(values: list, numbers) -> tuple:
    """values[n] for each n: itemgetter does it in C (but gives a bare value for one n)."""
    if len(numbers) < 2:
        return tuple(values[n] for n in numbers)
    return itemgetter(*numbers)(values)
