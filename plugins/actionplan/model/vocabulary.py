"""Controlled vocabularies: statuses, equality characteristics, equality duty aims.

Public wording lives here once, so pages, downloads and the glossary agree.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    code: str
    label: str
    meaning: str


STATUSES: dict[str, Term] = {t.code: t for t in [
    Term("not_started", "Not started", "Work on the action has not begun."),
    Term("in_progress", "In progress", "Work has started and is not finished."),
    Term("ongoing", "Ongoing", "Continuing work with no end date."),
    Term("completed", "Completed", "The action has been done."),
    Term("rescheduled", "Target date revised", "The target date has been moved."),
    Term("transferred", "Transferred", "Responsibility has passed to another body or plan."),
    Term("withdrawn", "Withdrawn", "The action has been dropped; the reason is given."),
    # Worded apart from "No update yet": this action has an update; it gives no status.
    Term("unknown", "Updated, no status given",
         "A progress update was published, but it does not say whether the action is done, "
         "under way or not started: read the update itself."),
    Term("no_update", "No update yet", "No progress update has been published for this action."),
]}

# Order for counts and charts: finished first, then live, then silent.
STATUS_ORDER = ["completed", "in_progress", "ongoing", "rescheduled", "not_started",
                "transferred", "withdrawn", "unknown", "no_update"]

# What the site concludes about an action's timing, one verdict each (facets/judgement.py).
# Only the status an update states is read, never its free text, so "no status given" is
# never turned into "not done".
VERDICTS: dict[str, Term] = {t.code: t for t in [
    Term("done", "Done", "The latest progress update says the action is completed."),
    Term("on_time", "Not yet due",
         "Its target date had not passed by the date the plan is judged at."),
    Term("late", "Overdue",
         "Its target date had passed by the date the plan is judged at, and its latest "
         "update gives a status that says it was not finished."),
    Term("target_passed_no_status", "Target passed, no status given",
         "Its target date had passed by the date the plan is judged at, but no update states "
         "a status, so the site cannot tell whether it was done; it is not counted as overdue."),
    Term("no_target", "No dated target",
         "The plan gives no target date that can pass (none, or one such as “Ongoing” or "
         "“Every year”), so it cannot be overdue or not yet due."),
    Term("not_assessed", "Not assessed",
         "The plan gives no date its progress describes, so there is no date to judge the "
         "target date against."),
    Term("withdrawn", "Withdrawn or transferred",
         "The action was dropped or handed to another body, so its target date no longer "
         "applies."),
]}

# Order for counts: settled first, then judged against a date, then what cannot be judged.
VERDICT_ORDER = ["done", "withdrawn", "on_time", "late", "target_passed_no_status",
                 "no_target", "not_assessed"]

# An officer's own red/amber/green (and blue) rating of an action, as councils' monitoring
# reports give it. Shown in words, never by colour alone, and never read by the verdict.
RAG_RATINGS: dict[str, Term] = {t.code: t for t in [
    Term("red", "Red", "off track"),
    Term("amber", "Amber", "at risk"),
    Term("green", "Green", "on track"),
    Term("blue", "Blue", "complete"),
]}


def rag_words(code: str) -> str:
    """A rating in words: "Amber (at risk)"."""
    term = RAG_RATINGS[code]
    return f"{term.label} ({term.meaning})"


CHARACTERISTICS: dict[str, Term] = {t.code: t for t in [
    Term("age", "Age", "Protected characteristic, Equality Act 2010."),
    Term("disability", "Disability", "Protected characteristic, Equality Act 2010."),
    Term("gender_reassignment", "Gender reassignment", "Protected characteristic, Equality Act 2010."),
    Term("marriage_civil_partnership", "Marriage and civil partnership",
         "Protected characteristic, Equality Act 2010."),
    Term("pregnancy_maternity", "Pregnancy and maternity",
         "Protected characteristic, Equality Act 2010."),
    Term("race", "Race", "Protected characteristic, Equality Act 2010."),
    Term("religion_belief", "Religion or belief", "Protected characteristic, Equality Act 2010."),
    Term("sex", "Sex", "Protected characteristic, Equality Act 2010."),
    Term("sexual_orientation", "Sexual orientation", "Protected characteristic, Equality Act 2010."),
    Term("socio_economic", "Socio-economic disadvantage",
         "Not a protected characteristic; some plans track it alongside them."),
    Term("community_cohesion", "Community cohesion",
         "Not a protected characteristic; some plans track it alongside them."),
    Term("all_protected", "All protected characteristics",
         "All nine protected characteristics of the Equality Act 2010."),
]}

PSED_AIMS: dict[str, Term] = {t.code: t for t in [
    Term("eliminate_discrimination", "Eliminate discrimination",
         "Eliminate unlawful discrimination, harassment, victimisation and other conduct "
         "prohibited by the Equality Act 2010."),
    Term("advance_equality", "Advance equality of opportunity",
         "Advance equality of opportunity between people who share a protected characteristic "
         "and people who do not."),
    Term("foster_good_relations", "Foster good relations",
         "Foster good relations between people who share a protected characteristic and people "
         "who do not."),
]}


def characteristic_label(code: str) -> str:
    if code in CHARACTERISTICS:
        return CHARACTERISTICS[code].label
    return code.removeprefix("other:").replace("_", " ").capitalize()
