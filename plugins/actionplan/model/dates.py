"""Dates as plans write them ("Q3 2015/16", "Spring 2016", "Ongoing"), with a sortable form.

The words are always kept; `start`/`end` are worked out where the words allow. The grammar is
documented for officers in content/data-format.md ("Dates"); in short:
- days: "5 November 2015", "5th Nov 2015", "2015-11-05", and UK numeric dates read day first,
  never in US order: "5/11/2015", "05/11/15", "5.11.2015" (a month over 12 is not a date);
- "End July 2015", "By end of December 2015": the last day of the month;
- months: "March 2016"; a month with a two-digit year ("December 15") or none ("October") is
  read within the plan's period, and only when the period holds that month exactly once;
- "Qn YYYY/YY" is a UK financial-year quarter (Q1 = April-June); "2016/17", "2015-16" and
  "2015 -2016" are financial years (April-March, marked inferred);
- seasons are meteorological (Spring = March-May); a bare year is the whole year;
- "January 2013 to March 2016" and "2016-2018" are ranges;
- recurring ("Annually", "By end of March annually", "Every 2 months") and open ("Ongoing",
  "As required") targets are kinds of their own, never judged against a calendar;
- a date found inside longer words ("Commence from January 2013 ...") is used, the words kept.
Anything else is `event` (words) or `unspecified` (no words): not placed on a calendar, so
the validator warns about it and it is never used to judge progress.
"""

from __future__ import annotations

import calendar
import re
from functools import lru_cache
from dataclasses import dataclass
from datetime import date

from babel.dates import get_month_names


def _month_names() -> dict[str, int]:
    # British English month names from CLDR (via babel), full and short ("Sept" as well as
    # "Sep"): the standard library's names follow the process locale, these never change.
    names: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for number, name in get_month_names(width, locale="en_GB").items():
            names[name.lower().rstrip(".")] = number
            names[name.lower()[:3]] = number
    return names


MONTHS = _month_names()
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "winter": (12, 2)}


@dataclass(frozen=True)
class FuzzyDate:
    text: str
    kind: str = "unspecified"
    start: date | None = None
    end: date | None = None
    recurrence: str | None = None
    basis: str = "stated"
    evidence: str | None = None

    @property
    def sort_date(self) -> date | None:
        """The date to sort and compare by: the end of the period, else its start."""
        return self.end or self.start

    @property
    def year(self) -> int | None:
        point = self.sort_date
        return point.year if point else None

    @property
    def placed(self) -> bool:
        """True unless the words could not be placed on a calendar or read as a kind of their
        own (recurring, ongoing, as required): such a date is shown as written and never
        used to judge progress."""
        return self.kind not in UNPLACED_KINDS


# Kinds for words the grammar cannot place: shown as written, never judged.
UNPLACED_KINDS = frozenset({"event", "unspecified"})

# A plan's period as (first day, last day): month names without a full year are read in it.
Span = tuple[date, date]


def plan_span(period: FuzzyDate | None) -> Span | None:
    """The plan's period as (start, end) when both ends are known, else None."""
    if period is None or period.start is None or period.end is None:
        return None
    return period.start, period.end


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _fy_quarter(quarter: int, first_year: int) -> tuple[date, date]:
    # UK financial year: Q1 Apr-Jun, Q2 Jul-Sep, Q3 Oct-Dec (first year), Q4 Jan-Mar (second).
    start_month = {1: 4, 2: 7, 3: 10, 4: 1}[quarter]
    year = first_year + 1 if quarter == 4 else first_year
    return date(year, start_month, 1), _month_end(year, start_month + 2)


def _second_year(first: int, second: str) -> int | None:
    value = int(second) if len(second) == 4 else (first // 100) * 100 + int(second)
    return value if value == first + 1 else None


_RECURRENCE_WORDS = (("quarterly", "P3M"), ("monthly", "P1M"), ("annually", "P1Y"),
                     ("every year", "P1Y"), ("each year", "P1Y"), ("each meeting", "per_meeting"),
                     ("every meeting", "per_meeting"), ("bi-monthly", "P2M"))


def _recurrence_in(text: str, *, anywhere: bool) -> str | None:
    low = text.lower()
    match = re.search(r"every (\d+) (month|week|year)s?", low)
    if match and (anywhere or match.start() == 0):
        unit = {"month": "M", "week": "W", "year": "Y"}[match.group(2)]
        return f"P{match.group(1)}{unit}"
    for words, period in _RECURRENCE_WORDS:
        if low.startswith(words) or (anywhere and words in low):
            return period
    return None


def _recurring(text: str) -> FuzzyDate | None:
    period = _recurrence_in(text, anywhere=False)
    return FuzzyDate(text, "recurring", recurrence=period) if period else None


def _special(text: str) -> FuzzyDate | None:
    low = text.lower().strip(" .")
    if low.startswith(("ongoing", "on-going", "continuous", "on going")):
        return FuzzyDate(text, "ongoing")
    if low.startswith(("as required", "as needed", "as and when")):
        return FuzzyDate(text, "as_required")
    return None


class _NotADate(Exception):
    """Words that look like a date but name none ("25/11/2015" read day first): the rest of
    the grammar must not then find a year in them and claim "some time in 2015"."""


# Day first, UK style: 5/11/2015, 05/11/15, 5.11.2015, 5-11-2015 (never month first).
_NUMERIC_DAY = re.compile(
    r"(?<![\d/.-])(?P<day>\d{1,2})(?P<sep>[/.-])(?P<month>\d{1,2})(?P=sep)"
    r"(?P<year>\d{4}|\d{2})(?![\d/.-])")


def _numeric_day(text: str) -> FuzzyDate | None:
    match = _NUMERIC_DAY.search(text)
    if not match or (match["sep"] == "." and len(match["year"]) == 2):
        return None  # "3.5.14" is far more often a section number than a date
    year = int(match["year"]) + (2000 if len(match["year"]) == 2 else 0)
    month, day = int(match["month"]), int(match["day"])
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
        raise _NotADate(match.group(0))
    return FuzzyDate(text, "day", date(year, month, day), date(year, month, day))


def _find_date(text: str) -> FuzzyDate | None:
    """The first recognisable date in `text`, most specific pattern first."""
    numeric = _numeric_day(text)
    if numeric:
        return numeric
    patterns = [
        (r"^(?P<iso>\d{4}-\d{2}-\d{2})$", "iso"),
        (r"\b(?:Q|quarter\s*)(?P<q>[1-4])\s*(?P<y1>(?:19|20)\d\d)\s*[-/–]\s*(?P<y2>\d{2}(?:\d{2})?)\b", "quarter"),
        (rf"\b(?P<day>\d{{1,2}})(?:\s?(?:st|nd|rd|th))?\s+{_MONTH}\s+{_YEAR}\b", "day"),
        (rf"\bend(?: of)?\s+{_MONTH}\s+{_YEAR}\b", "end_of_month"),
        (r"\b(?P<y1>(?:19|20)\d\d)\s*[-/–]\s*(?P<y2>\d{2}(?:\d{2})?)\b", "financial_year"),
        (rf"\b{_MONTH}\s*{_YEAR}\b", "month"),
        (rf"\b(?P<season>spring|summer|autumn|winter)\s+{_YEAR}\b", "season"),
        (rf"\b{_YEAR}\b", "year"),
    ]
    for pattern, kind in patterns:
        match = re.search(pattern, text, flags=re.IGNORECASE)
        if match:
            found = _from_match(text, kind, match)
            if found:
                return found
    return None


def _from_match(text: str, kind: str, m: re.Match) -> FuzzyDate | None:
    g = m.groupdict()
    if kind == "iso":
        try:
            day = date.fromisoformat(g["iso"])
        except ValueError:
            return None
        return FuzzyDate(text, "day", day, day)
    if kind == "quarter":
        y1 = int(g["y1"])
        if _second_year(y1, g["y2"]) is None:
            return None
        start, end = _fy_quarter(int(g["q"]), y1)
        return FuzzyDate(text, "quarter", start, end)
    if kind in ("day", "end_of_month", "month"):
        year, month = int(g["year"]), MONTHS[g["month"].lower()]
        if kind == "day":
            day_number = int(g["day"])
            if day_number > calendar.monthrange(year, month)[1]:
                return None
            when = date(year, month, day_number)
            return FuzzyDate(text, "day", when, when)
        if kind == "end_of_month":
            end = _month_end(year, month)
            return FuzzyDate(text, "day", end, end)
        return FuzzyDate(text, "month", date(year, month, 1), _month_end(year, month))
    if kind == "financial_year":
        y1 = int(g["y1"])
        if _second_year(y1, g["y2"]) is None:
            return None
        # Inferred by a documented site-wide convention, so no per-date evidence is needed.
        return FuzzyDate(text, "financial_year", date(y1, 4, 1), date(y1 + 1, 3, 31),
                         basis="inferred")
    if kind == "season":
        year = int(g["year"])
        first, last = SEASONS[g["season"].lower()]
        end_year = year + 1 if last < first else year
        return FuzzyDate(text, "season", date(year, first, 1), _month_end(end_year, last))
    year = int(g["year"])
    return FuzzyDate(text, "year", date(year, 1, 1), date(year, 12, 31))


def _range(text: str) -> FuzzyDate | None:
    """ "January 2013 to March 2016", "2016-2018": a span from the start of one to the end of another."""
    years = re.fullmatch(r"\s*((?:19|20)\d\d)\s*[-–/]\s*((?:19|20)\d\d)\s*", text)
    if years and int(years.group(2)) > int(years.group(1)) + 1:
        return FuzzyDate(text, "range", date(int(years.group(1)), 1, 1),
                         date(int(years.group(2)), 12, 31))
    parts = re.split(r"\s+(?:to|until|[-–—])\s+", text, maxsplit=1)
    if len(parts) == 2:
        first, last = _find_date(parts[0]), _find_date(parts[1])
        if (first and last and first.start and last.end and first.start <= last.end
                and re.fullmatch(r"[\w\s/]+", parts[1].strip()) and len(parts[1].split()) <= 3):
            return FuzzyDate(text, "range", first.start, last.end)
    return None


_DAY_IN_WORDS = re.compile(rf"\b(?P<day>\d{{1,2}})(?:\s?(?:st|nd|rd|th))?\s+{_MONTH}\s+{_YEAR}\b",
                           flags=re.IGNORECASE)


def impossible_day_in(text: str) -> str | None:
    """A day written in words that no calendar has ("31 February 2018"), else None.

    Without this check the month alone would be read, and the mistake published unseen.
    """
    for match in _DAY_IN_WORDS.finditer(text):
        year, month = int(match["year"]), MONTHS[match["month"].lower()]
        if not 1 <= int(match["day"]) <= calendar.monthrange(year, month)[1]:
            return match.group(0)
    return None


# "By end of December 15", "15 February", "October": a month with a two-digit year or none.
_SHORT_MONTH = re.compile(
    rf"(?:(?:by|before|due)\s+)?(?P<end>(?:the\s+)?end(?:\s+of)?\s+)?"
    rf"(?:(?P<day>\d{{1,2}})(?:\s?(?:st|nd|rd|th))?\s+)?{_MONTH}(?:\s+(?P<yy>\d{{2}}))?",
    flags=re.IGNORECASE)


def _in_period(text: str, within: Span | None) -> FuzzyDate | None:
    """A month without a full year, read as the one such month inside the plan's period."""
    match = _SHORT_MONTH.fullmatch(text.strip(" ."))
    if not match or within is None:
        return None
    month = MONTHS[match["month"].lower()]
    years = ([2000 + int(match["yy"])] if match["yy"] else
             list(range(within[0].year, within[1].year + 1)))
    inside = [y for y in years
              if within[0] <= date(y, month, 1) and _month_end(y, month) <= within[1]]
    if len(inside) != 1:
        return None
    year = inside[0]
    if match["day"]:
        if int(match["day"]) > calendar.monthrange(year, month)[1]:
            return None
        day = date(year, month, int(match["day"]))
        return FuzzyDate(text, "day", day, day, basis="inferred")
    if match["end"]:
        end = _month_end(year, month)
        return FuzzyDate(text, "day", end, end, basis="inferred")
    return FuzzyDate(text, "month", date(year, month, 1), _month_end(year, month),
                     basis="inferred")


@lru_cache(maxsize=4096)  # plans repeat dates ("March 2016"); FuzzyDate is immutable
def parse_fuzzy_date(text: str, within: Span | None = None) -> FuzzyDate:
    """Work out the machine form of a date written in words; the words are kept as they are.

    `within` is the plan's period: a month written without its full year is read in it.
    """
    text = text.strip()
    try:
        found = _parse(text, within)
    except _NotADate:
        found = None
    return found or FuzzyDate(text, "event" if re.search(r"[A-Za-z]", text) else "unspecified")


def _parse(text: str, within: Span | None) -> FuzzyDate | None:
    for attempt in (_special, _recurring, _range):
        found = attempt(text)
        if found:
            return found
    found = _find_date(text) or _in_period(text, within)
    if found:
        # "30 April 2016. And then every year thereafter": a date that then repeats.
        period = _recurrence_in(text, anywhere=True)
        return FuzzyDate(**{**found.__dict__, "recurrence": period}) if period else found
    # "By end of March annually", "Review on a quarterly basis": it repeats, on no set date.
    period = _recurrence_in(text, anywhere=True)
    return FuzzyDate(text, "recurring", recurrence=period) if period else None


def placing_hint(text: str, within: Span | None) -> str:
    """How to write a date the grammar could not place, for the validator's warning."""
    try:
        _numeric_day(text)
    except _NotADate as error:
        return (f'numeric dates are read day first (dd/mm/yyyy), so "{error}" is no date; '
                "write the month in words, for example \"5 November 2015\"")
    short = _SHORT_MONTH.fullmatch(text.strip(" ."))
    if short:
        where = ("the plan gives no period to read it in" if within is None else
                 f"the plan's period ({within[0]:%B %Y} to {within[1]:%B %Y}) does not hold "
                 "exactly one such month")
        stripped = text.strip(" .")
        example = (stripped[:short.start("yy")] + "20" + short["yy"] if short["yy"] else
                   f"{stripped} 2016")
        return f'write the year in full, for example "{example}" ({where})'
    return ('write a date such as "5 November 2015", "05/11/2015" (day first), '
            '"November 2015", "End of March 2016", "Q3 2015/16", "2015/16", "Spring 2016", '
            '"Annually" or "Ongoing" (see "Dates" in the data format guide); if the target is '
            "an event rather than a date, say so: {text: \"...\", kind: event}")


def fuzzy_date_from_data(value, within: Span | None = None) -> FuzzyDate:
    """A FuzzyDate from plan data: the words alone, or words with an explicit machine form.

    `within` is the plan's period, in which a month written without its full year is read.
    """
    if isinstance(value, str):
        return parse_fuzzy_date(value, within)
    parsed = parse_fuzzy_date(value["text"], within)
    explicit = {k: value[k] for k in ("kind", "recurrence", "basis", "evidence") if k in value}
    for key in ("start", "end"):
        if key in value:
            explicit[key] = date.fromisoformat(value[key])
    if ("start" in value or "end" in value) and "kind" not in value:
        explicit.setdefault("kind", parsed.kind if parsed.start else "range")
    fields = {**parsed.__dict__, **explicit}
    if "start" in explicit or "end" in explicit:
        fields["start"], fields["end"] = explicit.get("start"), explicit.get("end")
        if "basis" not in value:
            fields["basis"], fields["evidence"] = "stated", value.get("evidence")
    return FuzzyDate(**fields)
