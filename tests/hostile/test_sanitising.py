"""Text from data is escaped, or sanitised where Markdown is allowed: nothing from it runs.

A plan whose every text field carries every payload in payloads.py is rendered by the core
and built by MkDocs; no payload may come out as an element, attribute or URL that runs,
loads or restyles anything, and plain text must read exactly as it was written.
(Whether a browser runs anything is checked again in the browser tests.)
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections import Counter
from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml

from actionplan.api import read_plan_file
from actionplan.model.entities import Plan, Site
from actionplan.pages import site_pages
from actionplan.render import Renderer
from actionplan.render.renderer import TEMPLATES
from actionplan.render.text import markdown_inline, markdown_to_html
from actionplan.validate import load_schema

from .html_checks import live_markup, parse, risky_elements, text_of
from .payloads import ALL, MARKER, PAYLOADS, benign, flat_payload_plan, payload_plan
from ..tiny_site import make_project, mkdocs

PLAN_FILE = "data/plans/payload-plan.yaml"


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data) -> bool:  # plan files refuse aliases: write values out
        return True


def as_yaml(data: dict) -> str:
    return yaml.dump(data, Dumper=_NoAliases, allow_unicode=True, sort_keys=False, width=1000)


@pytest.fixture(scope="module")
def plan(tmp_path_factory) -> Plan:
    path = tmp_path_factory.mktemp("payload") / "payload-plan.yaml"
    path.write_text(as_yaml(payload_plan()), encoding="utf-8")
    plan, problems = read_plan_file(path, PLAN_FILE)
    assert plan is not None, [p.format() for p in problems]
    return plan


# --- the payload plan really covers everything -------------------------------------------

def _schema_properties(node, owner, defs, out):
    for name, sub in (node.get("properties") or {}).items():
        out.add(f"{owner}.{name}")
        for inner in (sub, sub.get("items") or {}):
            if "properties" in inner:
                _schema_properties(inner, f"{owner}.{name}", defs, out)
    for branch in node.get("anyOf", []):
        _schema_properties(branch, owner, defs, out)


def all_schema_properties() -> set[str]:
    schema = load_schema()
    found: set[str] = set()
    _schema_properties(schema, "root", schema["$defs"], found)
    for name, node in schema["$defs"].items():
        _schema_properties(node, name, schema["$defs"], found)
    return found


def used_properties(data, node, owner, defs, out):
    if "$ref" in node:
        name = node["$ref"].removeprefix("#/$defs/")
        return used_properties(data, defs[name], name, defs, out)
    for branch in node.get("anyOf", []):
        used_properties(data, branch, owner, defs, out)
    if isinstance(data, dict) and "properties" in node:
        for key, value in data.items():
            out.add(f"{owner}.{key}")
            sub = node["properties"][key]
            inline = "properties" in sub or "properties" in (sub.get("items") or {})
            used_properties(value, sub, f"{owner}.{key}" if inline else owner, defs, out)
    if isinstance(data, list) and "items" in node:
        for item in data:
            used_properties(item, node["items"], owner, defs, out)


def test_the_payload_plan_uses_every_field_of_the_schema():
    schema = load_schema()
    used: set[str] = set()
    for data in (payload_plan(), flat_payload_plan()):
        used_properties(data, schema, "root", schema["$defs"], used)
    assert all_schema_properties() - used == set()


# Model fields that hold codes, ids or references (validated by pattern or list), not text.
NOT_FREE_TEXT = {
    "Plan.id", "Plan.update_cadence", "Plan.data_file", "Organisation.kind",
    "Organisation.basis", "Status.code", "Status.basis", "Level.kind", "Group.id", "Action.id",
    "Activity.id", "Measure.id", "Measure.activity", "UpdateItem.activity", "UpdateItem.measure",
    "Update.id", "Note.kind", "Note.field", "PsedAim.aim", "PsedAim.basis", "Abbreviation.basis",
    "FuzzyDate.kind", "FuzzyDate.recurrence", "FuzzyDate.basis", "StrandCode.maps_to",
    "Source.format", "Footnote.mark", "Action.footnotes", "Update.footnotes",
    "EqualityGroups.codes", "Action.rag", "Update.rag", "Budget.currency", "Plan.previous_ids", "Group.previous_ids", "Action.previous_ids",
}


def _text_fields(value, owner: str, out: dict[str, list[str]]):
    if dataclasses.is_dataclass(value):
        for field in dataclasses.fields(value):
            _text_fields(getattr(value, field.name), f"{type(value).__name__}.{field.name}", out)
    elif isinstance(value, (tuple, list)):
        for item in value:
            _text_fields(item, owner, out)
    elif isinstance(value, dict):
        for item in value.values():
            _text_fields(item, owner, out)
    elif isinstance(value, str):
        out.setdefault(owner, []).append(value)


def test_every_text_field_of_the_model_carries_the_payloads(plan):
    fields: dict[str, list[str]] = {}
    _text_fields(plan, "Plan", fields)
    free_text = {name: values for name, values in fields.items() if name not in NOT_FREE_TEXT}
    assert len(free_text) >= 40
    for name, values in free_text.items():
        assert all(MARKER in v for v in values), f"{name} carries no payload"


# --- Markdown fields: the sanitiser, payload by payload ----------------------------------

@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("convert", [markdown_to_html, markdown_inline], ids=["block", "inline"])
def test_markdown_keeps_no_live_markup(payload, convert):
    tree = parse(str(convert(payload)), fragment=True)
    assert live_markup(tree) == []
    assert risky_elements(tree) == {}


def test_safe_links_and_formatting_survive():
    html = str(markdown_to_html("**Bold** and [a link](https://example.org/x) and <abbr "
                                'title="Voluntary and community sector">VCS</abbr>'))
    assert "<strong>Bold</strong>" in html and '<abbr title="Voluntary' in html
    assert '<a href="https://example.org/x" rel="noopener noreferrer nofollow">a link</a>' in html


# --- every page, rendered by the core ----------------------------------------------------

def _read(tmp_path_factory, data: dict) -> Plan:
    path = tmp_path_factory.mktemp("payload") / f"{data['plan']['id']}.yaml"
    path.write_text(as_yaml(data), encoding="utf-8")
    plan, problems = read_plan_file(path, f"data/plans/{path.name}")
    assert plan is not None, [p.format() for p in problems]
    return plan


@pytest.mark.parametrize("make", [payload_plan, flat_payload_plan], ids=["groups", "flat"])
def test_core_rendered_pages_hold_no_live_markup(make, tmp_path_factory):
    renderer = Renderer()
    poisoned = _read(tmp_path_factory, make())
    harmless = _read(tmp_path_factory, benign(make()))
    specs = site_pages(Site(plans=(poisoned,)))
    # Forms, buttons and scripts come from the templates (the browse filters): the same
    # plan in harmless words has exactly as many of each; the data adds none.
    baseline: dict[str, Counter] = {}
    for spec in site_pages(Site(plans=(harmless,))):
        counted = risky_elements(parse(renderer.render(spec), fragment=True))
        baseline[spec.src_uri] = counted
        baseline.setdefault(spec.kind, counted)
    assert {"plan", "action"} <= {spec.kind for spec in specs}
    for spec in specs:
        tree = parse(renderer.render(spec), fragment=True)
        assert live_markup(tree) == [], spec.src_uri
        expected = baseline.get(spec.src_uri, baseline[spec.kind])
        assert risky_elements(tree) == expected, spec.src_uri
    overview = renderer.render_fragment("plans_overview.html", "index.md", site=Site((poisoned,)))
    assert live_markup(parse(overview, fragment=True)) == []


def test_templates_never_switch_escaping_off():
    for template in sorted(TEMPLATES.rglob("*.html")):
        source = template.read_text(encoding="utf-8")
        for unsafe in ("|safe", "| safe", "autoescape false", "Markup(", "|e(false)"):
            assert unsafe not in source, f"{template.name} uses {unsafe}"


# --- every page of a real MkDocs build, Material's own markup included ------------------

@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path]:
    """(site from the payload plan, site from the same plan in harmless words)."""
    sites = []
    for name, data in (("payload", payload_plan()), ("benign", benign(payload_plan()))):
        project = make_project(tmp_path_factory.mktemp(name),
                               plans={"payload-plan.yaml": as_yaml(data)})
        # Not --strict: payloads written as bare target dates are (rightly) warned about as
        # dates that cannot be placed; any other warning still fails the test.
        result = mkdocs(project, "build")
        assert result.returncode == 0, result.stderr
        warnings = [line for line in result.stderr.splitlines() if line.startswith("WARNING")]
        assert len(warnings) == result.stderr.count("cannot be placed on a calendar"), \
            result.stderr
        sites.append(project / "site")
    return sites[0], sites[1]


def test_built_pages_hold_no_live_markup(built):
    site, baseline = built
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 6
    for page in pages:
        relative = page.relative_to(site)
        tree = parse(page.read_text(encoding="utf-8"))
        assert live_markup(tree) == [], relative
        # Scripts, forms and links are Material's own: the data adds none. A page whose address
        # is made from data text (a department listing) is compared with its benign sibling.
        counterpart = baseline / relative
        if not counterpart.exists():
            counterpart = sorted((baseline / relative.parent.parent).glob("*/index.html"))[0]
        expected = risky_elements(parse(counterpart.read_text(encoding="utf-8")))
        assert risky_elements(tree) == expected, relative


def test_plain_text_reads_exactly_as_written(built):
    site, _ = built
    tree = parse((site / "plans/payload-plan/actions/a1/index.html").read_text("utf-8"))
    heading, title = text_of(tree, "h1"), text_of(tree, "title")
    for payload in PAYLOADS:
        assert payload in heading and payload in title, payload
    plan_page = parse((site / "plans/payload-plan/index.html").read_text("utf-8"))
    assert ALL in text_of(plan_page, "dd")  # for example the organisation's name


def test_search_index_and_sitemap_hold_no_live_markup(built):
    site, _ = built
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    assert any(MARKER in doc["title"] for doc in index["docs"])
    for doc in index["docs"]:
        for key in ("title", "text"):
            # Material's search shows titles and text as HTML: they must be inert as HTML.
            fragment = parse(doc[key], fragment=True)
            assert live_markup(fragment) == [] and risky_elements(fragment) == {}, doc["location"]
    # The sitemap (filled now the test site has a site_url) lists addresses only: a payload
    # reaches it only as a slug in a path, never as markup.
    sitemap = ElementTree.fromstring((site / "sitemap.xml").read_bytes())
    locs = [loc.text for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert locs and any("payload-plan" in loc for loc in locs)
    for loc in locs:
        assert re.fullmatch(r"https://plans\.example\.org/[A-Za-z0-9._~/%-]*", loc), loc
