"""The one list of accessibility failures that cannot be fixed (yet), each with its reason.

The browser tests excuse exactly these (and nothing else), and the accessibility statement
lists them, so what the tests allow is always what the site admits to.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class KnownIssue:
    criterion: str
    """The WCAG success criterion failed, e.g. "1.4.3 Contrast (Minimum)"."""

    problem: str
    """What is wrong, in words a resident understands."""

    reason: str
    """Why it is not fixed, and when it will be."""

    axe_rule: str = ""
    """The axe-core rule id the browser test excuses ..."""

    selector: str = ""
    """... on elements matching this CSS selector only."""


# Empty: every failure found so far is fixed in actionplan/theme/ (templates, CSS). Add an entry
# here, never an exclusion in a test, when one truly cannot be fixed.
KNOWN_ISSUES: tuple[KnownIssue, ...] = ()
