"""CSV downloads: one row per action, one column per field, for spreadsheets.

The format rules are in FORMAT_NOTES, which the downloads page shows word for word.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from collections.abc import Callable, Iterable

from actionplan.export.json_export import action_uid
from actionplan.export.plan_data import action_data
from actionplan.facets.judgement import overdue_flag
from actionplan.facets.timing import Assessment, Assessor
from actionplan.model.dates import FuzzyDate
from actionplan.model.entities import Action, Group, Measure, Plan, Site
from actionplan.facets.facets import characteristic_codes
from actionplan.model.vocabulary import (
    PSED_AIMS, VERDICT_ORDER, characteristic_label, rag_words,
)
from actionplan.model.naming import group_heading

LIST_SEPARATOR = " | "
FORMULA_STARTS = ("=", "+", "-", "@", "'", "\t", "\r")
ENCODING = "utf-8-sig"

FORMAT_NOTES = (
    "Encoding: UTF-8 with a byte-order mark, so that Excel shows accents, dashes and quotation "
    "marks correctly when the file is opened by double-clicking. Other tools read it as UTF-8 "
    "(in Python, open it with encoding=\"utf-8-sig\").",
    "Comma-separated, with every text value in double quotes and each row ending in CR LF "
    "(RFC 4180). A value may run over several lines inside its quotes.",
    "The first row names the columns. There is one row per action, in the order the plans "
    "print them.",
    "A column marked (list) can hold several values in one cell, joined by \" | \" (space, "
    "vertical bar, space). Inside each value a backslash is written as \\\\ and a vertical bar "
    "as \\|, so the cell splits back into exactly the values it holds.",
    "A value that starts with =, +, -, @, an apostrophe or a tab has an apostrophe put in "
    "front, so that a spreadsheet shows it as text and never runs it as a formula. Remove one "
    "leading apostrophe to get the exact text.",
    "An empty cell means the plan gives no value. Formatted text (marked Markdown) is kept "
    "as written, with its Markdown marks.",
    "Activities, measures and progress updates are shown by their text; the last column, "
    "action_json, holds the whole action exactly as in the JSON downloads, every part of it "
    "included, so nothing is lost.",
)


@dataclass(frozen=True)
class Row:
    plan: Plan
    action: Action
    groups: tuple[Group, ...]
    assessment: Assessment
    page: str


@dataclass(frozen=True)
class Column:
    name: str
    description: str
    value: Callable[[Row], str | int | float | list[str] | None]


def _dates(values: Iterable[FuzzyDate]) -> list[str]:
    return [d.text for d in values]


def _update_line(update) -> str:
    parts = [update.date.text if update.date else "Undated"]
    if update.status:
        parts.append(update.status.label)
    if update.rag:
        parts.append(f"officer's rating {rag_words(update.rag)}")
    if update.percent_complete is not None:
        parts.append(f"{update.percent_complete}% complete")
    text = "; ".join(p for p in (update.text, *(i.text for i in update.items)) if p)
    return ": ".join(parts) + (f": {text}" if text else "")


def _point_text(label: str, point) -> str:
    return f"{label} {point.value}" + (f" ({point.date.text})" if point.date else "")


def _measure_figures(measure: Measure) -> str:
    """name [unit]: baseline V (date); V (date); ...; target V (date)."""
    figures = ([_point_text("baseline", measure.baseline)] if measure.baseline else [])
    figures += [f"{v.value} ({v.date.text})" + (f" {v.note}" if v.note else "")
                for v in measure.values]
    figures += [_point_text("target", measure.target)] if measure.target else []
    unit = f" [{measure.unit}]" if measure.unit else ""
    return f"{measure.text}{unit}: " + "; ".join(figures)


def _rating_date(row: Row) -> str | None:
    rating = row.action.officer_rating
    update = rating.update if rating else None
    return update.date.text if update and update.date else None


def _overdue(row: Row) -> str:
    """yes or no where the data can say; empty where it cannot (see overdue_flag)."""
    return {True: "yes", False: "no", None: ""}[overdue_flag(row.assessment.verdict)]


COLUMNS: tuple[Column, ...] = (
    Column("uid", "Unique reference of the action on this site: plan id, a slash, action id. "
           "It never changes once published.", lambda r: action_uid(r.plan, r.action)),
    Column("plan_id", "The plan's identifier.", lambda r: r.plan.id),
    Column("plan_title", "The plan's title.", lambda r: r.plan.title),
    Column("organisation", "Who published the plan (empty when the plan does not say).",
           lambda r: r.plan.organisation.name),
    Column("group_ids", "Identifiers of the objectives or sections the action sits in, "
           "outermost first (list).", lambda r: [g.id for g in r.groups]),
    Column("group_headings", "Their headings as the plan numbers them; a heading cut off in "
           "the source ends in … (list).",
           lambda r: [group_heading(g) for g in r.groups]),
    Column("action_id", "The action's identifier within the plan.", lambda r: r.action.id),
    Column("number", "The action's number as printed (empty when unnumbered).",
           lambda r: r.action.number),
    Column("title", "The action, in the plan's words.", lambda r: r.action.title),
    Column("page", "Address of the action's page, from the site's home.", lambda r: r.page),
    Column("status", "Current status code: the latest update's status, withdrawn, or "
           "no_update. See the glossary.", lambda r: r.action.status.code),
    Column("status_label", "The status in words.", lambda r: r.action.status.label),
    Column("status_wording", "The plan's own words for the current status, if any.",
           lambda r: r.action.status.text),
    Column("status_basis", "stated, or inferred when an editor read the status from the "
           "update's wording.", lambda r: r.action.status.basis),
    Column("status_date", "Date of the latest progress update, as written.",
           lambda r: r.action.latest_update.date.text
           if r.action.latest_update and r.action.latest_update.date else None),
    Column("due", "Target dates as the plan writes them (list).", lambda r: _dates(r.action.due)),
    Column("due_end", "Last day of each target date, YYYY-MM-DD; empty where the words name "
           "no date, such as Ongoing (list, same order as due).",
           lambda r: [d.end.isoformat() if d.end else "" for d in r.action.due]),
    Column("current_due", "Target dates after any revision in a progress update (list).",
           lambda r: _dates(r.action.current_due)),
    Column("overdue", "yes when verdict is late (the final target date had passed by "
           "assessed_as_of and the latest update states a status that is not completed, "
           "withdrawn or transferred); empty when the data cannot say (verdict "
           "target_passed_no_status or not_assessed); otherwise no.", _overdue),
    Column("verdict", "The site's one judgement of the action's timing, as a code: "
           + ", ".join(VERDICT_ORDER) + ". See the glossary.",
           lambda r: r.assessment.verdict.code),
    Column("verdict_label", "The verdict in words.", lambda r: r.assessment.verdict.label),
    Column("verdict_reason", "Why: one sentence about this action.",
           lambda r: r.assessment.verdict.reason),
    Column("no_update_since", "Date of the latest update when it is older than the update "
           "cadence at assessed_as_of; otherwise empty.",
           lambda r: r.assessment.stale_since.text if r.assessment.stale_since else None),
    Column("assessed_as_of", "The date overdue and no_update_since are judged at, YYYY-MM-DD "
           "(empty when the plan gives no date to judge against).",
           lambda r: r.assessment.reference.date.isoformat()
           if r.assessment.reference.date else None),
    Column("leads", "Who leads the action (list).", lambda r: [x.text for x in r.action.leads]),
    Column("monitored_by", "Who monitors it (list).", lambda r: list(r.action.monitored_by)),
    Column("strand_codes", "Equality strand codes from the plan's own key (list).",
           lambda r: list(r.action.strands.codes) if r.action.strands else []),
    Column("strands_as_printed", "The strand cell exactly as printed.",
           lambda r: r.action.strands.text if r.action.strands else None),
    Column("characteristics", "Equality Act 2010 characteristics the strand codes stand for, "
           "then those the headings of its groups name (list).",
           lambda r: [characteristic_label(c)
                      for c in characteristic_codes(r.plan, r.action, r.groups)]),
    Column("description", "More about the action (Markdown).", lambda r: r.action.description),
    Column("outcome", "The intended outcome (Markdown).", lambda r: r.action.outcome),
    Column("psed_aims", "Public Sector Equality Duty aims the action serves (list).",
           lambda r: [PSED_AIMS[p.aim].label for p in r.action.psed]),
    Column("activities", "The activities under the action (list, Markdown).",
           lambda r: [a.text for a in r.action.activities]),
    Column("measures", "How success is measured (list, Markdown).",
           lambda r: [m.text for m in r.action.measures]),
    Column("related_documents", "Related strategies and plans (list).",
           lambda r: list(r.action.related_documents)),
    Column("footnotes", "Marks of the plan's footnotes the action uses (list).",
           lambda r: list(r.action.footnotes)),
    Column("update_count", "Number of progress updates.", lambda r: len(r.action.progress)),
    Column("progress", "Every progress update, oldest first, as date: status: text (list).",
           lambda r: [_update_line(u) for u in r.action.progress]),
    Column("officer_rating", "The lead officer's own RAG rating (red, amber, green or blue): "
           "that of the latest progress update that gives one, else the action's own. It is "
           "the officer's assessment and never changes verdict.",
           lambda r: r.action.officer_rating.code if r.action.officer_rating else None),
    Column("officer_rating_words", "That rating in words, for example Amber (at risk).",
           lambda r: r.action.officer_rating.words if r.action.officer_rating else None),
    Column("officer_rating_date", "Date of the progress update that gives that rating, as "
           "written; empty when it is the action's own undated rating.", _rating_date),
    Column("percent_complete", "The latest percent complete (0 to 100) an update reports.",
           lambda r: r.action.percent_update.percent_complete
           if r.action.percent_update else None),
    Column("percent_complete_date", "Date of the update that reports it, as written.",
           lambda r: r.action.percent_update.date.text
           if r.action.percent_update and r.action.percent_update.date else None),
    Column("budget_amount", "The action's budget as a number (no currency sign).",
           lambda r: r.action.budget.amount if r.action.budget else None),
    Column("budget_currency", "The budget's currency code (GBP unless the plan says "
           "otherwise).", lambda r: r.action.budget.currency if r.action.budget else None),
    Column("budget_period", "The period the budget covers, as written.",
           lambda r: r.action.budget.period if r.action.budget else None),
    Column("budget_note", "A note on the budget.",
           lambda r: r.action.budget.note if r.action.budget else None),
    Column("measure_figures", "Each measure that has figures, as name [unit]: baseline "
           "value (date); each reported value (date); target value (date) (list).",
           lambda r: [_measure_figures(m) for m in r.action.measures if m.has_figures]),
    Column("withdrawn_date", "Date the action was withdrawn, YYYY-MM-DD.",
           lambda r: r.action.withdrawn.date.isoformat() if r.action.withdrawn else None),
    Column("withdrawn_reason", "Why it was withdrawn.",
           lambda r: r.action.withdrawn.reason if r.action.withdrawn else None),
    Column("source_lines", "Lines of the transcribed source document the action came from.",
           lambda r: "-".join(map(str, r.action.source_lines)) if r.action.source_lines else None),
    Column("notes", "How the action was transcribed, as kind: text (list).",
           lambda r: [f"{n.kind}: {n.text}" for n in r.action.notes]),
    Column("action_json", "The whole action as in the JSON download (the plan-file format), "
           "including each activity, measure and update with all their fields.",
           lambda r: json.dumps(action_data(r.action), ensure_ascii=False, separators=(",", ":"))),
)


def escape_item(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|")


def join_list(items: Iterable[str]) -> str:
    return LIST_SEPARATOR.join(escape_item(i) for i in items)


def split_list(cell: str) -> list[str]:
    """The values of a list cell (the inverse of join_list); an empty cell is no values."""
    if cell == "":
        return []
    items, current, i = [], [], 0
    while i < len(cell):
        if cell[i] == "\\" and i + 1 < len(cell):
            current.append(cell[i + 1])
            i += 2
        elif cell.startswith(LIST_SEPARATOR, i):
            items.append("".join(current))
            current, i = [], i + len(LIST_SEPARATOR)
        else:
            current.append(cell[i])
            i += 1
    items.append("".join(current))
    return items


def protect(text: str) -> str:
    """Keep a spreadsheet from reading text as a formula (reverse: `unprotect`)."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def unprotect(cell: str) -> str:
    return cell[1:] if cell.startswith("'") else cell


def cell(value) -> str | int | float:
    if value is None:
        return ""
    if isinstance(value, (int, float)):  # written unquoted: a spreadsheet reads a number
        return value
    if isinstance(value, list):
        value = join_list(value)
    return protect(value)


def rows_for(site_or_plans: Site | Iterable[Plan], assessor: Assessor,
             page_of: Callable[[Plan, Action], str]) -> Iterable[Row]:
    plans = site_or_plans.plans if isinstance(site_or_plans, Site) else site_or_plans
    for plan in plans:
        for action, groups in plan.all_actions():
            yield Row(plan, action, groups, assessor(plan, action), page_of(plan, action))


def to_csv_bytes(rows: Iterable[Row]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\r\n")
    writer.writerow([c.name for c in COLUMNS])
    for row in rows:
        writer.writerow([cell(c.value(row)) for c in COLUMNS])
    return buffer.getvalue().encode(ENCODING)
