"""The filter on "Find actions": its choices, and the compact index of every action it reads.

The facet pages answer one question each without JavaScript; the filter combines them in the
page (organisation, equality group, verdict, target year and words). The listings are paged,
so the filter reads one small JSON file of all actions, made from the same model and the
same judgement as the facet pages, so that its counts agree with theirs.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass

from actionplan.facets.facets import SiteFacets, characteristic_key, characteristics_of
from actionplan.facets.timing import Assessor
from actionplan.model.entities import Action, Group, Plan, Site
from actionplan.model.naming import action_heading
from actionplan.model.vocabulary import VERDICT_ORDER, VERDICTS
from actionplan.pages.links import page_url
from actionplan.pages.page_spec import SiteFile
from actionplan.pages.resident_paths import ResidentPaths

NO_DATE = "no-date"  # the target-year choice of actions with no dated target, as its facet


@dataclass(frozen=True)
class Choice:
    key: str  # the value in the form and the address
    label: str


@dataclass(frozen=True)
class FilterChoices:
    organisations: tuple[Choice, ...]
    groups: tuple[Choice, ...]
    statuses: tuple[Choice, ...]
    years: tuple[Choice, ...]


def organisation_key(plan: Plan) -> str:
    """The address-safe key of the plan's organisation (the plan's own, when it names none)."""
    name = plan.organisation.name or plan.id
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or plan.id


def organisation_label(plan: Plan) -> str:
    return plan.organisation.name or f"{plan.menu_title} (organisation not named)"


def filter_choices(site: Site, facets: SiteFacets) -> FilterChoices:
    """The form's choices, each as the facet pages name it."""
    organisations = {organisation_key(p): organisation_label(p) for p in site.plans}
    return FilterChoices(
        tuple(Choice(k, v) for k, v in sorted(organisations.items(), key=lambda kv: kv[1])),
        tuple(Choice(v.key, v.label) for v in facets.equality_group.values if v.entries),
        tuple(Choice(code.replace("_", "-"), VERDICTS[code].label)
              for code in VERDICT_ORDER),
        tuple(Choice(v.key, v.label) for v in facets.target_year.values))


def filter_index_file(site: Site, paths: ResidentPaths, assessor: Assessor) -> SiteFile:
    return SiteFile(paths.filter_index(), lambda: filter_index(site, paths, assessor))


def filter_index(site: Site, paths: ResidentPaths, assessor: Assessor) -> bytes:
    """Every action in plan order, one short record each (keys are one letter: at county
    size the file holds thousands of them); the same site gives the same bytes."""
    plans = [{"o": organisation_key(plan), "n": plan.menu_title} for plan in site.plans]
    actions = [_record(number, plan, action, groups, paths, assessor)
               for number, plan in enumerate(site.plans)
               for action, groups in plan.all_actions()]
    document = {"version": 1, "plans": plans, "actions": actions}
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _record(number: int, plan: Plan, action: Action, groups: tuple[Group, ...],
            paths: ResidentPaths, assessor: Assessor) -> dict:
    years = sorted({d.year for d in action.current_due if d.year is not None})
    return {"p": number,
            "u": page_url(paths.plans.action(plan.id, action.id)),
            "t": action_heading(plan, action, groups),
            "g": sorted(characteristic_key(code)
                        for code in characteristics_of(plan, action, groups)),
            "s": assessor(plan, action).verdict.key,
            "y": [str(year) for year in years] or [NO_DATE],
            "x": " ".join(lead.text for lead in action.leads)}

