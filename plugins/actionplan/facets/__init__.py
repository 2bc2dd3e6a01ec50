"""Derived views of the model for residents: facets to browse by, slippage and staleness
judged against an explicit reference date, and dashboard counts."""

from actionplan.facets.facets import Entry, Facet, FacetValue, SiteFacets, site_facets
from actionplan.facets.summary import PlanSummary, SiteSummary, plan_summary, site_summary
from actionplan.facets.timing import Assessment, Assessor, Reference, assess, reference_date

__all__ = ["Assessment", "Assessor", "Entry", "Facet", "FacetValue", "PlanSummary", "Reference",
           "SiteFacets", "SiteSummary", "assess", "plan_summary", "reference_date", "site_facets",
           "site_summary"]
