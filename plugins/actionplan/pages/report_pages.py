"""A plan's "Since the last report" page, one page per earlier consecutive pair of its
reports, and one page from each earlier report to the latest.

The pages of a plan grow with its number of reports (two per report at most), never with the
square of it, and stay out of the site's navigation: the plan's page links to them. Any other
two reports are compared in the page by a chooser (compare-reports.js) reading the plan's
report facts (report_facts.py).
"""

from __future__ import annotations

from actionplan.facets.reports import (
    Report, changes_between, plan_reports, plan_timelines, report_pairs, to_latest_pairs,
)
from actionplan.model.entities import Plan
from actionplan.model.naming import display_date_text
from actionplan.model.plan_names import menu_label
from actionplan.pages.links import PagePaths
from actionplan.pages.page_spec import PageSpec

LATEST_TITLE = "Since the last report"


def pair_key(before: Report, after: Report) -> str:
    return f"{before.key}-to-{after.key}"


def report_pages(plan: Plan, paths: PagePaths) -> list[PageSpec]:
    """The latest pair's page (or, with fewer than two reports, a page that says so), then a
    page for every earlier consecutive pair, then one from every earlier report to the latest.
    """
    reports = plan_reports(plan)
    pairs = report_pairs(reports)
    timelines = plan_timelines(plan)  # each action's updates sorted once, for every pair
    # Each page's pair, latest first, as the lists of reports on every page show them; the
    # latest pair is in both lists and has the one page.
    choices = [(before, after, _src(plan, paths, i, before, after))
               for i, (before, after) in enumerate(reversed(pairs))]
    to_latest = [(before, after, _src(plan, paths, i, before, after))
                 for i, (before, after) in enumerate(to_latest_pairs(reports))]
    base = {"plan": plan, "reports": reports, "choices": choices, "to_latest": to_latest,
            "facts_src": paths.report_facts(plan.id) if len(reports) > 2 else None}
    specs = [_page(plan, paths.since_report(plan.id), LATEST_TITLE,
                   {**base, "changes": changes_between(plan, *pairs[-1], latest=True,
                                                             timelines=timelines)
                                             if pairs else None})]
    for before, after, src_uri in choices[1:]:
        title = (f"Changes from the report of {display_date_text(before.shown)} to "
                 f"{display_date_text(after.shown)}")
        specs.append(_page(plan, src_uri, title,
                           {**base, "changes": changes_between(plan, before, after,
                                                               timelines=timelines)}))
    for before, after, src_uri in to_latest[1:]:
        title = f"Changes since the report of {display_date_text(before.shown)}"
        specs.append(_page(plan, src_uri, title,
                           {**base, "changes": changes_between(plan, before, after, latest=True,
                                                               timelines=timelines)}))
    return specs


def _src(plan: Plan, paths: PagePaths, place: int, before: Report, after: Report) -> str:
    # The first pair of each list is the latest pair, whose page is the folder's own.
    return paths.since_report(plan.id, None if place == 0 else pair_key(before, after))


def _page(plan: Plan, src_uri: str, title: str, context: dict) -> PageSpec:
    return PageSpec(src_uri, title, "since_report.html", "since-report",
                    {**context, "src_uri": src_uri},
                    f"{title}: what changed in {plan.title} between two progress reports.",
                    head_title=f"{menu_label(title)} - {plan.name}")
