"""Small presentation helpers shared by the templates (dates, statuses, strands, counts)."""

from __future__ import annotations

import re
import datetime as dt
from collections import Counter
from functools import lru_cache
from collections.abc import Iterable

from markupsafe import Markup, escape

from actionplan.model.dates import FuzzyDate
from actionplan.model.entities import Action, Lead, Plan, Status, Strands
from actionplan.model.naming import display_date_text
from actionplan.model.vocabulary import STATUS_ORDER, STATUSES, characteristic_label

_MACHINE_FORMS = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}


@lru_cache(maxsize=4096)  # a few hundred distinct dates recur on thousands of pages
def date_html(value: FuzzyDate | None) -> Markup:
    """The date in the plan's words, in a <time> element where it names one day, month or year."""
    if value is None:
        return Markup("")
    fmt = _MACHINE_FORMS.get(value.kind)
    if fmt and value.start:
        return Markup('<time datetime="{}">{}</time>').format(value.start.strftime(fmt),
                                                              display_date_text(value))
    return escape(value.text)


def long_date(value: dt.date) -> Markup:
    """A calendar date as "24 November 2026", in a <time> element."""
    return Markup('<time datetime="{}">{} {}</time>').format(value.isoformat(), value.day,
                                                            value.strftime("%B %Y"))


# Icons only repeat the words: they sit in the page (not in CSS `content`, which screen
# readers read out) and are hidden from the accessible name.
STATUS_ICONS = {"completed": "✔", "in_progress": "◔", "ongoing": "◔", "rescheduled": "↻"}


def status_tag(code: str, label: str | None = None) -> Markup:
    """A status as words (with an icon that is not read out), not a button."""
    icon = STATUS_ICONS.get(code)
    icon_html = (Markup('<span class="ap-status__icon" aria-hidden="true">{}</span>').format(icon)
                 if icon else Markup(""))
    return Markup('<strong class="ap-status ap-status--{}">{}{}</strong>').format(
        code.replace("_", "-"), icon_html, label or STATUSES[code].label)


@lru_cache(maxsize=256)  # a handful of statuses recur on every page
def status_html(status: Status) -> Markup:
    """Status as a text tag; colour and icon only supplement the words."""
    html = status_tag(status.code)
    if status.basis == "inferred":
        html += Markup(' <span class="ap-status-basis">(inferred from the update\'s '
                       "wording)</span>")
    return html


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


def date_with_evidence(value: FuzzyDate) -> Markup:
    """The date, plus how an editor worked it out where they said so."""
    html = date_html(value)
    if value.evidence:
        html += Markup(' <span class="ap-as-printed">(date worked out by the editor: {})</span>'
                       ).format(value.evidence)
    return html


def target_date_html(value: FuzzyDate) -> Markup:
    """A target date; words the grammar could not place say that they are not used to judge."""
    if value.placed:
        return date_with_evidence(value)
    return Markup('<span class="ap-as-written">target date as written: “{}”; not used '
                  "to judge progress</span>").format(value.text)


def join_dates(dates: Iterable[FuzzyDate]) -> Markup:
    """Target dates, as `target_date_html` shows each."""
    return Markup("; ").join(target_date_html(d) for d in dates)


def activity_number(action: Action, activity_id: str) -> int:
    """1-based position of an activity, as residents see activities numbered on the page."""
    return [a.id for a in action.activities].index(activity_id) + 1


def footnote_number(plan: Plan, mark: str) -> int:
    """1-based position of a footnote in the plan, used for stable in-page anchors."""
    return [f.mark for f in plan.footnotes].index(mark) + 1


_TAG_OR_TEXT = re.compile(r"(<[^>]*>)")


def link_footnote_marks(html: Markup, plan: Plan, marks: Iterable[str]) -> Markup:
    """Turn a footnote mark printed after a word ("entitlements *") into a link to its note."""
    marks = [m for m in marks if any(f.mark == m for f in plan.footnotes)]
    if not marks:
        return html
    pattern = re.compile(r"(?<=[\w).,;:'’ ])(" + "|".join(re.escape(m) for m in marks)
                         + r")(?=\s|$)")
    parts = _TAG_OR_TEXT.split(str(html))
    for i, part in enumerate(parts):
        if part and not part.startswith("<"):
            parts[i] = pattern.sub(lambda m: _footnote_link(plan, m.group(1)), part)
    return Markup("".join(parts))


def _footnote_link(plan: Plan, mark: str) -> str:
    number = footnote_number(plan, mark)
    return (f'<sup class="ap-footnote-mark"><a href="#footnote-{number}" '
            f'aria-label="footnote {escape(mark)}">{escape(mark)}</a></sup>')


def plural(count: int, word: str, plural_word: str | None = None) -> str:
    return f"{count} {word if count == 1 else (plural_word or word + 's')}"


FILTERS = {"date_html": date_html, "date_with_evidence": date_with_evidence,
           "status_html": status_html, "lead_text": lead_text, "join_dates": join_dates,
           "long_date": long_date}
GLOBALS = {"lead_details": lead_details, "status_tag": status_tag, "strand_labels": strand_labels,
           "characteristics": characteristics,
           "status_counts": status_counts, "plural": plural,
           "activity_number": activity_number, "footnote_number": footnote_number,
           "link_footnote_marks": link_footnote_marks}
