"""The documented spreadsheet layout: which tables (sheets) exist and what each column holds.

One table per kind of item, linked by ids: Actions name their group by Group id; Activities,
Measures, Progress and the detail tables name their action by Action id. Cells that hold a
list have one item per line. Detail tables (Leads, Dates) add detail to the item in the main
cell with the same words, so the main sheets always show the plan's own words.

Headings are matched loosely (case, spaces and punctuation do not matter), and a plan's own
headings (plan.labels, the Headings sheet), the plan's level labels ("Objective") and a
mapping file can stand in for the standard headings below.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from actionplan.model.vocabulary import RAG_RATINGS, STATUSES

STATUS_CODES = tuple(code for code in STATUSES if code != "no_update")
RAG_CODES = tuple(RAG_RATINGS)
_RAG_HELP = ("The lead officer's own rating: red (off track), amber (at risk), green (on track) "
             "or blue (complete).")
BASIS = ("stated", "inferred")
NOTE_KINDS = ("page_break_joined", "header_removed", "split_word_repaired",
              "column_drift_repaired", "moved_from", "ocr_repaired", "truncated",
              "duplicate_in_source", "possibly_misplaced", "sic", "inferred_value",
              "ambiguous_split", "html_converted", "other")
DATE_KINDS = ("day", "month", "season", "quarter", "year", "financial_year", "academic_year",
              "range", "recurring", "ongoing", "as_required", "event", "unspecified")


@dataclass(frozen=True)
class Column:
    key: str
    heading: str
    help: str
    label: str | None = None        # the plan.labels field whose wording can head this column
    aliases: tuple[str, ...] = ()   # other headings officers' own spreadsheets use
    lists: bool = False             # one item per line
    choices: tuple[str, ...] = ()   # offered as a drop-down list in .xlsx files
    exported: bool = True           # False: accepted on import only (one-table spreadsheets)
    width: int = 18


@dataclass(frozen=True)
class Table:
    name: str
    help: str
    columns: tuple[Column, ...]
    fields: bool = False  # True: a two-column Field / Value table (the Plan sheet)

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)


PLAN = Table("Plan", "What the plan is and who published it: one row per field, the value in "
             "the Value column. Leave a value empty if the plan does not say.", (
    Column("id", "Plan id", "Stable identifier used in the plan's web address, for example "
           "charnwood-2016-2018 (lower-case letters, digits and hyphens). Never change it once "
           "published. Can be left empty when `actionplan import --plan ID` gives it."),
    Column("previous_ids", "Previous plan ids", "Ids the plan had before, one per line, oldest "
           "first (its history and old addresses follow it)."),
    Column("title", "Title", "The plan's title, as the plan writes it."),
    Column("short_title", "Short title", "A shorter title for menus, for example \"Charnwood "
           "2016-2018\"."),
    Column("title_as_printed", "Title as printed", "The full title line exactly as printed, when "
           "it differs from the title."),
    Column("label", "Document label", "A label the document carries, such as \"Appendix 1\"."),
    Column("document_status", "Document status", "draft, adopted, progress_report or unknown.",
           choices=("draft", "adopted", "progress_report", "unknown")),
    Column("document_status_text", "Document status wording", "The document's own words about its "
           "status, for example \"Draft (to be presented on 20 November 2015)\"."),
    Column("organisation", "Organisation", "The organisation's name as residents know it. Leave "
           "empty only if the plan does not name it."),
    Column("organisation_as_written", "Organisation as written", "How the plan itself names the "
           "organisation, if differently."),
    Column("organisation_kind", "Organisation kind", "local_authority, partnership, vcs_body "
           "(voluntary or community sector) or other.",
           choices=("local_authority", "partnership", "vcs_body", "other")),
    Column("organisation_basis", "Organisation basis", "stated (named in the title or heading), "
           "stated_in_body, inferred or unknown.",
           choices=("stated", "stated_in_body", "inferred", "unknown")),
    Column("organisation_evidence", "Organisation evidence", "Why the name is given or withheld, "
           "when the plan does not state it."),
    Column("partners", "Partners", "Partner organisations named in the plan, one per line.",
           lists=True),
    Column("period", "Period", "The period the plan covers, as the plan writes it, for example "
           "2016-2018."),
    Column("document_date", "Document date", "When the document was written or last updated."),
    Column("progress_as_at", "Progress as at", "The date the progress updates describe, used for "
           "updates that give no date of their own."),
    Column("parent_strategy", "Parent strategy", "The strategy this plan delivers."),
    Column("summary", "Summary", "A few plain-English sentences for residents, shown first on the "
           "plan's page (Markdown allowed)."),
    Column("introduction", "Introduction", "The plan's introduction (Markdown allowed)."),
    Column("update_cadence", "Update cadence", "How often progress is updated: P1M monthly, P3M "
           "quarterly, P6M half-yearly, P1Y yearly."),
    Column("strand_heading", "Strand heading", "The heading of the plan's equality strand column, "
           "for example \"ES & CC\" (needed when the Strand key sheet has codes)."),
    Column("strand_title", "Strand title", "What that heading stands for."),
    Column("strand_key_text", "Strand key as printed", "The strand key exactly as the plan prints "
           "it."),
), fields=True)

LEVELS = Table("Levels", "How the plan groups its actions, outermost first: one row per level "
               "(for example Objective, or Objective then Priority area).", (
    Column("kind", "Kind",
           "What the level is, in lower case: objective, priority_area, section..."),
    Column("label", "Label", "The plan's own word for the level, for example PEO or Objective."),
    Column("label_long", "Long label",
           "The label in full, for example Priority Equality Objective."),
    Column("plural", "Plural", "The label in the plural."),
))

HEADINGS = Table("Headings", "The plan's own column headings, shown on the site instead of the "
                 "standard wording. Import also accepts them as column headings.", (
    Column("field", "Field", "Which field the heading is for (do not change this column)."),
    Column("standard", "Standard heading", "The heading this layout uses (for information)."),
    Column("heading", "Plan's heading", "The plan's own heading; leave empty to use the standard "
           "one.", width=40),
))

STRAND_KEY = Table("Strand key", "The plan's key of equality strand codes (for example A = Age) "
                   "and the Equality Act 2010 characteristics each code means.", (
    Column("code", "Code", "The code as printed, for example M/CP."),
    Column("label", "Meaning", "What the plan's key says the code means."),
    Column("maps_to", "Characteristics", "age, disability, gender_reassignment, "
           "marriage_civil_partnership, pregnancy_maternity, race, religion_belief, sex, "
           "sexual_orientation, socio_economic, community_cohesion, all_protected or other:name; "
           "separated by commas.", width=30),
))

FOOTNOTES = Table("Footnotes", "Footnotes the plan uses.", (
    Column("mark", "Mark", "The mark printed in the text, such as *."),
    Column("text", "Text", "What the footnote says.", width=60),
))

ABBREVIATIONS = Table("Abbreviations", "Abbreviations the plan uses and what they stand for.", (
    Column("term", "Abbreviation", "The abbreviation as used, for example VCS."),
    Column("meaning", "Meaning", "What it stands for.", width=40),
    Column("basis", "Basis", "stated if the plan expands it; inferred if an editor did.",
           choices=BASIS),
))

GROUPS = Table("Groups", "The plan's objectives, sections or other groups of actions, in the "
               "plan's order. A group inside another names it as its parent.", (
    Column("id", "Group id", "Stable identifier, for example objective-1 (used in web addresses)."),
    Column("parent", "Parent group id", "For a group inside another group (a priority area inside "
           "an objective): the id of that group. Empty for top-level groups."),
    Column("number", "Number", "The group's number as printed, if it has one."),
    Column("theme", "Theme", "A theme the plan prints before the heading."),
    Column("title", "Title", "The group's heading, as the plan writes it.", width=50),
    Column("description", "Description", "Any further text about the group (Markdown allowed).",
           width=40),
    Column("summary", "Summary", "A few plain-English sentences for residents about this group, "
           "shown first on its page (Markdown allowed).", width=40),
    Column("equality_groups", "Equality groups", "Where the heading names an equality group (such "
           "as \"Disabled people\"): its characteristics (age, disability, race...), separated by "
           "commas. They apply to every action under the group."),
    Column("equality_groups_words", "Equality groups as written", "The heading's words that name "
           "them, for example Disabled people."),
    Column("previous_ids", "Previous ids", "Ids the group had before, one per line, oldest first "
           "(its history and old address follow it).", lists=True),
))

ACTIONS = Table("Actions", "One row per action, in the plan's order. Cells with several items "
                "(target dates, leads, measures...) have one item per line (Alt+Enter in "
                "Excel).", (
    Column("group_id", "Group id", "The id of the group the action belongs to (see Groups). Empty: "
           "the same group as the row above."),
    Column("group_number", "Group number", "Only in one-table spreadsheets without a Groups sheet: "
           "the number of the action's group.", exported=False),
    Column("group_title", "Group title", "Only in one-table spreadsheets without a Groups sheet: "
           "the heading of the action's group (the objective). Empty: same group as the row above.",
           aliases=("objective", "group", "section", "priority area", "equality objective"),
           exported=False, width=30),
    Column("id", "Action id", "Stable identifier, for example 1.1 (used in web addresses). Empty: "
           "made from the number."),
    Column("number", "Number", "The action's number as printed.", label="number",
           aliases=("no", "ref", "reference", "action number", "action no")),
    Column("title", "Action", "What will be done: the action's main statement.", label="title",
           aliases=("what", "title", "actions", "action relating to", "key action", "commitment"),
           width=50),
    Column("description", "Description",
           "The rest of the action's text, if any (Markdown allowed).",
           label="description", width=40),
    Column("activities", "Activities", "The action's activities or sub-items, one per line (more "
           "detail in the Activities sheet).", label="activities", lists=True,
           aliases=("key activity", "key activities", "activity", "sub actions"), width=40),
    Column("outcome", "Outcome", "The outcome the action is meant to achieve.", label="outcome",
           aliases=("outcomes", "expected outcome"), width=40),
    Column("measures", "Measures", "How success will be measured, one per line (links to "
           "activities in the Measures sheet).", label="measures", lists=True,
           aliases=("measure", "performance measure", "performance measures", "success measures",
                    "how will success be measured", "outcome output measure", "kpi", "indicators"),
           width=40),
    Column("leads", "Leads", "Who is responsible, one per line (directorate and unit in the Leads "
           "sheet).", label="leads", lists=True,
           aliases=("who", "lead", "lead officer", "responsibility", "responsible officer",
                    "lead responsibility", "lead responsibility and timescales",
                    "responsibility delivery lead", "delivery lead", "department division",
                    "owner"),
           width=30),
    Column("due", "Target dates", "When the action is due, as the plan writes it (April 2018, Q3 "
           "2015/16, Ongoing), one per line.", label="due", lists=True,
           aliases=("when", "due", "target date", "due date", "timescale", "timescales",
                    "date of completion", "completion date", "deadline", "by when")),
    Column("monitored_by", "Monitored by", "Boards or people who monitor the action, one per line.",
           label="monitored_by", lists=True, aliases=("monitoring",)),
    Column("strands", "Strands", "Equality strand codes from the Strand key, separated by commas.",
           label="strands", aliases=("equality strands", "strand")),
    Column("strands_text", "Strands as printed", "The strand cell exactly as printed, if it "
           "differs from the codes."),
    Column("related_documents", "Related documents", "Strategies, plans or returns the action "
           "links to, one per line.", label="related_documents", lists=True,
           aliases=("link to statutory returns key strategies and plans", "related strategies")),
    Column("footnotes", "Footnotes", "Marks of the plan's footnotes that the action uses (such as "
           "*), one per line.", lists=True),
    Column("previous_ids", "Previous ids", "Ids the action had before, one per line, oldest first "
           "(its history and old address follow it).", lists=True),
    Column("withdrawn_date", "Withdrawn date", "If the action was dropped: when (YYYY-MM-DD)."),
    Column("withdrawn_reason", "Withdrawn reason", "If the action was dropped: why.", width=30),
    Column("rag", "Officer's rating", _RAG_HELP + " A rating in the Progress sheet is the rating "
           "at that update's date and is shown instead.", choices=RAG_CODES,
           aliases=("rag", "rag rating", "rag status")),
    Column("budget_amount", "Budget", "The action's budget as a plain number (25000, not "
           "£25,000).", aliases=("budget amount",)),
    Column("budget_currency", "Budget currency", "Three-letter currency code; empty means GBP."),
    Column("budget_period", "Budget period", "The period the budget covers, for example 2024/25."),
    Column("budget_note", "Budget note", "Anything more about the budget.", width=30),
    Column("status", "Status", "Only in one-table spreadsheets: the status of the latest update: "
           + ", ".join(STATUS_CODES) + ".", choices=STATUS_CODES, exported=False,
           aliases=("progress status", "current status")),
    Column("progress", "Progress", "Only in one-table spreadsheets: the latest progress update. It "
           "is added to the action's updates unless it is already the latest one.",
           label="progress", exported=False,
           aliases=("progress to date", "update", "progress update", "year end report",
                    "latest update"), width=50),
    Column("progress_date", "Progress date", "Only in one-table spreadsheets: the date of that "
           "update (YYYY-MM-DD, or as the plan writes it).", exported=False,
           aliases=("update date", "date of update", "as at")),
    Column("next_steps", "Next steps", "Only in one-table spreadsheets: what happens next.",
           label="next_steps", exported=False, aliases=("further action", "next step")),
    Column("impact", "Impact", "Only in one-table spreadsheets: the difference made so far.",
           label="impact", exported=False),
))

ACTIVITIES = Table("Activities", "Detail for the activities listed in the Actions sheet: their "
                   "ids (so measures and updates can point to them), dates and leads.", (
    Column("action", "Action id", "The action the activity belongs to."),
    Column("id", "Activity id", "Stable identifier within the action, for example a1."),
    Column("text", "Activity", "The activity, with the same words as in the Actions sheet.",
           width=50),
    Column("due", "Target dates",
           "When this activity is due, if it has its own date; one per line.",
           lists=True),
    Column("leads", "Leads", "Who leads this activity, if it has its own lead; one per line.",
           lists=True, width=30),
))

MEASURES = Table("Measures", "Detail for measures listed in the Actions sheet: an id, the "
                 "activity it belongs to, or that it is still to be decided; and its figures "
                 "(unit, baseline and target).", (
    Column("action", "Action id", "The action the measure belongs to."),
    Column("id", "Measure id", "Stable identifier within the action, for example m1 (needed only "
           "if a progress item points to it)."),
    Column("text", "Measure", "The measure, with the same words as in the Actions sheet.",
           width=50),
    Column("activity", "Activity id", "The id of the activity this measure belongs to."),
    Column("placeholder", "To be decided", "yes if the measure is still to be decided (\"TBC\").",
           choices=("yes", "no")),
    Column("unit", "Unit", "What the measure's figures count, for example people or %."),
    Column("baseline", "Baseline", "The figure the measure starts from, as a plain number."),
    Column("baseline_date", "Baseline date", "The date of the baseline figure."),
    Column("target", "Target", "The figure the plan aims for, as a plain number."),
    Column("target_date", "Target date", "When the target is to be reached."),
))

MEASURE_VALUES = Table("Measure values", "Dated figures reported for a measure, oldest first "
                       "within each measure.", (
    Column("action", "Action id", "The action the measure belongs to."),
    Column("measure", "Measure", "The measure: its Measure id, or its words as in the Actions "
           "sheet.", width=40),
    Column("date", "Date", "The date the figure describes: YYYY-MM-DD, or as the plan writes it."),
    Column("value", "Value", "The figure, as a plain number (12.5, not 12.5%)."),
    Column("note", "Note", "Anything the figure needs said beside it, for example provisional.",
           width=30),
))

PSED = Table("Equality duty aims", "Which aims of the Public Sector Equality Duty each action "
             "serves.", (
    Column("action", "Action id", "The action."),
    Column("aim", "Aim", "eliminate_discrimination, advance_equality or foster_good_relations.",
           choices=("eliminate_discrimination", "advance_equality", "foster_good_relations"),
           width=26),
    Column("phrase", "Phrase", "The plan's own words for the aim.", width=40),
    Column("basis", "Basis", "stated if the plan says so; inferred if an editor worked it out.",
           choices=BASIS),
))

PROGRESS = Table("Progress", "Every progress update, one row each, oldest first within each "
                 "action.", (
    Column("action", "Action id", "The action the update is about."),
    Column("id", "Update id", "Optional stable identifier; empty means the update's position (1, "
           "2, ...)."),
    Column("date", "Date", "The date the update describes: YYYY-MM-DD, or as the plan writes it. "
           "Empty: the plan's Progress as at date."),
    Column("status", "Status", ", ".join(STATUS_CODES) + ".", choices=STATUS_CODES),
    Column("status_text", "Status wording", "The plan's own status words, for example \"Date "
           "revised to May 2018.\"."),
    Column("status_basis", "Status basis", "stated if the update says so; inferred if an editor "
           "worked it out from the wording.", choices=BASIS),
    Column("revised_due", "Revised target date", "A new target date this update sets."),
    Column("rag", "Officer's rating", _RAG_HELP + " The rating at this update's date.",
           choices=RAG_CODES, aliases=("rag", "rag rating", "rag status")),
    Column("percent_complete", "Percent complete", "How much is done at this update's date, as a "
           "number from 0 to 100 (45, not 45%).", aliases=("percent", "% complete")),
    Column("text", "Progress", "What the update says (Markdown allowed).", label="progress",
           aliases=("update", "progress to date", "text"), width=60),
    Column("next_steps", "Next steps", "What happens next.", label="next_steps",
           aliases=("further action",), width=40),
    Column("impact", "Impact", "The difference made so far.", label="impact", width=40),
    Column("reason", "Reason", "Why something changed, for example why a date slipped."),
    Column("footnotes", "Footnotes", "Marks of the plan's footnotes used in this update, one per "
           "line.", lists=True),
    Column("label", "Heading", "The column heading the update appeared under, if different from "
           "the plan's progress heading."),
))

PROGRESS_ITEMS = Table("Progress items", "Separate items inside one update, each about one "
                       "activity or measure.", (
    Column("action", "Action id", "The action."),
    Column("update", "Update", "Which update of the action: its Update id, or its position (1, 2, "
           "...)."),
    Column("activity", "Activity id", "The activity the item reports on."),
    Column("measure", "Measure id", "The measure the item reports on."),
    Column("text", "Item", "What the item says.", width=50),
    Column("status", "Status", ", ".join(STATUS_CODES) + ".", choices=STATUS_CODES),
    Column("status_text", "Status wording", "The plan's own status words."),
    Column("status_basis", "Status basis", "stated or inferred.", choices=BASIS),
))

LEADS = Table("Leads", "Detail for leads listed in the Actions or Activities sheet: the "
              "organisation, directorate or unit of the lead with the same words.", (
    Column("belongs_to", "Belongs to", "action ID, or action ID > activity ID.", width=24),
    Column("text", "Lead", "The lead, with the same words as in the Actions or Activities sheet.",
           width=40),
    Column("organisation", "Organisation", "The organisation the lead belongs to, if not the "
           "plan's own."),
    Column("directorate", "Directorate", "The directorate or department."),
    Column("unit", "Unit", "The division, service or team."),
))

DATES = Table("Dates", "Detail for a date whose meaning cannot be worked out from its words: "
              "the exact start and end, how it repeats, and the evidence.", (
    Column("belongs_to", "Belongs to", "plan, action ID, action ID > activity ID, or action ID > "
           "update N.", width=24),
    Column("field", "Field", "Which date: due, date, revised_due, period, document_date or "
           "progress_as_at."),
    Column("text", "Date as written", "The date, with the same words as in the other sheet."),
    Column("kind", "Kind", ", ".join(DATE_KINDS) + ".", choices=DATE_KINDS),
    Column("start", "Start", "First day the date covers (YYYY-MM-DD)."),
    Column("end", "End", "Last day the date covers (YYYY-MM-DD)."),
    Column("recurrence", "Recurrence", "How often it repeats: P3M (quarterly), P1Y (yearly) or "
           "per_meeting."),
    Column("basis", "Basis", "stated or inferred.", choices=BASIS),
    Column("evidence", "Evidence", "How an inferred date was worked out.", width=50),
))

NOTES = Table("Notes", "Notes on how items were transcribed or repaired. Public notes are shown "
              "prominently on the item's page; every note is listed there.", (
    Column("belongs_to", "Belongs to", "plan, group ID, action ID, or action ID > update N.",
           width=24),
    Column("field", "Field", "The field the note is about, for example title or progress."),
    Column("kind", "Kind", ", ".join(NOTE_KINDS) + ".", choices=NOTE_KINDS),
    Column("public", "Public", "yes to show the note prominently (for example where the source "
           "text is cut off).", choices=("yes", "no")),
    Column("text", "Note", "What was done and why.", width=60),
))

SOURCES = Table("Sources", "Where the plan, a group or an action was transcribed from.", (
    Column("belongs_to", "Belongs to", "plan, group ID or action ID.", width=24),
    Column("file", "File", "The file the item was transcribed from."),
    Column("format", "Format", "pdf_table_extract, docx_table_extract, spreadsheet or manual.",
           choices=("pdf_table_extract", "docx_table_extract", "spreadsheet", "manual")),
    Column("lines", "Lines", "The first and last line in that file, for example 15-18."),
))

TABLES: tuple[Table, ...] = (PLAN, LEVELS, HEADINGS, STRAND_KEY, FOOTNOTES, ABBREVIATIONS,
                             GROUPS, ACTIONS, ACTIVITIES, MEASURES, MEASURE_VALUES, PSED,
                             PROGRESS,
                             PROGRESS_ITEMS, LEADS, DATES, NOTES, SOURCES)
README_SHEET = "Read me"
TABLES_BY_NAME = {t.name.casefold(): t for t in TABLES}

# plan.labels fields, in schema order, with the standard heading of each.
LABEL_FIELDS: dict[str, str] = {
    "number": "Number", "title": "Action", "description": "Description",
    "activities": "Activities", "outcome": "Outcome", "psed": "Equality duty aims",
    "measures": "Measures", "leads": "Leads", "monitored_by": "Monitored by",
    "due": "Target dates", "strands": "Strands", "related_documents": "Related documents",
    "progress": "Progress", "progress_none": "No progress wording",
    "next_steps": "Next steps", "impact": "Impact",
}


def heading_key(text: str) -> str:
    """Headings compared loosely: case, spacing, punctuation and "&"/"and" do not matter."""
    text = text.casefold().replace("&", " and ")
    return " ".join(re.findall(r"[a-z0-9]+", text))


def standard_headings(table: Table) -> dict[str, str]:
    """heading_key -> column key, for the standard headings, column keys and aliases."""
    found: dict[str, str] = {}
    for column in table.columns:
        for name in (column.heading, column.key.replace("_", " "), *column.aliases):
            found.setdefault(heading_key(name), column.key)
    return found

# The columns of a Field / Value table (the Plan sheet).
FIELD_COLUMNS = (
    Column("field", "Field", "The field (keep the wording of this column).", width=26),
    Column("value", "Value", "The plan's value for the field.", width=70),
    Column("about", "About", "What the field holds (for information; not read back).",
           width=70),
)
