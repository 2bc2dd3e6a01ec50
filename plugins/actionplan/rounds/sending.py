"""Who is sent which actions: one return per lead the model names, each with the lead's rows.

Leads come from the model (an action's leads and its activities' leads, as the lead index
counts them): an action with several leads goes in each lead's return. Leads written with
other spacing or capitals are one lead, in every plan of the round.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from actionplan.facets.facets import lead_key, plan_leads
from actionplan.facets.timing import Assessor
from actionplan.model.entities import Action, Group, Plan
from actionplan.model.naming import action_heading, display_date_text
from actionplan.options import SiteOptions
from actionplan.rounds.layout import READ_ONLY
from actionplan.spreadsheet.cells import cell_text

NO_LEAD = "No lead named in the plan"
# Names Windows keeps for devices: a file called con.xlsx cannot be opened there.
_RESERVED = re.compile(r"(con|prn|aux|nul|com\d|lpt\d)\Z")
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # characters an .xlsx cannot hold


@dataclass
class Row:
    plan: Plan
    action: Action
    cells: dict[str, str]  # read-only column key -> text


@dataclass
class Return:
    lead: str
    file: str = ""
    rows: list[Row] = field(default_factory=list)


def returns_for(plans: list[Plan], options: SiteOptions = SiteOptions()) -> list[Return]:
    """The returns of a round over `plans`, A to Z by lead, each with a safe unique file name.
    `options` are the site's, so the judgement shown is the one the site publishes."""
    by_lead: dict[str, Return] = {}
    assessor = Assessor(options)
    for plan in plans:
        led: set[str] = set()
        for value in plan_leads(plan):
            sent = by_lead.setdefault(lead_key(value.label), Return(value.label))
            for entry in value.entries:
                led.add(entry.action.id)
                sent.rows.append(_row(plan, entry.action, entry.groups, entry.why, assessor))
        unled = [(a, g) for a, g in plan.all_actions() if a.id not in led]
        if unled:
            sent = by_lead.setdefault(lead_key(NO_LEAD), Return(NO_LEAD))
            sent.rows += [_row(plan, a, g, None, assessor) for a, g in unled]
    returns = sorted(by_lead.values(), key=lambda r: (r.lead == NO_LEAD, r.lead.casefold(),
                                                      r.lead))
    used: set[str] = set()
    order = {plan.id: number for number, plan in enumerate(plans)}
    for sent in returns:
        sent.file = _unique(file_slug(sent.lead), used) + ".xlsx"
        sent.rows.sort(key=lambda row: order[row.plan.id])  # plan order, then plan's order
    return returns


def file_slug(text: str, limit: int = 60) -> str:
    """Lower-case ASCII letters, digits and hyphens: safe on every system and in email."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:limit].rstrip("-")
    slug = slug or "lead"
    return slug + "-lead" if _RESERVED.match(slug) else slug


def _unique(slug: str, used: set[str]) -> str:
    name, number = slug, 2
    while name in used:
        name, number = f"{slug}-{number}", number + 1
    used.add(name)
    return name


def _row(plan: Plan, action: Action, groups: tuple[Group, ...], why: str | None,
         assessor: Assessor) -> Row:
    latest = action.latest_update
    values = {
        "plan": plan.id,
        "action": action.id,
        "title": action_heading(plan, action, groups),
        "part": why or "Lead",
        "due": "; ".join(display_date_text(d) for d in action.current_due) or "None given",
        "status": action.status.label,
        "judgement": _judgement(plan, action, assessor),
        "last_update": _update_text(latest) if latest else "No update yet",
    }
    # Stored as a spreadsheet reads it back, so import can tell an edited cell.
    return Row(plan, action, {c.key: cell_text(_ILLEGAL.sub("", values[c.key]))
                              for c in READ_ONLY})


def _judgement(plan: Plan, action: Action, assessor: Assessor) -> str:
    """The site's verdict, with the date it is judged at: true whenever the return is read."""
    assessment = assessor(plan, action)
    when = assessment.reference.date
    label = assessment.verdict.label
    return f"{label} (as at {when.day} {when:%B %Y})" if when else label


def _update_text(update) -> str:
    when = update.date.text if update.date else "undated"
    words = " ".join((update.text or "").split()) or "(no text)"
    if len(words) > 400:  # enough to recall it; the whole update is on the site
        words = words[:400].rsplit(" ", 1)[0] + "…"
    return f"{when}: {words}"
