"""Plan file contents for one pass over the commits, streamed from git in the order of use.

The reader takes the blob of every changed plan file, commit by commit. Blobs are asked of
one `git cat-file --batch` in the order of their first use, so each arrives just when it is
needed; a blob used again later (a file renamed, an edit undone) is kept until its last use.
At most a few blobs are held at a time, however long the history.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Set as AbstractSet
from pathlib import Path

from actionplan.history.gitlog import read_blobs, stream_blobs


class BlobSupply:
    """Contents of `uses` (blob hashes, in order of use, repeats included) for one pass."""

    def __init__(self, root: Path, uses: list[str], skip: AbstractSet[str] = frozenset()):
        """`skip`: blobs not to read ahead (their parsed version is remembered)."""
        self.root = root
        self.left = Counter(uses)
        order = [blob for blob in dict.fromkeys(uses) if blob not in skip]
        self.coming = set(order)
        self.kept: dict[str, bytes | None] = {}
        self.stream = stream_blobs(root, order)  # closed on exit: git stops if not done

    def __enter__(self) -> BlobSupply:
        return self

    def __exit__(self, *exc) -> None:
        self.stream.close()

    def take(self, blob: str) -> None:
        """Record one use of `blob`, in order; call for every use, needed or not."""
        self.left[blob] -= 1
        if blob in self.coming:
            self.coming.discard(blob)
            found, raw = next(self.stream)
            if found != blob:
                raise RuntimeError(f"git sent blob {found} where {blob} was expected")
            self.kept[blob] = raw

    def content(self, blob: str) -> bytes | None:
        """The content of the blob just taken (None: not in this clone)."""
        if blob not in self.kept:  # not read ahead: its parsed version was remembered
            self.kept[blob] = read_blobs(self.root, [blob]).get(blob)
        return self.kept[blob]

    def done_with(self, blob: str) -> None:
        """Forget the content once no later use needs it."""
        if self.left[blob] <= 0:
            self.kept.pop(blob, None)
