"""Small presentation helpers shared by the templates (dates, statuses, strands, counts)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable

from markupsafe import Markup

from actionplan.model.dates import FuzzyDate
from actionplan.model.entities import Action, Lead, Plan, Strands
from actionplan.model.vocabulary import STATUS_ORDER, STATUSES, characteristic_label

_MACHINE_FORMS = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}


def machine_date(value: FuzzyDate) -> str | None:
    """The date's machine-readable form for a <time> element ("2015-07"), where it names one
    day, month or year; None otherwise (the macros in partials/macros.html write the markup)."""
    fmt = _MACHINE_FORMS.get(value.kind)
    return value.start.strftime(fmt) if fmt and value.start else None


def lead_text(lead: Lead) -> str:
    return lead.text


def lead_details(lead: Lead) -> list[str]:
    """Organisation, directorate and unit where the lead's own words do not already say them."""
    parts = [("organisation", lead.organisation), ("directorate", lead.directorate),
             ("unit", lead.unit)]
    return [f"{name}: {value}" for name, value in parts if value and value not in lead.text]


def strand_labels(plan: Plan, strands: Strands | None) -> list[tuple[str, str]]:
    """(code, meaning) pairs from the plan's own strand key."""
    if not strands or not plan.strand_scheme:
        return []
    return [(code, plan.strand_scheme.code(code).label) for code in strands.codes]


def characteristics(plan: Plan, action: Action) -> list[str]:
    """Equality Act characteristics the action's strand codes map to, as labels."""
    if not action.strands or not plan.strand_scheme:
        return []
    codes: list[str] = []
    for code in action.strands.codes:
        for mapped in plan.strand_scheme.code(code).maps_to:
            if mapped not in codes:
                codes.append(mapped)
    return [characteristic_label(c) for c in codes]


def status_counts(actions: Iterable[Action]) -> list[tuple[str, str, int]]:
    """(code, label, count) for each status present, in the standard order."""
    counts = Counter(a.status.code for a in actions)
    return [(code, STATUSES[code].label, counts[code]) for code in STATUS_ORDER if counts[code]]


def activity_number(action: Action, activity_id: str) -> int:
    """1-based position of an activity, as residents see activities numbered on the page."""
    return [a.id for a in action.activities].index(activity_id) + 1


def footnote_number(plan: Plan, mark: str) -> int:
    """1-based position of a footnote in the plan, used for stable in-page anchors."""
    return [f.mark for f in plan.footnotes].index(mark) + 1


_TAG_OR_TEXT = re.compile(r"(<[^>]*>)")


def link_footnote_marks(html: Markup, plan: Plan, marks: Iterable[str], *,
                        mark_html: Callable[[int, str], Markup]) -> Markup:
    """Turn a footnote mark printed after a word ("entitlements *") into a link to its note,
    written by `mark_html(number, mark)` (the footnote_mark macro)."""
    marks = [m for m in marks if any(f.mark == m for f in plan.footnotes)]
    if not marks:
        return html
    pattern = re.compile(r"(?<=[\w).,;:'’ ])(" + "|".join(re.escape(m) for m in marks)
                         + r")(?=\s|$)")
    parts = _TAG_OR_TEXT.split(str(html))
    for i, part in enumerate(parts):
        if part and not part.startswith("<"):
            parts[i] = pattern.sub(
                lambda m: str(mark_html(footnote_number(plan, m.group(1)), m.group(1))), part)
    return Markup("".join(parts))


def plural(count: int, word: str, plural_word: str | None = None) -> str:
    return f"{count} {word if count == 1 else (plural_word or word + 's')}"


FILTERS = {"lead_text": lead_text}
GLOBALS = {"lead_details": lead_details, "strand_labels": strand_labels,
           "characteristics": characteristics,
           "status_counts": status_counts, "plural": plural,
           "activity_number": activity_number, "footnote_number": footnote_number,
           "machine_date": machine_date}
