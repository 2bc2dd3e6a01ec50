"""Monitoring fields: the officer's RAG rating, percent complete, budget, measures with figures.

Each is checked where it is read (file:line errors), in the model, on the action page (words,
never colour alone) and written back (plan files). The fixture plan has every one of them.
"""

from __future__ import annotations

import re
from dataclasses import replace
from html import unescape
from textwrap import indent

import pytest

from actionplan.api import load_site, read_plan_file
from actionplan.facets import Assessor
from actionplan.model import build_plan
from actionplan.model.serialise import plan_to_data, plan_to_yaml
from actionplan.pages import site_pages
from actionplan.render import Renderer
from actionplan.render.figures import measure_chart, money_text, trend_sentence, with_unit
from actionplan.model.entities import Budget, Measure, MeasurePoint, MeasureValue
from actionplan.model.dates import parse_fuzzy_date
from actionplan.model.vocabulary import RAG_RATINGS, rag_words

from ..conftest import FIXTURES, ROOT
from .plan_text import VALID

MONITORING = FIXTURES / "monitoring"
TEXT = (MONITORING / "plans" / "monitoring.yaml").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def plan():
    site, warnings = load_site(MONITORING)
    assert warnings == []
    return site.plans[0]


@pytest.fixture(scope="module")
def pages(plan):
    site, _ = load_site(MONITORING)
    renderer = Renderer()
    return {spec.src_uri: renderer.render(spec) for spec in site_pages(site)
            if "/actions/" in spec.src_uri}


def _action(plan, action_id):
    return next(a for a, _ in plan.all_actions() if a.id == action_id)


def _errors(write_plan, text):
    plan, problems = read_plan_file(write_plan(text), "data/plans/plan.yaml")
    return plan, [p for p in problems if p.severity == "error"]


def _line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


# --- validation: file, line, what and how to fix -------------------------------------------

@pytest.mark.parametrize("old, new, what, fix", [
    ("percent_complete: 40", 'percent_complete: "40%"', "should be a number, but is text",
     "write 40: a plain number, without quotes, %"),
    ("percent_complete: 62.5", "percent_complete: 120", "is 120, above the highest allowed",
     "write a number from 0 to 100"),
    ("percent_complete: 0", "percent_complete: -5", "is -5, below the lowest allowed",
     "write a number from 0 to 100"),
    ("percent_complete: 40", "percent_complete: about half", "should be a number",
     "write a plain number"),
    ("rag: red", "rag: purple", 'rag "purple" is not one of: red, amber, green, blue',
     "use one of the values listed"),
    ("rag: amber", "rag: Amber (at risk)", 'is not one of: red, amber, green, blue',
     'did you mean "amber"'),
    ("amount: 25000", 'amount: "£25,000"', "should be a number, but is text", "write 25000"),
    ("currency: EUR", "currency: euro", 'currency "euro" is not a three-letter currency code',
     "write the code in capitals, for example GBP, EUR or USD"),
    ("{date: 2023-09-30, value: 12}", "{date: 2023-09-30, value: twelve}",
     "value should be a number", "write a plain number"),
    ("{date: 2023-09-30, value: 12}", "{value: 12}", 'the field "date" is missing', "add `date:`"),
    ("{date: 2024-09-30, value: 17.5}", "{date: 2024-09-30, value: .nan}", "not a figure",
     "write a plain number"),
    ("{date: 2024-09-30, value: 17.5}", "{date: 2022-09-30, value: 17.5}",
     'the value dated "2022-09-30" comes after one dated "2024-03-31"', "oldest first"),
    ("{date: 2023-09-30, value: 12}", "{date: 2023-02-30, value: 12}",
     "is not a real calendar date", "write a date that exists"),
    ("unit: people", "unit: {name: people}", "unit should be text", "write text here"),
])
def test_a_bad_monitoring_value_is_an_error_at_its_line(write_plan, old, new, what, fix):
    assert old in TEXT
    text = TEXT.replace(old, new, 1)
    plan, problems = _errors(write_plan, text)
    assert plan is None and len(problems) == 1, [p.format() for p in problems]
    problem = problems[0]
    assert problem.file == "data/plans/plan.yaml"
    assert problem.line == _line_of(text, new)
    assert what.lower() in problem.what.lower() and fix.lower() in problem.fix.lower()


def test_the_fixture_is_valid_and_the_published_schema_describes_every_new_field(write_plan):
    from actionplan.validate import load_schema
    plan, problems = _errors(write_plan, TEXT)
    assert problems == [] and plan is not None
    defs = load_schema()["$defs"]
    assert {"rag", "budget"} <= set(defs["Action"]["properties"])
    assert {"rag", "percent_complete"} <= set(defs["Update"]["properties"])
    assert {"unit", "baseline", "target", "values"} <= set(
        defs["Measure"]["anyOf"][1]["properties"])
    assert defs["Rag"]["enum"] == ["red", "amber", "green", "blue"]


# --- the model -------------------------------------------------------------------------------

def test_the_shown_rating_is_the_latest_update_that_gives_one(plan):
    first = _action(plan, "1.1")
    assert first.rag == "green" and [u.rag for u in first.progress] == ["green", "amber"]
    rating = first.officer_rating
    assert rating.code == "amber" and rating.update is first.progress[-1]
    assert rating.words == "Amber (at risk)"
    # No update gives one: the action's own rating, undated.
    second = _action(plan, "1.2")
    assert second.officer_rating.code == "red" and second.officer_rating.update is None
    # An older update's rating is kept when a later update gives none.
    later = replace(first, progress=first.progress + (replace(first.progress[-1], id="3",
                                                               rag=None),))
    assert later.officer_rating.update is first.progress[-1]
    assert replace(second, rag=None).officer_rating is None


def test_percent_budget_and_measure_figures_are_read_as_written(plan):
    first, second = _action(plan, "1.1"), _action(plan, "1.2")
    assert [u.percent_complete for u in first.progress] == [40, 62.5]
    assert first.percent_update is first.progress[-1]
    assert second.percent_update.percent_complete == 0  # zero is a figure, not "none"
    assert first.budget == Budget(25000, "GBP", "2024/25", "From the workforce fund <b>only</b>")
    assert second.budget == Budget(1200.5, "EUR")
    measure = first.measures[0]
    assert (measure.text, measure.unit, measure.baseline.value, measure.target.value) == (
        "Apprentices recruited", "people", 10, 20)
    assert measure.target.date.text == "March 2025" and measure.target.date.end.isoformat() == \
        "2025-03-31"
    assert [(v.date.text, v.value, v.note) for v in measure.values] == [
        ("2023-09-30", 12, None), ("2024-03-31", 15, "Provisional"), ("2024-09-30", 17.5, None)]
    assert not first.measures[1].has_figures


def test_plan_files_written_back_keep_every_field(plan):
    data = plan_to_data(plan)
    assert build_plan(data, plan.data_file) == plan
    action = data["groups"][0]["actions"][0]
    assert action["rag"] == "green" and "currency" not in action["budget"]  # GBP by default
    assert data["groups"][0]["actions"][1]["budget"]["currency"] == "EUR"
    assert action["progress"][1]["percent_complete"] == 62.5
    import yaml
    assert build_plan(yaml.safe_load(plan_to_yaml(data)), plan.data_file) == plan


def test_the_verdict_ignores_the_officers_rating(plan):
    assess = Assessor()
    for action, _ in plan.all_actions():
        unrated = replace(action, rag=None,
                          progress=tuple(replace(u, rag=None) for u in action.progress))
        assert assess(plan, action).verdict == assess(plan, unrated).verdict
    # 1.2 is overdue by its dates and status, whatever the officer's rating says.
    late = _action(plan, "1.2")
    for code in ("green", "blue"):
        assert assess(plan, replace(late, rag=code)).verdict.code == "late"


# --- the action page ---------------------------------------------------------------------------

def _page(pages, action_id):
    return pages[f"plans/monitoring-plan/actions/{action_id}/index.md"]


def _words(html: str) -> str:
    text = " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())
    return text.replace(" )", ")").replace(" .", ".")


def test_the_rating_is_shown_in_words_and_labelled_as_the_officers(pages):
    words = _words(_page(pages, "1.1"))
    assert "Officer's rating: Amber (at risk)" in words
    assert "from the progress update of 30 September 2024" in words
    assert "the action's own undated rating is Green (on track)" in words
    assert "lead officer's own assessment, not the site's judgement of timing" in words
    assert "The officer's rating, Amber (at risk), is not used here" in words
    # Each update's own rating, in words.
    assert words.count("Officer's rating: Green (on track)") == 1
    red = _words(_page(pages, "1.2"))
    assert "Officer's rating: Red (off track)" in red and "the action's own rating" in red
    assert "Timing: Overdue" in red


def test_the_colour_square_only_repeats_the_words(pages):
    html = _page(pages, "1.1")
    swatches = re.findall(r'<span class="ap-rag__swatch"[^>]*></span>([^<]+)</strong>', html)
    assert swatches == ["Amber (at risk)", "Green (on track)", "Amber (at risk)",
                        "Green (on track)"]
    assert html.count('class="ap-rag__swatch" aria-hidden="true"') == len(swatches)


def test_percent_and_budget_are_on_the_page_with_officer_text_escaped(pages):
    html = _page(pages, "1.1")
    words = _words(html)
    assert "Percent complete 62.5% (officer's figure, as at 30 September 2024)" in words
    assert "Percent complete (officer's figure): 40%" in words
    assert "Budget £25,000 for 2024/25" in words
    assert "&lt;b&gt;only&lt;/b&gt;" in html and "<b>only</b>" not in html
    assert "Budget €1,200.50" in _words(_page(pages, "1.2"))
    assert "Percent complete 0%" in _words(_page(pages, "1.2"))


def test_measure_figures_are_a_table_with_caption_and_header_scopes(pages):
    html = _page(pages, "1.1")
    table = re.search(r'<table class="ap-measure-figures">.*?</table>', html, re.S).group(0)
    assert "<caption>Figures for “Apprentices recruited” (in people)</caption>" in table
    assert table.count('scope="col"') == 3
    rows = re.findall(r'<th scope="row">(\w+)</th><td>(.*?)</td><td>(.*?)</td>', table)
    assert [(r[0], _words(r[1]), _words(r[2])) for r in rows] == [
        ("Baseline", "31 March 2023", "10 people"),
        ("Reported", "30 September 2023", "12 people"),
        ("Reported", "31 March 2024", "15 people (Provisional)"),
        ("Reported", "30 September 2024", "17.5 people"),
        ("Target", "March 2025", "20 people")]


def test_two_values_or_more_give_a_chart_whose_text_states_the_trend(pages):
    html = _page(pages, "1.1")
    svg = re.search(r"<svg[^>]*>.*?</svg>", html, re.S).group(0)
    assert 'role="img"' in svg and 'aria-labelledby="chart-m1-title"' in svg
    assert ('<title id="chart-m1-title">Chart of Apprentices recruited: rose from 12 people '
            "(30 September 2023) to 17.5 people (30 September 2024), over 3 reported values. "
            "Target: 20 people by March 2025.</title>") in svg
    assert svg.count("<circle") == 3 and 'class="ap-chart__target"' in svg
    assert "Target 20" in svg  # the target line is named in words, not by colour
    assert "<script" not in html
    # One value: the table alone.
    assert "<svg" not in _page(pages, "1.2") and "ap-measure-figures" in _page(pages, "1.2")


def _measure(values, target=None, unit=None, name="Visits"):
    return Measure(text=name, unit=unit, target=target,
                   values=tuple(MeasureValue(parse_fuzzy_date(d), v) for d, v in values))


@pytest.mark.parametrize("values, words", [
    ([("2023-01-01", 5), ("2024-01-01", 3)], "fell from 5"),
    ([("2023-01-01", 5), ("2023-06-01", 9), ("2024-01-01", 7)], "rose overall from 5"),
    ([("2023-01-01", 5), ("2024-01-01", 5)], "unchanged from 5"),
    ([("2023-01-01", 5), ("2023-06-01", 8), ("2024-01-01", 5)], "unchanged overall from 5"),
])
def test_the_trend_is_worded_from_the_values(values, words):
    assert f"Chart of Visits: {words} " in trend_sentence(_measure(values))


def test_the_chart_is_deterministic_and_escapes_the_measures_words():
    measure = _measure([("Q1 2023/24", 1.25), ("Q2 2023/24", 40)],
                       name="**Rate** & <script>alert(1)</script>", target=MeasurePoint(50),
                       unit="%")
    chart = measure_chart(measure, "chart-x")
    assert chart == measure_chart(measure, "chart-x")
    # The measure's words without Markdown marks or markup, escaped in the SVG.
    assert "Chart of Rate &amp;: rose from 1.25%" in chart
    assert "<script" not in chart and "**" not in chart
    assert "from 1.25% (Q1 2023/24) to 40% (Q2 2023/24)" in chart and "Target: 50%." in chart
    # Spaced by time: the quarters' first days are three months apart, end to end.
    assert 'points="56.0,' in chart and ' 330.0,' in chart
    assert measure_chart(_measure([("2023-01-01", 1)]), "chart-y") == ""


def test_figures_are_written_for_people():
    assert with_unit(12, "people") == "12 people" and with_unit(45.0, "%") == "45%"
    assert with_unit(1234567, None) == "1,234,567"
    assert money_text(Budget(25000)) == "£25,000"
    assert money_text(Budget(99.5, "USD")) == "$99.50"
    assert money_text(Budget(1000, "CHF")) == "1,000 CHF"



# --- the data-format guide ------------------------------------------------------------------

GUIDE = (ROOT / "content" / "data-format.md").read_text(encoding="utf-8")


def test_the_guides_monitoring_example_is_a_valid_action(write_plan):
    block = GUIDE.split("**Monitoring fields.**")[1].split("```yaml\n")[1].split("```")[0]
    text = VALID.split("    actions:\n")[0] + "    actions:\n" + indent(block, "      ")
    plan, problems = _errors(write_plan, text)
    assert problems == [] and plan is not None
    action = next(plan.all_actions())[0]
    assert action.officer_rating.words == "Amber (at risk)"
    assert action.budget.amount == 25000 and len(action.measures[0].values) == 2


def test_the_guide_names_every_rating_in_the_words_the_pages_use():
    section = GUIDE.split("**Monitoring fields.**")[1].split("**Linked lists.**")[0]
    for code in RAG_RATINGS:
        assert f"`{code}`" in section and f'"{rag_words(code)}"' in section


def test_the_guide_states_the_one_rule_for_several_leads():
    assert "the list is the truth, and the lead index lists the action under each" in GUIDE
    assert "separated by `;`" in GUIDE and "`/` or ` and ` stays one lead" in GUIDE


def test_the_lead_index_lists_an_action_with_two_leads_under_each():
    site, _ = load_site(MONITORING)
    renderer = Renderer()
    pages = {spec.src_uri: renderer.render(spec) for spec in site_pages(site)
             if spec.src_uri.startswith("browse/lead/")}
    for lead in ("head-of-hr", "apprenticeship-coordinator"):
        listing = pages[f"browse/lead/monitoring-plan/{lead}/index.md"]
        assert "Recruit apprentices from under-represented groups" in listing
        assert "actions/1.1/" in listing


def test_the_glossary_explains_the_ratings_only_where_plans_give_them():
    def glossary(data_dir):
        site, _ = load_site(data_dir)
        spec = next(s for s in site_pages(site) if s.template == "glossary.html")
        return _words(Renderer().render(spec))
    words = glossary(MONITORING)
    assert "Officer's rating (red, amber, green)" in words
    assert "which it never changes: the verdict comes from the target dates" in words
    for code in RAG_RATINGS:
        assert f"{rag_words(code)} The officer judges the action {RAG_RATINGS[code].meaning}." \
            in words
    assert "Officer's rating" not in glossary(FIXTURES / "data")


def test_the_action_page_links_the_rating_to_its_meaning(pages):
    line = re.search(r'<p class="ap-rag-line" id="officer-rating">.*?</p>',
                     _page(pages, "1.1"), re.S).group(0)
    assert re.search(r'<a href="[^"]*glossary/#officer-rating">What the ratings mean</a>', line)


def test_the_charts_axis_runs_from_zero_whatever_the_sign_of_the_values():
    falling = measure_chart(_measure([("2023-01-01", -5), ("2024-01-01", -8)]), "chart-n")
    labels = re.findall(r'text-anchor="end">([^<]+)</text>', falling)
    assert labels[:2] == ["0", "-8"]  # top and bottom of the axis
    assert "fell from -5" in falling
    small = measure_chart(_measure([("2023-01-01", 100), ("2024-01-01", 101)]), "chart-s")
    assert re.findall(r'text-anchor="end">([^<]+)</text>', small)[:2] == ["101", "0"]
