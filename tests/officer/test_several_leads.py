"""Several leads in one Leads cell (issue 18.4): the `leads:` list is the truth; an import
splits a cell on line breaks and ";", and warns where "/" or " and " may join two leads."""

from __future__ import annotations

from actionplan.api import load_site, read_plan_file
from actionplan.facets.facets import plan_leads

from .test_import_problems import good_sheets, imported, workbook

ACTIONS = [["Group id", "Action id", "Action", "Leads"],
           ["objective-1", "1", "One", "AG; ZW"],
           ["objective-1", "2", "Two", "ZW\nDirectors"],
           ["objective-1", "3", "Three", "ZW and Directors"],
           ["objective-1", "4", "Four", "AG/ZW"],
           ["objective-1", "5", "Five", "Head of Policy and Performance"]]


def test_a_lead_cell_splits_on_line_breaks_and_semicolons_and_warns_on_joins(project, run):
    code, out, err = imported(run, workbook("new.xlsx", good_sheets(Actions=ACTIONS)))
    assert (code, err) == (0, ""), err
    warnings = [line for line in out.splitlines() if line.startswith("warning: ")]
    assert warnings == [
        'warning: new.xlsx:Actions:row 4: column D (Leads): The lead "ZW and Directors" may '
        "name 2 leads; each lead is counted apart in the lead index only when written apart. "
        'If it names several, write "ZW; Directors" (or one lead a line, Alt+Enter); if it is '
        "one lead, leave it.",
        'warning: new.xlsx:Actions:row 5: column D (Leads): The lead "AG/ZW" may name 2 leads; '
        "each lead is counted apart in the lead index only when written apart. If it names "
        'several, write "AG; ZW" (or one lead a line, Alt+Enter); if it is one lead, leave it.']
    # "Head of Policy and Performance" is a job title: no warning.
    assert "2 warnings: read the warnings above." in out.splitlines()
    plan, problems = read_plan_file(project / "data" / "plans" / "new-plan.yaml")
    assert problems == []
    leads = {a.id: [lead.text for lead in a.leads] for a, _ in plan.all_actions()}
    assert leads == {"1": ["AG", "ZW"], "2": ["ZW", "Directors"], "3": ["ZW and Directors"],
                     "4": ["AG/ZW"], "5": ["Head of Policy and Performance"]}
    # The lead index counts each lead written apart: ZW leads actions 1 and 2.
    counts = {value.label: len(value.entries) for value in plan_leads(plan)}
    assert counts["ZW"] == 2 and counts["AG"] == 1 and counts["Directors"] == 1


def test_leads_the_plan_already_has_are_not_warned_about_again(project, run):
    assert imported(run, workbook("new.xlsx", good_sheets(Actions=ACTIONS)))[0] == 0
    code, out, err = imported(run, workbook("new.xlsx", good_sheets(Actions=ACTIONS)))
    assert (code, err) == (0, "") and "warning" not in out
    site, _ = load_site(project / "data")
    assert "new-plan" in [p.id for p in site.plans]
