"""Static listing pages to browse actions without JavaScript: an index of ways to browse,
an index per facet, and a page per facet value listing its actions plan by plan."""

from __future__ import annotations

from actionplan.facets.facets import Facet, FacetValue, SiteFacets
from actionplan.facets.timing import Assessor
from actionplan.model.entities import Site
from actionplan.pages.resident_paths import ResidentPaths
from actionplan.pages.specs import PageSpec

FACET_INTROS = {
    "status": "Each action's current status: the status of its latest progress update.",
    "equality-group": "The equality groups an action is for, as the plan's own equality "
                      "strand key tags it.",
    "lead": "Who leads each action, as the plan names them. A job title in one plan is "
            "listed apart from the same title in another: they are different organisations.",
    "department": "The directorate or unit of each action's leads, where the plan records "
                  "one.",
    "target-year": "The year each action's target date ends, after any revision.",
    "overdue": "Actions whose target date has passed without being completed.",
    "no-recent-update": "Actions whose latest progress update is older than the plan's "
                        "update cadence.",
}

FACET_PAGE_TITLES = {
    "status": "Actions by status",
    "equality-group": "Actions by equality group",
    "lead": "Actions by lead",
    "department": "Actions by department",
    "target-year": "Actions by target year",
    "overdue": "Overdue actions",
    "no-recent-update": "Actions with no recent update",
}

VALUE_TITLES = {
    "status": "Status: {label}",
    "equality-group": "Equality group: {label}",
    "lead": "Led by {label}",
    "department": "Department: {label}",
    "target-year": "Due in {label}",
}


VALUE_INTROS = {
    "status": "Actions whose latest progress update gives this status.",
    "equality-group": "Actions the plan's own equality strand key tags for this group.",
    "lead": "Actions the plan says {label} leads, or leads part of.",
    "department": "Actions led, in whole or part, from {label}.",
    "target-year": "Actions whose target date ends in {label}, after any revision. A target "
                   "written as a period counts in the year it ends (2015-16 ends in 2016).",
}


def value_intro(facet: Facet, value: FacetValue) -> str:
    """The lead paragraph of a value's listing: what the value means, then what is listed."""
    if facet.key == "target-year" and value.key == "no-date":
        return value.description
    listed = VALUE_INTROS[facet.key].format(label=value.label)
    return f"{value.description} {listed}" if value.description else listed


def value_title(facet: Facet, value: FacetValue) -> str:
    if value.key == "no-date" and facet.key == "target-year":
        return "Actions with no dated target"
    return VALUE_TITLES[facet.key].format(label=value.label)


def browse_pages(site: Site, facets: SiteFacets, assessor: Assessor,
                 paths: ResidentPaths) -> list[PageSpec]:
    total = sum(len(v.entries) for v in facets.status.values)
    base = {"site": site, "facets": facets, "assess": assessor, "paths": paths,
            "total_actions": total}
    specs = [PageSpec(paths.browse_index(), "Find actions", "browse.html", "browse", base,
                      "Browse every action across the plans by status, equality group, lead, "
                      "target year, and those overdue or without a recent update.",
                      in_nav=True)]
    for facet in facets:
        specs.append(_facet_page(facet, base, paths))
        if not facet.single:
            specs.extend(_value_page(facet, value, base, paths) for value in facet.values)
    return specs


def _facet_page(facet: Facet, base: dict, paths: ResidentPaths) -> PageSpec:
    title = FACET_PAGE_TITLES[facet.key]
    context = {**base, "facet": facet, "intro": FACET_INTROS[facet.key]}
    if facet.single:
        context["value"] = facet.values[0]
        return PageSpec(paths.facet(facet.key), title, "facet_listing.html", "facet-listing",
                        context, f"{title} across all plans.")
    return PageSpec(paths.facet(facet.key), title, "facet_index.html", "facet-index", context,
                    f"{title}, across all plans.")


def _value_page(facet: Facet, value: FacetValue, base: dict, paths: ResidentPaths) -> PageSpec:
    title = value_title(facet, value)
    context = {**base, "facet": facet, "value": value, "intro": value_intro(facet, value)}
    where = value.plan.title if value.plan else "all plans"
    return PageSpec(paths.facet_value(facet.key, value.key), title, "facet_listing.html",
                    "facet-listing", context, f"{title}: actions in {where}.")
