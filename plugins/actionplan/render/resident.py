"""Template helpers for the residents' pages: assessments, dashboard counts, paths, sizes."""

from __future__ import annotations



from actionplan.facets import Assessor, plan_summary, site_facets, site_summary
from actionplan.facets.facets import (
    characteristic_codes, characteristic_key, lead_key, plan_leads,
)
from actionplan.facets.period import ended_plan, open_ended_report
from actionplan.facets.timing import REFERENCE_SOURCES
from actionplan.options import ISO_DURATION, SiteOptions
from actionplan.pages.browse import value_title
from actionplan.pages.links import PagePaths
from actionplan.pages.resident_paths import ResidentPaths


def file_size(size: int) -> str:
    """Rounded the way GOV.UK writes sizes: "950 bytes", "12 KB", "1.4 MB"."""
    if size < 1000:
        return f"{size} bytes"
    if size < 1_000_000:
        return f"{round(size / 1000)} KB"
    return f"{size / 1_000_000:.1f} MB"


def duration_words(duration: str) -> str:
    """ "P3M" -> "3 months", "P1Y6M" -> "1 year and 6 months"."""
    match = ISO_DURATION.match(duration or "")
    if not match:
        return duration
    units = ("year", "month", "week", "day")
    parts = [f"{n} {unit}{'s' if int(n) != 1 else ''}"
             for n, unit in zip(match.groups(), units) if n and int(n)]
    return " and ".join(parts) if parts else duration


class LeadListings:
    """The other actions of an action's leads, from the plan's lead listings (made once)."""

    def __init__(self):
        self._plans: dict[int, tuple] = {}

    def __call__(self, plan, action) -> list[tuple[str, str, int]]:
        """(lead, listing key, number of actions) for each lead with more than this action."""
        cached = self._plans.get(id(plan))
        if cached is None or cached[0] is not plan:
            values = {lead_key(v.label): v for v in plan_leads(plan)}
            cached = self._plans[id(plan)] = (plan, values)
        found: list[tuple[str, str, int]] = []
        for lead in list(action.leads) + [x for a in action.activities for x in a.leads]:
            value = cached[1][lead_key(lead.text)]
            if len(value.entries) > 1 and all(value.key != f[1] for f in found):
                found.append((value.label, value.key, len(value.entries)))
        return found


def resident_globals(options: SiteOptions, plan_paths: PagePaths) -> dict:
    assessor = Assessor(options)
    return {
        "assess": assessor,
        "plan_summary": lambda plan: plan_summary(plan, assessor),
        "site_summary": lambda site: site_summary(site, assessor),
        "resident_paths": ResidentPaths(plans=plan_paths),
        "site_options": options,
        "value_title": value_title,
        "characteristic_codes": characteristic_codes,
        "characteristic_key": characteristic_key,
        "lead_listings": LeadListings(),
        "reference_sources": REFERENCE_SOURCES,
        # The site's as_of date wins over the day the data last changed, as for verdicts.
        "plan_ended": lambda plan, changed=None: ended_plan(plan, options.as_of or changed),
        "open_ended_report": open_ended_report,
    }


FILTERS = {"file_size": file_size, "duration_words": duration_words}


FRAGMENTS = {
    "<!-- actionplan:find -->": "fragments/find_actions.html",
    "<!-- actionplan:dashboard -->": "fragments/site_dashboard.html",
}
"""Markers a hand-written page (such as the home page) can hold, and what replaces each."""


def fill_fragments(renderer, html: str, src_uri: str, site) -> str:
    """Replace each fragment marker in a hand-written page's HTML with its rendered fragment."""
    present = {marker: template for marker, template in FRAGMENTS.items() if marker in html}
    if not present:
        return html
    facets = site_facets(site, Assessor(renderer.options))
    for marker, template in present.items():
        html = html.replace(marker, renderer.render_fragment(template, src_uri, site=site,
                                                             facets=facets))
    return html
