"""Dates as plans write them get a sortable form; the words are never changed."""

from __future__ import annotations

from datetime import date

import pytest

from actionplan.model.dates import fuzzy_date_from_data, parse_fuzzy_date, placing_hint

CASES = [
    ("April 2018", "month", date(2018, 4, 1), date(2018, 4, 30), None),
    ("30 April 2016. And then every year thereafter", "day", date(2016, 4, 30), date(2016, 4, 30), "P1Y"),
    ("31 st October 2017", "day", date(2017, 10, 31), date(2017, 10, 31), None),
    ("End July 2015", "day", date(2015, 7, 31), date(2015, 7, 31), None),
    ("Q3 2015/16", "quarter", date(2015, 10, 1), date(2015, 12, 31), None),
    ("Q4 2015-2016", "quarter", date(2016, 1, 1), date(2016, 3, 31), None),
    ("2015 -2016", "financial_year", date(2015, 4, 1), date(2016, 3, 31), None),
    ("2014/ 15", "financial_year", date(2014, 4, 1), date(2015, 3, 31), None),
    ("Spring 2016", "season", date(2016, 3, 1), date(2016, 5, 31), None),
    ("Winter 2016", "season", date(2016, 12, 1), date(2017, 2, 28), None),
    ("2017", "year", date(2017, 1, 1), date(2017, 12, 31), None),
    ("2018-02-28", "day", date(2018, 2, 28), date(2018, 2, 28), None),
    ("January 2013 to March 2016", "range", date(2013, 1, 1), date(2016, 3, 31), None),
    ("2016-2018", "range", date(2016, 1, 1), date(2018, 12, 31), None),
    ("September 2013 – review progress in previous academic year", "month", date(2013, 9, 1),
     date(2013, 9, 30), None),
    ("Ongoing", "ongoing", None, None, None),
    ("As required", "as_required", None, None, None),
    ("Every 2 months", "recurring", None, None, "P2M"),
    ("Each meeting", "recurring", None, None, "per_meeting"),
    ("Following conclusion of Scrutiny Inquiry", "event", None, None, None),
    ("October", "event", None, None, None),
    # UK numeric dates are day first, never US order.
    ("5/11/2015", "day", date(2015, 11, 5), date(2015, 11, 5), None),
    ("05/11/15", "day", date(2015, 11, 5), date(2015, 11, 5), None),
    ("5.11.2015", "day", date(2015, 11, 5), date(2015, 11, 5), None),
    ("By 31/03/2016", "day", date(2016, 3, 31), date(2016, 3, 31), None),
    ("See 3.5.14", "event", None, None, None),  # a section number, not 3 May 2014
    ("11/25/2015", "unspecified", None, None, None),  # no month 25: not "some time in 2015"
    ("31/02/2016", "unspecified", None, None, None),
    ("5 Nov 2015", "day", date(2015, 11, 5), date(2015, 11, 5), None),
    ("Sept 2016", "month", date(2016, 9, 1), date(2016, 9, 30), None),
    ("By end of December 2015", "day", date(2015, 12, 31), date(2015, 12, 31), None),
    ("By March 2014", "month", date(2014, 3, 1), date(2014, 3, 31), None),
    ("2016/17", "financial_year", date(2016, 4, 1), date(2017, 3, 31), None),
    ("Q3 2016/17", "quarter", date(2016, 10, 1), date(2016, 12, 31), None),
    ("Quarter 4 2016/17", "quarter", date(2017, 1, 1), date(2017, 3, 31), None),
    ("Autumn 2015", "season", date(2015, 9, 1), date(2015, 11, 30), None),
    ("01/04/2016 - 31/03/2017", "range", date(2016, 4, 1), date(2017, 3, 31), None),
    ("Annually", "recurring", None, None, "P1Y"),
    ("By end of March annually", "recurring", None, None, "P1Y"),
    ("Review on a quarterly basis", "recurring", None, None, "P3M"),
    ("March 2014 and annually thereafter", "month", date(2014, 3, 1), date(2014, 3, 31), "P1Y"),
    ("On-going", "ongoing", None, None, None),
    ("December 15", "event", None, None, None),  # no plan period to read it in
]


@pytest.mark.parametrize("text,kind,start,end,recurrence", CASES, ids=[c[0] for c in CASES])
def test_parse(text, kind, start, end, recurrence):
    parsed = parse_fuzzy_date(text)
    assert (parsed.text, parsed.kind, parsed.start, parsed.end, parsed.recurrence) == (
        text, kind, start, end, recurrence)


def test_financial_years_are_marked_inferred():
    assert parse_fuzzy_date("2015-16").basis == "inferred"
    assert parse_fuzzy_date("April 2018").basis == "stated"


def test_explicit_form_overrides_the_parse():
    value = {"text": "October", "kind": "month", "start": "2015-10-01", "end": "2015-10-31",
             "basis": "inferred", "evidence": "plan year 2015-16"}
    parsed = fuzzy_date_from_data(value)
    assert (parsed.text, parsed.kind, parsed.end, parsed.basis) == (
        "October", "month", date(2015, 10, 31), "inferred")
    assert parsed.sort_date == date(2015, 10, 31)


FY_2015_16 = (date(2015, 4, 1), date(2016, 3, 31))

WITHIN_PERIOD = [
    ("By end of December 15", FY_2015_16, "day", date(2015, 12, 31), date(2015, 12, 31)),
    ("December 15", FY_2015_16, "month", date(2015, 12, 1), date(2015, 12, 31)),
    ("March 16", FY_2015_16, "month", date(2016, 3, 1), date(2016, 3, 31)),
    ("February 15", (date(2015, 1, 1), date(2016, 12, 31)), "month", date(2015, 2, 1),
     date(2015, 2, 28)),
    ("October", FY_2015_16, "month", date(2015, 10, 1), date(2015, 10, 31)),
    ("15 January", FY_2015_16, "day", date(2016, 1, 15), date(2016, 1, 15)),
]


@pytest.mark.parametrize("text,within,kind,start,end", WITHIN_PERIOD,
                         ids=[c[0] for c in WITHIN_PERIOD])
def test_month_without_full_year_is_read_in_the_plan_period(text, within, kind, start, end):
    parsed = parse_fuzzy_date(text, within)
    assert (parsed.kind, parsed.start, parsed.end, parsed.basis) == (kind, start, end, "inferred")
    assert parsed.placed


@pytest.mark.parametrize("text,within", [
    ("February 15", FY_2015_16),  # February 2015 is before an April 2015 start
    ("October", (date(2016, 1, 1), date(2018, 12, 31))),  # three Octobers: which?
    ("December 15", None),
])
def test_month_outside_or_ambiguous_in_the_period_is_not_placed(text, within):
    parsed = parse_fuzzy_date(text, within)
    assert (parsed.kind, parsed.start, parsed.placed) == ("event", None, False)
    assert "write the year in full" in placing_hint(text, within)


def test_placed_kinds():
    assert all(parse_fuzzy_date(t).placed for t in ("Ongoing", "Annually", "As required", "2017"))
    assert not parse_fuzzy_date("When funding allows").placed


def test_hint_for_a_month_first_numeric_date_says_day_first():
    hint = placing_hint("11/25/2015", None)
    assert "day first" in hint and '"11/25/2015"' in hint


def test_an_editor_can_say_a_target_is_an_event():
    parsed = fuzzy_date_from_data({"text": "Following the inquiry", "kind": "event"})
    assert (parsed.kind, parsed.placed) == ("event", False)
