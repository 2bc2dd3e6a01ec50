"""The changelog: what changed in the plan data, when and why, read from git.

Nothing here imports MkDocs. `read_history` gives the one `History` model that the
changelog pages, the "Changes to this action" sections, the feeds and changelog.json use.
"""

from actionplan.history.cache import HistoryCache
from actionplan.history.model import ChangeEntry, History, HistoryNote, Revision
from actionplan.history.reader import HistoryUnavailable, read_history, read_ignore_revs
from actionplan.history.read_in_worker import HistoryReading

__all__ = ["ChangeEntry", "History", "HistoryCache", "HistoryNote", "HistoryReading",
           "HistoryUnavailable", "Revision", "read_history", "read_ignore_revs"]
