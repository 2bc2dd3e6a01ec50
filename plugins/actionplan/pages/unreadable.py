"""Revisions whose data could not be read, told to residents in a plain sentence.

The technical detail (file, line, what was wrong) is for whoever maintains the data: it goes
to the build log and to changelog.json. Residents need to know only that for a while the
published data could not be read, and when the changes made meanwhile were published.
"""

from __future__ import annotations

from datetime import datetime

from actionplan.history import HistoryNote

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def unreadable_sentences(notes: list[HistoryNote] | tuple[HistoryNote, ...],
                         names: dict[str, str] | None = None) -> list[str]:
    """One sentence for each run of unreadable versions of a file, oldest first; `names`
    (file -> plan title) prefixes the plan's name, for the site-wide changelog."""
    runs: dict[tuple, list[HistoryNote]] = {}
    for note in notes:
        if note.blob is None:
            continue  # not a file that failed to read (a plan id used twice, say)
        runs.setdefault((note.file, note.fixed.commit if note.fixed else None), []).append(note)
    sentences = []
    for run in runs.values():
        start, fixed = run[0].revision.date, run[-1].fixed
        prefix = f"{names[run[0].file]}: t" if names and run[0].file in names else "T"
        if fixed is None:
            sentences.append(f"{prefix}he published data could not be read from "
                             f"{_day(start)}; the last version that could be read is still "
                             "shown.")
        elif fixed.date.date() == start.date():
            sentences.append(f"{prefix}he published data could not be read for part of "
                             f"{_day(start)}; the changes made then were published later "
                             "that day.")
        else:
            sentences.append(f"{prefix}he published data could not be read between "
                             f"{_span(start, fixed.date)}; the changes made in that time were "
                             f"published on {_day(fixed.date)}.")
    return sentences


def _day(moment: datetime) -> str:
    return f"{moment.day} {MONTHS[moment.month - 1]} {moment.year}"


def _span(start: datetime, end: datetime) -> str:
    """ "3 and 5 May 2026", "30 April and 2 May 2026", "30 December 2025 and 2 January 2026"."""
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day} and {_day(end)}"
    if start.year == end.year:
        return f"{start.day} {MONTHS[start.month - 1]} and {_day(end)}"
    return f"{_day(start)} and {_day(end)}"
