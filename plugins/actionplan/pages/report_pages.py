"""A plan's "Since the last report" page, and one page per earlier pair of its reports.

The pages of a plan grow with its number of reports (one per consecutive pair), never with
the square of it, and stay out of the site's navigation: the plan's page links to them.
"""

from __future__ import annotations

from actionplan.facets.reports import (
    Report, changes_between, plan_reports, report_pairs,
)
from actionplan.model.entities import Plan
from actionplan.model.plan_names import menu_label
from actionplan.pages.links import PagePaths
from actionplan.pages.page_spec import PageSpec

LATEST_TITLE = "Since the last report"


def pair_key(before: Report, after: Report) -> str:
    return f"{before.key}-to-{after.key}"


def report_pages(plan: Plan, paths: PagePaths) -> list[PageSpec]:
    """The latest pair's page (or, with fewer than two reports, a page that says so), then a
    page for every earlier pair."""
    reports = plan_reports(plan)
    pairs = report_pairs(reports)
    # Each pair's page, latest first, as the list of reports on every page shows them.
    choices = [(before, after, paths.since_report(plan.id, None if i == 0
                                                  else pair_key(before, after)))
               for i, (before, after) in enumerate(reversed(pairs))]
    base = {"plan": plan, "reports": reports, "choices": choices}
    specs = [_page(plan, paths.since_report(plan.id), LATEST_TITLE,
                   {**base, "changes": changes_between(plan, *pairs[-1], latest=True)
                                             if pairs else None})]
    for before, after, src_uri in choices[1:]:
        title = f"Changes from the report of {before.shown.text} to {after.shown.text}"
        specs.append(_page(plan, src_uri, title,
                           {**base, "changes": changes_between(plan, before, after)}))
    return specs


def _page(plan: Plan, src_uri: str, title: str, context: dict) -> PageSpec:
    return PageSpec(src_uri, title, "since_report.html", "since-report",
                    {**context, "src_uri": src_uri},
                    f"{title}: what changed in {plan.title} between two progress reports.",
                    head_title=f"{menu_label(title)} - {plan.name}")
