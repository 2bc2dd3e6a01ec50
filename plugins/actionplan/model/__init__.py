"""Stage 3: the typed model built from validated data."""

from actionplan.model.build import build_plan
from actionplan.model.dates import FuzzyDate, parse_fuzzy_date
from actionplan.model.entities import Action, Group, Plan, Site, Status, Update

__all__ = ["Action", "FuzzyDate", "Group", "Plan", "Site", "Status", "Update", "build_plan",
           "parse_fuzzy_date"]
