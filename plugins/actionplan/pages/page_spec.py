"""What the site is made of: a page to render (`PageSpec`) or a file to write (`SiteFile`).

A leaf module: every module that makes pages imports it, and it imports none of them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from actionplan.same_inputs import SameInputs


class SiteFile:
    """A generated file that is not a page (a download, a feed, the published schema).

    Its bytes are made each time `content` is asked for and not kept: at county size the
    downloads are hundreds of megabytes, and holding them all is most of a build's memory.
    Whoever publishes the file asks once and writes the bytes out; `size` is known from then.

    `source`, when given, is the one model object (a plan, the changelog) the bytes are
    made from, with the site's settings and `inputs` (plain values, such as the ids of the
    pages a changelog links to): the very same object with equal settings and inputs gives
    the same bytes, so a process building the site again may write the bytes it kept from
    the last build (`bytes_kept_in`).
    """

    __slots__ = ("path", "_make", "_size", "source", "inputs")

    def __init__(self, path: str, content: bytes | Callable[[], bytes], source: object = None,
                 inputs: tuple = ()):
        self.path = path
        self._make = content if callable(content) else (lambda: content)
        self._size: int | None = None
        self.source = source
        self.inputs = inputs

    @property
    def content(self) -> bytes:
        data = self._make()
        self._size = len(data)
        return data

    def bytes_kept_in(self, kept: SameInputs[bytes], settings: object) -> bytes:
        """The content, from `kept` when this file's source is the last build's object."""
        if self.source is None:
            return self.content
        data = kept.get(self.path, self.source, (settings, self.inputs), lambda: self._make())
        self._size = len(data)
        return data

    @property
    def size(self) -> int:
        """The length in bytes (made once, if it was never asked for)."""
        if self._size is None:
            self._size = len(self.content)
        return self._size

    def __repr__(self) -> str:
        return f"SiteFile({self.path!r})"


@dataclass(frozen=True)
class PageSpec:
    src_uri: str
    title: str
    template: str
    kind: str
    context: dict[str, Any] = field(default_factory=dict, compare=False)
    description: str = ""
    in_nav: bool = False
    # The browser's and search's name for the page when the heading alone does not say whose
    # it is ("Action 47" of which plan); empty means the title.
    head_title: str = ""
    # Everything the body is made from, flat, when the context holds objects made afresh in
    # every build from unchanged parts (a listing's entries): model objects, matched by
    # identity, and plain values, by equality (same_inputs.same_parts). A process building
    # the site again keeps the last body while they match; None: it compares the context.
    inputs: tuple | None = field(default=None, compare=False, repr=False)
