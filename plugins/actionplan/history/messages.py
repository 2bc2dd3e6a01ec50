"""What a commit message says about a change: its reason, its type, the commit it undoes.

Officers write `Change-reason:` trailers; publishing tools write messages of their own:

- `git merge`: "Merge branch 'edits'" (no reason: the branch commits carry theirs);
- GitHub: "Merge pull request #12 from org/branch", then the pull request's title and body;
- GitLab: "Merge branch 'edits' into 'main'", the title, the body, "See merge request ...";
- a squash merge: the pull request's title, then each squashed commit's message in the body,
  so their `Change-reason:` lines end up inside the body rather than in its last paragraph;
- `git revert`: "This reverts commit <hash>."
"""

from __future__ import annotations

import re
from typing import NamedTuple

REASON_KEY = "Change-reason"
TYPE_KEY = "Change-type"
CHANGE_TYPES = ("correction",)

# A trailer line anywhere in the body; a squash merge may put "* " before it.
_LINE = r"^[ \t]*(?:[*-][ \t]+)?{key}[ \t]*:[ \t]*(?P<value>.*)$"
_REVERTS = re.compile(r"This reverts commit ([0-9a-f]{7,40})")
_GITHUB_MERGE = re.compile(r"^Merge pull request #\d+ from \S+")
_GITLAB_MERGE = re.compile(r"^Merge branch '[^']+' into '[^']+'")
# Lines publishing tools add that are not part of what the request says.
_TOOL_LINE = re.compile(r"^(See merge request \S+|[A-Za-z-]+-by: .*|Co-authored-by: .*)$")


class MessageFacts(NamedTuple):
    reason: str | None
    change_type: str | None
    undoes: str | None


def message_facts(body: str, trailer_reasons: list[str], is_merge: bool) -> MessageFacts:
    """The reason, change type and reverted commit a commit message gives (None: not given).

    `trailer_reasons` are the `Change-reason:` trailers git found in the last paragraph
    (folded lines unfolded); when there are none, such lines anywhere in the body count (a
    squash merge), then the pull request's title and body (a GitHub or GitLab merge).
    """
    reasons = [r.strip() for r in trailer_reasons if r.strip()] or body_values(body, REASON_KEY)
    if not reasons and is_merge:
        reasons = [r for r in [request_text(body)] if r]
    kinds = [v.lower() for v in body_values(body, TYPE_KEY)]
    kind = next((k for k in kinds if k in CHANGE_TYPES), None)
    undone = _REVERTS.search(body)
    return MessageFacts("; ".join(reasons) or None, kind, undone.group(1) if undone else None)


def body_values(body: str, key: str) -> list[str]:
    """The values of `key:` lines anywhere in the body, continuation lines joined."""
    pattern = re.compile(_LINE.format(key=re.escape(key)), re.IGNORECASE)
    values: list[str] = []
    lines = body.splitlines()
    for index, line in enumerate(lines):
        found = pattern.match(line)
        if not found:
            continue
        parts = [found.group("value").strip()]
        for more in lines[index + 1:]:
            if not more[:1].isspace() or not more.strip():
                break
            parts.append(more.strip())
        value = " ".join(p for p in parts if p)
        if value:
            values.append(value)
    return values


def request_text(body: str) -> str | None:
    """A GitHub or GitLab merge message's pull request title and body, or None."""
    lines = body.strip().splitlines()
    if not lines or not (_GITHUB_MERGE.match(lines[0]) or _GITLAB_MERGE.match(lines[0])):
        return None
    kept = [line.rstrip() for line in lines[1:] if not _TOOL_LINE.match(line.strip())]
    paragraphs = [" ".join(p.split("\n")).strip() for p in "\n".join(kept).split("\n\n")]
    return "\n\n".join(p for p in paragraphs if p) or None
