"""Property-based tests over generated valid plans (strategies.py).

- Nothing lost: plan file -> model -> plan data (`plan_to_data`) -> JSON or YAML -> model
  gives the same model, field for field.
- Every generated plan validates, and every page rendered from it is well-formed HTML
  (parsed by the HTML5 algorithm with parse errors as failures) with no live markup.
- Every generated site builds with `mkdocs build --strict`, every page well-formed.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import html5lib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from actionplan.api import read_plan_data, read_plan_file, read_plan_text
from actionplan.model.entities import Plan, Site
from actionplan.model.serialise import plan_to_data, plan_to_yaml
from actionplan.pages import site_pages
from actionplan.render import Renderer
from actionplan.validate import schema_problems
from actionplan.load import SourceDocument

from .html_checks import live_markup
from .strategies import plan_data
from ..tiny_site import make_project, mkdocs

NAME = "data/plans/generated.yaml"
STRICT_HTML = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
BUNDLED = sorted((Path(__file__).resolve().parents[2] / "data" / "plans").glob("*.yaml"))
# and a plan with no groups (top-level actions)
BUNDLED.append(Path(__file__).resolve().parents[1] / "fixtures" / "flat" / "plans" / "flat.yaml")


def load(data: dict) -> Plan:
    plan, problems = read_plan_text(plan_to_yaml(data), NAME)
    errors = [p.format() for p in problems if p.severity == "error"]
    assert plan is not None and not errors, errors
    return plan


def round_trips(plan: Plan) -> None:
    data = plan_to_data(plan)
    assert schema_problems(SourceDocument(NAME, data)) == []
    via_json, problems = read_plan_data(json.loads(json.dumps(data, ensure_ascii=False)), NAME)
    assert via_json == plan, [p.format() for p in problems]
    via_yaml, problems = read_plan_text(plan_to_yaml(data), NAME)
    assert via_yaml == plan, [p.format() for p in problems]


@given(plan_data())
def test_generated_plans_validate_and_nothing_is_lost_on_the_way_round(data):
    round_trips(load(data))


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_bundled_plans_survive_the_way_round(path):
    plan, _ = read_plan_file(path, NAME)
    round_trips(plan)


def test_the_way_round_keeps_what_defaults_would_hide():
    # An update with no date of its own shows the plan's progress date; the data keeps it
    # undated, and an explicit date equal to the default stays explicit.
    plan = load({"schema_version": 1, "plan": {
        "id": "p", "title": "T", "progress_as_at": "March 2021",
        "organisation": {"name": None, "kind": "other", "basis": "unknown"},
        "levels": [{"kind": "objective", "label": "Objective"}]},
        "groups": [{"id": "g", "title": "G", "actions": [{"id": "a", "progress": [
            {"text": "Undated."}, {"date": "March 2021", "text": "Dated."}]}]}]})
    progress = plan_to_data(plan)["groups"][0]["actions"][0]["progress"]
    assert progress == [{"text": "Undated."}, {"date": "March 2021", "text": "Dated."}]
    assert plan_to_data(plan)["plan"]["organisation"]["name"] is None


@settings(max_examples=15)
@given(plan_data())
def test_every_generated_page_is_well_formed_html_with_no_live_markup(data):
    plan = load(data)
    renderer = Renderer()
    for spec in site_pages(Site(plans=(plan,))):
        body = renderer.render(spec)
        tree = STRICT_HTML.parseFragment(body)  # raises on any HTML parse error
        assert live_markup(tree) == [], spec.src_uri


@settings(max_examples=3)
@given(st.lists(plan_data(), min_size=1, max_size=2))
def test_every_generated_site_builds_strictly_and_every_page_is_well_formed(plans):
    with tempfile.TemporaryDirectory() as folder:
        files = {f"plan-{i}.yaml": plan_to_yaml({**data, "plan": {**data["plan"],
                                                                   "id": f"plan-{i}"}})
                 for i, data in enumerate(plans)}
        project = make_project(Path(folder), plans=files)
        result = mkdocs(project, "build", "--strict")
        assert result.returncode == 0, result.stderr
        pages = sorted((project / "site").rglob("*.html"))
        assert len(pages) >= 3 * len(plans)
        for page in pages:
            STRICT_HTML.parse(page.read_bytes())
