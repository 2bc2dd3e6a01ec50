"""Ways to browse actions across plans: by status, lead, equality group, target year, and the
warnings (overdue, target passed with no status given, no recent update). Each is a list of
values, each value a list of actions; pages and downloads read these, nothing here knows
about pages.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from collections.abc import Callable, Iterable, Iterator

from actionplan.facets.judgement import unjudged_reason
from actionplan.facets.timing import Assessor
from actionplan.model.entities import Action, Group, Lead, Plan, Site
from actionplan.model.vocabulary import (
    CHARACTERISTICS, STATUS_ORDER, STATUSES, VERDICTS, characteristic_label,
)

PROTECTED = ("age", "disability", "gender_reassignment", "marriage_civil_partnership",
             "pregnancy_maternity", "race", "religion_belief", "sex", "sexual_orientation")
ALL_PROTECTED = "all_protected"


@dataclass(frozen=True)
class Entry:
    """One action listed under a facet value, with why it is listed when that is not obvious."""

    plan: Plan
    action: Action
    groups: tuple[Group, ...]
    why: str | None = None
    # Listed under an equality group only because it is tagged for all of them ("All strands"):
    # residents see these apart from the actions aimed at the group.
    for_all: bool = False


@dataclass(frozen=True)
class FacetValue:
    key: str  # path-safe; unique within its facet
    label: str
    entries: tuple[Entry, ...]
    description: str = ""
    plan: Plan | None = None  # set when the value belongs to one plan (a lead)

    @property
    def plans(self) -> list[Plan]:
        """The plans with entries, in site order."""
        seen: dict[str, Plan] = {}
        for entry in self.entries:
            seen.setdefault(entry.plan.id, entry.plan)
        return list(seen.values())

    def entries_for(self, plan: Plan) -> list[Entry]:
        return [e for e in self.entries if e.plan.id == plan.id]

    @property
    def aimed_entries(self) -> list[Entry]:
        """Actions aimed at this value itself (all of them, outside the equality groups)."""
        return [e for e in self.entries if not e.for_all]

    @property
    def for_all_entries(self) -> list[Entry]:
        """Actions listed only because they are for all equality groups."""
        return [e for e in self.entries if e.for_all]


@dataclass(frozen=True)
class Facet:
    key: str  # path-safe: "status", "lead", "equality-group", ...
    title: str
    values: tuple[FacetValue, ...]
    covered: tuple[Plan, ...] = ()  # plans whose data can place actions under this facet
    not_covered: tuple[Plan, ...] = ()
    single: bool = False  # one listing only (overdue, no recent update)
    not_covered_reasons: tuple[str, ...] = ()  # why, for each of not_covered (single facets)

    def not_covered_with_reasons(self) -> list[tuple[Plan, str]]:
        return list(zip(self.not_covered, self.not_covered_reasons))

    def value(self, key: str) -> FacetValue:
        return next(v for v in self.values if v.key == key)


@dataclass(frozen=True)
class SiteFacets:
    status: Facet
    equality_group: Facet
    lead: Facet
    target_year: Facet
    overdue: Facet
    stale: Facet
    target_passed: Facet  # target passed, no status given: not overdue, listed apart
    extra: tuple[Facet, ...] = field(default=())  # facets only some sites have (department)

    def get(self, key: str) -> Facet | None:
        return next((f for f in self if f.key == key), None)

    def __iter__(self) -> Iterator[Facet]:
        yield from (self.status, self.equality_group, self.lead, self.target_year, self.overdue,
                    self.target_passed, self.stale, *self.extra)


def _rows(site: Site) -> Iterator[tuple[Plan, Action, tuple[Group, ...]]]:
    for plan in site.plans:
        for action, groups in plan.all_actions():
            yield plan, action, groups


def status_facet(site: Site) -> Facet:
    by_code: dict[str, list[Entry]] = defaultdict(list)
    for plan, action, groups in _rows(site):
        by_code[action.status.code].append(Entry(plan, action, groups))
    values = tuple(FacetValue(code.replace("_", "-"), STATUSES[code].label, tuple(by_code[code]),
                              STATUSES[code].meaning)
                   for code in STATUS_ORDER if by_code[code])
    return Facet("status", "Status", values, covered=site.plans)


def characteristic_facet(site: Site) -> Facet:
    """Actions by the equality group they are for, in plans that say so.

    An action is for a group when its strand codes say so, or when a group above it (an
    objective or priority area whose heading names the group) says so. An action tagged "all
    protected characteristics" is listed under each of the nine as well, marked `for_all`, so
    that pages show it apart from the actions aimed at the group.
    """
    by_code: dict[str, list[Entry]] = defaultdict(list)
    for plan, action, groups in _rows(site):
        for code, (why, for_all) in characteristics_of(plan, action, groups).items():
            by_code[code].append(Entry(plan, action, groups, why, for_all))
    codes = list(PROTECTED) + [c for c in CHARACTERISTICS if c not in PROTECTED and by_code[c]]
    codes += sorted(c for c in by_code if c not in CHARACTERISTICS)
    values = tuple(FacetValue(characteristic_key(code), characteristic_label(code),
                              _aimed_first(by_code[code]), _characteristic_meaning(code))
                   for code in codes)
    tagged = tuple(p for p in site.plans if tags_equality_groups(p))
    return Facet("equality-group", "Equality group", values, covered=tagged,
                 not_covered=tuple(p for p in site.plans if not tags_equality_groups(p)))


def tags_equality_groups(plan: Plan) -> bool:
    """Whether the plan says, anywhere, which equality groups its actions are for."""
    return plan.strand_scheme is not None or any(
        group.equality_groups for group, _ in plan.all_groups())


def _aimed_first(entries: list[Entry]) -> tuple[Entry, ...]:
    # Within each plan, actions aimed at the group come before those for all groups (plan
    # order kept within each), so each list reads as one run even across pages.
    plan_order = {plan_id: i
                  for i, plan_id in enumerate(dict.fromkeys(e.plan.id for e in entries))}
    return tuple(sorted(entries, key=lambda e: (plan_order[e.plan.id], e.for_all)))


def characteristic_key(code: str) -> str:
    """The path-safe key of a characteristic's listing ("religion_belief" -> "religion-belief")."""
    return _slug(code)


def _characteristic_meaning(code: str) -> str:
    return CHARACTERISTICS[code].meaning if code in CHARACTERISTICS else "Named by the plan."


def characteristic_codes(plan: Plan, action: Action,
                         groups: tuple[Group, ...] = ()) -> list[str]:
    """Characteristic codes the action is for: its strand codes mapped by the plan's key, then
    those its groups' headings name."""
    mapped = []
    if plan.strand_scheme and action.strands:
        mapped = [code for strand in action.strands.codes
                  for code in plan.strand_scheme.code(strand).maps_to]
    from_groups = [code for group in groups if group.equality_groups
                   for code in group.equality_groups.codes]
    return list(dict.fromkeys(mapped + from_groups))


def characteristics_of(plan: Plan, action: Action,
                       groups: tuple[Group, ...] = ()) -> dict[str, tuple[str, bool]]:
    """{characteristic: (why listed, listed only as one of all groups)} for an action, from the
    groups above it (their headings) and its strand codes (by the plan's key)."""
    reasons: dict[str, dict[str, list[str]]] = {"heading": defaultdict(list),
                                                "strand": defaultdict(list)}
    aimed: set[str] = set()
    for source, reason, codes in _tags(plan, action, groups):
        for mapped in codes:
            aimed.add(mapped)
            for each in (mapped, *(PROTECTED if mapped == ALL_PROTECTED else ())):
                reasons[source][each].append(reason)
    headings, strands = reasons["heading"], reasons["strand"]
    found = {}
    for code in dict.fromkeys([*headings, *strands]):
        parts = list(dict.fromkeys(headings[code]))
        if strands[code]:
            parts.append("Tagged " + "; ".join(dict.fromkeys(strands[code])))
        found[code] = ("; ".join(parts), code not in aimed)
    return found


def _tags(plan: Plan, action: Action,
          groups: tuple[Group, ...]) -> Iterator[tuple[str, str, tuple[str, ...]]]:
    """(source, reason, characteristic codes) for each tag that reaches the action: a group
    heading's, or a strand code's."""
    for group in groups:
        if group.equality_groups:
            yield "heading", _group_reason(group), group.equality_groups.codes
    if plan.strand_scheme and action.strands:
        for code in action.strands.codes:
            strand = plan.strand_scheme.code(code)
            yield "strand", f"{strand.code} ({strand.label})", strand.maps_to


def _group_reason(group: Group) -> str:
    named = f"{group.level.label} {group.number}" if group.number else group.level.label
    assert group.equality_groups is not None, "asked only of a heading naming equality groups"
    words = group.equality_groups.words or group.title
    return f"In {named.strip()}: “{words}”"


def lead_facet(site: Site) -> Facet:
    """Actions by who leads them, per plan: the same job title in two plans is two people."""
    values: list[FacetValue] = []
    for plan in site.plans:
        values.extend(plan_leads(plan))
    return Facet("lead", "Lead", tuple(values), covered=site.plans)


def plan_leads(plan: Plan) -> list[FacetValue]:
    """One value per lead the plan names (for actions or their activities), A to Z."""
    return _named_values(plan, lambda lead: lead.text)


def department_facet(site: Site) -> Facet | None:
    """Actions by the directorate (or unit) of their leads, where plans record one."""
    values = [v for plan in site.plans
              for v in _named_values(plan, lambda lead: lead.directorate or lead.unit)]
    if not values:
        return None
    covered = {v.plan.id for v in values if v.plan is not None}  # each names its plan
    return Facet("department", "Department", tuple(values),
                 covered=tuple(p for p in site.plans if p.id in covered),
                 not_covered=tuple(p for p in site.plans if p.id not in covered))


def _named_values(plan: Plan, name_of: Callable[[Lead], str | None]) -> list[FacetValue]:
    labels: dict[str, str] = {}
    entries: dict[str, list[Entry]] = defaultdict(list)
    for action, groups in plan.all_actions():
        listed: set[str] = set()  # an action is listed once per name, at its first mention
        for lead, why in _leads_of(action):
            name = name_of(lead)
            if not name:
                continue
            key = lead_key(name)
            labels.setdefault(key, name)
            if key not in listed:
                listed.add(key)
                entries[key].append(Entry(plan, action, groups, why))
    keys = sorted(labels, key=lambda k: (labels[k].casefold(), labels[k]))
    slugs = _unique_slugs(labels[k] for k in keys)
    return [FacetValue(f"{plan.id}/{slug}", labels[key], tuple(entries[key]), plan=plan)
            for key, slug in zip(keys, slugs)]


def _leads_of(action: Action) -> Iterator[tuple[Lead, str | None]]:
    for lead in action.leads:
        yield lead, None
    for number, activity in enumerate(action.activities, start=1):
        for lead in activity.leads:
            yield lead, f"Leads activity {number}"


def lead_key(text: str) -> str:
    """Leads written with different spacing or capitals are the same lead."""
    return " ".join(text.split()).casefold()


def target_year_facet(site: Site) -> Facet:
    """Actions by the year their target date ends (after any revision); undated ones apart."""
    by_year: dict[int | None, list[Entry]] = defaultdict(list)
    for plan, action, groups in _rows(site):
        years = sorted({d.year for d in action.current_due if d.year is not None})
        for year in years if years else [None]:
            why = "Several target years" if len(years) > 1 else None
            by_year[year].append(Entry(plan, action, groups, why))
    values = [FacetValue(str(year), str(year), tuple(by_year[year]))
              for year in sorted(y for y in by_year if y is not None)]
    if by_year[None]:
        values.append(FacetValue("no-date", "No dated target", tuple(by_year[None]),
                                 "Target dates such as \"Ongoing\" or \"As required\", "
                                 "words that name no date the site can place (an event), "
                                 "or none."))
    return Facet("target-year", "Target year", tuple(values), covered=site.plans)


def overdue_facet(site: Site, assessor: Assessor) -> Facet:
    """Only actions the judgement calls late: a status that says not done, target passed."""
    return _verdict_facet(site, assessor, "overdue", VERDICTS["late"].label, "late")


def target_passed_facet(site: Site, assessor: Assessor) -> Facet:
    """Target passed but no status stated: listed apart, never as overdue."""
    return _verdict_facet(site, assessor, "target-passed-no-status",
                          VERDICTS["target_passed_no_status"].label, "target_passed_no_status")


def stale_facet(site: Site, assessor: Assessor) -> Facet:
    # Staleness needs only a date to judge at, not target dates.
    assessed = [p for p in site.plans if assessor.reference(p).assessed]
    return _warning_facet(site, "no-recent-update", "No recent update", assessed,
                          {p.id: reason for p in site.plans
                           if not assessor.reference(p).assessed
                           and (reason := unjudged_reason(assessor.reference(p), [])) is not None},
                          lambda p, a: assessor(p, a).stale_since is not None)


def _verdict_facet(site: Site, assessor: Assessor, key: str, title: str, code: str) -> Facet:
    reasons = {p.id: unjudged_reason(assessor.reference(p),
                                     [assessor(p, a).verdict for a, _ in p.all_actions()])
               for p in site.plans}
    covered = [p for p in site.plans if reasons[p.id] is None]
    return _warning_facet(site, key, title, covered,
                          {k: v for k, v in reasons.items() if v is not None},
                          lambda p, a: assessor(p, a).verdict.code == code)


def _warning_facet(site: Site, key: str, title: str, covered: list[Plan],
                   reasons: dict[str, str], test: Callable[[Plan, Action], bool]) -> Facet:
    ids = {p.id for p in covered}
    entries = tuple(Entry(plan, action, groups) for plan, action, groups in _rows(site)
                    if plan.id in ids and test(plan, action))
    not_covered = tuple(p for p in site.plans if p.id not in ids)
    return Facet(key, title, (FacetValue(key, title, entries),), covered=tuple(covered),
                 not_covered=not_covered, single=True,
                 not_covered_reasons=tuple(reasons[p.id] for p in not_covered))


def site_facets(site: Site, assessor: Assessor) -> SiteFacets:
    department = department_facet(site)
    return SiteFacets(status=status_facet(site), equality_group=characteristic_facet(site),
                      lead=lead_facet(site), target_year=target_year_facet(site),
                      overdue=overdue_facet(site, assessor), stale=stale_facet(site, assessor),
                      target_passed=target_passed_facet(site, assessor),
                      extra=(department,) if department else ())


def _slug(text: str, limit: int = 60) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:limit].rstrip("-") or "item"


def _unique_slugs(labels: Iterable[str]) -> list[str]:
    used: set[str] = set()
    slugs = []
    for label in labels:
        base = slug = _slug(label)
        n = 2
        while slug in used:
            slug, n = f"{base}-{n}", n + 1
        used.add(slug)
        slugs.append(slug)
    return slugs
