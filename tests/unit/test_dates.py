"""Dates as plans write them get a sortable form; the words are never changed."""

from __future__ import annotations

from datetime import date

import pytest

from actionplan.model.dates import fuzzy_date_from_data, parse_fuzzy_date

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
