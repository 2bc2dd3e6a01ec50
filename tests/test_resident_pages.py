"""The residents' pages, rendered from the fixture plans: what each page must say."""

from __future__ import annotations

import json
import re
from datetime import date
from html import unescape
from pathlib import Path

import pytest

from actionplan.api import load_site
from actionplan.options import SiteOptions
from actionplan.pages import site_files, site_pages
from actionplan.pages.browse import _sections_by_page
from actionplan.render import Renderer
from actionplan.render.resident import duration_words, file_size, fill_fragments

ROOT = Path(__file__).parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "residents" / "data"


@pytest.fixture(scope="module")
def site():
    return load_site(FIXTURE)[0]


def render_all(site, options=SiteOptions()):
    renderer = Renderer(options=options)
    return {spec.src_uri: (spec, renderer.render(spec))
            for spec in site_pages(site, options=options)}


@pytest.fixture(scope="module")
def pages(site):
    return render_all(site)


BLOCK = (r"</?(?:p|li|ul|ol|dl|dt|dd|div|h[1-6]|table|caption|thead|tbody|tfoot|tr|th|td"
         r"|nav|br)\b[^>]*>")


def text(html: str) -> str:
    """The words a reader sees: blocks apart, inline markup gone, one space between words."""
    spaced = re.sub(BLOCK, " ", html)
    return " ".join(unescape(re.sub(r"<[^>]+>", "", spaced)).split())


def test_every_facet_value_has_a_page_and_only_site_pages_go_in_the_nav(pages):
    uris = set(pages)
    for uri in ["browse/index.md", "browse/status/index.md", "browse/status/completed/index.md",
                "browse/equality-group/disability/index.md",
                "browse/equality-group/socio-economic/index.md",
                "browse/lead/tagged-plan/hr-manager/index.md",
                "browse/department/index.md", "browse/department/tagged-plan/resources/index.md",
                "browse/target-year/2021/index.md", "browse/target-year/no-date/index.md",
                "browse/overdue/index.md", "browse/no-recent-update/index.md",
                "glossary/index.md", "downloads/index.md"]:
        assert uri in uris, uri
    in_nav = sorted(uri for uri, (spec, _) in pages.items()
                    if spec.in_nav and spec.kind not in ("plan", "group"))
    assert in_nav == ["browse/index.md", "downloads/index.md", "glossary/index.md"]


def test_disability_listing_shows_actions_tagged_all_and_names_the_untagged_plan(pages):
    spec, html = pages["browse/equality-group/disability/index.md"]
    words = text(html)
    assert spec.title == "Equality group: Disability"
    # Aimed at the group and "for all groups" are counted and listed apart.
    assert "2 actions aimed at disability, and 1 action for all groups" in words
    assert "Tagged ALL (All Strands)" in words and "Tagged D (Disability)" in words
    assert "Untagged Draft Plan 2019 tags nothing at all: it does not say which equality " \
        "groups any action is for" in words and "That does not mean they are for nobody" in words
    assert "Review disability access" not in words  # not claimed for a group it never named
    for caption in ("Aimed at disability in Example Borough Council: Tagged plan",
                    "For all groups in Example Borough Council: Tagged plan"):
        assert f'<p class="ap-list-caption" data-search-exclude>{caption}</p>' in html
        assert f'<ul class="ap-actions ap-facet-list" aria-label="{caption}"' in html
    assert html.count('<li class="ap-action">') == 3


def test_listing_rows_give_number_title_status_lead_date_and_link(pages):
    _, html = pages["browse/status/in-progress/index.md"]
    row = re.search(r'<li class="ap-action">\s*<p class="ap-action__title"><span '
                    r'class="ap-action__number">1\.1</span>.*?</li>', html, re.S).group(0)
    assert 'href="../../../plans/tagged-plan/actions/late/"' in row
    assert "=Ramps in every library" in row and "In progress" in row
    assert "Head of Libraries" in row and "March 2021" in row
    assert "Overdue" in row  # the warning shows in every list, in words


def test_overdue_page_says_when_each_plan_is_judged_and_which_are_not(pages):
    _, html = pages["browse/overdue/index.md"]
    words = text(html)
    assert "1 action" in words and "=Ramps in every library" in words
    assert "Judged as at 30 June 2021: the date the plan's progress describes (June 2021)" \
        in words
    assert ("Untagged Draft Plan 2019: not assessed. It gives no date its progress describes"
            in words)
    assert '<time datetime="2021-06-30">30 June 2021</time>' in html


def test_stale_page_lists_no_recent_update(pages):
    words = text(pages["browse/no-recent-update/index.md"][1])
    assert "Staff survey by strand" in words and "No update since 15 January 2021" in words
    assert "Hate crime reporting centre" in words and "Community events" not in words


def test_action_page_warns_in_words_and_links_its_json(pages):
    _, html = pages["plans/tagged-plan/actions/late/index.md"]
    words = text(html)
    assert ("Timing: Overdue. The target date, “March 2021”, had passed by 30 June 2021 (the "
            "date the plan's progress describes), and the latest update gives the status “In "
            "progress”.") in words
    assert "Action id late in plan tagged-plan" in words
    assert 'href="action.json"' in html
    assert 'href="../../../../browse/equality-group/disability/"' in html
    stale = text(pages["plans/tagged-plan/actions/silent/index.md"][1])
    assert "No update since 15 January 2021 Progress should be updated every 1 month" in stale
    assert "More from" not in words  # Head of Libraries leads this action only
    quiet = text(pages["plans/tagged-plan/actions/ongoing/index.md"][1])
    assert "More from this lead All 3 actions led by HR Manager" in quiet
    assert 'href="../../../../browse/lead/tagged-plan/hr-manager/"' in pages[
        "plans/tagged-plan/actions/ongoing/index.md"][1]
    assert "Overdue" not in quiet and "No update since" not in quiet


def test_plan_dashboard(pages):
    _, html = pages["plans/tagged-plan/index.md"]
    words = text(html)
    assert "Progress up to: June 2021" in words
    assert "No progress update: 1 of 7 actions (14%)" in words
    assert ("Overdue: 1 action of the 4 actions with a target date that can pass and no "
            "completed, withdrawn or transferred status, judged as at 30 June 2021") in words
    assert "Target passed, no status given: 0 actions" in words
    assert ("Not judged against a date: 1 done, 1 withdrawn or transferred, 1 with no dated "
            "target") in words
    assert "No recent update: 2 actions (expected every 1 month)" in words
    assert "Actions by status in each Equality Objective" in words
    assert re.search(r'EO 1: Fair services.*?</th>\s*<td data-label="Actions">6</td>', html, re.S)
    assert 'style="width: 14.3%"' in html and "14%" in words  # bar and number agree
    assert 'href="../../downloads/plans/tagged-plan.csv"' in html
    untagged = text(pages["plans/untagged-plan/index.md"][1])
    assert "Overdue: not assessed. It gives no date its progress describes" in untagged


def test_status_is_never_colour_alone(pages):
    for uri in ("plans/tagged-plan/index.md", "browse/status/index.md",
                "browse/overdue/index.md"):
        html = pages[uri][1]
        for bar in re.findall(r'<span class="ap-bar"[^>]*>', html):
            assert 'aria-hidden="true"' in bar
        for cell in re.findall(r'<span class="ap-status [^"]*">([^<]*)</span>', html):
            assert cell.strip(), uri


def test_glossary_is_generated_from_the_data(pages):
    words = text(pages["glossary/index.md"][1])
    for phrase in ["Target date revised The target date has been moved. 1 action with this status",
                   "Not started Work on the action has not begun. Transferred",
                   "No update yet No progress update has been published for this action.",
                   "Eliminate discrimination", "Advance equality of opportunity",
                   "Foster good relations", "Sexual orientation",
                   "G Gender including Transgender Sex; Gender reassignment",
                   "ALL All Strands All protected characteristics",
                   "VCS voluntary and community sector (Example Borough Council: Tagged plan)",
                   "CC Community Connections (worked out by the editors) (Example Borough Council: Tagged plan)",
                   "EO Equality Objective (Example Borough Council: Tagged plan)",
                   "expected to update every 3 months"]:
        assert phrase in words, phrase


def test_glossary_states_a_site_wide_as_of_date(site):
    pages = render_all(site, SiteOptions(as_of=date(2026, 11, 1)))
    assert "Every plan on this site is judged as at 1 November 2026" in text(
        pages["glossary/index.md"][1])
    assert "Not assessed" not in text(pages["browse/overdue/index.md"][1])


def test_downloads_page_lists_files_columns_and_licence(site, pages):
    words = text(pages["downloads/index.md"][1])
    assert "Open Government Licence v3.0" in words
    assert "all-plans" not in words  # each plan's files, not repeated in one more
    for name in ["tagged-plan.csv", "untagged-plan.json",
                 "plan-v1.schema.json", "plans-v1.schema.json", "action-v1.schema.json"]:
        assert name in words
    for column in ["uid", "overdue", "no_update_since", "action_json"]:
        assert f"{column} " in words
    assert "8 files in all" in words  # one JSON per action
    sizes = {f.path: len(f.content) for f in site_files(site)}
    assert file_size(sizes["downloads/plans/tagged-plan.csv"]) in words
    custom = render_all(site, SiteOptions(licence_name="CC BY 4.0",
                                          licence_url="https://example.org/by"))
    html = custom["downloads/index.md"][1]
    assert 'href="https://example.org/by">CC BY 4.0</a>' in html


def test_site_files_are_the_downloads_and_schemas(site):
    paths = [f.path for f in site_files(site)]
    assert paths[:4] == ["downloads/plans/tagged-plan.csv", "downloads/plans/tagged-plan.json",
                         "downloads/plans/untagged-plan.csv",
                         "downloads/plans/untagged-plan.json"]
    assert "schema/plan-v1.schema.json" in paths
    assert "plans/tagged-plan/actions/late/action.json" in paths
    assert len(paths) == len(set(paths))


def test_home_page_fragments_link_to_disability_and_overdue(site):
    html = fill_fragments(Renderer(), "<p>x</p><!-- actionplan:find -->"
                          "<!-- actionplan:dashboard -->", "index.md", site)
    assert 'href="browse/equality-group/disability/">Disability</a>' in html
    assert 'href="browse/overdue/">Overdue actions</a>' in html
    assert "<caption>Actions by status, all plans</caption>" in html
    assert "<caption>Progress by plan</caption>" in html
    assert "actionplan:" not in html
    assert fill_fragments(Renderer(), "<p>nothing</p>", "index.md", site) == "<p>nothing</p>"


def test_words_for_durations_and_sizes():
    assert duration_words("P3M") == "3 months" and duration_words("P1Y") == "1 year"
    assert duration_words("P1Y6M") == "1 year and 6 months"
    assert file_size(999) == "999 bytes" and file_size(12_345) == "12 KB"
    assert file_size(1_450_000) == "1.4 MB"


def test_a_known_site_address_makes_page_addresses_and_schema_ids_absolute(site):
    options = SiteOptions(site_url="https://example.org/equality/")
    files = {f.path: f.content for f in site_files(site, options=options)}
    action = json.loads(files["plans/tagged-plan/actions/late/action.json"])
    assert action["page"] == "https://example.org/equality/plans/tagged-plan/actions/late/"
    assert b'"https://example.org/equality/plans/tagged-plan/actions/late/"' in files[
        "downloads/plans/tagged-plan.csv"]
    schema = json.loads(files["schema/plans-v1.schema.json"])
    assert schema["$id"] == "https://example.org/equality/schema/plans-v1.schema.json"
    assert schema["properties"]["plans"]["items"]["$ref"] == "plan-v1.schema.json"
    default = {f.path: f.content for f in site_files(site)}
    assert json.loads(default["plans/tagged-plan/actions/late/action.json"])["page"] == \
        "plans/tagged-plan/actions/late/"


def test_department_pages_say_which_plans_record_departments(pages):
    spec, html = pages["browse/department/tagged-plan/resources/index.md"]
    assert spec.title == "Department: Resources"
    assert "Staff survey by strand" in text(html) and "Accessible website" in text(html)
    index = text(pages["browse/department/index.md"][1])
    assert "Untagged Draft Plan 2019 does not" in index
    assert "Every department, plan by plan (1 department)" in text(pages["browse/index.md"][1])


def _listing_rows(html: str) -> list[str]:
    return re.findall(r'<p class="ap-action__title">.*?<a href="[^"]*">(.*?)</a></p>', html)


def test_a_long_listing_goes_on_over_numbered_pages_with_every_action_once(site, pages):
    small = render_all(site, SiteOptions(page_size=2))
    for src, (spec, html) in pages.items():
        if spec.kind != "facet-listing":
            continue
        numbered = sorted((s for s in small if s == src or s.startswith(
            src.removesuffix("index.md") + "page/")), key=lambda s: (len(s), s))
        rows = [row for s in numbered for row in _listing_rows(small[s][1])]
        assert rows == _listing_rows(html), src  # the same actions, in the same order
        assert all(len(_listing_rows(small[s][1])) <= 2 for s in numbered)
        counts = [small[s][0].context["pagination"].count for s in numbered]
        assert counts == [len(numbered)] * len(numbered)
    assert any("/page/" in s for s in small)


def test_listing_pages_say_where_they_are_and_link_both_ways(site):
    small = render_all(site, SiteOptions(page_size=1))
    first_spec, first = small["browse/status/in-progress/index.md"]
    count = first_spec.context["pagination"].count
    assert count > 1
    second_spec, second = small["browse/status/in-progress/page/2/index.md"]
    assert second_spec.title == f"Status: In progress (page 2 of {count})"
    assert first_spec.title == "Status: In progress"
    assert f"Actions 2 to 2 of {count} (page 2 of {count})." in text(second)
    nav = second.split('<nav class="ap-pagination" aria-label="Pages of this list">', 1)[1]
    assert '<a href="../../" rel="prev">Previous actions</a>' in nav
    assert '<span aria-current="page">Page 2</span>' in nav
    assert 'rel="next"' not in small[f"browse/status/in-progress/page/{count}/index.md"][1]
    assert '<a href="page/2/" rel="next">More actions</a>' in first
    assert "Tagged Equality Plan 2020-2022 (continued)</h2>" in second  # one plan, two pages
    assert "(continued)" not in first


def test_a_plan_split_over_two_pages_is_headed_continued_and_empty_plans_keep_their_place():
    first, second, third = "plan a", "plan b with none", "plan c"
    entries = [object() for _ in range(5)]
    pages = _sections_by_page([(first, tuple(entries[:3])), (second, ()),
                               (third, tuple(entries[3:]))], 2)
    assert [[(s.plan, len(s.entries), s.continued) for s in page] for page in pages] == [
        [(first, 2, False)],
        [(first, 1, True), (second, 0, False), (third, 1, False)],
        [(third, 1, True)]]
    assert [e for page in pages for s in page for e in s.entries] == entries


def test_an_overdue_listing_over_pages_keeps_every_plan_in_order(site):
    small = render_all(site, SiteOptions(page_size=1))
    headings = [re.findall(r"<h2 [^>]*>(.*?)</h2>", small[src][1])
                for src in sorted(small) if src.startswith("browse/overdue/")]
    whole = re.findall(r"<h2 [^>]*>(.*?)</h2>", render_all(site)["browse/overdue/index.md"][1])
    flat = [h.removesuffix(" (continued)") for page in headings for h in page]
    assert list(dict.fromkeys(flat)) == whole  # every plan, in order, "None" ones included


def test_page_size_must_be_a_whole_number_of_one_or_more():
    with pytest.raises(ValueError, match="page_size 0 is not a whole number"):
        SiteOptions(page_size=0)


def test_a_long_index_of_leads_gets_a_page_per_plan_and_keeps_every_lead(site, pages):
    small = render_all(site, SiteOptions(page_size=2))
    leads = lambda html: re.findall(r'<li><a href="[^"]*">(.*?)</a> <span class="ap-count">',
                                    html)
    index_spec, index = small["browse/lead/index.md"]
    plan_pages = sorted(s for s in small if re.fullmatch(r"browse/lead/[^/]+/index\.md", s))
    assert plan_pages == sorted(index_spec.context["plan_indexes"].values())
    assert len(plan_pages) == len(site.plans) and leads(index) == []
    assert sorted(lead for s in plan_pages for lead in leads(small[s][1])) == sorted(
        leads(pages["browse/lead/index.md"][1]))  # every lead, each on its plan's page
    spec, html = small[plan_pages[0]]
    plan = spec.context["facet_plan"]
    assert spec.title == f"Actions by lead in {plan.full_name}"
    assert f'href="{plan_pages[0].split("/")[2]}/"' in index  # linked from the index
    assert '<li><a href="../">Lead</a></li>' in html  # and back, in its breadcrumbs
    lead_page = next(s for s in small if s.startswith(plan_pages[0].removesuffix("index.md"))
                     and s != plan_pages[0])
    assert f'<li><a href="../">{plan.menu_title}</a></li>' in small[lead_page][1]  # back up
    assert "plan_indexes" in pages["browse/lead/index.md"][0].context
    assert pages["browse/lead/index.md"][0].context["plan_indexes"] == {}  # short: one page
