"""Word-level comparison of two texts: what a rewording kept, took out and put in.

A changelog that shows only "Before" and "After" makes a resident compare two paragraphs by
eye, and text moved from one place to another (a progress note split into items per
activity) reads as deleted. Comparing words shows what really changed.
"""

from __future__ import annotations

import re
from collections import Counter
from difflib import SequenceMatcher

# Words, and runs of punctuation, each with the spaces after it, so the pieces join back
# into the text and "teams;" becoming "teams." changes only the punctuation.
_WORDS = re.compile(r"\w+\s*|[^\w\s]+\s*|\s+")
_SAME, _OUT, _IN = "same", "removed", "added"


# Past this many words a side, the comparison (quadratic at worst) is not worth a page's
# build time: the texts are shown whole instead.
WORD_LIMIT = 4000


def word_diff(before: str, after: str) -> list[tuple[str, str]] | None:
    """(kind, text) pieces in reading order: kind is "same", "removed" or "added"; None for
    texts too long to compare word by word."""
    old, new = _WORDS.findall(before), _WORDS.findall(after)
    if max(len(old), len(new)) > WORD_LIMIT:
        return None
    matcher = SequenceMatcher(None, [w.strip() for w in old], [w.strip() for w in new],
                              autojunk=False)
    pieces: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            _append(pieces, _SAME, "".join(new[j1:j2]))
            continue
        if i1 < i2:
            _append(pieces, _OUT, "".join(old[i1:i2]))
        if j1 < j2:
            _append(pieces, _IN, "".join(new[j1:j2]))
    return pieces


def _append(pieces: list[tuple[str, str]], kind: str, text: str) -> None:
    if pieces and pieces[-1][0] == kind:
        pieces[-1] = (kind, pieces[-1][1] + text)
    elif text:
        pieces.append((kind, text))


def share_moved(removed: str, before: str | None, after: str | None) -> float:
    """How much of `removed` (0 to 1, by words) is among the words another text gained
    from `before` to `after`: 1 when all of it moved there."""
    gone = Counter(_words(removed))
    if not gone:
        return 0.0
    gained = Counter(_words(after or "")) - Counter(_words(before or ""))
    return sum((gone & gained).values()) / sum(gone.values())


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())
