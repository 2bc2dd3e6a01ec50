"""Static listing pages to browse actions without JavaScript: an index of ways to browse,
an index per facet, and a page per facet value listing its actions plan by plan."""

from __future__ import annotations

from dataclasses import dataclass

from actionplan.facets.facets import Entry, Facet, FacetValue, SiteFacets
from actionplan.facets.timing import Assessor
from actionplan.model.entities import Plan, Site
from actionplan.model.vocabulary import VERDICTS
from actionplan.options import DEFAULT_PAGE_SIZE
from actionplan.pages.filter_index import filter_choices
from actionplan.pages.pagination import numbered_src, page_title, paginations
from actionplan.pages.resident_paths import ResidentPaths
from actionplan.pages.page_spec import PageSpec

FACET_INTROS = {
    "status": "Each action's current status: the status of its latest progress update.",
    "equality-group": "The equality groups an action is for, as the plan tags it: with its "
                      "own key of equality strands, or under a heading that names the group.",
    "lead": "Who leads each action, as the plan names them. A job title in one plan is "
            "listed apart from the same title in another: they are different organisations.",
    "department": "The directorate or unit of each action's leads, where the plan records "
                  "one.",
    "target-year": "The year each action's target date ends, after any revision.",
    "overdue": "Actions whose target date had passed by the date their plan is judged at, "
               "and whose latest update gives a status that says they were not finished "
               "(not started, in progress, ongoing or target date revised). Actions whose "
               "updates give no status are not listed here: see target passed, no status "
               "given.",
    "target-passed-no-status": "Actions whose target date had passed by the date their plan "
                               "is judged at, but whose updates give no status (or which "
                               "have no update), so the site cannot tell whether they were "
                               "done. They are not counted as overdue.",
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
    "target-passed-no-status": VERDICTS["target_passed_no_status"].label,
    "no-recent-update": "Actions with no recent update",
}

# Facets whose values belong to one plan each (a job title means different people in
# different organisations): their index names them plan by plan.
PER_PLAN_VALUES = ("lead", "department")

VALUE_TITLES = {
    "status": "Status: {label}",
    "equality-group": "Equality group: {label}",
    "lead": "Led by {label}",
    "department": "Department: {label}",
    "target-year": "Due in {label}",
}


VALUE_INTROS = {
    "status": "Actions whose latest progress update gives this status.",
    "equality-group": "Actions the plan tags for this group, by its own key of equality "
                      "strands or under a heading that names the group.",
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


@dataclass(frozen=True)
class Section:
    """One plan's part of a listing page: its actions there (a plan's list may go on over
    the next page: `continued` on that page)."""

    plan: Plan
    entries: tuple[Entry, ...]
    continued: bool = False


def browse_pages(site: Site, facets: SiteFacets, assessor: Assessor,
                 paths: ResidentPaths, page_size: int = DEFAULT_PAGE_SIZE) -> list[PageSpec]:
    total = sum(len(v.entries) for v in facets.status.values)
    base = {"site": site, "facets": facets, "assess": assessor, "paths": paths,
            "total_actions": total}
    specs = [PageSpec(paths.browse_index(), "Find actions", "browse.html", "browse",
                      {**base, "filter": filter_choices(site, facets)},
                      "Browse every action across the plans by status, equality group, lead, "
                      "target year, and those overdue or without a recent update.",
                      in_nav=True)]
    for facet in facets:
        coverage = _coverage_inputs(facet)
        if facet.single:
            title = FACET_PAGE_TITLES[facet.key]
            specs += _listing_pages(facet, facet.values[0], base, paths.facet(facet.key),
                                    title, FACET_INTROS[facet.key],
                                    f"{title} across all plans.", page_size, coverage)
            continue
        plan_indexes = _plan_indexes(facet, paths, page_size)
        specs += _facet_pages(facet, {**base, "plan_indexes": plan_indexes}, paths)
        for value in facet.values:
            title = value_title(facet, value)
            where = value.plan.full_name if value.plan else "all plans"
            # The breadcrumbs of a lead's listing pass through its plan's index, if it has one.
            up = plan_indexes.get(value.plan.id) if value.plan else None
            specs += _listing_pages(facet, value, {**base, "plan_index": up},
                                    paths.facet_value(facet.key, value.key), title,
                                    value_intro(facet, value), f"{title}: actions in {where}.",
                                    page_size, coverage)
    return specs


def _plan_indexes(facet: Facet, paths: ResidentPaths, page_size: int) -> dict[str, str]:
    """Plan id -> that plan's own index page, for a facet of leads or departments with more
    than `page_size` values (a county's plans name over a thousand leads); else none."""
    if facet.key not in PER_PLAN_VALUES or len(facet.values) <= page_size:
        return {}
    named = {value.plan.id for value in facet.values if value.plan is not None}
    return {plan.id: paths.facet_plan(facet.key, plan.id)
            for plan in facet.covered if plan.id in named}


def _facet_pages(facet: Facet, base: dict, paths: ResidentPaths) -> list[PageSpec]:
    """The facet's index of values. Leads and departments are named plan by plan; where
    each plan has an index of its own (`base["plan_indexes"]`), the facet's index lists the
    plans and links to those."""
    title = FACET_PAGE_TITLES[facet.key]
    context = {**base, "facet": facet, "intro": FACET_INTROS[facet.key], "facet_plan": None}
    specs = [PageSpec(paths.facet(facet.key), title, "facet_index.html", "facet-index",
                      context, f"{title}, across all plans.")]
    plans = {plan.id: plan for plan in facet.covered}
    for plan_id, src_uri in base["plan_indexes"].items():
        plan = plans[plan_id]
        specs.append(PageSpec(src_uri, f"{title} in {plan.full_name}", "facet_index.html",
                              "facet-index", {**context, "facet_plan": plan},
                              f"{title} in {plan.full_name}."))
    return specs


def _listing_pages(facet: Facet, value: FacetValue, base: dict, src_uri: str, title: str,
                   intro: str, description: str, page_size: int,
                   coverage: tuple) -> list[PageSpec]:
    """A value's actions plan by plan, `page_size` actions a page."""
    plans = facet.covered if facet.single else value.plans
    pages = _sections_by_page([(plan, tuple(value.entries_for(plan))) for plan in plans],
                              page_size)
    sources = tuple(numbered_src(src_uri, n) for n in range(1, len(pages) + 1))
    sizes = [sum(len(section.entries) for section in page) for page in pages]
    specs = []
    shared = _listing_shared_inputs(facet, value, {"plan_index": None, **base}, title, intro,
                                    coverage)
    for sections, pagination in zip(pages, paginations(sizes, sources)):
        context = {"plan_index": None, **base, "facet": facet, "value": value, "intro": intro,
                   "listing_title": title, "sections": sections, "pagination": pagination}
        specs.append(PageSpec(sources[pagination.number - 1], page_title(title, pagination),
                              "facet_listing.html", "facet-listing", context, description,
                              inputs=shared + _sections_inputs(sections, pagination)))
    return specs


def _listing_shared_inputs(facet: Facet, value: FacetValue, base: dict, title: str,
                           intro: str, coverage: tuple) -> tuple:
    """What every page of a value's listing reads (facet_listing.html and its partials)
    besides its own sections, as `PageSpec.inputs`: names, counts, and the plans the facet
    covers or not (coverage_note.html names and links them: by id and name, so that a change
    to one plan's actions leaves the other listings as they were). The settings (paths, the
    assessor's options) go in as text."""
    aimed = len(value.aimed_entries)
    return (facet.key, facet.title, facet.single, value.key, value.label, value.description,
            value.plan, len(value.entries), aimed, len(value.plans), title, intro,
            base["plan_index"], repr(base["paths"]), repr(base["assess"].options),
            *coverage)


def _coverage_inputs(facet: Facet) -> tuple:
    """The plans the facet covers or not, by id and name, with the reasons (what
    coverage_note.html reads): made once a facet, for all its listings."""
    parts: list = []
    for plans in (facet.covered, facet.not_covered):
        parts.append(len(plans))
        for plan in plans:
            parts += (plan.id, plan.full_name)
    return (*parts, *facet.not_covered_reasons)


def _sections_inputs(sections: list[Section], pagination) -> tuple:
    """A listing page's own part of its inputs: its place in the list, and each entry's plan,
    action and groups (the very objects: the same for a plan that did not change) with why
    it is listed."""
    parts: list = [repr(pagination), len(sections)]
    for section in sections:
        parts += (section.plan, section.continued, len(section.entries))
        for entry in section.entries:
            parts += (entry.plan, entry.action, entry.why, entry.for_all, len(entry.groups),
                      *entry.groups)
    return tuple(parts)


def _sections_by_page(lists: list[tuple[Plan, tuple[Entry, ...]]], size: int
                      ) -> list[list[Section]]:
    """Each plan's actions in order, `size` a page; a plan with none keeps its place."""
    pages: list[list[Section]] = [[]]
    room = size
    for plan, entries in lists:
        if not entries:
            pages[-1].append(Section(plan, ()))
        done = 0
        while done < len(entries):
            if room == 0:
                pages.append([])
                room = size
            run = entries[done:done + room]
            pages[-1].append(Section(plan, run, continued=done > 0))
            done += len(run)
            room -= len(run)
    return pages
