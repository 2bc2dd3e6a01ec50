"""Names that tell plans apart: a short name that includes the organisation, and menu labels.

A leaf module (it imports nothing from the model), so `model.entities` can use it.

Two councils can both publish an "Equality Strategy Action Plan": wherever a plan is named out
of its own page (page titles, breadcrumbs, search results, the menu) the name says whose it is.
"""

from __future__ import annotations

import re

MENU_LABEL_LIMIT = 80
CUT_MARK = "…"

# Words that say what kind of body an organisation is, not which one: "Royal Borough of
# Kingston upon Thames" is recognised in a title by "Kingston".
_KIND_WORDS = frozenset({
    "the", "of", "and", "royal", "london", "borough", "city", "county", "district",
    "metropolitan", "council", "councils", "unitary", "authority", "combined", "greater",
})


def distinctive_word(organisation: str) -> str | None:
    """The first word of the name that is not a kind of body ("Kingston", "Merton")."""
    for word in re.findall(r"[\w'’-]+", organisation):
        if word.lower() not in _KIND_WORDS:
            return word
    return None


def names_organisation(text: str, organisation: str) -> bool:
    """Whether `text` already names the organisation: its whole name, or its distinctive word
    as a whole word ("Charnwood 2016-2018" names Charnwood Borough Council)."""
    if organisation.casefold() in text.casefold():
        return True
    word = distinctive_word(organisation)
    if word is None:
        return False
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.I) is not None


def plan_name(title: str, short_title: str | None, organisation: str | None) -> str:
    """The plan's short name: its short title (or title), after the organisation's name when
    that does not already say it ("Merton: Equality Strategy Action Plan")."""
    base = short_title or title
    if organisation and not names_organisation(base, organisation):
        return f"{organisation}: {base}"
    return base


def menu_label(text: str, limit: int = MENU_LABEL_LIMIT) -> str:
    """`text` if it fits in `limit` characters, else cut at a word boundary and ended in "…"
    (the full text is on the page the label leads to)."""
    if len(text) <= limit:
        return text
    head = text[:limit - len(CUT_MARK)]
    if not text[len(head)].isspace() and re.search(r"\s", head):
        head = head.rsplit(None, 1)[0]  # the last word is cut: leave it out
    return head.rstrip(",;:–—- ") + CUT_MARK
