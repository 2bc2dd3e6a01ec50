"""Downloads against the model: JSON round-trips, CSV has one row per action and every field.

These iterate over whatever plans are in data/, so a new plan is covered when it lands.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from datetime import date
from pathlib import Path

import jsonschema
import pytest
import yaml
from referencing import Registry, Resource

from actionplan.api import load_site
from actionplan.export import csv_export, json_export
from actionplan.export.csv_export import COLUMNS, join_list, split_list, unprotect
from actionplan.export.plan_data import action_data, plan_data
from actionplan.export.schema import SCHEMA_FILES, schema_bytes
from actionplan.facets import Assessor
from actionplan.model.build import action_from_data
from actionplan.options import SiteOptions
from actionplan.problems import DataError

ROOT = Path(__file__).parents[1]
DATA_DIRS = [ROOT / "data", ROOT / "tests" / "fixtures" / "data",
             ROOT / "tests" / "fixtures" / "residents" / "data",
             ROOT / "tests" / "fixtures" / "monitoring",  # every monitoring field
             ROOT / "tests" / "fixtures" / "flat"]  # a plan with no groups


def _all_plans():
    for data_dir in DATA_DIRS:
        yield from load_site(data_dir)[0].plans


PLANS = list(_all_plans())


def _page(plan, action):
    return f"plans/{plan.id}/actions/{action.id}/"


def _read_csv(content: bytes) -> list[dict[str, str]]:
    assert content.startswith(b"\xef\xbb\xbf"), "UTF-8 byte-order mark for Excel"
    text = content.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


@pytest.fixture(scope="module")
def schemas():
    resources = {}
    for name in SCHEMA_FILES:
        schema = json.loads(schema_bytes(name))
        resources[schema["$id"]] = Resource.from_contents(schema)
    registry = Registry().with_resources(resources.items())

    def validator(name):
        schema = json.loads(schema_bytes(name))
        cls = jsonschema.validators.validator_for(schema)
        return cls(schema, registry=registry, format_checker=cls.FORMAT_CHECKER)
    return validator


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.id)
def test_plan_json_round_trips_to_the_same_model(plan):
    content = json_export.plan_json(plan)
    assert json_export.load_plan_json(content, plan.data_file) == plan


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.id)
def test_plan_json_keeps_every_value_of_the_plan_file(plan):
    # Every leaf value written in the YAML is somewhere in the export (the export adds
    # defaults and the machine form of dates, so it may hold more, never less).
    raw = yaml.load(Path(plan.data_file).read_text(encoding="utf-8"), Loader=_StringDates)
    exported = plan_data(plan)
    missing = Counter(_leaves(raw)) - Counter(_leaves(exported))
    assert not missing, f"values lost in the export: {list(missing)[:5]}"


class _StringDates(yaml.SafeLoader):
    """Read YYYY-MM-DD as text, as the plan loader does."""


_StringDates.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def _leaves(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from _leaves(item)
    elif isinstance(value, list):
        for item in value:
            yield from _leaves(item)
    elif value is not None:
        yield value


@pytest.mark.parametrize("data_dir", [ROOT / "data", ROOT / "tests" / "fixtures" / "flat"],
                         ids=["bundled", "flat"])
def test_exported_json_validates_against_the_published_schemas(schemas, data_dir):
    site = load_site(data_dir)[0]
    assessor = Assessor()
    schemas("plans-v1.schema.json").validate(json.loads(json_export.site_json(site)))
    for plan in site.plans:
        schemas("plan-v1.schema.json").validate(json.loads(json_export.plan_json(plan)))
        for action, groups in plan.all_actions():
            data = json.loads(json_export.action_json(plan, action, groups, assessor,
                                                      _page(plan, action)))
            schemas("action-v1.schema.json").validate(data)
            assert action_from_data(data["action"], plan.progress_as_at) == action


def test_all_plans_json_holds_each_plan_in_the_plan_file_shape():
    site = load_site(ROOT / "data")[0]
    data = json.loads(json_export.site_json(site))
    assert [p["plan"]["id"] for p in data["plans"]] == [p.id for p in site.plans]
    for plan, entry in zip(site.plans, data["plans"]):
        assert json_export.load_plan_json(json.dumps(entry), plan.data_file) == plan


def test_a_broken_json_download_is_refused_with_the_checks_of_a_plan_file():
    plan = PLANS[0]
    data = plan_data(plan)
    data["groups"][0]["id"] = "Not An Id"
    with pytest.raises(DataError, match="group"):
        json_export.load_plan_json(json.dumps(data))


def test_action_json_says_what_the_site_works_out():
    site = load_site(DATA_DIRS[2])[0]
    plan = site.plan("tagged-plan")
    action, groups = next((a, g) for a, g in plan.all_actions() if a.id == "late")
    data = json.loads(json_export.action_json(plan, action, groups, Assessor(), "x/"))
    assert data["uid"] == "tagged-plan/late"
    assert data["derived"]["overdue"] is True
    assert data["derived"]["assessed_as_of"] == "2021-06-30"
    assert data["derived"]["assessed_as_of_source"] == "progress_as_at"
    assert data["groups"] == [{"id": "eo-1", "number": "1", "title": "Fair services",
                               "level": "EO"}]
    untagged = site.plan("untagged-plan")
    action, groups = next(iter(untagged.all_actions()))
    derived = json.loads(json_export.action_json(untagged, action, groups, Assessor(),
                                                 "x/"))["derived"]
    assert derived["overdue"] is None and derived["assessed_as_of"] is None


def _csv_for(plans, options=SiteOptions()):
    rows = csv_export.rows_for(plans, Assessor(options), _page)
    return _read_csv(csv_export.to_csv_bytes(rows))


def test_csv_has_one_row_per_action_for_every_bundled_plan_and_in_all():
    site = load_site(ROOT / "data")[0]
    total = 0
    for plan in site.plans:
        rows = _csv_for([plan])
        actions = [a for a, _ in plan.all_actions()]
        assert len(rows) == len(actions), plan.id
        assert [r["action_id"] for r in rows] == [a.id for a in actions]
        total += len(actions)
    every = _csv_for(site.plans)
    assert len(every) == total
    assert len({r["uid"] for r in every}) == total  # uid is unique across plans
    longest = max(len(cell) for row in every for cell in row.values())
    assert longest < 32_767, "Excel truncates a cell longer than 32,767 characters"


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.id)
def test_csv_cells_match_the_model(plan):
    rows = _csv_for([plan])
    for row, (action, groups) in zip(rows, plan.all_actions()):
        cells = {k: unprotect(v) for k, v in row.items()}
        assert list(row) == [c.name for c in COLUMNS]
        assert cells["uid"] == f"{plan.id}/{action.id}"
        assert cells["title"] == (action.title or "")
        assert cells["number"] == (action.number or "")
        assert cells["status"] == action.status.code
        assert split_list(cells["group_ids"]) == [g.id for g in groups]
        assert split_list(cells["leads"]) == [x.text for x in action.leads]
        assert split_list(cells["due"]) == [d.text for d in action.due]
        assert split_list(cells["measures"]) == [m.text for m in action.measures]
        assert split_list(cells["activities"]) == [a.text for a in action.activities]
        assert split_list(cells["monitored_by"]) == list(action.monitored_by)
        assert len(split_list(cells["progress"])) == len(action.progress)
        assert int(row["update_count"]) == len(action.progress)
        assert cells["description"] == (action.description or "")
        # The last column is lossless: it rebuilds the very same action.
        assert action_from_data(json.loads(cells["action_json"]), plan.progress_as_at) == action


def test_csv_protects_formulas_and_escapes_the_list_separator():
    site = load_site(DATA_DIRS[2])[0]
    rows = {r["action_id"]: r for r in _csv_for(site.plans)}
    late = rows["late"]
    assert late["title"] == "'=Ramps in every library"  # shown as text, never run
    assert unprotect(late["title"]) == "=Ramps in every library"
    assert late["progress"] == "2021-06-10: In progress: Two of five \\| done."
    assert split_list(late["progress"]) == ["2021-06-10: In progress: Two of five | done."]
    assert (late["overdue"], late["assessed_as_of"]) == ("yes", "2021-06-30")
    assert rows["silent"]["no_update_since"] == "2021-01-15"
    assert rows["1"]["overdue"] == "" and rows["1"]["assessed_as_of"] == ""
    assert split_list(rows["undated"]["characteristics"]) == ["All protected characteristics",
                                                             "Disability"]
    assert rows["dropped"]["withdrawn_date"] == "2021-02-01"


@pytest.mark.parametrize("items", [[], ["a"], ["a | b", "c\\d", ""], ["|", "\\", "x\\|y"],
                                   ["", ""]])
def test_list_cells_split_back_exactly(items):
    assert split_list(join_list(items)) == (items if items != [""] else [])


def test_csv_rows_end_in_crlf_and_quote_text():
    content = csv_export.to_csv_bytes(csv_export.rows_for(PLANS[:1], Assessor(), _page))
    first_line = content.split(b"\r\n", 1)[0]
    assert first_line.startswith(b'\xef\xbb\xbf"uid","plan_id"')


def test_exports_are_byte_for_byte_repeatable():
    first, second = (load_site(ROOT / "data")[0] for _ in range(2))
    assert json_export.site_json(first) == json_export.site_json(second)
    as_of = SiteOptions(as_of=date(2020, 1, 1))
    assert (csv_export.to_csv_bytes(csv_export.rows_for(first, Assessor(as_of), _page))
            == csv_export.to_csv_bytes(csv_export.rows_for(second, Assessor(as_of), _page)))


def test_action_data_never_writes_a_default_update_date():
    plan = next(p for p in PLANS if p.id == "charnwood-2016-2018")
    action = next(a for a, _ in plan.all_actions())
    assert action.progress[0].date_is_default
    assert "date" not in action_data(action)["progress"][0]
