"""History text made safe for XML: commit messages are not checked like plan files are.

A `Change-reason:` trailer (or text from an old revision) can hold a character XML 1.0
forbids, such as U+000B pasted from Word: one in a feed makes the whole feed unreadable. Git
history cannot be corrected, so such characters are removed, and each commit that had one is
named so that the publisher knows.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from actionplan.history.model import ChangeEntry, History, Revision
from actionplan.text_safety import NOT_IN_XML, without_xml_unsafe, xml_unsafe


def xml_clean_history(history: History) -> tuple[History, list[str]]:
    """`history` with every character XML forbids removed, and a message per commit changed."""
    revisions = {r.commit: _clean_revision(r) for r in history.revisions}
    changed = {commit for commit, r in revisions.items() if r is not None}
    entries, touched = [], set()
    for entry in history.entries:
        clean = _clean_entry(entry, revisions.get(entry.commit))
        if clean is not entry:
            touched.add(entry.commit)
        entries.append(clean)
    if not changed and not touched:
        return history, []
    messages = [_message(r) for r in history.revisions if r.commit in changed | touched]
    cleaned = dataclasses.replace(
        history, entries=tuple(entries), _by_subject={}, _made={},
        revisions=tuple(revisions.get(r.commit) or r for r in history.revisions))
    return cleaned, messages


def _clean_revision(revision: Revision) -> Revision | None:
    if revision.reason is None or not NOT_IN_XML.search(revision.reason):
        return None
    return dataclasses.replace(revision, reason=without_xml_unsafe(revision.reason))


def _clean_entry(entry: ChangeEntry, revision: Revision | None) -> ChangeEntry:
    texts = [value for value in entry if isinstance(value, str)]
    if revision is None and not NOT_IN_XML.search("\n".join(texts)):
        return entry  # nearly every entry: one search of its texts together (a newline is fine)
    # Any: texts, and the revision, each the type of its own field.
    fields: dict[str, Any] = {name: without_xml_unsafe(value) for name, value in entry._asdict().items()
              if isinstance(value, str) and NOT_IN_XML.search(value)}
    if revision is not None:
        fields["revision"] = revision
    return entry._replace(**fields) if fields else entry


def _message(revision: Revision) -> str:
    found = xml_unsafe(revision.reason or "")
    what = f" ({', '.join(found)})" if found else ""
    return (f"commit {revision.short}: an invisible control character{what} in its "
            "Change-reason or changed text was removed from the changelog pages, feeds and "
            "changelog.json (XML does not allow it)")
