"""The whole site's pages and files: one page per plan, group and action, then the resident,
reference and changelog pages and the downloads, each naming its template and context."""

from __future__ import annotations

from functools import partial

from actionplan.model.entities import Plan, Site
from actionplan.model.plan_names import menu_label
from actionplan.options import SiteOptions
from actionplan.pages import history_specs
from actionplan.pages.links import PagePaths
from actionplan.model.naming import action_heading, group_heading
from actionplan.pages.page_spec import PageSpec, SiteFile
from actionplan.pages.report_facts import report_facts_files
from actionplan.pages.report_pages import report_pages
from actionplan.pages.resident import resident_files, resident_pages
from actionplan.pages.schema_reference import reference_page
from actionplan.same_inputs import SameInputs

# The spec classes and naming helpers lived here once; leaf modules hold them now (no cycle).
__all__ = ["PageSpec", "SiteFile", "action_heading", "group_heading", "plan_pages",
           "site_files", "site_pages"]


def site_pages(site: Site, paths: PagePaths = PagePaths(),
               options: SiteOptions = SiteOptions(), changelog=None,
               kept: SameInputs[list[PageSpec]] | None = None,
               kept_views: SameInputs | None = None) -> list[PageSpec]:
    """Every generated page, in a stable order. With `kept` (from the last build of the
    same site), an unchanged plan's pages are the last build's specs (see same_inputs.py);
    with `kept_views`, so are the changelog's views while the history is the same
    (history_specs.changelog_views)."""
    pages = (plan_pages(site, paths, kept) + resident_pages(site, paths, options)
             + [reference_page()])
    return history_specs.with_changelog(pages, site, changelog, paths,
                                        page_size=options.page_size, kept=kept_views)


def site_files(site: Site, paths: PagePaths = PagePaths(),
               options: SiteOptions = SiteOptions(), changelog=None,
               kept_views: SameInputs | None = None) -> list[SiteFile]:
    """Every generated file that is not a page (downloads, feeds), in a stable order."""
    return (resident_files(site, paths, options) + report_facts_files(site, paths)
            + history_specs.changelog_files(site, changelog, paths,
                                            page_size=options.page_size, kept=kept_views))


def plan_pages(site: Site, paths: PagePaths,
               kept: SameInputs[list[PageSpec]] | None = None) -> list[PageSpec]:
    """Plans, then their reports' changes, their groups and their actions."""
    specs: list[PageSpec] = []
    for plan in site.plans:
        if kept is None:
            specs += one_plan_pages(plan, paths)
        else:
            specs += kept.get(plan.id, plan, paths, partial(one_plan_pages, plan, paths))
    return specs


def one_plan_pages(plan: Plan, paths: PagePaths) -> list[PageSpec]:
    """A plan's page, then its reports' changes, its groups and its actions."""
    specs = [PageSpec(paths.plan(plan.id), plan.full_name, "plan.html", "plan",
                      {"plan": plan, "since_report_src": paths.since_report(plan.id)},
                      _plan_description(plan), in_nav=True)]
    specs += report_pages(plan, paths)
    for group, ancestors in plan.all_groups():
        specs.append(PageSpec(paths.group(plan.id, group.id), group_heading(group),
                              "group.html", "group",
                              {"plan": plan, "group": group, "ancestors": ancestors},
                              f"{group_heading(group)} - {plan.title}",
                              in_nav=not ancestors,
                              head_title=in_plan(group_heading(group), plan)))
    for action, groups in plan.all_actions():
        heading = action_heading(plan, action, groups)
        specs.append(PageSpec(paths.action(plan.id, action.id),
                              heading, "action.html", "action",
                              {"plan": plan, "action": action, "ancestors": groups},
                              f"{heading} - {plan.title}",
                              head_title=in_plan(heading, plan)))
    return specs


def in_plan(heading: str, plan: Plan) -> str:
    """A page's name out of context: its heading (cut to menu length: titles run to hundreds
    of characters) and the plan's short name, which names the organisation."""
    return f"{menu_label(heading)} - {plan.name}"


def _plan_description(plan: Plan) -> str:
    who = plan.organisation.name or "Organisation not named in the plan"
    return f"{plan.title} ({who}): objectives, actions and progress."

