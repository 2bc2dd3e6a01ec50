"""The report chooser's data: one compact JSON file per plan with three reports or more.

Comparing any two reports in the page needs the changes of every pair, whose number grows
with the square of the reports; the file holds instead each action's state at each report
(`action_facts`, made by the same functions as the pages' changes), so it grows with actions
times reports, and the chooser (compare-reports.js) only compares those states. Every text
it shows is in the file, written here; it judges nothing.
"""

from __future__ import annotations

import json
from functools import partial

from actionplan.facets.reports import ActionFacts, Report, action_facts, plan_reports
from actionplan.model.dates import FuzzyDate
from actionplan.model.entities import Plan, Site
from actionplan.model.naming import action_heading, display_date_text
from actionplan.model.vocabulary import STATUS_ORDER, STATUSES
from actionplan.pages.links import PagePaths, page_url
from actionplan.pages.page_spec import SiteFile

MIN_REPORTS = 3  # with two reports there is one pair, and its page says it all


def report_facts_files(site: Site, paths: PagePaths) -> list[SiteFile]:
    return [SiteFile(paths.report_facts(plan.id), partial(report_facts, plan, paths), source=plan)
            for plan in site.plans if len(plan_reports(plan)) >= MIN_REPORTS]


def report_facts(plan: Plan, paths: PagePaths) -> bytes:
    """The plan's reports and each placeable action's state at each (one-letter keys: a
    county plan has hundreds of actions); the same plan gives the same bytes."""
    reports = plan_reports(plan)
    facts = action_facts(plan, reports)
    # In STATUS_ORDER: the chooser groups the "other new updates" by status in this order.
    present = {status.code for fact in facts for status in fact.statuses}
    codes = [code for code in STATUS_ORDER if code in present]
    document = {
        "version": 1,
        "reports": [_report(report) for report in reports],
        "statuses": {code: STATUSES[code].label for code in codes},
        "undated": sum(1 for _ in plan.all_actions()) - len(facts),
        "actions": [_action(plan, fact, paths) for fact in facts],
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _report(report: Report) -> dict:
    return {"k": report.key, "t": display_date_text(report.shown)}


def _action(plan: Plan, fact: ActionFacts, paths: PagePaths) -> dict:
    # Target dates are compared as the model compares them: the same index is the same dates.
    distinct: list[tuple[FuzzyDate, ...]] = []
    for due in fact.dues:
        if due not in distinct:
            distinct.append(due)
    record: dict = {
        "u": page_url(paths.action(plan.id, fact.action.id)),
        "t": action_heading(plan, fact.action, fact.groups),
        "s": [status.code for status in fact.statuses],
        "n": list(fact.updates),
        "d": [distinct.index(due) for due in fact.dues],
        "dt": [_dates_text(due) for due in distinct],
    }
    gone = fact.action.withdrawn
    if gone is not None and fact.withdrawn_at is not None:
        record.update(w=fact.withdrawn_at, wd=f"{gone.date.day} {gone.date:%B %Y}",
                      wr=gone.reason)
    return record


def _dates_text(dates: tuple[FuzzyDate, ...]) -> str:
    """Target dates as the pages word them, in plain text."""
    if not dates:
        return "none stated"
    return "; ".join(display_date_text(d) if d.placed else
                     f"target date as written: “{d.text}”; not used to judge progress"
                     for d in dates)
