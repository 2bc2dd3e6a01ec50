"""Nothing lost: every word of every field of the bundled data reaches its page.

Each action's strings (title, activities, measures, leads, dates, strands, updates, notes...)
must appear on the action's page; each plan's and group's strings on their pages.
Compared on letters and digits only, so markup and typography do not matter.
"""

from __future__ import annotations

import dataclasses
import html
import re
from datetime import date
from pathlib import Path

import pytest
from markupsafe import escape

from actionplan.api import load_site
from actionplan.pages import site_pages
from actionplan.render import Renderer, markdown_to_html

ROOT = Path(__file__).resolve().parents[1]
# Codes and machine forms are shown through their labels, not verbatim.
SKIPPED_FIELDS = {"id", "kind", "basis", "code", "aim", "recurrence", "level", "groups",
                  "actions", "maps_to", "activity", "measure", "data_file", "fields_present",
                  "public", "field", "date_is_default", "placeholder", "format", "file",
                  # shown elsewhere: the menu title in the nav, column headings on action pages
                  "short_title", "labels"}
# Characteristic codes a group's heading names are shown through their labels
# (tests/test_equality_groups.py checks those).
SKIPPED_BY_TYPE = {"EqualityGroups": {"codes"}}


def letters(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum())


def page_letters(page_html: str) -> str:
    return letters(html.unescape(re.sub(r"<[^>]+>", " ", page_html)))


def expected_forms(text: str) -> set[str]:
    # A Markdown list drops its literal "1." markers (the browser numbers the list), so the
    # rendered form of the text is accepted as well as the text itself.
    return {letters(text), page_letters(str(markdown_to_html(text)))}


def strings_of(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if dataclasses.is_dataclass(value):
        skipped = SKIPPED_FIELDS | ({"date"} if getattr(value, "date_is_default", False) else set())
        skipped |= SKIPPED_BY_TYPE.get(type(value).__name__, set())
        return [s for f in dataclasses.fields(value) if f.name not in skipped
                for s in strings_of(getattr(value, f.name))]
    if isinstance(value, (tuple, list)):
        return [s for item in value for s in strings_of(item)]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings_of(v)]
    return []


@pytest.fixture(scope="module")
def rendered():
    site, _ = load_site(ROOT / "data")
    renderer = Renderer()
    return site, {spec.src_uri: (spec, page_letters(renderer.render(spec)))
                  for spec in site_pages(site)}


def missing_strings(obj, text: str) -> list[str]:
    return [s for s in strings_of(obj)
            if letters(s) and not any(form in text for form in expected_forms(s))]


def test_every_action_field_is_on_the_action_page(rendered):
    site, pages = rendered
    problems = []
    for plan in site.plans:
        for action, _ in plan.all_actions():
            spec, text = pages[f"plans/{plan.id}/actions/{action.id}/index.md"]
            problems += [f"{plan.id} {action.id}: {s[:80]!r}" for s in missing_strings(action, text)]
    assert not problems, "\n".join(problems[:40])


def test_every_plan_and_group_field_is_on_its_page(rendered):
    site, pages = rendered
    problems = []
    for plan in site.plans:
        _, text = pages[f"plans/{plan.id}/index.md"]
        problems += [f"{plan.id}: {s[:80]!r}" for s in missing_strings(plan, text)]
        for group, _ in plan.all_groups():
            _, gtext = pages[f"plans/{plan.id}/{group.id}/index.md"]
            problems += [f"{plan.id} {group.id}: {s[:80]!r}"
                         for s in missing_strings(group, gtext)]
    assert not problems, "\n".join(problems[:40])


def test_every_field_of_a_plan_with_no_groups_is_on_its_pages():
    site, _ = load_site(ROOT / "tests" / "fixtures" / "flat")
    renderer = Renderer()
    pages = {spec.src_uri: page_letters(renderer.render(spec)) for spec in site_pages(site)}
    plan = site.plans[0]
    problems = [f"{plan.id}: {s!r}" for s in missing_strings(plan, pages[
        f"plans/{plan.id}/index.md"])]
    for action in plan.actions:
        text = pages[f"plans/{plan.id}/actions/{action.id}/index.md"]
        problems += [f"{action.id}: {s!r}" for s in missing_strings(action, text)
                     if not _shown_as_a_day(s, text)]
    assert not problems, problems
    assert plan.actions  # strings_of skips "actions": each is checked on its own page


def _shown_as_a_day(text: str, page: str) -> bool:
    """A date written YYYY-MM-DD is shown in words: "1 December 2021"."""
    try:
        day = date.fromisoformat(text)
    except ValueError:
        return False
    return letters(f"{day.day} {day:%B %Y}") in page


def test_every_action_page_states_a_status_in_words(rendered):
    site, pages = rendered
    for plan in site.plans:
        for action, _ in plan.all_actions():
            _, text = pages[f"plans/{plan.id}/actions/{action.id}/index.md"]
            assert letters("Status: " + action.status.label) in text


def test_public_notes_are_shown_as_notices(rendered):
    # A public note (text cut off in the source) must be prominent, wherever it is attached.
    site, pages = rendered
    raw = {}
    for plan in site.plans:
        for action, _ in plan.all_actions():
            notes = list(action.notes) + [n for u in action.progress for n in u.notes]
            public = [n for n in notes if n.public]
            if public:
                raw[(plan.id, action.id)] = public
    assert raw, "the bundled data has public notes (e.g. truncated text)"
    renderer = Renderer()
    specs = {s.src_uri: s for s in site_pages(site)}
    for (plan_id, action_id), notes in raw.items():
        page = renderer.render(specs[f"plans/{plan_id}/actions/{action_id}/index.md"])
        for note in notes:
            assert page.count('role="note"') >= 1 and str(escape(note.text))[:60] in page


# The monitoring fields (officer's rating, percent complete, budget, measures with figures)
# are not in the bundled plans, which are transcribed word for word: a fixture has them all.
MONITORING = ROOT / "tests" / "fixtures" / "monitoring"
# Shown through words or a sign: a rating as "Amber (at risk)" (checked below), GBP as "£".
MONITORING_SKIPPED = {"rag", "currency", "source_lines", "lines"}


def strings_and_figures_of(value) -> list[str]:
    """Every string, and every number written as text, that the value holds."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return [str(value)]
    if dataclasses.is_dataclass(value):
        skipped = SKIPPED_FIELDS | MONITORING_SKIPPED
        return [s for f in dataclasses.fields(value) if f.name not in skipped
                for s in strings_and_figures_of(getattr(value, f.name))]
    if isinstance(value, (tuple, list)):
        return [s for item in value for s in strings_and_figures_of(item)]
    return strings_of(value)


def test_every_monitoring_field_is_on_the_action_page():
    from actionplan.model.vocabulary import rag_words
    site, _ = load_site(MONITORING)
    renderer = Renderer()
    pages = {spec.src_uri: renderer.render(spec) for spec in site_pages(site)}
    checked = problems = 0
    for plan in site.plans:
        for action, _ in plan.all_actions():
            page = pages[f"plans/{plan.id}/actions/{action.id}/index.md"]
            text = page_letters(page)
            wanted = strings_and_figures_of(action)
            wanted += [rag_words(code) for code in [action.rag, *(u.rag for u in action.progress)]
                       if code]
            if action.budget:
                wanted.append(action.budget.currency if action.budget.currency not in
                              ("GBP", "EUR", "USD") else {"GBP": "£", "EUR": "€",
                                                          "USD": "$"}[action.budget.currency])
            # A date written YYYY-MM-DD is shown in words, its machine form in <time datetime>.
            missing = [s for s in wanted if s not in page and not any(
                form in text for form in expected_forms(s))]
            problems += len(missing)
            checked += len(wanted)
            assert not missing, f"{action.id}: {missing}"
    assert checked > 40 and problems == 0
