"""Hypothesis strategies for valid plan data: dicts as an officer's plan file would hold them.

Ids are unique where the format needs them; links (measure -> activity, update item ->
activity or measure, strands -> the plan's key, footnote marks -> plan.footnotes) point at
things that exist; groups nest no deeper than the plan's levels. Text is any printable
Unicode a YAML file can carry, with at least one visible character.
"""

from __future__ import annotations

from datetime import date

from hypothesis import strategies as st

from actionplan.model.dates import parse_fuzzy_date

# Printable characters a YAML file may hold (no controls, surrogates or non-characters).
_CHARS = st.characters(blacklist_categories=("Cc", "Cs", "Cn", "Co"),
                       blacklist_characters="\ufeff") | st.sampled_from("\n\t")
_WORDS = st.sampled_from(["Equality", "plan", "Review", "the", "staff", "data", "BSL", "café",
                          "50%", "<b>", "a: b", "- item", "# not a comment", "'quoted'",
                          '"double"', "yes", "No", "null", "1.2", "2018-04-30", "~", "*", "&a",
                          "[x](https://example.org)", "**bold**", "Ünïcödé", "日本語", "😀"])

text = st.one_of(
    st.lists(_WORDS, min_size=1, max_size=6).map(" ".join),
    st.text(_CHARS, min_size=1, max_size=40),
).filter(lambda s: s.strip())

ID = st.from_regex(r"[a-z0-9]([a-z0-9._-]{0,8}[a-z0-9])?", fullmatch=True)

_DATE_WORDS = ["April 2018", "Q3 2015/16", "Q4 2016-17", "2015-16", "2015 -2016", "Spring 2016",
               "Winter 2017", "Ongoing", "On-going", "As required", "2018", "30 April 2018",
               "End of March 2019", "Sept 2017", "quarterly", "Every 6 months",
               "30 April 2016. And then every year thereafter", "2018-04-30", "2020-02-29",
               "Following the elections", "TBC"]


@st.composite
def iso_day(draw) -> str:
    return draw(st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31))).isoformat()


@st.composite
def fuzzy_date(draw):
    words = draw(st.sampled_from(_DATE_WORDS) | text)
    placed = parse_fuzzy_date(words).placed
    if placed and draw(st.booleans()):
        return words
    long = {"text": words}
    if draw(st.booleans()):
        start, end = sorted([draw(iso_day()), draw(iso_day())])
        long.update(start=start, end=end)
    for key, values in (("kind", st.sampled_from(["day", "month", "range", "event", "ongoing",
                                                 "financial_year", "unspecified"])),
                        ("recurrence", st.sampled_from(["P1M", "P3M", "P1Y", "per_meeting"])),
                        ("basis", st.sampled_from(["stated", "inferred"])),
                        ("evidence", text)):
        if draw(st.booleans()):
            long[key] = draw(values)
    if not placed and not {"kind", "start", "end"} & long.keys():
        # Words the grammar cannot place are a warning unless their kind is given: these plans
        # must build with --strict.
        long["kind"] = draw(st.sampled_from(["event", "unspecified"]))
    return long


def _maybe(draw, data: dict, key: str, strategy) -> None:
    if draw(st.booleans()):
        data[key] = draw(strategy)


lead = st.one_of(text, st.fixed_dictionaries(
    {"text": text}, optional={"organisation": text, "directorate": text, "unit": text}))
note = st.fixed_dictionaries(
    {"kind": st.sampled_from(["sic", "truncated", "page_break_joined", "other"]), "text": text},
    optional={"field": st.sampled_from(["title", "progress", "due"]), "public": st.booleans()})
status = st.one_of(
    st.sampled_from(["not_started", "in_progress", "ongoing", "completed", "rescheduled",
                     "transferred", "withdrawn", "unknown"]),
    st.fixed_dictionaries({"code": st.sampled_from(["in_progress", "completed", "unknown"])},
                          optional={"text": text,
                                    "basis": st.sampled_from(["stated", "inferred"])}))
rag = st.sampled_from(["red", "amber", "green", "blue"])
# A measure's figures: whole or not, negative too (a change can fall).
figure = st.integers(-10**6, 10**6) | st.floats(-1e6, 1e6, allow_nan=False)
source = st.fixed_dictionaries({}, optional={
    "file": text, "format": st.sampled_from(["manual", "spreadsheet"]),
    "lines": st.integers(1, 500).map(lambda n: [n, n + 3])})


@st.composite
def action(draw, action_id: str, codes: list[str], marks: list[str]) -> dict:
    data: dict = {"id": action_id}
    for key in ("number", "title"):
        _maybe(draw, data, key, st.none() | text)
    for key in ("description", "outcome"):
        _maybe(draw, data, key, text)
    activity_ids = draw(st.lists(ID, max_size=3, unique=True))
    if activity_ids:
        data["activities"] = [
            {"id": a, "text": draw(text),
             **({"due": draw(st.lists(fuzzy_date(), min_size=1, max_size=2))}
                if draw(st.booleans()) else {}),
             **({"leads": draw(st.lists(lead, min_size=1, max_size=2))}
                if draw(st.booleans()) else {})}
            for a in activity_ids]
    measure_ids = draw(st.lists(ID, max_size=2, unique=True))
    measures = [draw(text) for _ in range(draw(st.integers(0, 1)))]
    for m in measure_ids:
        measure = {"id": m, "text": draw(text)}
        if activity_ids and draw(st.booleans()):
            measure["activity"] = draw(st.sampled_from(activity_ids))
        _maybe(draw, measure, "placeholder", st.booleans())
        _maybe(draw, measure, "unit", text)
        for key in ("baseline", "target"):
            _maybe(draw, measure, key, st.fixed_dictionaries({"value": figure},
                                                             optional={"date": fuzzy_date()}))
        # Values oldest first, as the checks ask.
        days = sorted(draw(st.lists(iso_day(), max_size=3, unique=True)))
        if days:
            measure["values"] = [{"date": day, "value": draw(figure),
                                  **({"note": draw(text)} if draw(st.booleans()) else {})}
                                 for day in days]
        measures.append(measure)
    if measures:
        data["measures"] = measures
    _maybe(draw, data, "psed", st.lists(st.fixed_dictionaries(
        {"aim": st.sampled_from(["eliminate_discrimination", "advance_equality",
                                 "foster_good_relations"])},
        optional={"phrase": text, "basis": st.sampled_from(["stated", "inferred"])}),
        min_size=1, max_size=2))
    for key, strategy in (("leads", lead), ("monitored_by", text), ("due", fuzzy_date()),
                          ("related_documents", text)):
        _maybe(draw, data, key, st.lists(strategy, min_size=1, max_size=2))
    if codes and draw(st.booleans()):
        data["strands"] = {"codes": draw(st.lists(st.sampled_from(codes), min_size=1,
                                                  max_size=3))}
        _maybe(draw, data["strands"], "text", text)
    if marks and draw(st.booleans()):
        data["footnotes"] = draw(st.lists(st.sampled_from(marks), min_size=1, max_size=2))
    updates = draw(st.integers(0, 3))
    if updates:
        data["progress"] = [draw(update(activity_ids, measure_ids, marks)) for _ in range(updates)]
    if draw(st.integers(0, 4)) == 0:
        data["withdrawn"] = {"date": draw(iso_day()), "reason": draw(text)}
    _maybe(draw, data, "rag", rag)
    _maybe(draw, data, "budget", st.fixed_dictionaries(
        {"amount": st.integers(0, 10**7) | st.floats(0, 1e7, allow_nan=False)},
        optional={"currency": st.sampled_from(["GBP", "EUR", "USD", "CHF"]), "period": text,
                  "note": text}))
    _maybe(draw, data, "source", source)
    _maybe(draw, data, "notes", st.lists(note, min_size=1, max_size=2))
    return data


@st.composite
def update(draw, activity_ids: list[str], measure_ids: list[str], marks: list[str]) -> dict:
    data: dict = {}
    for key, strategy in (("date", fuzzy_date()), ("label", text), ("status", status),
                          ("revised_due", fuzzy_date()), ("text", text), ("next_steps", text),
                          ("impact", text), ("reason", text), ("rag", rag),
                          ("percent_complete", st.integers(0, 100) | st.floats(0, 100))):
        _maybe(draw, data, key, strategy)
    items = []
    for _ in range(draw(st.integers(0, 2))):
        item = {"text": draw(text)}
        if activity_ids and draw(st.booleans()):
            item["activity"] = draw(st.sampled_from(activity_ids))
        if measure_ids and draw(st.booleans()):
            item["measure"] = draw(st.sampled_from(measure_ids))
        _maybe(draw, item, "status", status)
        items.append(item)
    if items:
        data["items"] = items
    if marks and draw(st.booleans()):
        data["footnotes"] = draw(st.lists(st.sampled_from(marks), min_size=1, max_size=2))
    _maybe(draw, data, "notes", st.lists(note, min_size=1, max_size=1))
    return data


@st.composite
def plan_data(draw, plan_id: str | None = None) -> dict:
    """One valid plan file's data: a plan with groups, or one in four with none."""
    levels = draw(st.integers(1, 3))
    codes = draw(st.lists(st.text(_CHARS, min_size=1, max_size=12).filter(str.strip),
                          max_size=3, unique=True))
    marks = draw(st.lists(st.sampled_from(["*", "**", "†", "1", "a", "‡"]), max_size=2,
                          unique=True))
    # Unique by their counter suffix; the random stem varies their shape.
    ids = (f"{stem}-{n}" for n, stem in enumerate(draw(st.lists(ID, min_size=40, max_size=40))))
    info: dict = {
        "id": plan_id or draw(ID),
        "title": draw(text),
        "organisation": {"name": draw(st.none() | text),
                         "kind": draw(st.sampled_from(["local_authority", "partnership",
                                                       "vcs_body", "other"])),
                         "basis": draw(st.sampled_from(["stated", "stated_in_body", "inferred",
                                                        "unknown"]))},
        "levels": [{"kind": f"level_{i}", "label": draw(text)} for i in range(levels)],
    }
    for key in ("short_title", "title_as_printed", "label", "parent_strategy", "introduction"):
        _maybe(draw, info, key, text)
    for key in ("period", "document_date", "progress_as_at"):
        _maybe(draw, info, key, fuzzy_date())
    _maybe(draw, info, "update_cadence", st.sampled_from(["P1M", "P3M", "P6M", "P1Y"]))
    _maybe(draw, info, "document_status", st.fixed_dictionaries(
        {"code": st.sampled_from(["draft", "adopted", "progress_report", "unknown"])},
        optional={"text": text}))
    for key in ("as_written", "evidence"):
        _maybe(draw, info["organisation"], key, text)
    _maybe(draw, info["organisation"], "partners", st.lists(text, min_size=1, max_size=2))
    if marks:
        info["footnotes"] = [{"mark": m, "text": draw(text)} for m in marks]
    _maybe(draw, info, "abbreviations", st.lists(st.fixed_dictionaries(
        {"term": text, "meaning": text}, optional={"basis": st.sampled_from(["stated",
                                                                              "inferred"])}),
        min_size=1, max_size=2))
    if codes:
        info["strand_scheme"] = {"label": draw(text), "codes": [
            {"code": c, "label": draw(text), "maps_to": draw(st.lists(st.sampled_from(
                ["age", "disability", "race", "sex", "other:carers"]), min_size=1, max_size=2))}
            for c in codes]}
    _maybe(draw, info, "labels", st.dictionaries(st.sampled_from(
        ["due", "leads", "measures", "progress", "progress_none", "title"]), text, max_size=3))
    _maybe(draw, info, "source", source)
    _maybe(draw, info, "notes", st.lists(note, min_size=1, max_size=2))

    def group(depth: int) -> dict:
        data = {"id": next(ids), "title": draw(text)}
        _maybe(draw, data, "number", st.none() | text)
        _maybe(draw, data, "theme", text)
        _maybe(draw, data, "description", text)
        if depth + 1 < levels and draw(st.booleans()):
            data["groups"] = [group(depth + 1) for _ in range(draw(st.integers(1, 2)))]
        else:
            data["actions"] = [draw(action(next(ids), codes, marks))
                               for _ in range(draw(st.integers(0, 2)))]
        return data

    if draw(st.integers(0, 3)) == 3:  # a plan with no groups: top-level actions, no levels
        del info["levels"]
        return {"schema_version": 1, "plan": info, "actions": [
            draw(action(next(ids), codes, marks)) for _ in range(draw(st.integers(1, 3)))]}
    return {"schema_version": 1, "plan": info,
            "groups": [group(0) for _ in range(draw(st.integers(1, 2)))]}

