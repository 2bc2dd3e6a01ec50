"""The glossary page: every term the pages use, from the vocabularies and the plans' own keys."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from actionplan.model.entities import Plan, Site
from actionplan.model.vocabulary import (
    CHARACTERISTICS, PSED_AIMS, RAG_RATINGS, STATUS_ORDER, STATUSES, VERDICT_ORDER, VERDICTS,
)
from actionplan.options import SiteOptions
from actionplan.pages.resident_paths import ResidentPaths
from actionplan.pages.page_spec import PageSpec


@dataclass(frozen=True)
class Meaning:
    text: str
    inferred: bool
    plans: tuple[Plan, ...]


@dataclass(frozen=True)
class GlossaryTerm:
    term: str
    meanings: tuple[Meaning, ...]


def abbreviations(site: Site) -> list[GlossaryTerm]:
    """Abbreviations the plans define (and level labels they spell out), A to Z.

    One term can mean different things in different plans ("CC"), so each meaning names
    the plans that use it.
    """
    found: dict[str, dict[tuple[str, bool], list[Plan]]] = defaultdict(lambda: defaultdict(list))
    for plan in site.plans:
        for abbr in plan.abbreviations:
            found[abbr.term][(abbr.meaning, abbr.basis == "inferred")].append(plan)
        for level in plan.levels:
            if level.label_long and level.label_long != level.label:
                found[level.label][(level.label_long, False)].append(plan)
    return [GlossaryTerm(term, tuple(Meaning(text, inferred, tuple(plans))
                                     for (text, inferred), plans in found[term].items()))
            for term in sorted(found, key=lambda t: (t.casefold(), t))]


def _rates(site: Site) -> bool:
    return any(action.officer_rating for plan in site.plans for action, _ in plan.all_actions())


def glossary_page(site: Site, paths: ResidentPaths, options: SiteOptions) -> PageSpec:
    context = {
        "site": site,
        "paths": paths,
        "options": options,
        "statuses": [STATUSES[code] for code in STATUS_ORDER],
        "verdicts": [VERDICTS[code] for code in VERDICT_ORDER],
        "status_counts": Counter(a.status.code for p in site.plans for a, _ in p.all_actions()),
        "characteristics": list(CHARACTERISTICS.values()),
        "psed_aims": list(PSED_AIMS.values()),
        "strand_plans": [p for p in site.plans if p.strand_scheme],
        "abbreviations": abbreviations(site),
        # Explained only on a site whose plans give officers' ratings.
        "ratings": list(RAG_RATINGS.values()) if _rates(site) else [],
    }
    return PageSpec(paths.glossary_page(), "Glossary", "glossary.html", "glossary", context,
                    "What the statuses, equality groups, duty aims, strand codes and "
                    "abbreviations in the plans mean.", in_nav=True)
