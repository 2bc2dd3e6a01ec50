"""A tiny site whose plan has every monitoring field builds with `--strict`, and its pages and
downloads carry them (the officer's rating in words, the measure's table and chart)."""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from .conftest import FIXTURES
from .tiny_site import build_in_process, make_project


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("monitoring"), data=FIXTURES / "monitoring")
    return build_in_process(project)


class _Ids(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: list[str] = []
        self.labelled_by: list[str] = []

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        if "id" in found:
            self.ids.append(found["id"])
        if "aria-labelledby" in found:
            self.labelled_by += found["aria-labelledby"].split()


def test_the_action_page_is_built_with_the_rating_table_and_chart(site):
    page = (site / "plans" / "monitoring-plan" / "actions" / "1.1" / "index.html").read_text(
        encoding="utf-8")
    assert "Officer's rating:" in page and "Amber (at risk)</strong>" in page
    assert '<table class="ap-measure-figures">' in page and "<caption>Figures for" in page
    svg = re.search(r"<svg class=\"ap-chart__image\".*?</svg>", page, re.S)
    assert svg and 'role="img"' in svg.group(0) and "rose from 12 people" in svg.group(0)
    parser = _Ids()
    parser.feed(page)
    assert len(parser.ids) == len(set(parser.ids)), "ids are unique on the page"
    assert set(parser.labelled_by) <= set(parser.ids), "every label points at an element"


def test_the_downloads_carry_the_fields(site):
    plans = site / "plans" / "monitoring-plan"
    action = json.loads((plans / "actions" / "1.1" / "action.json").read_text(encoding="utf-8"))
    assert action["action"]["rag"] == "green"
    assert action["action"]["budget"] == {"amount": 25000, "currency": "GBP",
                                          "period": "2024/25",
                                          "note": "From the workforce fund <b>only</b>"}
    assert [u["percent_complete"] for u in action["action"]["progress"]] == [40, 62.5]
    assert [v["value"] for v in action["action"]["measures"][0]["values"]] == [12, 15, 17.5]
    assert action["derived"]["verdict"] == "on_time"
    assert action["derived"]["officer_rating"] == {
        "code": "amber", "words": "Amber (at risk)",
        "date": {"text": "2024-09-30", "kind": "day", "start": "2024-09-30", "end": "2024-09-30",
                 "basis": "stated"}}
    own = json.loads((plans / "actions" / "1.2" / "action.json").read_text(encoding="utf-8"))
    assert own["derived"]["officer_rating"] == {"code": "red", "words": "Red (off track)",
                                                "date": None}
    assert own["derived"]["verdict"] == "late"  # whatever the rating says
    csv_file = next(site.rglob("*.csv"))
    rows = list(csv.DictReader(io.StringIO(csv_file.read_text(encoding="utf-8-sig"),
                                           newline="")))
    first = next(r for r in rows if r["action_id"] == "1.1")
    assert (first["officer_rating"], first["officer_rating_words"], first["officer_rating_date"]
            ) == ("amber", "Amber (at risk)", "2024-09-30")
    assert (first["percent_complete"], first["budget_amount"], first["budget_currency"]) == (
        "62.5", "25000", "GBP")
    assert first["measure_figures"].startswith(
        "Apprentices recruited [people]: baseline 10 (2023-03-31); 12 (2023-09-30);")


def test_the_downloads_page_names_the_new_columns_and_describes_each(site):
    page = (site / "downloads" / "index.html").read_text(encoding="utf-8")
    notice = re.search(r'<p id="csv-new-columns">.*?</p>', page, re.S).group(0)
    from actionplan.export import COLUMNS
    names = [c.name for c in COLUMNS]
    new = names[names.index("officer_rating"):names.index("withdrawn_date")]
    assert new == ["officer_rating", "officer_rating_words", "officer_rating_date",
                   "percent_complete", "percent_complete_date", "budget_amount",
                   "budget_currency", "budget_period", "budget_note", "measure_figures"]
    for name in new:
        assert f"<code>{name}</code>" in notice
        assert f'<th scope="row"><code>{name}</code></th>' in page
